"""URL patterns for importing postings and pasting one; the app's urls.py includes them
(app_name "jobs")."""

from __future__ import annotations

from django.urls import path

from launchpad.jobs import views_import

urlpatterns_import = [
    path("import/", views_import.import_page, name="import"),
    path("import/<int:run_id>/", views_import.import_run, name="import_run"),
    path("paste/", views_import.paste, name="paste"),
]
