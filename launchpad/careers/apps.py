from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "launchpad.careers"
    label = "careers"
    default_auto_field = "django.db.models.BigAutoField"
