from django.urls import path

app_name = "goals"
urlpatterns: list = []
