"""Login lock-out per (user name, address) *and* per address across user names.

django-axes has one ``AXES_FAILURE_LIMIT`` and, with several ``AXES_LOCKOUT_PARAMETERS``,
compares the largest count with it — so a per-address combination would lock a whole
bureau behind one NAT after five typos, and a successful login would wipe every failure
recorded for the address (``AXES_RESET_ON_SUCCESS`` deletes by every parameter), letting an
attacker with one valid account reset the counter. Instead this handler keeps axes'
per-(user name, address) counting with ``AXES_FAILURE_LIMIT`` and adds a second, higher
limit ``AXES_ADDRESS_FAILURE_LIMIT`` on the failures of all user names from one address
within the cool-off time. A success resets only that user's own failures.

Each (user name, address, browser) record counts at most ``AXES_FAILURE_LIMIT`` towards the
address: one user who keeps retrying after their own lock-out must not lock out every
colleague behind the same address.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum, Value
from django.db.models.functions import Least


def address_failure_limit() -> int:
    """Failures from one address, over all user names, before the address is locked."""
    return settings.AXES_ADDRESS_FAILURE_LIMIT


class AddressLimitedDatabaseHandler(AxesDatabaseHandler):
    """The database handler plus the per-address limit."""

    def address_failures(self, request) -> int:
        """Failures recorded for the request's address within the cool-off time."""
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        capped = Least("failures_since_start", Value(settings.AXES_FAILURE_LIMIT))
        return attempts.aggregate(total=Sum(capped))["total"] or 0

    def is_address_locked(self, request) -> bool:
        return (
            # django-axes sets its defaults on settings at run time (True unless configured).
            getattr(settings, "AXES_LOCK_OUT_AT_FAILURE", True)
            and self.address_failures(request) >= address_failure_limit()
        )

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.is_address_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        """Record the failure as axes does, then lock the address if it has too many."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if self.is_whitelisted(request, credentials) or not self.is_address_locked(request):
            return
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )
