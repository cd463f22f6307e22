"""Open-data API URLs: /api/disclosures/…"""

from django.urls import path

from disclosures import api

app_name = "api"

urlpatterns = [
    path("disclosures/", api.disclosure_list, name="disclosures"),
    path(
        "disclosures/<str:region>/<int:year>/<str:department>/",
        api.disclosure_detail,
        name="disclosure",
    ),
    path("openapi.json", api.openapi, name="openapi"),
]
