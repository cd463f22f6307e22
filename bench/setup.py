"""Shared start of the bench scripts: a throw-away database, then Django.

SQLite: a temporary file. PostgreSQL (``DATABASE_URL`` set): ``bench_<name>_<script>``
beside the given database, dropped and created again, so that people sharing a server
do not drop each other's benchmark database.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_database_url(script: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import psycopg

    base, _, name = url.rpartition("/")
    bench = f"bench_{name.partition('?')[0]}" + ("" if script == "tables" else f"_{script}")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench}"')
        conn.execute(f'CREATE DATABASE "{bench}"')
    return f"{base}/{bench}"


def django_for_bench(script: str) -> None:
    """Point Django at a fresh bench database and set it up (migrations included)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DATABASE_URL"] = bench_database_url(script)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
