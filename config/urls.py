"""URL configuration: the admin (data entry) and the disclosure pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from background.views import healthz
from disclosures.favicon import favicon

admin.site.site_header = "部门预算公开管理系统"
admin.site.site_title = "部门预算公开"
admin.site.index_title = "预算填报与管理"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("disclosures.api_urls")),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("disclosures.urls")),
]

# Database failures answer a Chinese 503 page; anything else the Chinese 500 page.
handler500 = "config.errors.server_error"
