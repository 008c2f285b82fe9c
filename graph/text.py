"""Text helpers shared by every stage: diacritic folding and slugs for stable identifiers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Pure functions called for every token and label: words repeat, so results are memoised
# (bounded, so that a long-running process does not grow without limit).
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def fold(text: str) -> str:
    """Return `text` without diacritics ("Vương Đình Huệ" -> "Vuong Dinh Hue"), case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=_CACHE_SIZE)
def fold_key(text: str) -> str:
    """Return a comparison key: folded, lower-cased, whitespace collapsed."""
    return " ".join(fold(text).casefold().split())


@lru_cache(maxsize=_CACHE_SIZE)
def slugify(text: str, max_length: int = 80) -> str:
    """Return an IRI-safe slug ("Resolution 34-NQ/TW" -> "resolution-34-nq-tw").

    Always non-empty and ASCII-only, so any input (emoji, control characters, right-to-left
    marks) gives a valid IRI path segment.
    """
    slug = _NON_SLUG.sub("-", fold(text).lower()).strip("-")
    if len(slug) > max_length:
        # A short digest of the whole slug keeps two long names with the same beginning apart.
        digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[: max_length - len(digest) - 1].rstrip('-')}-{digest}"
    return slug or "x"
