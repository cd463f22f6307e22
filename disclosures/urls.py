"""Disclosure URLs: /disclosures/<region>/<year>/<department>/tables/…"""

from django.urls import path

from disclosures import views

app_name = "disclosures"

budget = "disclosures/<str:region>/<int:year>/<str:department>/"

urlpatterns = [
    path("", views.home, name="home"),
    path(f"{budget}tables/", views.tables, name="tables"),
    path(f"{budget}tables/<int:number>/", views.table, name="table"),
]
