"""Disclosure URLs: /disclosures/<region>/<year>/<department>/tables/…"""

from django.urls import path

from disclosures import views
from disclosures.pdf import views as pdf_views

app_name = "disclosures"

budget = "disclosures/<str:region>/<int:year>/<str:department>/"

urlpatterns = [
    path("", views.home, name="home"),
    path(f"{budget}tables/", views.tables, name="tables"),
    path(f"{budget}tables/<int:number>/", views.table, name="table"),
    path(f"{budget}pdf/", pdf_views.document_pdf, name="pdf"),
    path(f"{budget}tables/<int:number>.pdf", pdf_views.table_pdf, name="table_pdf"),
]
