from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "launchpad.skills"
    label = "skills"
    default_auto_field = "django.db.models.BigAutoField"
