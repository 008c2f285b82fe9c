"""Ingest: input paths -> Article (decoded, cleaned, with date/title/publisher) or Skipped.

Policy (documented for users in docs/input-format.md and docs/robustness.md):
- decoding: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise strict UTF-8; otherwise
  Windows-1252, then Latin-1, each with a warning. Binary files are skipped.
- cleaning: HTML markup stripped (with a warning), line breaks normalised to LF, Unicode NFC,
  characters that RDF serialisations cannot carry (control characters, noncharacters) removed.
- structure: an optional first line `date YYYY-MM-DD [text]`, a headline (short leading lines
  without final punctuation; the last one is the title, earlier ones are section labels),
  a dateline ("Hanoi (VNA) –", "HÀ NỘI, VIETNAM, February 12 -") that is removed from the
  text and may name the publisher, and agency sign-offs ("./.", "VNA/VNS").
- each input gives exactly one result, in input order; duplicates (same bytes or same cleaned
  text) and non-English or oversized inputs are skipped with a reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from graph.dates import dateline_date
from graph.errors import InputNotFoundError
from graph.model import Article, Skipped
from graph.vocab import REFERENCE_DIR

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's default nlp.max_length
PUBLISHERS_FILE = REFERENCE_DIR / "publishers.json"

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05

# English function words: a text where they are rare is not English (the model reads English).
_ENGLISH_FUNCTION_WORDS = (
    "the of and to in a is that for on with as by at from it was be are has have said will"
    " this an its which were been their not or but also he she they his her who"
)
_ENGLISH_WORDS = frozenset(_ENGLISH_FUNCTION_WORDS.split())
_MIN_WORDS_FOR_LANGUAGE = 30
_MIN_ENGLISH_RATIO = 0.12

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\w-])[ \t]*(.*)\Z", re.IGNORECASE)
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PLACE = r"(?P<place>[^\W\d_][\w .,'’-]{0,60}?)"
_AGENCY = r"\((?P<agency>[A-Za-z]{2,10})\)"
_DASH = r"[ \t]*[–—-]+[ \t]+"
_DATELINES = (
    # "HÀ NỘI, VIETNAM, February 12 - ", "HANOI, Feb 12 (Reuters) - "
    re.compile(rf"\A{_PLACE},[ \t]*{_MONTHS}[ \t]+\d{{1,2}}(?:[ \t]*{_AGENCY})?{_DASH}"),
    # "Hanoi (VNA) – "
    re.compile(rf"\A{_PLACE}[ \t]*{_AGENCY}{_DASH}"),
    # "HÀ NỘI — " (upper-case place only, checked below)
    re.compile(rf"\A{_PLACE}{_DASH}"),
)
_PHOTO_CREDIT = re.compile(r"[ \t]*\((?:Photos?|Illustrative photo|File photo)\b[^)]*\)[ \t]*\Z",
                           re.IGNORECASE)
_VNA_END = re.compile(r"\./\.\Z")  # VNA's end-of-story mark
_SIGN_OFF = re.compile(  # "... said. VNA/VNS", or the codes alone on the last line
    r"(?:\A|(?<=[.!?\"”’)]))[ \t]*(?P<codes>[A-Za-z]{2,10}(?:/[A-Za-z]{2,10})*)\Z"
)
_TERMINAL = ".!?…:;"
_QUOTES = "\"'”’»"
_MAX_HEADLINE_WORDS = 25
_MAX_HEADLINE_CHARS = 200
_MAX_LEADING_HEADLINES = 3
_DATELINE_PARAGRAPHS = 5
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|body|p|div|br|span|a\s)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


class _Rejected(Exception):
    """An input that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    byte_order_mark: bool = False


# --- discovering input files -------------------------------------------------------------------


def discover(inputs: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders into article files (sorted, each once) and ignored files.

    A file named explicitly is always read; inside folders, `.txt`/`.html`/`.htm` files are read,
    hidden entries are ignored silently and other files are reported as skipped.
    """
    files: list[Path] = []
    ignored: list[Skipped] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(path)

    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputNotFoundError(path=path)
        if path.is_dir():
            for entry in sorted(path.rglob("*")):
                relative = entry.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or not entry.is_file():
                    continue
                if entry.suffix.lower() in ARTICLE_SUFFIXES:
                    add(entry)
                else:
                    ignored.append(Skipped(str(entry), "not an article file (.txt or .html)"))
        else:
            add(path)
    return files, ignored


# --- decoding ----------------------------------------------------------------------------------


def _looks_like_bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le'/'-be' when NULs sit on every other byte, as in ASCII text in UTF-16."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    return controls / len(text)


def decode(raw: bytes) -> Decoded:
    """Decode raw bytes by the policy in the module docstring; raise _Rejected if unreadable."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom):].decode(codec), name, byte_order_mark=True)
            except UnicodeDecodeError as err:
                raise _Rejected(f"not valid {name} despite its byte-order mark ({err.reason} "
                                f"at byte {err.start + len(bom)})") from err
    sample = raw[:_SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if sample.startswith(magic):
            raise _Rejected(f"binary file ({kind}), not text")
    if b"\x00" in sample:
        codec = _looks_like_bomless_utf16(sample)
        if codec is None:
            raise _Rejected("binary file (contains NUL bytes), not text")
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as err:
            raise _Rejected("binary file (contains NUL bytes), not text") from err
        return Decoded(text, "UTF-16", (f"no byte-order mark; read as {codec.upper()}",))
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as err:
        position = err.start
    for codec, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > _MAX_CONTROL_RATIO:
            raise _Rejected("binary file (mostly control bytes), not text")
        warning = f"not valid UTF-8 (byte {position}); read as {name}: check special characters"
        return Decoded(text, name, (warning,))
    raise AssertionError("Latin-1 decodes any bytes")  # pragma: no cover


# --- cleaning ----------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block; the <title> and first <h1> kept apart."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer"})
    _BLOCK = frozenset({
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "section", "article", "header", "blockquote", "figure", "figcaption", "pre", "hr", "dd",
        "dt", "main", "aside",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        elif tag == "h1" and not self._h1_done:
            self._in_h1 = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif self._skip_depth == 0:
            if self._in_h1:
                self.h1_parts.append(data)
            self.parts.append(data)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def strip_html(markup: str) -> tuple[str, str | None]:
    """Return the visible text of an HTML page and its headline (first <h1>, else <title>)."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    text = "".join(extractor.parts)
    h1 = _one_line("".join(extractor.h1_parts))
    title = h1 or _one_line("".join(extractor.title_parts))
    if h1:  # the headline becomes the title, not a body line
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if _one_line(line) == h1:
                del lines[index]
                break
        text = "\n".join(lines)
    return text, title or None


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return head.lstrip().lower().startswith(("<!doctype html", "<html")) or (
        len(_HTML_SNIFF.findall(head)) >= 3
    )


def _is_unsafe_char(ch: str) -> bool:
    """Characters RDF serialisations (N-Triples, RDF/XML, HTML) cannot carry safely."""
    if ch in "\n\t":
        return False
    code = ord(ch)
    category = unicodedata.category(ch)
    return (
        category in ("Cc", "Cs")
        or ch == "\ufeff"
        or (0xFDD0 <= code <= 0xFDEF)
        or (code & 0xFFFE) == 0xFFFE  # U+xxFFFE and U+xxFFFF noncharacters
    )


# The same set as `_is_unsafe_char`, as one character class (a test checks every code point):
# general category Cc is fixed by Unicode's stability policy, Cs is the surrogate block.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]")


def clean_text(text: str) -> tuple[str, int]:
    """Normalise line breaks and Unicode (NFC), turn tabs into spaces, drop unsafe characters.

    Returns the text and how many characters were removed.
    """
    text = "\n".join(text.splitlines())  # CRLF, CR, U+2028, form feeds ... -> LF
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    # Every unsafe character is of a category `isprintable` refuses (Cc, Cs, Cf, Cn): a text
    # printable but for its line breaks has none, and needs no scan with the pattern.
    if text.replace("\n", "").isprintable():
        return text, 0
    kept = _UNSAFE_CHARS.sub("", text)
    return kept, len(text) - len(kept)


def strip_unsafe_chars(text: str) -> str:
    """`text` without the characters `clean_text` removes (for any string headed for RDF)."""
    return _UNSAFE_CHARS.sub("", text)


# --- structure ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def publishers() -> dict[str, str]:
    """Agency code -> publisher name (ontology/reference/publishers.json)."""
    data = json.loads(PUBLISHERS_FILE.read_text("utf-8"))
    return {code: name for code, name in data.items() if not code.startswith("_")}


@lru_cache(maxsize=1)
def _publishers_folded() -> dict[str, str]:
    """Case-folded agency code -> publisher name."""
    return {key.casefold(): name for key, name in publishers().items()}


def _publisher_name(code: str) -> str:
    return publishers().get(code) or _publishers_folded().get(code.casefold(), code)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_QUOTES + ")")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _is_headline(line: str) -> bool:
    return (
        len(line) <= _MAX_HEADLINE_CHARS
        and len(line.split()) <= _MAX_HEADLINE_WORDS
        and not _ends_sentence(line)
        and _PHOTO_CREDIT.search(line) is None
        and match_dateline(line) is None
    )


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    end: int  # where the story text starts


def match_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if any."""
    for index, pattern in enumerate(_DATELINES):
        match = pattern.match(paragraph)
        if match is None:
            continue
        place = match.group("place").strip(" ,")
        if index == len(_DATELINES) - 1 and not (place.isupper() and len(place) >= 3):
            continue  # a bare "Place –" counts only in capitals, as news agencies write it
        if len(place.split()) > 6 or match.end() >= len(paragraph):
            continue
        agency = match.groupdict().get("agency")
        return Dateline(place, agency, match.end())
    return None


def _strip_sign_off(paragraph: str) -> tuple[str, str | None]:
    """Remove "./." and a trailing agency sign-off ("VNA/VNS"); return the publisher code."""
    paragraph = _VNA_END.sub(".", paragraph)
    last = paragraph[-1:]
    if not (last.isascii() and last.isalpha()):
        return paragraph, None  # the codes end the paragraph: no sign-off ends otherwise
    match = _SIGN_OFF.search(paragraph)
    if match:
        codes = match.group("codes").split("/")
        known = _publishers_folded()
        if all(code.casefold() in known for code in codes):
            return paragraph[: match.start()].rstrip(), codes[-1]
    return paragraph, None


@dataclass(frozen=True, slots=True)
class Structure:
    body: str
    title: str | None
    date: dt.date | None
    publisher: str | None
    warnings: tuple[str, ...]


def parse_structure(text: str, html_title: str | None = None) -> Structure:
    """Split cleaned text into header date, title, publisher and body paragraphs."""
    warnings: list[str] = []
    lines = text.split("\n")
    date: dt.date | None = None
    # The marker is usually the first line; scrapers that put the headline first leave it on
    # one of the next leading lines.
    for index, line in enumerate(lines[:_MAX_LEADING_HEADLINES + 1]):
        header = _HEADER.match(line)
        if header is None:
            continue
        try:
            date = dt.date.fromisoformat(header.group(1))
        except ValueError:
            warnings.append(f"header date {header.group(1)!r} is not a real date; left undated")
        lines[index] = header.group(2)
        break
    paragraphs = [_one_line(line) for line in lines]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]

    headlines: list[str] = []
    while (
        len(headlines) < _MAX_LEADING_HEADLINES
        and len(paragraphs) > 1
        and _is_headline(paragraphs[0])
    ):
        headlines.append(paragraphs.pop(0))
    # The headline is the leading line nearest the story; any before it are section labels.
    # A site's date line above the story ("Tuesday, June 10, 2025 11:26") dates it.
    line_dates = [dateline_date(line) for line in headlines]
    if date is None:
        date = next((d for d in line_dates if d is not None), None)
    titles = [line for line, d in zip(headlines, line_dates, strict=True) if d is None]
    title = html_title or (titles[-1] if titles else None)

    agency: str | None = None
    for index, paragraph in enumerate(paragraphs[:_DATELINE_PARAGRAPHS]):
        dateline = match_dateline(paragraph)
        if dateline:
            paragraphs[index] = paragraph[dateline.end:]
            agency = dateline.agency
            break
    cleaned: list[str] = []
    sign_off: str | None = None
    for paragraph in paragraphs:
        paragraph = _PHOTO_CREDIT.sub("", paragraph)
        paragraph, code = _strip_sign_off(paragraph)
        sign_off = code or sign_off
        if paragraph:
            cleaned.append(paragraph)
    code = sign_off or agency  # "VNA/VNS" at the end: VNS published it, from VNA material
    publisher = _publisher_name(code) if code else None
    return Structure("\n\n".join(cleaned), title, date, publisher, tuple(warnings))


def _english_ratio(text: str) -> tuple[float, int]:
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    return (sum(map(_ENGLISH_WORDS.__contains__, map(str.casefold, words))) / len(words),
            len(words))


# --- reading -----------------------------------------------------------------------------------


def _size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 100_000 else f"{size} bytes"


def read_article(path: Path) -> Article | Skipped:
    """Read one file into an Article, or say why it was skipped. Never raises for bad content."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Skipped(source, f"too large ({_size_text(size)}; the limit is "
                                   f"{_size_text(MAX_FILE_BYTES)}): split it into one file "
                                   "per article")
        raw = path.read_bytes()
    except OSError as err:
        return Skipped(source, f"cannot be read: {err.strerror or err}")
    try:
        return parse_article(raw, path.name, is_html=path.suffix.lower() in HTML_SUFFIXES)
    except _Rejected as rejected:
        return Skipped(source, str(rejected))


def _reading_notes(decoded: Decoded, raw: bytes) -> tuple[str, ...]:
    """How an input was read where it differs from plain UTF-8 with LF line ends (nothing lost)."""
    notes = []
    if decoded.byte_order_mark:
        notes.append(f"read as {decoded.encoding} (byte-order mark)")
    if b"\r" in raw or "\r" in decoded.text:
        notes.append("Windows or old Mac line endings (CR) normalised to LF")
    return tuple(notes)


def parse_article(raw: bytes, source: str, *, is_html: bool = False) -> Article:
    """Turn the bytes of one input into an Article; raise _Rejected with the reason if unusable."""
    if not raw:
        raise _Rejected("empty file")
    decoded = decode(raw)
    warnings = list(decoded.warnings)
    text = decoded.text
    if not text.strip():
        raise _Rejected("no text (only whitespace)")
    html_title = None
    if is_html or looks_like_html(text):
        text, html_title = strip_html(text)
        warnings.append("HTML markup removed")
    text, removed = clean_text(text)
    if removed:
        warnings.append(f"removed {removed} control character{'s' if removed != 1 else ''}")
    if html_title:
        html_title = strip_unsafe_chars(html_title)
    structure = parse_structure(text, html_title)
    warnings.extend(structure.warnings)
    body = structure.body
    if not body:
        raise _Rejected("no article text" + (" after the date line" if text.strip() else ""))
    if len(body) > MAX_ARTICLE_CHARS:
        raise _Rejected(f"too long ({len(body):,} characters; the limit is "
                        f"{MAX_ARTICLE_CHARS:,}): split it into one file per article")
    if not _WORD.search(body):
        raise _Rejected("no words (only digits and punctuation)")
    ratio, words = _english_ratio(body)
    if words >= _MIN_WORDS_FOR_LANGUAGE and ratio < _MIN_ENGLISH_RATIO:
        raise _Rejected(f"does not look like English ({ratio:.0%} common English words): "
                        "the extraction model reads English only")
    return Article(
        source=source,
        text=body,
        notes=_reading_notes(decoded, raw),
        content_hash=hashlib.sha256(raw).hexdigest(),
        title=structure.title,
        date=structure.date,
        publisher=structure.publisher,
        warnings=tuple(warnings),
    )


def _text_fingerprint(article: Article) -> str:
    return hashlib.sha256(" ".join(article.text.split()).casefold().encode("utf-8")).hexdigest()


def read_articles(paths: Iterable[Path]) -> Iterator[Article | Skipped]:
    """Read files lazily: exactly one Article or Skipped per path, in order.

    The second of two inputs with the same bytes or the same cleaned text is a duplicate; two
    inputs whose file names give the same article identifier cannot both be read.
    """
    by_hash: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for path in paths:
        item = read_article(path)
        if isinstance(item, Article):
            fingerprint = _text_fingerprint(item)
            first = by_hash.get(item.content_hash) or by_hash.get(fingerprint)
            if first is not None:
                item = Skipped(str(path), f"duplicate of {first}")
            elif item.key in by_key:
                item = Skipped(str(path), f"same article identifier {item.key!r} as "
                                          f"{by_key[item.key]}: rename one of the files")
            else:
                by_hash[item.content_hash] = by_hash[fingerprint] = str(path)
                by_key[item.key] = str(path)
        yield item

