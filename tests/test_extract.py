"""Sentence -> triples, table-driven (in the spirit of textacy's test_triples.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract import extract_articles
from graph.model import Article, EntityRef, Relation

pytestmark = pytest.mark.slow  # loads the spaCy model


def triples(text: str, date: dt.date | None = dt.date(2024, 6, 18)) -> set[tuple[str, str, str]]:
    article = Article("t.txt", text, "0", date=date)
    (extraction,) = extract_articles([article])
    labels = {e.ref: e.label for e in extraction.entities}
    found = set()
    for fact in extraction.facts:
        if fact.relation is Relation.MENTIONED_IN:
            continue
        obj = labels[fact.object] if isinstance(fact.object, EntityRef) else str(fact.object)
        found.add((labels[fact.subject], fact.relation.value, obj))
    return found


CASES = [
    # title before the name
    ("Minister of Foreign Affairs Bui Thanh Son met the press.",
     {("Bui Thanh Son", "holdsRole", "Minister of Foreign Affairs")}),
    # name, then title
    ("Nguyen Van A, Minister of Finance, said revenue rose.",
     {("Nguyen Van A", "holdsRole", "Minister of Finance")}),
    # canonicalisation: Foreign Minister = Minister of Foreign Affairs
    ("Foreign Minister Tran Van B welcomed the guests.",
     {("Tran Van B", "holdsRole", "Minister of Foreign Affairs")}),
    # a foreign role keeps its country
    ("Thai Deputy Foreign Minister Somchai Jaidee attended the talks.",
     {("Somchai Jaidee", "holdsRole", "Deputy Minister of Foreign Affairs of Thailand")}),
    # conjoined titles
    ("Party General Secretary and State President Le Van C spoke.",
     {("Le Van C", "holdsRole", "General Secretary of the Communist Party of Vietnam"),
      ("Le Van C", "holdsRole", "State President")}),
    # ranks and honorifics stay out of the name
    ("Minister of National Defence General Pham Van D inspected the unit.",
     {("Pham Van D", "holdsRole", "Minister of National Defence")}),
    ("Malaysian Ambassador to Vietnam Dato' Ahmad Rahman presented his credentials.",
     {("Ahmad Rahman", "holdsRole", "Ambassador of Malaysia to Vietnam")}),
    # possessive after the name
    ("Chairman of the National Assembly Hoang Van E's visit ended.",
     {("Hoang Van E", "holdsRole", "Chairman of the National Assembly")}),
    # a body with a parent: the role names the canonical body
    ("Chairman of the National Assembly's Committee for External Relations Do Van F spoke.",
     {("Do Van F", "holdsRole",
       "Chairman of the National Assembly Committee for External Relations")}),
    # membership
    ("Politburo member Ngo Van G chaired the meeting.",
     {("Ngo Van G", "memberOf", "Politburo")}),
    # "who is" appositive
    ("Jane Smith, who is Secretary General of the Asia Trade Forum, spoke.",
     {("Jane Smith", "holdsRole", "Secretary General of the Asia Trade Forum")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_roles(text, expected):
    found = triples(text)
    assert expected <= found, found


DOCUMENT_CASES = [
    # issuer from a possessive, topic after "on", date after "dated"
    ("The Politburo's Resolution No. 12-NQ/TW dated March 3, 2022 on digital transformation "
     "was reviewed.",
     {("Resolution 12-NQ/TW", "issuedBy", "Politburo"),
      ("Resolution 12-NQ/TW", "guides", "digital transformation"),
      ("Resolution 12-NQ/TW", "documentNumber", "12-NQ/TW"),
      ("Resolution 12-NQ/TW", "date", "2022-03-03")}),
    # issuer inferred from the number's suffix; glued word after the number
    ("Officials studied Directive No. 20-CT/TWon rural development.",
     {("Directive 20-CT/TW", "issuedBy", "Secretariat of the Party Central Committee"),
      ("Directive 20-CT/TW", "guides", "rural development")}),
    # issuing body as the subject of "issued", date without a year from the article
    ("The National Assembly Standing Committee on May 5 issued Resolution No. "
     "900/NQ-UBTVQH15 on the reorganisation of communes.",
     {("Resolution 900/NQ-UBTVQH15", "issuedBy", "National Assembly Standing Committee"),
      ("Resolution 900/NQ-UBTVQH15", "date", "2024-05-05")}),
    # a law of the National Assembly
    ("The NA passed Law No. 31/2024/QH15 on Land.",
     {("Law 31/2024/QH15", "issuedBy", "National Assembly")}),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENT_CASES)
def test_documents(text, expected):
    found = triples(text)
    assert expected <= found, found


EVENT_CASES = [
    ("Vice President Vo Thi H attended the 17th ASEAN Women Leaders' Summit in Jakarta.",
     {("Vo Thi H", "participatedIn", "17th ASEAN Women Leaders' Summit"),
      ("17th ASEAN Women Leaders' Summit", "heldIn", "Jakarta")}),
    ("Prime Minister Ly Van K held talks with his Lao counterpart Sonexay Siphandone.",
     {("Ly Van K", "met", "Sonexay Siphandone")}),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_CASES)
def test_events_and_meetings(text, expected):
    found = triples(text)
    assert expected <= found, found


def test_short_names_resolve_within_article():
    text = ("Minister of Finance Ho Duc Phoc met investors.\n"
            "Phoc said the ministry would simplify procedures.")
    article = Article("t.txt", text, "0", date=dt.date(2024, 1, 2))
    (extraction,) = extract_articles([article])
    people = [e for e in extraction.entities if e.ref.type.value == "Person"]
    assert [p.label for p in people] == ["Ho Duc Phoc"]
    assert "Phoc" in people[0].alt_labels


def test_related_headlines_are_separate_sentences():
    text = ("Officials met in Hanoi./.\nDeputy Foreign Minister Le Van M meets Lao envoy\n"
            "Minister of Health Dao Hong N visits hospital")
    article = Article("t.txt", text, "0")
    (extraction,) = extract_articles([article])
    role_facts = [f for f in extraction.facts if f.relation is Relation.HOLDS_ROLE]
    assert len(role_facts) == 2
    assert all("\n" not in f.evidence for f in role_facts)
    assert {f.evidence for f in role_facts} == {
        "Deputy Foreign Minister Le Van M meets Lao envoy",
        "Minister of Health Dao Hong N visits hospital"}


def test_every_fact_has_evidence_and_confidence():
    text = "Minister of Foreign Affairs Bui Thanh Son attended the 32nd Diplomatic Conference."
    (extraction,) = extract_articles([Article("t.txt", text, "0")])
    assert extraction.facts
    for fact in extraction.facts:
        assert fact.evidence.strip() and "\n" not in fact.evidence
        assert 0 < fact.confidence <= 1
        assert fact.article == "t"
    mentioned = {f.subject for f in extraction.facts if f.relation is Relation.MENTIONED_IN}
    assert {e.ref for e in extraction.entities} <= mentioned | {
        f.object for f in extraction.facts if isinstance(f.object, EntityRef)}


def test_rules_outrank_ner_in_confidence():
    text = "Minister of Foreign Affairs Bui Thanh Son met Jack Brown in Hanoi."
    (extraction,) = extract_articles([Article("t.txt", text, "0")])
    role = next(f for f in extraction.facts if f.relation is Relation.HOLDS_ROLE)
    ner_only = [f for f in extraction.facts if f.relation is Relation.MENTIONED_IN
                and f.subject.key == "jack-brown"]
    assert ner_only and role.confidence > ner_only[0].confidence


def test_extract_articles_streams_in_order():
    articles = [Article(f"a{i}.txt", f"Minister of Finance Nguyen Van {c} spoke.", str(i))
                for i, c in enumerate("PQR")]
    keys = [e.article.key for e in extract_articles(iter(articles), batch_size=2)]
    assert keys == ["a0", "a1", "a2"]
