from django.urls import path

from launchpad.interview import views

app_name = "interview"
urlpatterns = [
    path("", views.home, name="home"),
    path("settings/", views.settings_save, name="settings"),
    path("start/", views.start, name="start"),
    path("mock/", views.mock, name="mock"),
    path("sessions/<int:session_id>/", views.session, name="session"),
    path("sessions/<int:session_id>/report/", views.report, name="report"),
    path("sessions/<int:session_id>/report.pdf", views.report_pdf, name="report_pdf"),
    path("sessions/<int:session_id>/delete/", views.session_delete, name="session_delete"),
    path("answers/<int:answer_id>/", views.answer, name="answer"),
    path("answers/<int:answer_id>/submit/", views.answer_submit, name="answer_submit"),
    path("answers/<int:answer_id>/rate/", views.answer_rate, name="answer_rate"),
    path("questions/", views.question_list, name="questions"),
    path("questions/<slug:slug>/", views.question, name="question"),
    path("questions/<slug:slug>/practise/", views.practise_question, name="practise"),
    path("companies/", views.companies, name="companies"),
    path("companies/<int:note_id>/", views.company, name="company"),
    path("companies/<int:note_id>/delete/", views.company_delete, name="company_delete"),
]
