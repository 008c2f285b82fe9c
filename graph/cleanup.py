"""Repairing scraped article text before it is parsed (the text of the Doc, so evidence is clean).

- Repeated paragraphs (scrapers often append the body twice) are kept once.
- A full stop glued to the next sentence ("until May 9.Weber is") gets its space back.
- Words glued by lost spaces ("thediplomatic", "setfor", "15-CT/TWon", "levels,which") are split,
  conservatively: only a token that is no word under any spelling or inflection rule
  (`WordList.is_word`: British and American spellings, -ise/-isation/-our/-ogue/-tre/-ence,
  inflections and common derivations) is split, and only into two dictionary words (or a function
  word and a word). A valid word such as "organising" is never touched, even when the model's
  vocabulary lacks it.
- Lines are kept: each line (headline, caption, "related news" item) stays its own context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

# Short function words that scraping most often glues to a neighbour.
_GLUE_WORDS_TEXT = (
    "a an the and or of to for in on at by with from as that this is are was be than into "
    "its their his her our"
)
GLUE_WORDS = frozenset(_GLUE_WORDS_TEXT.split())
# Halves that are really prefixes or suffixes of one word ("in|variables", "favour|able").
_AFFIXES_TEXT = (
    "in un re sub co de dis non pre be a inter over under "
    "ing ment ness sed able ible ed er ers ly al ion ions ity ise ize ism ist ful less ship ward "
    "wise ive ous ance ence ant ent age ages sing ising ised ises isation isations our ours ogue "
    "ogues tre tres"
)
AFFIXES = frozenset(_AFFIXES_TEXT.split())
# A token ending like a British (or any) derived word is a word form, not a glued pair, unless its
# head is a function word ("theorganising").
_WORD_FORM_ENDING = re.compile(
    r"(?:[iy]s(?:e|es|ed|ing|er|ers|ation|ations|able)|our(?:s|ed|ing|able|ite|ites)?"
    r"|ogue(?:s|d)?|tre(?:s|d)?|ence|ences|ment|ments|ness|ity|ities|ical|ically)$")
# British -> American spelling rules (the dictionary data is mostly American).
_SPELLING_VARIANTS = (
    (re.compile(r"([iy])s(e|es|ed|ing|er|ers|ation|ations|able|ement|ements)$"), r"\1z\2"),
    (re.compile(r"our(s|ed|ing|able|ably|ite|ites|ful|less|er|ers)?$"), r"or\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"tre(s|d)?$"), r"ter\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"ae"), "e"),
)
# Inflectional and derivational endings: (ending, replacement) pairs tried to reach a stem.
_ENDINGS = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
    ("ing", "e"), ("er", ""), ("er", "e"), ("ers", ""), ("ers", "e"), ("est", ""), ("ly", ""),
    ("ily", "y"), ("ally", ""), ("ness", ""), ("iness", "y"), ("ment", ""), ("ments", ""),
    ("ation", ""), ("ation", "e"), ("ations", ""), ("ations", "e"), ("ity", ""), ("ity", "e"),
    ("al", ""), ("al", "e"), ("ist", ""), ("ists", ""), ("ism", ""), ("isms", ""), ("ful", ""),
    ("less", ""), ("able", ""), ("able", "e"), ("ible", ""), ("ive", ""), ("ive", "e"),
    ("ion", ""), ("ion", "e"), ("ions", ""), ("ions", "e"), ("ship", ""), ("hood", ""),
)
_PREFIXES = ("un", "re", "non", "pre", "co", "de", "dis", "inter", "over", "under", "sub",
             "anti", "multi", "post", "counter", "mis", "semi", "cross", "self")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_DOC_NUMBER_GLUE = re.compile(
    r"(\d+(?:/\d{4})?[-/][A-ZĐ]{1,8}(?:[-/][A-ZĐa-z]*[A-ZĐ]\d*)*)([a-z]{2,})\b")
_COMMA_GLUE = re.compile(r"([a-z])([,;])([A-Za-z])")
# "until June 4.Zhang is accompanied by ...": a full stop glued to the next sentence's first word
_STOP_GLUE = re.compile(r"([0-9a-z])\.([A-Z][a-z])")
_CASE_GLUE = re.compile(r"\b([a-z]{3,})([A-Z][a-z]+)")


@dataclass(frozen=True)
class WordList:
    """What counts as a word: `forms` are known surface forms (the model's vocabulary),
    `dictionary` are clean dictionary entries (lemmas) that may be the halves of a glued pair,
    `norms` maps spelling variants to a standard form ("organising" -> "organizing")."""

    forms: Collection[str]
    dictionary: Collection[str] = frozenset()
    norms: Mapping[str, str] = field(default_factory=dict)

    def _stem_known(self, word: str, depth: int = 0) -> bool:
        if word in self.dictionary or word in self.forms or word in self.norms:
            return True
        if depth >= 2:
            return False
        for ending, replacement in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)] + replacement
                if self._stem_known(stem, depth + 1):
                    return True
                # "planning" -> "plan", "committed" -> "commit"
                if len(stem) >= 4 and stem[-1] == stem[-2] and not replacement \
                        and self._stem_known(stem[:-1], depth + 1):
                    return True
        return False

    def is_word(self, word: str) -> bool:
        """A word form under any spelling variant, inflection, derivation or prefix."""
        if word in self.forms or word in self.norms:
            return True
        variants = {word}
        for pattern, replacement in _SPELLING_VARIANTS:
            variants |= {pattern.sub(replacement, v) for v in list(variants)}
        for variant in variants:
            if self._stem_known(variant):
                return True
            for prefix in _PREFIXES:
                if variant.startswith(prefix) and len(variant) - len(prefix) >= 4 \
                        and self._stem_known(variant[len(prefix):]):
                    return True
        return False

    def is_part(self, word: str) -> bool:
        """May be one half of a glued pair: a dictionary word or a regular inflection of one."""
        if not self.dictionary:
            return word in self.forms
        if word in self.dictionary:
            return True
        for ending, replacement in _ENDINGS[:10]:
            if word.endswith(ending) and word[: len(word) - len(ending)] + replacement \
                    in self.dictionary:
                return True
        return False

    @classmethod
    def from_tables(cls, forms: Iterable[str], dictionary: Iterable[str],
                    norms: Mapping[str, str]) -> WordList:
        return cls(frozenset(forms), frozenset(dictionary), norms)


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


def split_glued(word: str, is_word: Callable[[str], bool],
                is_part: Callable[[str], bool] | None = None) -> str:
    """"thediplomatic" -> "the diplomatic"; a word form, or a token with no clear split, stays.

    `is_word` says whether the whole token is a word (under any spelling or inflection);
    `is_part` whether a half is a dictionary word (defaults to `is_word`). Two content words
    must both have at least four letters; a function word may pair with any longer word.
    """
    if is_word(word):
        return word
    is_part = is_part or is_word
    word_form = bool(_WORD_FORM_ENDING.search(word))
    best = None
    for cut in range(1, len(word)):
        head, tail = word[:cut], word[cut:]
        if (head in AFFIXES and tail not in GLUE_WORDS) or tail in AFFIXES:
            continue
        head_glue, tail_glue = head in GLUE_WORDS, tail in GLUE_WORDS
        if word_form and not head_glue:
            continue  # "organising" must never become "organi sing"
        if head_glue and tail_glue:
            ok = True  # "setfor"
        elif head_glue:
            ok = len(tail) >= (5 if len(head) == 1 else 3) and (is_part(tail) or is_word(tail))
        elif tail_glue:
            # An unknown inflected word before a glued "the"/"and" ("maximisingthe").
            ok = (len(head) >= 3 and is_part(head)) or (len(tail) >= 3 and len(head) >= 6
                                                        and is_word(head))
        else:
            ok = len(head) >= 4 and len(tail) >= 4 and is_part(head) and is_part(tail)
        if ok:
            # Prefer the split with the longest part.
            score = max(len(head), len(tail))
            if best is None or score > best[0]:
                best = (score, f"{head} {tail}")
    return best[1] if best else word


def normalize_text(text: str, is_word: Callable[[str], bool],
                   is_part: Callable[[str], bool] | None = None) -> str:
    """The article body as it should be parsed; `is_word` says whether a lower-case word exists
    (see `split_glued` for `is_part`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = dedupe_paragraphs(text)
    text = _DOC_NUMBER_GLUE.sub(r"\1 \2", text)
    text = _COMMA_GLUE.sub(r"\1\2 \3", text)
    text = _STOP_GLUE.sub(r"\1. \2", text)
    text = _CASE_GLUE.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if is_word(m.group(1)) else m.group(0), text)
    # Each distinct word is looked at once (an article repeats most of its words), and the text
    # is rewritten only when a word is split, which most articles never need.
    splits = {word: split for word in set(_WORD.findall(text))
              if (split := split_glued(word, is_word, is_part)) != word}
    if splits:
        text = _WORD.sub(lambda m: splits.get(m.group(0), m.group(0)), text)
    return re.sub(r"[ \t]+", " ", text).strip()
