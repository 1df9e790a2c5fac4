"""What the home page shows in its season, decided when the site is built.

The Week van de Veiligheid is every year in week 41: from 1 September until the end of that week
the home page points to the page about it, so a shopping street or neighbourhood has time to
organise something. The build date is PW_BUILD_DATE (YYYY-MM-DD) when set, so tests fix it.
"""
from __future__ import annotations

import datetime
import os

from babel.dates import format_interval

WEEK = 41


def build_date() -> datetime.date:
    value = os.environ.get("PW_BUILD_DATE")
    return datetime.date.fromisoformat(value) if value else datetime.date.today()


def week_van_de_veiligheid(year: int) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of ISO week 41 of the year."""
    return datetime.date.fromisocalendar(year, WEEK, 1), datetime.date.fromisocalendar(year, WEEK, 7)


def announcement(today: datetime.date, locale: str) -> str | None:
    """The week's dates in the reader's language ("5–11 oktober") while the home page announces
    it, from 1 September until its Sunday; None the rest of the year."""
    monday, sunday = week_van_de_veiligheid(today.year)
    if not datetime.date(today.year, 9, 1) <= today <= sunday:
        return None
    return format_interval(monday, sunday, "MMMMd", locale=locale)
