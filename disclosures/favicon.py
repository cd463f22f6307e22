"""``/favicon.ico``: browsers ask for it at the site's root whatever the page links to.

The file is one of the static files (``static/favicon.ico``); it is read once and
served with a day's browser cache, so the request never reaches the 404 handler.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

NAME = "favicon.ico"


@cache
def _icon() -> bytes | None:
    path = finders.find(NAME)
    if path:
        with open(path, "rb") as file:
            return file.read()
    if staticfiles_storage.exists(NAME):  # collected only (no static/ directory)
        with staticfiles_storage.open(NAME) as file:
            return file.read()
    return None


@require_safe
def favicon(request):
    icon = _icon()
    if icon is None:
        raise Http404("没有网站图标。")
    response = HttpResponse(icon, content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
