"""zh-hans number formats with a thousands separator (2,297.34), which Django's own lacks."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F401,F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
