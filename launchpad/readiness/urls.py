from django.urls import path

from launchpad.readiness import views

app_name = "readiness"
urlpatterns = [
    path("", views.start, name="start"),
    path("begin/", views.begin, name="begin"),
    path("check/", views.check, name="check"),
    path("check/<slug:step>/", views.step, name="step"),
    path("profile/", views.profile, name="profile"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("plan/", views.plan, name="plan"),
    path("plan/items/<int:item_id>/", views.plan_item, name="plan_item"),
]
