from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "launchpad.jobs"
    label = "jobs"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Job postings"
