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

# A month's full name, for patterns that must not take an abbreviation
MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December)")
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}(?:,?\s+(?P<year2>\d{{4}}))?)\b"
)


_DAY_RANGE = re.compile(r"\d\s*[-–]\s*\d")
_SECOND_DAY = re.compile(rf"\s*(?:(?:to|until|till|-|–)\s*\d"
                         rf"|(?:to|until|till|and|-|–)\s*{_MONTH}\s+\d)", re.IGNORECASE)


def spans_several_days(text: str, match: re.Match[str]) -> bool:
    """Whether the date `match` found in `text` opens a span of days ("October 30–31", "June 10
    to 12", "October 31 and November 1"): such an event has no single date."""
    return bool(_DAY_RANGE.search(match.group(0)) or _SECOND_DAY.match(text, match.end()))


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


_NUMBER_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def issue_date(text: str, reference: dt.date | None, number: str | None = None) -> dt.date | None:
    """The date a document was issued, from the first date in `text`.

    A date without a year takes the year in the document's number ("Decree 215/2025/ND-CP ...
    on July 30" is July 30, 2025); without one, the latest such day on or before the article's
    date `reference`: a document is cited after it is issued.
    """
    match = DATE_PATTERN.search(text)
    if match is None:
        return None
    if match.group("year") or match.group("year2"):
        return date_of_match(match, reference)
    number_year = _NUMBER_YEAR.search(number or "")
    if number_year is not None:
        return date_of_match(match, dt.date(int(number_year.group(1)), 12, 31))
    date = date_of_match(match, reference)
    if date is not None and reference is not None and date > reference:
        try:
            return date.replace(year=date.year - 1)
        except ValueError:  # February 29
            return None
    return date


# A news site's date line on its own line, with an optional label ("Last updated:", "Posted on"),
# weekday, time, time zone and separators: "Tuesday, June 10, 2025 11:26", "Nov 27th, 2026 • 9:05
# AM", "Sun, 15 Mar 2026 10:45:00 +0700" (RFC 2822), "2026-03-24T17:05:00+07:00" (ISO 8601),
# "Update: 22-10-2025 08:40", "29/04/2025 18:20 (GMT+7)". Year-first numbers are year-month-day;
# other numeric dates are read day first, as Vietnamese sites write them, unless only month first
# is a valid date ("04/29/2025").
_ORDINAL = r"(?:st|nd|rd|th)?"
_LINE_DATE = re.compile(
    rf"{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<day2>\d{{1,2}}){_ORDINAL}\s+{_MONTH.replace('month', 'month2')},?\s+"
    r"(?P<year2>\d{4})(?!\d)"
    r"|(?<!\d)(?P<iso_year>\d{4})(?P<sep>[-/.])(?P<iso_month>\d{1,2})(?P=sep)(?P<iso_day>\d{1,2})"
    r"(?!\d)"
    r"|(?<!\d)(?P<first>\d{1,2})(?P<sep2>[-/.])(?P<second>\d{1,2})(?P=sep2)(?P<num_year>\d{4})"
    r"(?!\d)",
    re.IGNORECASE)
_LINE_LABEL = re.compile(r"^\s*(?:last\s+)?(?:updated?|published|posted|date)(?:\s+on)?\s*:?",
                         re.IGNORECASE)
# What may stand around the date on such a line: weekdays, times, zones, separators, "at".
_LINE_NOISE = re.compile(
    r"(?:\s+|[,|•·/()\-–—]|\bat\b|T(?=\d)"
    r"|\b(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\b\.?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\b\.?)?"
    r"|\b(?:GMT|UTC|ICT)\b|Z\b|[+-]\s*\d{1,2}(?::?\d{2})?(?!\d))*",
    re.IGNORECASE)


def _only_noise(text: str) -> bool:
    return _LINE_NOISE.fullmatch(text) is not None


def dateline_date(line: str) -> dt.date | None:
    """The publication date of a line that is only a date (with an optional label, weekday,
    time and time zone), as news sites print it above a story; None for any other line."""
    label = _LINE_LABEL.match(line)
    body = line[label.end():] if label else line
    match = _LINE_DATE.search(body)
    if match is None or not (_only_noise(body[:match.start()]) and _only_noise(body[match.end():])):
        return None
    if match.group("iso_year"):
        orders = [(int(match.group("iso_day")), int(match.group("iso_month")))]
        year = int(match.group("iso_year"))
    elif match.group("first"):
        first, second = int(match.group("first")), int(match.group("second"))
        orders, year = [(first, second), (second, first)], int(match.group("num_year"))
    else:
        return date_of_match(match, None)
    for day, month in orders:
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None
