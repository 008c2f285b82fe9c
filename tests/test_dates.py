"""Dates in news text and the site date line above a story."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.dates import dateline_date, parse_date
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
