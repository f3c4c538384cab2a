from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "launchpad.common"
    label = "common"
