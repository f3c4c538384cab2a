from django.urls import path

from launchpad.resumes import views

app_name = "resumes"
urlpatterns = [
    path("", views.resume_list, name="list"),
    path("new/", views.resume_new, name="new"),
    path("import/", views.import_json, name="import_json"),
    path("upload/", views.upload, name="upload"),
    path("uploads/<int:upload_id>/review/", views.upload_review, name="upload_review"),
    path("uploads/<int:upload_id>/file/", views.upload_file, name="upload_file"),
    path("<int:resume_id>/", views.detail, name="detail"),
    path("<int:resume_id>/edit/", views.edit, name="edit"),
    path("<int:resume_id>/delete/", views.delete, name="delete"),
    path("<int:resume_id>/measured/", views.add_measured, name="add_measured"),
    path("<int:resume_id>/versions/<int:number>/", views.version, name="version"),
    path("<int:resume_id>/export/<str:fmt>/", views.export, name="export"),
    path("<int:resume_id>/ats/", views.ats, name="ats"),
    path("<int:resume_id>/match/", views.match, name="match"),
    path("<int:resume_id>/match/<int:job_id>/", views.match_result, name="match_result"),
    path("<int:resume_id>/match/<int:job_id>/tailor/", views.tailor, name="tailor"),
    path("<int:resume_id>/match/<int:job_id>/letter/", views.letter_new, name="letter_new"),
    path("letters/<int:letter_id>/", views.letter, name="letter"),
    path("letters/<int:letter_id>/export/<str:fmt>/", views.letter_export, name="letter_export"),
    path("letters/<int:letter_id>/delete/", views.letter_delete, name="letter_delete"),
]
