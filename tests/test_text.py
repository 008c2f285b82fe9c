"""Diacritic folding and slugs: the basis of stable entity identifiers."""

from __future__ import annotations

import pytest

from graph.text import fold, fold_key, slugify


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Vương Đình Huệ", "Vuong Dinh Hue"),
        ("Vũ Hải Hà", "Vu Hai Ha"),
        ("Hà Nội", "Ha Noi"),
        ("Đỗ", "Do"),
        ("Bui Thanh Son", "Bui Thanh Son"),
        ("Næss Łódź", "Næss Lodz"),
    ],
)
def test_fold_removes_diacritics_and_keeps_case(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_key_ignores_case_and_spacing() -> None:
    assert fold_key("  VƯƠNG   Đình\tHuệ ") == fold_key("vuong dinh hue") == "vuong dinh hue"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Resolution 34-NQ/TW", "resolution-34-nq-tw"),
        ("Vương Đình Huệ", "vuong-dinh-hue"),
        ("Minister of Foreign Affairs", "minister-of-foreign-affairs"),
        ("", "x"),
        ("🇻🇳 ‏<script>", "script"),
        ("\u202e\u0000", "x"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_long_slugs_are_cut_but_stay_distinct_and_stable() -> None:
    common = "major orientations and guidelines for the national party congress foreign policy "
    first, second = slugify(common + "in the new era"), slugify(common + "toward 2045")
    assert first != second
    assert len(first) <= 80 and len(second) <= 80
    assert first == slugify(common + "in the new era")
    assert first.startswith("major-orientations-and-guidelines")
