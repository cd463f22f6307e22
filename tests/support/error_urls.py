"""A URL configuration with one view that fails, to see what a server error leaves behind."""

from django.urls import path


def broken(request):
    raise RuntimeError("故意的服务器错误 deliberate-failure-7f3a")


urlpatterns = [path("broken/", broken)]

# As the project's URL configuration (config/urls.py) sets it.
handler500 = "config.errors.server_error"
