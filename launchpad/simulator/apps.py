from django.apps import AppConfig


class SimulatorConfig(AppConfig):
    name = "launchpad.simulator"
    label = "simulator"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Call simulator"
