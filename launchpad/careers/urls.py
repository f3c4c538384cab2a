from django.urls import path

from launchpad.careers import views

app_name = "careers"
urlpatterns = [
    path("", views.explore, name="explore"),
    path("tracks/<slug:slug>/", views.track_detail, name="track_detail"),
    path("roles/", views.role_list, name="role_list"),
    path("roles/<slug:slug>/", views.role_detail, name="role_detail"),
    path("ladder/", views.ladder, name="ladder"),
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/<slug:slug>/", views.skill_detail, name="skill_detail"),
    path("certifications/", views.certification_list, name="certification_list"),
    path("certifications/<slug:slug>/", views.certification_detail, name="certification_detail"),
    path("industries/", views.industry_list, name="industry_list"),
    path("companies/", views.company_list, name="company_list"),
    path("faq/", views.faq_list, name="faq_list"),
    path("books/", views.book_list, name="book_list"),
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("bpo-vs-kpo/", views.bpo_vs_kpo, name="bpo_vs_kpo"),
    path("shifts-and-well-being/", views.shifts, name="shifts"),
    path("search/", views.search, name="search"),
    path("about-data/", views.about_data, name="about_data"),
]
