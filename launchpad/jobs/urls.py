from django.urls import path

from launchpad.jobs import views
from launchpad.jobs.urls_import import urlpatterns_import

app_name = "jobs"
urlpatterns = [
    path("", views.posting_list, name="list"),
    path("<int:posting_id>/", views.posting_detail, name="posting"),
    path("<int:posting_id>/match/", views.posting_match, name="match"),
    *urlpatterns_import,
]
