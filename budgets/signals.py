"""Signals of the budget workflow, so that apps built on budgets can take part in it.

``budgets`` does not know what a disclosure is: the ``disclosures`` app connects to these
(``disclosures/apps.py``) to refuse a transition while its checks find errors and to
freeze the publication when a budget is published. Both are sent inside the transition's
``transaction.atomic`` block, so a receiver that raises undoes the whole transition.
"""

from django.dispatch import Signal

# Sent before a transition is recorded: ``budget``, ``user``, ``action`` (TransitionAction).
# A receiver refuses the transition by raising ``ValidationError``.
budget_transition_requested = Signal()

# Sent when a budget has been published: ``budget``, ``user``, ``reason`` (the 更正 reason,
# empty for a first publication). A receiver that raises undoes the publication.
budget_published = Signal()
