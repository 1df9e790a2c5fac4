"""Delete stored conversation events older than the retention period; run it daily (cron).

    cd bot && PYTHONPATH=. ../.venv/bot/bin/python -m serving.retention \
        --endpoints ../build/prod/endpoints.yml --days 30 [--dry-run]

(`make retention DAYS=30` does the same for the stack of `make prod`.) It reads the tracker store
from the endpoints.yml the bot runs with, so it always cleans the database the bot writes to.
The event is the unit: nothing older than --days is kept, not even the first turns of a
conversation that is still going on.
"""
from __future__ import annotations

import argparse
import sys
import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.utils.endpoints import read_endpoint_config

DAY = 24 * 60 * 60


def delete_old_events(engine: sa.engine.Engine, days: float, dry_run: bool = False) -> int:
    """Delete (or with dry_run only count) the events older than `days`; returns how many."""
    events = SQLTrackerStore.SQLEvent.__table__
    old = events.c.timestamp < time.time() - days * DAY  # Rasa stores epoch seconds
    with engine.begin() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(events).where(old)).scalar()
        if not dry_run:
            connection.execute(events.delete().where(old))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", required=True, help="the endpoints.yml the bot runs with")
    parser.add_argument("--days", type=float, required=True, help="keep events of the last DAYS days")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)
    if args.days <= 0:
        parser.error("--days must be more than 0")

    config = read_endpoint_config(args.endpoints, "tracker_store")
    if config is None:
        print("No tracker store is configured: conversations are not stored, nothing to delete.")
        return 0
    options = config.kwargs
    url = SQLTrackerStore.get_db_url(
        options.get("dialect", "sqlite"), config.url, options.get("port"), options.get("db", "rasa.db"),
        options.get("username"), options.get("password"), query=options.get("query"),
    )
    count = delete_old_events(sa.create_engine(url), args.days, args.dry_run)
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {count} conversation event(s) older than {args.days:g} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
