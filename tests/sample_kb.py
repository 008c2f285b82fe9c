"""A small hand-built KnowledgeBase covering every entity type and relation of the contract.

Independent of the extraction rules on purpose: golden files and query tests built from it do
not churn when extraction improves. The facts are modelled on real reporting but are test data.
"""

from __future__ import annotations

import datetime as dt

from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation

T = EntityType


def ref(entity_type: EntityType, key: str) -> EntityRef:
    return EntityRef(entity_type, key)


SON = ref(T.PERSON, "bui-thanh-son")
MINH = ref(T.PERSON, "pham-binh-minh")
HUE = ref(T.PERSON, "vuong-dinh-hue")
HA = ref(T.PERSON, "vu-hai-ha")
FOREIGN_MINISTER = ref(T.ROLE, "minister-of-foreign-affairs")
DEPUTY_PM = ref(T.ROLE, "deputy-prime-minister")
NA_CHAIRMAN = ref(T.ROLE, "chairman-of-the-national-assembly")
POLITBURO = ref(T.ORGANIZATION, "politburo")
NATIONAL_ASSEMBLY = ref(T.ORGANIZATION, "national-assembly")
NA_EXTERNAL = ref(T.ORGANIZATION, "na-committee-for-external-relations")
ASEAN = ref(T.ORGANIZATION, "asean")
VIETNAM = ref(T.COUNTRY, "viet-nam")
HANOI = ref(T.PLACE, "hanoi")
RESOLUTION_34 = ref(T.LEGAL_DOCUMENT, "resolution-34-nq-tw")
FOREIGN_POLICY = ref(T.TOPIC, "foreign-policy")
CONFERENCE = ref(T.EVENT, "32nd-diplomatic-conference")

ARTICLE_2021 = Article(
    source="a2021.txt",
    text="Deputy Prime Minister Pham Binh Minh attended the conference.",
    content_hash="0" * 64,
    title="Pham Binh Minh at the ASEAN meeting",
    date=dt.date(2021, 3, 2),
    publisher="VNA",
)
ARTICLE_2023 = Article(
    source="a2023.txt",
    text="National Assembly Chairman Vuong Dinh Hue met Minister of Foreign Affairs Bui Thanh Son.",
    content_hash="1" * 64,
    title='Diplomacy, a "bright spot"',
    date=dt.date(2023, 12, 21),
    publisher="Viet Nam News",
)
ARTICLE_UNDATED = Article(
    source="undated.txt",
    text="The Politburo issued Resolution 34-NQ/TW on foreign policy.",
    content_hash="2" * 64,
)

ENTITIES = (
    Entity(SON, "Bùi Thanh Sơn", frozenset({"Bui Thanh Son", "Son", "Minister Son"})),
    Entity(MINH, "Phạm Bình Minh", frozenset({"Pham Binh Minh"})),
    Entity(HUE, "Vương Đình Huệ", frozenset({"Vuong Dinh Hue", "Hue"})),
    Entity(HA, "Vũ Hải Hà", frozenset({"Vu Hai Ha", "Hà"})),
    Entity(FOREIGN_MINISTER, "Minister of Foreign Affairs", frozenset({"Foreign Minister"})),
    Entity(DEPUTY_PM, "Deputy Prime Minister"),
    Entity(NA_CHAIRMAN, "Chairman of the National Assembly", frozenset({"NA Chairman"})),
    Entity(POLITBURO, "Politburo", subtypes=frozenset({"PartyBody"})),
    Entity(NATIONAL_ASSEMBLY, "National Assembly", frozenset({"NA"}), frozenset({"Legislature"})),
    Entity(NA_EXTERNAL, "NA Committee for External Relations"),
    Entity(ASEAN, "ASEAN", subtypes=frozenset({"InternationalOrganization"})),
    Entity(VIETNAM, "Việt Nam", frozenset({"Vietnam", "Viet Nam"})),
    Entity(HANOI, "Hà Nội", frozenset({"Hanoi"}), frozenset({"City"})),
    Entity(RESOLUTION_34, "Resolution 34-NQ/TW", subtypes=frozenset({"Resolution"})),
    Entity(FOREIGN_POLICY, "foreign policy"),
    Entity(CONFERENCE, "32nd Diplomatic Conference", subtypes=frozenset({"Conference"})),
)


def _fact(subject, relation, obj, article: Article, evidence: str, confidence=0.9) -> Fact:
    return Fact(subject, relation, obj, evidence, confidence, article.key)


S21 = "Deputy Prime Minister and Foreign Minister Pham Binh Minh attended the ASEAN meeting."
S23A = ("National Assembly Chairman Vuong Dinh Hue met Minister of Foreign Affairs Bui Thanh Son "
        "in Hanoi within the framework of the 32nd Diplomatic Conference.")
S23B = "Vu Hai Ha, Chairman of the NA Committee for External Relations, attended the conference."
SDOC = "The Politburo issued Resolution 34-NQ/TW on foreign policy on January 10, 2020."
R = Relation

FACTS = (
    _fact(MINH, R.HOLDS_ROLE, FOREIGN_MINISTER, ARTICLE_2021, S21),
    _fact(MINH, R.HOLDS_ROLE, DEPUTY_PM, ARTICLE_2021, S21, 0.95),
    _fact(MINH, R.MET, ASEAN, ARTICLE_2021, S21, 0.6),
    _fact(VIETNAM, R.MEMBER_OF, ASEAN, ARTICLE_2021, S21, 0.7),
    _fact(MINH, R.MENTIONED_IN, ARTICLE_2021.ref, ARTICLE_2021, S21, 1.0),
    _fact(SON, R.HOLDS_ROLE, FOREIGN_MINISTER, ARTICLE_2023, S23A),
    _fact(HUE, R.HOLDS_ROLE, NA_CHAIRMAN, ARTICLE_2023, S23A),
    _fact(HUE, R.MET, SON, ARTICLE_2023, S23A, 0.8),
    _fact(HUE, R.PARTICIPATED_IN, CONFERENCE, ARTICLE_2023, S23A, 0.75),
    _fact(SON, R.PARTICIPATED_IN, CONFERENCE, ARTICLE_2023, S23A, 0.75),
    _fact(HA, R.PARTICIPATED_IN, CONFERENCE, ARTICLE_2023, S23B, 0.7),
    _fact(HA, R.MEMBER_OF, NA_EXTERNAL, ARTICLE_2023, S23B, 0.65),
    _fact(NA_EXTERNAL, R.PART_OF, NATIONAL_ASSEMBLY, ARTICLE_2023, S23B, 0.8),
    _fact(CONFERENCE, R.HELD_IN, HANOI, ARTICLE_2023, S23A, 0.85),
    _fact(CONFERENCE, R.DATE, dt.date(2023, 12, 21), ARTICLE_2023, S23A, 0.6),
    _fact(SON, R.MENTIONED_IN, ARTICLE_2023.ref, ARTICLE_2023, S23A, 1.0),
    _fact(HUE, R.MENTIONED_IN, ARTICLE_2023.ref, ARTICLE_2023, S23A, 1.0),
    _fact(MINH, R.HOLDS_ROLE, FOREIGN_MINISTER, ARTICLE_UNDATED, "Foreign Minister Pham Binh Minh "
          "welcomed the resolution.", 0.85),
    _fact(RESOLUTION_34, R.ISSUED_BY, POLITBURO, ARTICLE_UNDATED, SDOC, 0.9),
    _fact(RESOLUTION_34, R.GUIDES, FOREIGN_POLICY, ARTICLE_UNDATED, SDOC, 0.85),
    _fact(RESOLUTION_34, R.DOCUMENT_NUMBER, "34-NQ/TW", ARTICLE_UNDATED, SDOC, 0.95),
    _fact(RESOLUTION_34, R.DATE, dt.date(2020, 1, 10), ARTICLE_UNDATED, SDOC, 0.8),
)


def sample_kb() -> KnowledgeBase:
    """A fresh KnowledgeBase (the caller may mutate it)."""
    return KnowledgeBase(
        articles=[ARTICLE_2021, ARTICLE_2023, ARTICLE_UNDATED],
        entities={entity.ref: entity for entity in ENTITIES},
        facts=list(FACTS),
    )


def write_sample_build(out_dir):
    """Write what a build of the sample would leave behind: `graph.ttl` and `store/`."""
    from graph.rdf import serialize_turtle, to_graph
    from graph.store import store_path, write_store

    graph = to_graph(sample_kb())
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "graph.ttl").write_bytes(serialize_turtle(graph))
    write_store(graph, store_path(out_dir))
    return out_dir


def awkward_kb() -> KnowledgeBase:
    """The sample with every case where a graph's set semantics or order could show: a fact
    read again (with a better and a worse confidence), a fact whose statement IRI another fact
    already has, an article read twice under one name, an entity with an article's IRI, a fact
    about an unknown entity or from an unknown article, a date given both as a date and as a
    string, a label among the alternative labels, and confidences 0.0 and -0.0."""
    from dataclasses import replace

    from graph.vocab import entity_iri

    kb = sample_kb()
    kb.articles.append(replace(ARTICLE_2021, title="Another title", publisher=None,
                               date=dt.date(2021, 3, 3)))
    kb.entities[ref(T.ARTICLE, ARTICLE_UNDATED.key)] = Entity(ref(T.ARTICLE, ARTICLE_UNDATED.key),
                                                              "An article as an entity")
    kb.entities[HANOI] = Entity(HANOI, "Hà Nội", frozenset({"Hà Nội", "Hanoi"}),
                                frozenset({"City"}))
    ghost = ref(T.PERSON, "nobody-known")
    kb.facts += [
        _fact(MINH, R.HOLDS_ROLE, FOREIGN_MINISTER, ARTICLE_2021, S21, 0.99),
        _fact(MINH, R.HOLDS_ROLE, FOREIGN_MINISTER, ARTICLE_2021, S21, 0.1),
        _fact(SON, R.HOLDS_ROLE, str(entity_iri(FOREIGN_MINISTER)), ARTICLE_2023, S23A, 0.3),
        _fact(ghost, R.MET, SON, ARTICLE_2023, S23A, 0.5),
        _fact(SON, R.MET, HUE, Article("lost.txt", "", "3" * 64), "A lost sentence.", 0.5),
        _fact(CONFERENCE, R.DATE, "2023-12-21", ARTICLE_2021, S21, 0.0),
        _fact(CONFERENCE, R.DATE, dt.date(2023, 12, 21), ARTICLE_2023, S23B, -0.0),
        _fact(CONFERENCE, R.DOCUMENT_NUMBER, "2023-12-21", ARTICLE_2023, S23B, 0.4),
    ]
    return kb
