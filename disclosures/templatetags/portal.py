"""Small helpers of the public pages (search highlighting, query strings)."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text: str, query: str):
    """``text`` escaped, with every occurrence of ``query`` wrapped in ``<mark>``."""
    text = text or ""
    if not query:
        return escape(text)
    parts = text.split(query)
    return mark_safe(f"<mark>{escape(query)}</mark>".join(escape(part) for part in parts))


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied (for pager links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()
