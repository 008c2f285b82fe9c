"""Ingest: decoding policy, cleaning, structure (date, title, dateline, publisher), skipping."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from graph import ingest
from graph.errors import InputNotFoundError
from graph.ingest import (
    clean_text,
    decode,
    discover,
    match_dateline,
    parse_article,
    parse_structure,
    read_article,
    read_articles,
    strip_html,
)
from graph.model import Article, Skipped

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = (
    "Deputy Prime Minister Bui Thanh Son received the Ambassador of Japan in Hanoi on March 3. "
    "The two sides agreed to strengthen cooperation in trade, investment and culture, and to "
    "prepare for the visit of a delegation from the parliament of Japan later in the year."
)


# --- the committed bad-input corpus ------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "reason_part"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "only whitespace"),
        ("binary.txt", "binary file"),
        ("pdf_named_txt.txt", "PDF"),
        ("header_only.txt", "no article text after the date line"),
        ("vietnamese.txt", "does not look like English"),
    ],
)
def test_unusable_inputs_are_skipped_with_a_reason(name: str, reason_part: str) -> None:
    result = read_article(BAD_INPUTS / name)
    assert isinstance(result, Skipped)
    assert reason_part in result.reason
    assert result.source.endswith(name)
    assert "\n" not in result.reason


@pytest.mark.parametrize(
    ("name", "title", "date", "warning_part"),
    [
        ("good.txt", "Minister receives Japanese Ambassador", dt.date(2024, 3, 3), None),
        ("latin1.txt", "Café diplomacy", dt.date(2024, 3, 5), "read as Windows-1252"),
        ("utf16_bom.txt", "Foreign ministers meet in Hanoi", dt.date(2024, 3, 6), None),
        ("crlf.txt", "Ministers discuss trade", dt.date(2024, 3, 7), None),
        ("bad_date.txt", "Talks in Hanoi", None, "not a real date"),
        ("control_chars.txt", "Talks in Hanoi", dt.date(2024, 3, 9), "control character"),
        ("page.html", "Vietnam and Laos agree to boost & deepen ties", None, "HTML markup removed"),
    ],
)
def test_readable_inputs(name: str, title: str, date: dt.date | None,
                         warning_part: str | None) -> None:
    article = read_article(BAD_INPUTS / name)
    assert isinstance(article, Article), article
    assert article.source == name
    assert article.title == title
    assert article.date == date
    assert article.publisher == "Vietnam News Agency"
    if warning_part is None:
        assert article.warnings == ()
    else:
        assert any(warning_part in warning for warning in article.warnings), article.warnings
    assert "\r" not in article.text
    assert article.content_hash == hashlib.sha256((BAD_INPUTS / name).read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        ("good.txt", ()),
        ("latin1.txt", ()),  # a warning, not a note: characters may be wrong
        ("utf16_bom.txt", ("read as UTF-16 (byte-order mark)",)),
        ("crlf.txt", ("Windows or old Mac line endings (CR) normalised to LF",)),
    ],
)
def test_inputs_read_losslessly_but_unusually_get_a_note_not_a_warning(
    name: str, notes: tuple[str, ...]
) -> None:
    article = read_article(BAD_INPUTS / name)
    assert isinstance(article, Article), article
    assert article.notes == notes


def test_latin1_text_is_decoded_correctly() -> None:
    article = read_article(BAD_INPUTS / "latin1.txt")
    assert isinstance(article, Article)
    assert "communiqué" in article.text
    assert "à la française" in article.text


def test_html_keeps_visible_text_only() -> None:
    article = read_article(BAD_INPUTS / "page.html")
    assert isinstance(article, Article)
    assert article.text.startswith("Prime Minister Pham Minh Chinh held talks")
    for hidden in ("<", "color: red", "not text", "Home", "Copyright", "Ignored page title"):
        assert hidden not in article.text


def test_duplicates_are_skipped_and_name_the_first_copy() -> None:
    paths = [BAD_INPUTS / "duplicate_a.txt", BAD_INPUTS / "duplicate_b.txt"]
    first, second = read_articles(paths)
    assert isinstance(first, Article)
    assert isinstance(second, Skipped)
    assert second.reason == f"duplicate of {paths[0]}"


def test_same_text_in_another_encoding_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes((STORY + "\r\n").encode("utf-16"))
    results = list(read_articles([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Skipped)
    assert "duplicate of" in results[1].reason


def test_same_article_identifier_is_refused(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "news.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two" / "news.txt").write_text(STORY.replace("Japan", "Korea"), encoding="utf-8")
    results = list(read_articles([tmp_path / "one" / "news.txt", tmp_path / "two" / "news.txt"]))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Skipped)
    assert "same article identifier 'news'" in results[1].reason


def test_one_result_per_path_in_order() -> None:
    files, _ = discover([BAD_INPUTS])
    results = list(read_articles(files))
    assert len(results) == len(files)
    for path, result in zip(files, results, strict=True):
        if isinstance(result, Skipped):
            assert result.source == str(path)
        else:
            assert result.source == path.name


def test_read_articles_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    stream = read_articles([tmp_path / "a.txt", tmp_path / "missing.txt"])
    assert isinstance(next(stream), Article)  # the missing file is not touched yet
    result = next(stream)
    assert isinstance(result, Skipped)
    assert "cannot be read" in result.reason


# --- very large inputs (generated, never committed) -------------------------------------------

def test_oversized_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = (STORY + "\n").encode()
    with big.open("wb") as handle:
        for _ in range(ingest.MAX_FILE_BYTES // len(line) + 10):
            handle.write(line)
    result = read_article(big)
    assert isinstance(result, Skipped)
    assert result.reason.startswith("too large (")
    assert "split it into one file per article" in result.reason


def test_text_longer_than_the_model_accepts_is_skipped(tmp_path: Path) -> None:
    long_file = tmp_path / "long.txt"
    repeats = ingest.MAX_ARTICLE_CHARS // len(STORY) + 10
    long_file.write_text("\n".join([STORY] * repeats), encoding="utf-8")
    assert long_file.stat().st_size < ingest.MAX_FILE_BYTES
    result = read_article(long_file)
    assert isinstance(result, Skipped)
    assert result.reason.startswith("too long (")


# --- decoding ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "encoding", "warned"),
    [
        ("Hà Nội".encode(), "UTF-8", False),
        (b"\xef\xbb\xbf" + "Hà Nội".encode(), "UTF-8", False),
        ("Hà Nội".encode("utf-16"), "UTF-16", False),
        (b"\xfe\xff" + "Hà Nội".encode("utf-16-be"), "UTF-16", False),
        ("Hà Nội".encode("utf-32"), "UTF-32", False),
        ("Ha Noi, Viet Nam".encode("utf-16-le"), "UTF-16", True),  # no BOM: sniffed
        ("café – “quoted”".encode("cp1252"), "Windows-1252", True),
        # 0x81 is undefined in Windows-1252
        (b"caf\xe9 au lait, the \x81 byte is unknown", "Latin-1", True),
    ],
)
def test_decoding_policy(raw: bytes, encoding: str, warned: bool) -> None:
    decoded = decode(raw)
    assert decoded.encoding == encoding
    assert bool(decoded.warnings) is warned
    assert "\ufeff" not in decoded.text


@pytest.mark.parametrize(
    "raw",
    [
        b"\x00\x01\x02\x03binary",
        b"\x89PNG\r\n\x1a\n....",
        b"PK\x03\x04zip",
        bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0e, 0x0f, 0x10, 0x11, 0x12]) * 20 + b"\xff",
        b"\xff\xfe\x00\xd8",  # UTF-16 BOM then a lone surrogate
    ],
)
def test_binary_and_broken_inputs_are_rejected(raw: bytes) -> None:
    with pytest.raises(ingest._Rejected):
        parse_article(raw, "x.txt")


# --- cleaning -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("a\r\nb\rc\n", "a\nb\nc", 0),
        ("Vu\u0303 Ha\u0309i Ha\u0300", "Vũ Hải Hà", 0),  # NFC
        ("bell\x07 escape\x1b del\x7f c1\x85x", "bell escape del c1\nx", 3),
        ("bom\ufeff nonchar\ufffe\uffff", "bom nonchar", 3),
        ("tab\there", "tab here", 0),
        ("rtl \u200f mark and emoji 🇻🇳 kept", "rtl \u200f mark and emoji 🇻🇳 kept", 0),
    ],
)
def test_clean_text(text: str, expected: str, removed: int) -> None:
    assert clean_text(text) == (expected, removed)


def test_the_fast_unsafe_character_class_is_the_readable_rule() -> None:
    """`clean_text` removes characters with one regular expression; it must agree with
    `_is_unsafe_char` on every code point."""
    unsafe = ingest._UNSAFE_CHARS
    disagree = [hex(code) for code in range(0x110000)
                if bool(unsafe.fullmatch(chr(code))) != ingest._is_unsafe_char(chr(code))]
    assert disagree == []


def test_every_unsafe_character_is_unprintable() -> None:
    """`clean_text` leaves text printable but for its line breaks unscanned: that is only right
    while `str.isprintable` refuses every character the rule removes."""
    printable = [hex(code) for code in range(0x110000)
                 if ingest._is_unsafe_char(chr(code)) and chr(code).isprintable()]
    assert printable == []


@pytest.mark.parametrize(("code", "publisher"), [("VNA", "VNA"), ("vna", "VNA"), ("XYZ", "XYZ")])
def test_publisher_codes_are_matched_without_case(code: str, publisher: str) -> None:
    expected = ingest.publishers().get(publisher, publisher)
    assert ingest._publisher_name(code) == expected


def test_strip_html_prefers_h1_and_drops_scripts() -> None:
    text, title = strip_html(
        "<html><head><title>Site | Story</title><script>alert(1)</script></head>"
        "<body><h1>Story &amp; more</h1><p>First.</p><p>Second &lt;b&gt;</p></body></html>"
    )
    assert title == "Story & more"
    assert [line for line in text.split("\n") if line.strip()] == ["First.", "Second <b>"]


def test_strip_html_falls_back_to_title() -> None:
    _, title = strip_html("<html><head><title> Only  title </title></head><body>x</body></html>")
    assert title == "Only title"


# --- structure ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("Hanoi (VNA) – The minister said.", "Hanoi", "VNA", "The minister said."),
        ("HÀ NỘI, VIETNAM, February 12 - Chairman Hà said.", "HÀ NỘI, VIETNAM", None,
         "Chairman Hà said."),
        ("HANOI, Feb 12 (Reuters) - Vietnam said.", "HANOI", "Reuters", "Vietnam said."),
        ("HÀ NỘI — The NA met.", "HÀ NỘI", None, "The NA met."),
        ("Ho Chi Minh City (VNA) — Officials met.", "Ho Chi Minh City", "VNA", "Officials met."),
    ],
)
def test_dateline(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    dateline = match_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, paragraph[dateline.end:]) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Party chief - the top leader - spoke.",  # dash inside a sentence, not a dateline
        "Vietnam and Laos - a special relationship",
        "The meeting (VNA) was held.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


def test_header_with_section_label_and_headline() -> None:
    structure = parse_structure(
        " date 2023-12-21 Making news\nPresident meets envoys\n" + STORY + "./."
    )
    assert structure.date == dt.date(2023, 12, 21)
    assert structure.title == "President meets envoys"
    assert structure.body.startswith("Deputy Prime Minister")
    assert "Making news" not in structure.body
    assert not structure.body.endswith("./.")


def test_header_text_that_is_a_dateline_stays_in_the_body() -> None:
    structure = parse_structure(
        " date 2024-02-12 HÀ NỘI, VIETNAM, February 12 - Chairman Hà spoke.\n\n"
        "He said more. VNA/VNS"
    )
    assert structure.title is None
    assert structure.body == "Chairman Hà spoke.\n\nHe said more."
    assert structure.publisher == "Việt Nam News"  # the last code of the sign-off published it


def test_header_text_that_is_a_photo_caption_stays_in_the_body_without_credit() -> None:
    structure = parse_structure(
        " date 2023-12-21 Chairman Hue and delegates. (Photo: VNA)\n\nHanoi (VNA) – " + STORY
    )
    assert structure.title is None
    assert structure.body.split("\n\n")[0] == "Chairman Hue and delegates."
    assert structure.publisher == "Vietnam News Agency"


def test_no_header_no_title() -> None:
    structure = parse_structure(STORY)
    assert (structure.date, structure.title, structure.publisher) == (None, None, None)
    assert structure.body == STORY


def test_unknown_agency_code_is_kept_as_written() -> None:
    structure = parse_structure("Bangkok (TNA) – " + STORY)
    assert structure.publisher == "TNA"


# --- discovery ------------------------------------------------------------------------------------

def test_discover_reads_articles_and_reports_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.TXT").write_text(STORY, encoding="utf-8")
    files, ignored = discover([tmp_path, tmp_path / "b.txt"])
    assert [path.relative_to(tmp_path).as_posix() for path in files] == [
        "a.html", "b.txt", "sub/c.TXT",
    ]
    assert [(Path(item.source).name, item.reason) for item in ignored] == [
        ("notes.docx", "not an article file (.txt or .html)"),
    ]


def test_discover_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="input not found"):
        discover([tmp_path / "nope"])


def test_seeds_are_read_with_dates_titles_and_publishers() -> None:
    files, ignored = discover([SEEDS])
    articles = list(read_articles(files))
    assert ignored == []
    assert all(isinstance(article, Article) for article in articles)
    by_source = {article.source: article for article in articles}
    assert by_source["000_7c6c62d317df8981.txt"].date == dt.date(2023, 12, 21)
    assert by_source["002_98bcb797aabde573.txt"].date == dt.date(2024, 2, 12)
    assert by_source["003_01dc4fdb0e13d367.txt"].date is None
    assert by_source["001_8b96cf14c2c45e38.txt"].title == (
        "President meets chiefs of Vietnamese representative offices abroad"
    )
    assert by_source["004_5354c35434218264.txt"].title.startswith("Party chief orders")
    assert by_source["002_98bcb797aabde573.txt"].publisher == "Việt Nam News"
    assert by_source["003_01dc4fdb0e13d367.txt"].publisher == "Vietnam News Agency"
    for article in articles:
        assert article.warnings == ()
        assert "(VNA) –" not in article.text[:200]
        assert "./." not in article.text
        assert not article.text.startswith(" date")


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Tuesday, June 10, 2025 11:26", dt.date(2025, 6, 10)),
        ("November 12, 2025 - 21:35", dt.date(2025, 11, 12)),
        ("Friday, 3 October 2025", dt.date(2025, 10, 3)),
    ],
)
def test_site_date_line_dates_the_story_and_is_not_its_title(date_line: str,
                                                             expected: dt.date) -> None:
    structure = parse_structure(f"{date_line}\nPresident meets envoys\nHanoi (VNA) – " + STORY)
    assert structure.date == expected
    assert structure.title == "President meets envoys"


def test_date_header_wins_over_a_site_date_line() -> None:
    structure = parse_structure(
        " date 2023-12-21 Making news\nMonday, December 18, 2023 09:00\nPresident meets envoys\n"
        + STORY)
    assert structure.date == dt.date(2023, 12, 21)
    assert structure.title == "President meets envoys"


def test_headline_that_mentions_a_date_is_still_the_title() -> None:
    structure = parse_structure("Talks set for June 10, 2025 in Hanoi\nHanoi (VNA) – " + STORY)
    assert structure.date is None
    assert structure.title == "Talks set for June 10, 2025 in Hanoi"
