"""Content-Security-Policy: django-csp's middleware, and its default policy built once.

django-csp builds the policy string from the settings on every response (≈25 µs, as much
as the rest of a static file's answer). The stored published pages carry the headers of
the default policy built once per process (``default_csp_headers``) and say so
(``csp_ready``); ``CSPMiddleware`` passes them through and builds the policy for every
other response as django-csp does.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.core.signals import setting_changed
from django.dispatch import receiver


@cache
def default_csp_headers() -> tuple[tuple[str, str], ...]:
    """The headers django-csp sets on a response of a view without CSP decorators or nonce."""
    headers = []
    policy = build_policy()
    if policy:
        headers.append((HEADER, policy))
    report_only = build_policy(report_only=True)
    if report_only:
        headers.append((HEADER_REPORT_ONLY, report_only))
    return tuple(headers)


@cache
def csp_excluded_prefixes() -> tuple[str, ...]:
    """Paths django-csp leaves without a policy (``EXCLUDE_URL_PREFIXES``)."""
    from django.conf import settings

    prefixes: list[str] = []
    for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        policy = getattr(settings, name, None) or {}
        prefixes += policy.get("EXCLUDE_URL_PREFIXES", None) or ()
    return tuple(prefixes)


@receiver(setting_changed)
def _forget_policy(*, setting, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        default_csp_headers.cache_clear()
        csp_excluded_prefixes.cache_clear()


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware; a response whose ``csp_ready`` is true already carries
    ``default_csp_headers`` and is passed through."""

    def process_response(self, request, response):
        if getattr(response, "csp_ready", False):
            return response
        return super().process_response(request, response)
