"""Repairing scraped article text before it is parsed (the text of the Doc, so evidence is clean).

- Repeated paragraphs (scrapers often append the body twice) are kept once.
- Words glued by lost spaces ("thediplomatic", "setfor", "15-CT/TWon", "levels,which") are split
  when both halves are known words and the glued form is not.
- Lines are kept: each line (headline, caption, "related news" item) stays its own context.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Short function words that scraping most often glues to a neighbour.
_GLUE_WORDS_TEXT = (
    "a an the and or of to for in on at by with from as that this is are was be than into "
    "its their his her our set"
)
GLUE_WORDS = frozenset(_GLUE_WORDS_TEXT.split())
# Halves that are really prefixes or suffixes of one word ("in|variables", "favour|able").
_AFFIXES_TEXT = (
    "in un re sub co de dis non pre be a inter over under "
    "ing ment ness sed able ible ed er ers ly al ion ions ity ise ize ism ist ful less ship ward "
    "wise ive ous ance ence ant ent age ages"
)
AFFIXES = frozenset(_AFFIXES_TEXT.split())
_WORD = re.compile(r"\b[a-z]{4,}\b")
_DOC_NUMBER_GLUE = re.compile(
    r"(\d+(?:/\d{4})?[-/][A-ZĐ]{1,8}(?:[-/][A-ZĐa-z]*[A-ZĐ]\d*)*)([a-z]{2,})\b")
_COMMA_GLUE = re.compile(r"([a-z])([,;])([A-Za-z])")
_CASE_GLUE = re.compile(r"\b([a-z]{3,})([A-Z][a-z]+)")


def dedupe_paragraphs(text: str, min_length: int = 40) -> str:
    """Drop a line that repeats an earlier long line verbatim (whitespace-insensitive)."""
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        key = " ".join(line.split())
        if len(key) >= min_length:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def split_glued(word: str, is_word: Callable[[str], bool]) -> str:
    """"thediplomatic" -> "the diplomatic"; a word that is known, or has no known split, stays."""
    if is_word(word):
        return word
    best = None
    for cut in range(1, len(word)):
        head, tail = word[:cut], word[cut:]
        if (head in AFFIXES and tail not in GLUE_WORDS) or tail in AFFIXES:
            continue
        head_ok = head in GLUE_WORDS or (len(head) >= 3 and is_word(head))
        tail_ok = tail in GLUE_WORDS or (len(tail) >= 3 and is_word(tail))
        # An unknown inflected word before a glued "the"/"and" ("maximisingthe").
        if tail in GLUE_WORDS and len(tail) >= 3 and len(head) >= 6:
            head_ok = True
        if head_ok and tail_ok:
            # Prefer the split with the longest part.
            score = max(len(head), len(tail))
            if best is None or score > best[0]:
                best = (score, f"{head} {tail}")
    return best[1] if best else word


def normalize_text(text: str, is_word: Callable[[str], bool]) -> str:
    """The article body as it should be parsed; `is_word` says whether a lower-case word exists."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = dedupe_paragraphs(text)
    text = _DOC_NUMBER_GLUE.sub(r"\1 \2", text)
    text = _COMMA_GLUE.sub(r"\1\2 \3", text)
    text = _CASE_GLUE.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if is_word(m.group(1)) else m.group(0), text)
    text = _WORD.sub(lambda m: split_glued(m.group(0), is_word), text)
    return re.sub(r"[ \t]+", " ", text).strip()
