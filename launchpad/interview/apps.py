from django.apps import AppConfig


class InterviewConfig(AppConfig):
    name = "launchpad.interview"
    label = "interview"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Interview coach"
