"""Disclosure URLs: /disclosures/<region>/<year>/<department>/tables/…"""

from django.urls import path

from disclosures import region_views, views
from disclosures.exports import views as export_views
from disclosures.pdf import views as pdf_views

app_name = "disclosures"

budget = "disclosures/<str:region>/<int:year>/<str:department>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("disclosures/", views.search, name="search"),
    # The region page and its downloads (issue 16); a download names its year without a
    # trailing slash, so it never meets the department pattern below.
    path("disclosures/<str:region>/", region_views.region, name="region"),
    path("disclosures/<str:region>/<int:year>.csv", region_views.region_csv, name="region_csv"),
    path("disclosures/<str:region>/<int:year>.xlsx", region_views.region_xlsx, name="region_xlsx"),
    path("disclosures/<str:region>/<str:department>/", views.department, name="department"),
    path(budget, views.disclosure, name="disclosure"),
    path(f"{budget}v<int:version>/", views.disclosure, name="disclosure_version"),
    path(f"{budget}preview/", views.preview, name="preview"),
    path(f"{budget}tables/", views.tables, name="tables"),
    path(f"{budget}tables/<int:number>/", views.table, name="table"),
    path(f"{budget}pdf/", pdf_views.document_pdf, name="pdf"),
    path(f"{budget}tables/<int:number>.pdf", pdf_views.table_pdf, name="table_pdf"),
    path(f"{budget}tables/<int:number>.xlsx", export_views.table_xlsx, name="table_xlsx"),
    path(f"{budget}tables/<int:number>.csv", export_views.table_csv_file, name="table_csv"),
    path(f"{budget}xlsx/", export_views.workbook_xlsx, name="xlsx"),
    path(f"{budget}csv/", export_views.csv_zip, name="csv_zip"),
]
