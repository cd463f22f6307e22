"""Open-data API URLs: /api/disclosures/…"""

from django.urls import path

from disclosures import api, region_views

app_name = "api"

urlpatterns = [
    path("disclosures/", api.disclosure_list, name="disclosures"),
    path(
        "disclosures/<str:region>/<int:year>/<str:department>/",
        api.disclosure_detail,
        name="disclosure",
    ),
    path("regions/<str:region>/<int:year>/", region_views.region_api, name="region"),
    path("openapi.json", api.openapi, name="openapi"),
]
