"""URL configuration: the admin (data entry) and the disclosure pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from disclosures.favicon import favicon

admin.site.site_header = "部门预算公开管理系统"
admin.site.site_title = "部门预算公开"
admin.site.index_title = "预算填报与管理"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include("disclosures.api_urls")),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("disclosures.urls")),
]
