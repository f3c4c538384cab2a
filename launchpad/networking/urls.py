from django.urls import path

from launchpad.networking import views

app_name = "networking"
urlpatterns = [
    path("", views.home, name="home"),
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:contact_id>/", views.contact_detail, name="contact"),
    path("contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path("contacts.csv", views.contacts_csv, name="contacts_csv"),
    path("events/", views.event_list, name="events"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:event_id>/", views.event_detail, name="event"),
    path("events/<int:event_id>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:event_id>.ics", views.event_ics, name="event_ics"),
    path("follow-ups/new/", views.follow_up_create, name="follow_up_create"),
    path("follow-ups/<int:follow_up_id>/done/", views.follow_up_done, name="follow_up_done"),
    path("follow-ups/<int:follow_up_id>/reopen/", views.follow_up_reopen, name="follow_up_reopen"),
    path("follow-ups/<int:follow_up_id>/delete/", views.follow_up_delete, name="follow_up_delete"),
    path("follow-ups/<int:follow_up_id>.ics", views.follow_up_ics, name="follow_up_ics"),
    path(
        "applications/<int:application_id>/interview.ics",
        views.interview_ics,
        name="interview_ics",
    ),
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar.ics", views.calendar_download, name="calendar_download"),
]
