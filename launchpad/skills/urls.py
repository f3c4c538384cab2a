from django.urls import path

from launchpad.skills import views

app_name = "skills"
urlpatterns = [
    path("", views.lab, name="lab"),
    path("typing/", views.typing_start, name="typing_start"),
    path("typing/history/", views.typing_history, name="typing_history"),
    path("typing/<int:attempt_id>/", views.typing_attempt, name="typing_attempt"),
    path("typing/<int:attempt_id>/submit/", views.typing_submit, name="typing_submit"),
    path("typing/<int:attempt_id>/drill/", views.typing_drill, name="typing_drill"),
    path("data-entry/", views.data_entry_start, name="data_entry_start"),
    path("data-entry/<int:attempt_id>/", views.data_entry_attempt, name="data_entry_attempt"),
    path("data-entry/<int:attempt_id>/drill/", views.data_entry_drill, name="data_entry_drill"),
    path("tests/<slug:test>/", views.quiz_start, name="quiz_start"),
    path("attempts/<int:attempt_id>/", views.quiz_attempt, name="quiz_attempt"),
    path("reply/", views.reply_start, name="reply_start"),
    path("reply/<int:attempt_id>/", views.reply_attempt, name="reply_attempt"),
]
