"""``/healthz``: database and queue health for a load balancer (JSON, no login, no cache)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from background.selectors import health


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers and the queue is worked; 503 otherwise."""
    report = health()
    status = 200 if report["status"] == "ok" else 503
    return JsonResponse(report, status=status, json_dumps_params={"ensure_ascii": False})
