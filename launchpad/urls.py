from django.contrib import admin
from django.urls import include, path

from launchpad.api import api
from launchpad.common import views as common_views

urlpatterns = [
    path("", common_views.home, name="home"),
    path("healthz", common_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("launchpad.accounts.urls")),
    path("explore/", include("launchpad.careers.urls")),
    path("goals/", include("launchpad.goals.urls")),
    path("skills/", include("launchpad.skills.urls")),
    path("readiness/", include("launchpad.readiness.urls")),
    path("resumes/", include("launchpad.resumes.urls")),
    path("interview/", include("launchpad.interview.urls")),
    path("jobs/", include("launchpad.jobs.urls")),
    path("applications/", include("launchpad.applications.urls")),
    path("network/", include("launchpad.networking.urls")),
    path("simulator/", include("launchpad.simulator.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

handler404 = "launchpad.common.views.not_found"
handler500 = "launchpad.common.views.server_error"
