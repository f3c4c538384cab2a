from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "launchpad.applications"
    label = "applications"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Application tracker"
