"""The demo budgets, loaded by ``load_demo`` once per test process and copied into each test.

``load_demo`` takes about a second (TOML, ~360 rows with their history, then rendering every
table to publish). A test that asks for the demo budgets gets exactly the rows ``load_demo``
wrote, inserted again by ``bulk_create`` inside the test's own transaction (a few hundredths
of a second), so each test still starts from a fresh copy and may change it: the rollback at
its end removes the copy. ``tests/test_demo_snapshot.py`` checks that a copy and a real
``load_demo`` leave every table the same.

A snapshot is every row that ``load_demo`` inserted (rows with a primary key above the
largest one before it ran, or not there before, in every table); ``load_demo`` changes no row that was there
before (the check above would fail).
"""

import io
from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction

BUDGETS = {
    "000": ("410702", 2022),
    "001": ("411200", 2023),
    "002": ("420323", 2022),
    "003": ("130609", 2024),
}


def _models() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy]


def _integer_pk(model: type[models.Model]) -> bool:
    return isinstance(model._meta.pk, models.AutoField)


def _existing() -> dict[type[models.Model], object]:
    """Per model the largest integer key, or the set of keys where they are not numbers."""
    return {
        m: m._base_manager.aggregate(top=models.Max("pk"))["top"]
        if _integer_pk(m)
        else set(m._base_manager.values_list("pk", flat=True))
        for m in _models()
    }


@dataclass
class Snapshot:
    """The rows one ``load_demo`` run inserted, model by model, and the budgets' keys.

    ``fingerprint`` is the count and key range of each table (``referenced``) whose rows the
    copied rows point to but that ``load_demo`` did not write (the catalogues): a test that
    reloaded the catalogues under new keys makes the snapshot stale, and it is taken again.
    """

    rows: dict[type[models.Model], list[models.Model]]
    budget_pks: dict[str, int]
    referenced: list[type[models.Model]]
    fingerprint: tuple

    def fresh(self) -> bool:
        return _fingerprint(self.referenced) == self.fingerprint

    def restore(self) -> dict:
        """Insert the rows again (in the caller's transaction) and return the budgets."""
        from budgets.models import Budget

        with transaction.atomic():  # one commit when the caller is not in a transaction
            for model, objects in self.rows.items():
                for obj in objects:
                    obj._state.adding = True
                model._base_manager.bulk_create(objects)
            if connection.vendor == "postgresql":
                _sequences_past(self.rows)
        budgets = Budget.objects.in_bulk(self.budget_pks.values())
        return {key: budgets[pk] for key, pk in self.budget_pks.items()}


def _referenced(rows) -> list[type[models.Model]]:
    """The models of rows that the copied rows point to but that are not copied themselves."""
    own = {model: {o.pk for o in objects} for model, objects in rows.items()}
    found = set()
    for model, objects in rows.items():
        for field in model._meta.concrete_fields:
            if not field.is_relation or field.related_model in found:
                continue
            target = field.related_model
            values = {getattr(o, field.attname) for o in objects} - {None}
            if values - own.get(target, set()):
                found.add(target)
    return sorted(found, key=lambda m: m._meta.db_table)


def _fingerprint(tables: list[type[models.Model]]) -> tuple:
    """Count, smallest and largest key of each table, in one query."""
    quote = connection.ops.quote_name
    parts = []
    for model in tables:
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        parts += [f"(SELECT {f}({pk}) FROM {table})" for f in ("COUNT", "MIN", "MAX")]
    if not parts:
        return ()
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


def _sequences_past(rows: dict[type[models.Model], list[models.Model]]) -> None:
    """Keep PostgreSQL's sequences beyond the copied keys (they normally are already: the
    snapshot's keys were drawn from them), never moving one back."""
    parts, params = [], []
    for model, objects in rows.items():
        pk = model._meta.pk
        if not _integer_pk(model):
            continue
        parts.append(
            "setval(pg_get_serial_sequence(%s, %s), "
            "GREATEST(%s, nextval(pg_get_serial_sequence(%s, %s))))"
        )
        table, column = model._meta.db_table, pk.column
        params += [table, column, max(o.pk for o in objects), table, column]
    if parts:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)


def demo_load(*options: str) -> dict:
    """Run ``load_demo`` for real and return the three demo budgets by example number."""
    from budgets.models import Budget

    call_command("load_demo", *options, verbosity=0, stdout=io.StringIO())
    return {
        key: Budget.objects.get(department__region__code=region, fiscal_year__year=year)
        for key, (region, year) in BUDGETS.items()
    }


def snapshot_take(*options: str) -> Snapshot:
    """Run ``load_demo`` in a transaction that is rolled back, keeping what it inserted."""
    with transaction.atomic():
        before = _existing()
        budgets = demo_load(*options)
        rows = {}
        for model, old in before.items():
            inserted = model._base_manager.order_by("pk")
            if isinstance(old, set):
                inserted = inserted.exclude(pk__in=old)
            elif old is not None:
                inserted = inserted.filter(pk__gt=old)
            if objects := list(inserted):
                rows[model] = objects
        transaction.set_rollback(True)
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        _sqlite_sequences_past(rows)
    referenced = _referenced(rows)
    pks = {key: b.pk for key, b in budgets.items()}
    return Snapshot(rows, pks, referenced, _fingerprint(referenced))


def _sqlite_sequences_past(rows) -> None:
    """SQLite hands the rolled-back keys out again: move its counters past the snapshot's
    (committed, outside any test), so rows a test makes before its copy never collide."""
    with connection.cursor() as cursor:
        for model, objects in rows.items():
            if _integer_pk(model):
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s",
                    [max(o.pk for o in objects), model._meta.db_table],
                )


class Snapshots:
    """One snapshot per set of ``load_demo`` options, taken again when stale."""

    def __init__(self) -> None:
        self.taken: dict[tuple[str, ...], Snapshot] = {}

    def get(self, *options: str) -> Snapshot:
        snapshot = self.taken.get(options)
        if snapshot is None or not snapshot.fresh():
            snapshot = self.taken[options] = snapshot_take(*options)
        return snapshot
