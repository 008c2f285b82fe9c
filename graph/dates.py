"""Dates in news text: "January 9, 2023", "9 January 2023", "on September 15" (article's year)."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"))

_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}(?:,?\s+(?P<year2>\d{{4}}))?)\b"
)


def parse_date(text: str, reference: dt.date | None) -> dt.date | None:
    """The first date in `text`; a date without a year takes the year of `reference`.

    Without a year and without a reference, there is no date (None): a guessed year would be a
    wrong fact.
    """
    match = DATE_PATTERN.search(text)
    if match is None:
        return None
    return date_of_match(match, reference)


def date_of_match(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    month_name = match.group("month") or match.group("month2")
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    month = MONTHS[month_name.lower().rstrip(".")]
    if year_text:
        year = int(year_text)
    elif reference is not None:
        year = reference.year
        # "on December 30" in an article of January 2 is last year's December.
        if month - reference.month > 6:
            year -= 1
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A news site's date line on its own line, with an optional "Last updated:" label, weekday, time
# and time zone: "Tuesday, June 10, 2025 11:26", "November 12, 2025 - 21:35",
# "December 20, 2024 | 21:35 GMT+7", "Last updated: 19:05, 18/05/2025", "29/04/2025 18:20 (GMT+7)".
# Numeric dates are read day first, as Vietnamese sites write them, unless only month first is
# a valid date ("04/29/2025").
_TIME = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
         r"(?:\s*\(?\s*(?:GMT|UTC|ICT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?")
_SEP = r"\s*[-–|,]?\s*"
_DATELINE = re.compile(
    r"^\s*(?:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_TIME}{_SEP})?"
    rf"(?:(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH.replace('month', 'month2')}\s+\d{{4}})"
    r"|(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4}))"
    rf"(?:{_SEP}{_TIME})?"
    r"\s*$", re.IGNORECASE)


def dateline_date(line: str) -> dt.date | None:
    """The publication date of a line that is only a date (with an optional label, weekday,
    time and time zone), as news sites print it above a story; None for any other line."""
    match = _DATELINE.match(line)
    if match is None:
        return None
    if match.group("date"):
        return parse_date(match.group("date"), None)
    first, second, year = (int(match.group(name)) for name in ("first", "second", "year"))
    for day, month in ((first, second), (second, first)):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None
