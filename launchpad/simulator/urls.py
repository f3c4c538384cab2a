from django.urls import path

from launchpad.simulator import views

app_name = "simulator"
urlpatterns = [
    path("", views.home, name="home"),
    path("scenarios/<slug:slug>/", views.scenario, name="scenario"),
    path("scenarios/<slug:slug>/start/", views.start, name="start"),
    path("multi/start/", views.multi_start, name="multi_start"),
    path("multi/<slug:group>/", views.multi, name="multi"),
    path("runs/<int:run_id>/", views.run, name="run"),
    path("runs/<int:run_id>/say/", views.say, name="say"),
    path("runs/<int:run_id>/end/", views.end, name="end"),
    path("runs/<int:run_id>/result/", views.result, name="result"),
    path("runs/<int:run_id>/delete/", views.run_delete, name="delete"),
]
