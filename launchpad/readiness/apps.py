from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "launchpad.readiness"
    label = "readiness"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Readiness"
