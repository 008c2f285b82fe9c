"""Dates in news text and the site date line above a story."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.dates import (
    DATE_PATTERN,
    dateline_date,
    issue_date,
    parse_date,
    spans_several_days,
)
from graph.ingest import parse_structure


@pytest.mark.parametrize(("line", "expected"), [
    ("Tuesday, March 3, 2026 09:15", dt.date(2026, 3, 3)),
    ("October 7, 2025 - 14:02", dt.date(2025, 10, 7)),
    ("Friday, 5 December 2025 7:45 GMT+7", dt.date(2025, 12, 5)),
    ("August 30, 2024", dt.date(2024, 8, 30)),
    # numeric dates are day first, as Vietnamese sites print them; labels, zones, separators
    ("Updated: 08:10, 03/07/2026", dt.date(2026, 7, 3)),
    ("Last updated on 22/11/2024 - 06:55", dt.date(2024, 11, 22)),
    ("Monday, 12/01/2026 - 09:30", dt.date(2026, 1, 12)),
    ("15.08.2025 17:40 (GMT+07:00)", dt.date(2025, 8, 15)),
    ("11/27/2025 3:15 PM", dt.date(2025, 11, 27)),  # only month first is a real date
    ("March 2, 2026 | 07:05 GMT+7", dt.date(2026, 3, 2)),
    ("Published: 16:45 UTC, September 9, 2025", dt.date(2025, 9, 9)),
    ("31/02/2026 10:00", None),  # neither order is a real date
    ("Updated daily since 2020", None),
    ("Resolution 57/2024 on science", None),
    # a sentence or a dateline with a place is not a site's date line
    ("The summit opened on March 3, 2026", None),
    ("Hanoi, March 3, 2026", None),
    ("March 3 09:15", None),  # no year: never guessed
    ("Tuesday, February 30, 2026 10:00", None),  # not a real date
    # ISO 8601, RFC 2822, ordinals, year-first numbers, labels and bullets
    ("2026-03-24T17:05:00+07:00", dt.date(2026, 3, 24)),
    ("Sun, 15 Mar 2026 10:45:00 +0700", dt.date(2026, 3, 15)),
    ("Tue, 09 Sep 2025 18:02", dt.date(2025, 9, 9)),
    ("April 16th, 2026 at 14:20", dt.date(2026, 4, 16)),
    ("Tuesday 2nd December 2025, 09:12", dt.date(2025, 12, 2)),
    ("Nov 27th, 2026 • 9:05 AM", dt.date(2026, 11, 27)),
    ("Thu, Oct 23, 2025, 6:05 PM", dt.date(2025, 10, 23)),
    ("2025/10/17 21:03", dt.date(2025, 10, 17)),
    ("2026-06-13 11:40:07", dt.date(2026, 6, 13)),
    ("Update: 22-10-2025 08:40", dt.date(2025, 10, 22)),
    ("Posted on 2026-06-03 at 16:10 ICT", dt.date(2026, 6, 3)),
    ("Last updated 2025-10-31 20:40", dt.date(2025, 10, 31)),
    ("date: 2025-01-14", dt.date(2025, 1, 14)),
    ("Monday 2025-13-01", None),  # year first is always year-month-day
    ("2025 - 2030 plan", None),
    ("Tuesday 2nd December 2025, 09:12 at the summit", None),
])
def test_dateline_date(line, expected):
    assert dateline_date(line) == expected


def test_a_date_line_above_the_headline_dates_the_article_and_is_no_title():
    text = ("Wednesday, January 14, 2026 20:30\n"
            "Vietnam, Peru agree to boost farm trade\n"
            "Ha Noi (VNA) – The two sides signed an agreement on January 13.")
    structure = parse_structure(text)
    assert structure.date == dt.date(2026, 1, 14)
    assert structure.title == "Vietnam, Peru agree to boost farm trade"


def test_a_header_date_wins_over_a_date_line():
    text = ("date 2026-01-15\nWednesday, January 14, 2026 20:30\nHeadline of the story\n"
            "Ha Noi (VNA) – Text of the story goes here.")
    assert parse_structure(text).date == dt.date(2026, 1, 15)


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("on October 31", dt.date(2025, 11, 12), dt.date(2025, 10, 31)),
    ("on December 30", dt.date(2026, 1, 2), dt.date(2025, 12, 30)),
    ("on December 30", None, None),
])
def test_parse_date_takes_the_article_year(text, reference, expected):
    assert parse_date(text, reference) == expected


def test_a_date_marker_under_the_headline_dates_the_article():
    text = ("Vietnam, China hold border talks\n"
            " date 2024-09-20 Delegates at the meeting. (Photo: VNA)\n"
            "Hanoi (VNA) – The meeting took place in Hanoi on September 19, 2024.")
    structure = parse_structure(text)
    assert structure.date == dt.date(2024, 9, 20)
    assert structure.title == "Vietnam, China hold border talks"
    assert "date 2024" not in structure.body


@pytest.mark.parametrize(("text", "reference", "number", "expected"), [
    # the year in the number dates a yearless day
    ("on July 30", dt.date(2026, 3, 1), "215/2025/ND-CP", dt.date(2025, 7, 30)),
    # without one, the latest such day on or before the article's date
    ("on June 14", dt.date(2026, 3, 10), "45-NQ/TW", dt.date(2025, 6, 14)),
    ("on February 5", dt.date(2026, 3, 10), None, dt.date(2026, 2, 5)),
    # a year in the text wins
    ("on June 16, 2022", dt.date(2026, 3, 10), "19/2025/QH15", dt.date(2022, 6, 16)),
    ("on June 16", None, None, None),
    ("no date here", dt.date(2026, 3, 10), None, None),
])
def test_issue_date(text, reference, number, expected):
    assert issue_date(text, reference, number) == expected


@pytest.mark.parametrize(("text", "several"), [
    ("on October 30–31 in Gyeongju", True),
    ("from June 10 to 12", True),
    ("on October 31 and November 1", True),
    ("on June 10-12, 2025", True),
    ("on June 10, 2025, and met", False),
    ("on June 10 and met", False),
    ("on March 3 and 4,000 people came", False),
])
def test_spans_several_days(text, several):
    assert spans_several_days(text, DATE_PATTERN.search(text)) is several
