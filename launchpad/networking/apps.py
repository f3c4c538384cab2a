from django.apps import AppConfig


class NetworkingConfig(AppConfig):
    name = "launchpad.networking"
    label = "networking"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Networking"
