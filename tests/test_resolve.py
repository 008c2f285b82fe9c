from __future__ import annotations

import datetime as dt
import itertools

from graph.model import (
    Article,
    ArticleExtraction,
    Entity,
    EntityRef,
    EntityType,
    Fact,
    Relation,
)
from graph.resolve import Resolver, resolve
from graph.text import slugify

CHAIR = EntityRef(EntityType.ROLE, "chairman-of-the-national-assembly")


def person(name: str, *forms: str) -> Entity:
    return Entity(EntityRef(EntityType.PERSON, slugify(name)), name, frozenset(forms))


def extraction(key: str, entities: list[Entity], roles: dict[str, EntityRef]) -> ArticleExtraction:
    article = Article(f"{key}.txt", "", key)
    facts = [Fact(e.ref, Relation.HOLDS_ROLE, roles[e.label], "s.", 0.9, key)
             for e in entities if e.label in roles]
    facts += [Fact(e.ref, Relation.MENTIONED_IN, article.ref, "s.", 0.9, key) for e in entities]
    role = Entity(CHAIR, "Chairman of the National Assembly")
    return ArticleExtraction(article, (*entities, role), tuple(facts))


def corpus() -> list[ArticleExtraction]:
    return [
        extraction("a", [person("Vuong Dinh Hue", "Hue")], {"Vuong Dinh Hue": CHAIR}),
        extraction("b", [person("Huệ")], {"Huệ": CHAIR}),
        extraction("c", [person("Vương Đình Huệ")], {}),
        extraction("d", [person("Tran Cam Tu"), person("Cam Tu")], {}),
    ]


def test_short_names_merge_into_full_names_across_articles():
    kb = resolve(corpus())
    people = {e.label: e for e in kb.entities.values() if e.ref.type is EntityType.PERSON}
    assert set(people) == {"Vương Đình Huệ", "Tran Cam Tu"}
    assert {"Vuong Dinh Hue", "Huệ", "Hue"} <= people["Vương Đình Huệ"].alt_labels
    assert "Cam Tu" in people["Tran Cam Tu"].alt_labels
    hue = people["Vương Đình Huệ"].ref
    assert {f.article for f in kb.facts if f.subject == hue
            and f.relation is Relation.HOLDS_ROLE} == {"a", "b"}


def test_one_label_each_and_independent_of_input_order():
    results = []
    for order in itertools.permutations(corpus()):
        kb = resolve(order)
        results.append(([(e.ref, e.label, e.alt_labels) for e in kb.entities.values()],
                        kb.facts))
    assert all(result == results[0] for result in results)


def test_ambiguous_short_name_stays_separate():
    kb = resolve([extraction("a", [person("Nguyen Van Son"), person("Bui Thanh Son")], {}),
                  extraction("b", [person("Son")], {})])
    labels = sorted(e.label for e in kb.entities.values() if e.ref.type is EntityType.PERSON)
    assert labels == ["Bui Thanh Son", "Nguyen Van Son", "Son"]


def test_given_name_alone_does_not_join_a_full_name_from_another_article():
    lan = EntityRef(EntityType.ROLE, "chairwoman-of-the-association")
    kb = resolve([extraction("a", [person("Ngo Thi Phuong Lan")], {}),
                  extraction("b", [person("Lan")], {}),
                  extraction("c", [person("Tran Thi Lan")], {}),
                  extraction("d", [person("Hoang Duc Thang")], {"Hoang Duc Thang": lan}),
                  extraction("e", [person("Thang")], {})])
    labels = sorted(e.label for e in kb.entities.values() if e.ref.type is EntityType.PERSON)
    # b's "Lan" and e's "Thang" name nobody else in their articles and hold no shared role.
    assert labels == ["Hoang Duc Thang", "Lan", "Ngo Thi Phuong Lan", "Thang", "Tran Thi Lan"]


def test_merges_follow_a_chain_to_the_full_name():
    # "Khoa" meets only "Minh Khoa" in its article; "Minh Khoa" is a fragment of "Le Minh Khoa".
    kb = resolve([extraction("a", [person("Minh Khoa"), person("Khoa")], {}),
                  extraction("b", [person("Le Minh Khoa"), person("Minh Khoa")], {})])
    people = [e for e in kb.entities.values() if e.ref.type is EntityType.PERSON]
    assert [e.ref.key for e in people] == ["le-minh-khoa"]
    assert {"Le Minh Khoa", "Minh Khoa", "Khoa"} <= {people[0].label, *people[0].alt_labels}
    assert {f.subject for f in kb.facts} <= {people[0].ref}


def test_facts_are_kept_once_in_the_order_of_subject_relation_object_article_sentence():
    article = Article("a.txt", "", "a")
    son, hue = (EntityRef(EntityType.PERSON, key) for key in ("son", "hue"))
    decree = EntityRef(EntityType.LEGAL_DOCUMENT, "decree-1")
    facts = (
        Fact(son, Relation.MET, hue, "Later.", 0.5, "a"),
        Fact(decree, Relation.DOCUMENT_NUMBER, "12/ND-CP", "It.", 0.7, "a"),
        Fact(decree, Relation.DATE, dt.date(2023, 1, 5), "It.", 0.9, "a"),
        Fact(son, Relation.MET, hue, "Earlier.", 0.6, "a"),
        Fact(son, Relation.MET, hue, "Later.", 0.8, "a"),  # read again: the first is kept
        Fact(hue, Relation.MET, hue, "Himself.", 0.9, "a"),  # nobody meets himself
        Fact(son, Relation.MENTIONED_IN, article.ref, "Later.", 0.9, "a"),
    )
    entities = (Entity(son, "Son"), Entity(hue, "Hue"), Entity(decree, "Decree 1"))
    kb = resolve([ArticleExtraction(article, entities, facts)])
    expected = sorted({(f.subject, f.relation, str(f.object), f.article, f.evidence): f
                       for f in reversed(facts) if f.subject != f.object}.values(),
                      key=lambda f: (f.subject, f.relation.value, str(f.object), f.article,
                                     f.evidence))
    assert kb.facts == expected
    assert [f.confidence for f in kb.facts
            if f.relation is Relation.MET and f.evidence == "Later."] == [0.5]


def _kb_parts(kb):
    return (kb.articles, [(e.ref, e.label, e.alt_labels, e.subtypes) for e in kb.entities.values()],
            kb.facts)


def test_resolver_in_any_order_gives_what_resolve_gives():
    expected = _kb_parts(resolve(corpus()))
    for order in itertools.permutations(corpus()):
        resolver = Resolver()
        for item in order:
            resolver.add(item)
        assert len(resolver) == 4
        assert _kb_parts(resolver.knowledge_base()) == expected
        assert len(resolver) == 0  # emptied: the knowledge base has what it held


def test_resolver_without_texts_keeps_every_other_field_of_the_articles():
    items = [ArticleExtraction(Article(f"{key}.txt", f"Text of {key}.", key, title=key.upper(),
                                       date=dt.date(2024, 1, 2)), (), ())
             for key in ("b", "a")]
    resolver = Resolver(keep_texts=False)
    for item in items:
        resolver.add(item)
    assert [article.text for article in resolver.articles()] == ["", ""]
    kb = resolver.knowledge_base()
    assert [(a.source, a.text, a.content_hash, a.title, a.date) for a in kb.articles] == [
        ("a.txt", "", "a", "A", dt.date(2024, 1, 2)), ("b.txt", "", "b", "B", dt.date(2024, 1, 2))]
    assert [a.text for a in resolve(items).articles] == ["Text of a.", "Text of b."]


def test_resolver_shares_repeated_values_between_equal_facts():
    def item(key: str, confidence: float) -> ArticleExtraction:
        # New objects for every fact, as JSON gives them.
        son = EntityRef(EntityType.PERSON, "".join(["s", "on"]))
        sentence = " ".join(["Son", "met", "Hue", key])
        facts = (Fact(son, Relation.MET, EntityRef(EntityType.PERSON, "hue"), sentence,
                      confidence, f"{key}-article"[:len(key)]),
                 Fact(EntityRef(EntityType.PERSON, "hue"), Relation.MENTIONED_IN,
                      EntityRef(EntityType.ARTICLE, key), " ".join(["Son", "met", "Hue", key]),
                      float(str(confidence)), f"{key}-article"[:len(key)]))
        return ArticleExtraction(Article(f"{key}.txt", "", key), (Entity(son, "Son"),), facts)

    items = [item("aa", 0.9), item("bb", 0.9), item("cc", -0.0), item("dd", 0.0)]
    resolver = Resolver()
    for extraction_ in items:
        resolver.add(extraction_)
    kb = resolver.knowledge_base()
    assert kb.facts == resolve(items).facts
    met = [f for f in kb.facts if f.relation is Relation.MET]
    assert len(met) == 4 and all(f.subject is met[0].subject and f.object is met[0].object
                                 for f in met)
    hue = [f for f in kb.facts if f.relation is Relation.MENTIONED_IN]
    assert all(f.subject is met[0].object for f in hue)
    by_article = {f.article: f for f in met}
    for mention in hue:  # one sentence and one article key per article
        assert mention.evidence is by_article[mention.article].evidence
        assert mention.article is by_article[mention.article].article
    assert by_article["aa"].confidence is by_article["bb"].confidence
    # -0.0 equals 0.0 but is written apart: neither takes the other's place.
    assert [str(by_article[key].confidence) for key in ("cc", "dd")] == ["-0.0", "0.0"]


def test_many_facts_are_sorted_and_kept_once_as_with_key_tuples():
    """The facts sorted by their ranks in arrays are those a sort of the key tuples keeps: the
    first fact of each key, in key order (several of each part, ties on every part but one)."""
    import random

    rng = random.Random(5)
    refs = [EntityRef(rng.choice(list(EntityType)), f"k{n % 7}") for n in range(12)]
    objects = [*refs[:6], "12/ND-CP", "b", dt.date(2023, 1, 5), "2023-01-05"]
    facts = tuple(Fact(rng.choice(refs), rng.choice(list(Relation)), rng.choice(objects),
                       rng.choice(["S1.", "S2.", "s0."]), rng.random(), rng.choice("ab"))
                  for _ in range(600))
    articles = [Article(f"{key}.txt", "", key) for key in "ab"]
    entities = tuple(Entity(ref, ref.key.upper()) for ref in set(refs))
    kb = resolve([ArticleExtraction(articles[0], entities,
                                    tuple(f for f in facts if f.article == "a")),
                  ArticleExtraction(articles[1], entities,
                                    tuple(f for f in facts if f.article == "b"))])
    ordered = [f for f in facts if f.article == "a"] + [f for f in facts if f.article == "b"]
    keyed: dict = {}
    for fact in ordered:
        if fact.relation is Relation.MET and fact.subject == fact.object:
            continue
        key = (fact.subject.type, fact.subject.key, fact.relation, str(fact.object),
               fact.article, fact.evidence)
        keyed.setdefault(key, fact)
    assert kb.facts == [keyed[key] for key in sorted(keyed)]
    assert len(kb.facts) < len(facts)  # some were read twice
