"""The project's URLs with the networking app mounted where the lead mounts it ("network/"),
for testing the views before (and after) the project's urls.py includes them."""

from django.urls import include, path

from launchpad import urls as project

urlpatterns = list(project.urlpatterns)
if not any(getattr(p, "namespace", None) == "networking" for p in urlpatterns):
    urlpatterns.append(path("network/", include("launchpad.networking.urls")))

handler404 = project.handler404
handler500 = project.handler500
