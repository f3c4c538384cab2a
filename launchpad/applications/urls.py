from django.urls import path

from launchpad.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.board, name="board"),
    path("list/", views.application_list, name="list"),
    path("new/", views.new, name="new"),
    path("offers/", views.offers, name="offers"),
    path("funnel/", views.funnel, name="funnel"),
    path("export.csv", views.export, name="export"),
    path("from-posting/<int:posting_id>/", views.from_posting, name="from_posting"),
    path("<int:application_id>/", views.detail, name="detail"),
    path("<int:application_id>/move/", views.move, name="move"),
    path("<int:application_id>/undo/", views.undo, name="undo"),
    path("<int:application_id>/edit/", views.edit, name="edit"),
    path("<int:application_id>/documents/", views.documents, name="documents"),
    path("<int:application_id>/offer/", views.offer, name="offer"),
    path("<int:application_id>/delete/", views.delete, name="delete"),
]
