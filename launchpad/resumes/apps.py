from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "launchpad.resumes"
    label = "resumes"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Resume studio"
