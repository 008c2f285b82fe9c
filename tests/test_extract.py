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
    # swearing-in appositives, with or without a determiner before "oath"
    ("Maria Lopez Vega, who took the oath as Minister of Finance of Peru, arrived.",
     {("Maria Lopez Vega", "holdsRole", "Minister of Finance of Peru")}),
    ("Carlos Ruiz Pena, who was sworn in as Minister of Finance of Peru, arrived.",
     {("Carlos Ruiz Pena", "holdsRole", "Minister of Finance of Peru")}),
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


# --- generalisation cases (round 2) -----------------------------------------------------------
# Each pattern has its own sentences (names, bodies, countries and numbers invented for the test)
# and negative cases: `expected` must be found, `forbidden` must not be.

PERSON = "Person"


def entities(text: str, date: dt.date | None = dt.date(2024, 6, 18)) -> set[tuple[str, str]]:
    article = Article("t.txt", text, "0", date=date)
    (extraction,) = extract_articles([article])
    found = set()
    for entity in extraction.entities:
        found |= {(entity.ref.type.value, form) for form in {entity.label, *entity.alt_labels}}
    return found


NAME_CASES = [
    # 1. a rank or honorific before a Vietnamese name never takes the family name
    ("General Vu Quoc Khanh, Politburo member and Minister of Public Security, met the envoy.",
     {(PERSON, "Vu Quoc Khanh")}, {(PERSON, "Quoc Khanh")}),
    ("Dr Trinh Thu Ha, a paediatrician at the hospital, said the results were good.",
     {(PERSON, "Trinh Thu Ha")}, {(PERSON, "Thu Ha")}),
    ("Colonel Ngo Minh Tri inspected the border post.",
     {(PERSON, "Ngo Minh Tri")}, {(PERSON, "Minh Tri")}),
    ("Rear Admiral Phan Duc Long, Commander of Naval Region 2, welcomed the ship.",
     {(PERSON, "Phan Duc Long")}, {(PERSON, "Duc Long")}),
    # 3. places and demonyms are not people
    ("Farmers in Tam Duong district and at the Ma Lu Thang border gate met officials.",
     {("Place", "Tam Duong district"), ("Place", "Ma Lu Thang border gate")},
     {(PERSON, "Tam Duong"), (PERSON, "Ma Lu Thang")}),
    ("Officials from the provinces of Ha Giang and Cao Bang attended.",
     {("Place", "Ha Giang"), ("Place", "Cao Bang")}, {(PERSON, "Cao Bang"), (PERSON, "Ha Giang")}),
    ("The Cambodian legislature sent a delegation to Nam Dinh city.",
     {("Place", "Nam Dinh city")}, {(PERSON, "Cambodian"), (PERSON, "Nam Dinh")}),
    ("Mr Chu Van Thanh said the Lao side agreed.",
     {(PERSON, "Chu Van Thanh")}, {(PERSON, "Lao")}),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), NAME_CASES)
def test_names(text, expected, forbidden):
    found = entities(text)
    assert expected <= found, found
    assert not forbidden & found, forbidden & found


ROLE_CASES = [
    # 2. "<head> of <any capitalised body>" and diacritic names after it
    ("Chairwoman of the Vietnam Textile and Apparel Association Vũ Thị Hồng Nhung proposed "
     "new measures.",
     {("Vũ Thị Hồng Nhung", "holdsRole",
       "Chairwoman of the Vietnam Textile and Apparel Association")},
     {("Textile", "holdsRole", "Chairwoman of Vietnam")}),
    ("Chairwoman of the Vietnam Electronics and IT Business Association Đỗ Thị Hồng Vân "
     "proposed tax cuts.",
     {("Đỗ Thị Hồng Vân", "holdsRole",
       "Chairwoman of the Vietnam Electronics and IT Business Association")}, set()),
    ("Minister of Agriculture and Environment Đỗ Đức Duy said the harvest was good.",
     {("Đỗ Đức Duy", "holdsRole", "Minister of Agriculture and Environment")}, set()),
    ("Chairman of the NA's Committee for Culture and Society Nguyễn Đắc Vinh explained the bill.",
     {("Nguyễn Đắc Vinh", "holdsRole",
       "Chairman of the National Assembly Committee for Culture and Society")}, set()),
    ("Deputy Minister of Home Affairs Trương Hải Long said reforms would continue.",
     {("Trương Hải Long", "holdsRole", "Deputy Minister of Home Affairs")}, set()),
    # 5. a foreign role keeps its country (possessive, demonym, "its" after a foreign body)
    ("Thailand's Foreign Minister Maris Sangiampongsa arrived in Hanoi.",
     {("Maris Sangiampongsa", "holdsRole", "Minister of Foreign Affairs of Thailand")},
     {("Maris Sangiampongsa", "holdsRole", "Minister of Foreign Affairs")}),
    ("Korean Minister for Foreign Affairs Cho Tae-yul spoke.",
     {("Cho Tae-yul", "holdsRole", "Minister of Foreign Affairs of the Republic of Korea")}, set()),
    ("A delegation of the Cambodian Senate led by its First Vice President Ouk Phalla visited "
     "Hanoi.",
     {("Ouk Phalla", "holdsRole", "First Vice President of the Cambodian Senate")},
     {("Ouk Phalla", "holdsRole", "Vice President")}),
    ("Deputy Governor of Thailand's Chiang Mai province Somsak Chai met traders.",
     {("Somsak Chai", "holdsRole", "Deputy Governor of Chiang Mai province")}, set()),
    # 6. combined and long titles
    ("Deputy Minister of Finance and Chairman of the State Securities Commission Le Van Binh "
     "opened the forum.",
     {("Le Van Binh", "holdsRole", "Deputy Minister of Finance"),
      ("Le Van Binh", "holdsRole", "Chairman of the State Securities Commission")}, set()),
    ("Prime Minister Tran Van Duc, head of the Government's Steering Committee for Digital "
     "Transformation, spoke.",
     {("Tran Van Duc", "holdsRole", "Prime Minister"),
      ("Tran Van Duc", "holdsRole",
       "Head of the Government's Steering Committee for Digital Transformation")},
     {("Tran Van Duc", "holdsRole", "Head of the Government of Vietnam")}),
    ("Secretary of the Ha Giang provincial Party Committee Nguyen Manh Dung said.",
     {("Nguyen Manh Dung", "holdsRole", "Secretary of the Ha Giang provincial Party Committee")},
     set()),
    # (the bare rank is no second office where the posting is given: round 28, round 36)
    ("Ambassador Le Thi Mai, head of the Vietnamese Embassy in France, met students.",
     {("Le Thi Mai", "holdsRole", "Head of the Vietnamese Embassy in France")},
     {("Le Thi Mai", "holdsRole", "Head of the Embassy"),
      ("Le Thi Mai", "holdsRole", "Ambassador")}),
    # 7. a commemorative reference is not an office held; "its President" is the body's
    ("The leaders offered incense to President Ho Chi Minh at the memorial.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
    ("They laid a wreath at the statue of late Prime Minister Vo Van Kiet.",
     set(), {("Vo Van Kiet", "holdsRole", "Prime Minister")}),
    ("A delegation of the Vietnam Lawyers Association led by its President Tran Van Phuc met "
     "the minister.",
     {("Tran Van Phuc", "holdsRole", "President of the Vietnam Lawyers Association")},
     {("Tran Van Phuc", "holdsRole", "State President")}),
    # 18. membership cues
    ("Nguyen Van Hung, who is also a Politburo member, chaired the meeting.",
     {("Nguyen Van Hung", "memberOf", "Politburo")}, set()),
    ("Tran Thi Lan, member of the Party Central Committee and Secretary of the Ha Nam provincial "
     "Party Committee, spoke.",
     {("Tran Thi Lan", "memberOf", "Party Central Committee")}, set()),
    ("Cambodia, a member of ASEAN since 1999, backed the plan.",
     {("Cambodia", "memberOf", "Association of Southeast Asian Nations")}, set()),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), ROLE_CASES)
def test_roles_generalise(text, expected, forbidden):
    found = triples(text)
    assert expected <= found, found
    assert not forbidden & found, forbidden & found


DOCUMENT_GENERAL_CASES = [
    # 8. the topic stops at the end of its noun phrase
    ("The Politburo's Resolution No. 57-NQ/TW on breakthroughs in science, boosting national "
     "growth, was discussed.",
     {("Resolution 57-NQ/TW", "guides", "breakthroughs in science")},
     {("Resolution 57-NQ/TW", "guides", "breakthroughs in science, boosting national growth")}),
    ("Law No. 44/2024/QH15 on amending the Land Law, approved by 450 deputies, takes effect.",
     {("Law 44/2024/QH15", "guides", "amending the Land Law")}, set()),
    # 9-10. "of <issuer>" between the number and "on": the text names the issuer and the topic
    ("Directive No. 35-CT/TW of the Politburo on Party congresses at all levels was reviewed.",
     {("Directive 35-CT/TW", "issuedBy", "Politburo"),
      ("Directive 35-CT/TW", "guides", "Party congresses at all levels")},
     {("Directive 35-CT/TW", "issuedBy", "Secretariat of the Party Central Committee")}),
    ("Decree No. 13/2023/ND-CP of the Government on personal data protection took effect.",
     {("Decree 13/2023/ND-CP", "guides", "personal data protection"),
      ("Decree 13/2023/ND-CP", "issuedBy", "Government of Vietnam")}, set()),
    ("Decision No. 2200/QD-TTg of May 2024 on the fisheries plan was cited.",
     {("Decision 2200/QD-TTg", "guides", "fisheries plan")}, set()),
    # 12. anaphoric and shared document dates
    ("The cabinet issued Decree No. 7/2024/ND-CP on tariffs. The decree, issued on March 3, 2024, "
     "covers imports.",
     {("Decree 7/2024/ND-CP", "date", "2024-03-03")}, set()),
    ("On May 10, 2024, the legislature adopted Resolution No. 120/2024/QH15 on taxes and Law No. "
     "33/2024/QH15 on land.",
     {("Resolution 120/2024/QH15", "date", "2024-05-10"),
      ("Law 33/2024/QH15", "date", "2024-05-10")}, set()),
    # 11. named documents without numbers
    ("Both sides cited the 1969 Vienna Convention on the Law of Treaties.",
     {("1969 Vienna Convention on the Law of Treaties", "guides", "Law of Treaties")}, set()),
    ("Deputies discussed the revised Law on Public Investment and the 1992 Constitution.",
     {("Law on Public Investment", "guides", "Public Investment")}, set()),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), DOCUMENT_GENERAL_CASES)
def test_documents_generalise(text, expected, forbidden):
    found = triples(text)
    assert expected <= found, found
    assert not forbidden & found, forbidden & found


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("Both sides cited the Treaty of Friendship and Cooperation between the two nations.",
     "LegalDocument", "Treaty of Friendship and Cooperation"),
    ("Deputies discussed the 1992 Constitution.", "LegalDocument", "1992 Constitution"),
    ("Deputies discussed the Law on Public Investment.", "LegalDocument",
     "Law on Public Investment"),
    ("Delegates came to the National Forum on Private Economy Development in Hanoi on May 18.",
     "Event", "National Forum on Private Economy Development"),
    ("The Asia Security Forum 2024 opened in Singapore.", "Event", "Asia Security Forum 2024"),
    ("The seventh session of the 15th National Assembly opened on May 20. The seventh session "
     "closed on June 24.", "Event", "seventh session of the 15th National Assembly"),
])
def test_unnumbered_documents_and_events(text, kind, name):
    assert (kind, name) in entities(text)


@pytest.mark.parametrize("text", [
    "The law on land was discussed.",  # lower case: a common noun, not a named law
    "He met the Minister on Monday.",
])
def test_no_named_document_from_common_nouns(text):
    assert not {e for e in entities(text) if e[0] == "LegalDocument"}


EVENT_GENERAL_CASES = [
    # 14. "(ACRONYM)" after an event name is an alias of it
    ("The 9th ASEAN Digital Ministers' Meeting (ADGMIN-9) opened in Vientiane, Laos, on May 2.",
     {("9th ASEAN Digital Ministers' Meeting", "heldIn", "Vientiane")}, set()),
    # 15. venue cues
    ("The Asia Security Forum 2024 is scheduled to take place in Singapore.",
     {("Asia Security Forum 2024", "heldIn", "Singapore")}, set()),
    ("The 12th Mekong-Lancang Meeting is scheduled for Bangkok in November.",
     {("12th Mekong-Lancang Meeting", "heldIn", "Bangkok")}, set()),
    ("The fifth session of the 15th National Assembly closed in Hà Nội on June 24.",
     {("fifth session of the 15th National Assembly", "heldIn", "Hanoi")}, set()),
    # 16. participation: lists, chairing, passives, negatives
    ("Also attending the 8th Mekong Forum were Major General Le Van Tam and Colonel Do Minh "
     "Chau.",
     {("Le Van Tam", "participatedIn", "8th Mekong Forum"),
      ("Do Minh Chau", "participatedIn", "8th Mekong Forum")}, set()),
    # "the forum" refers back to the forum named before
    ("The 8th Mekong Forum opened on Monday.\nMinister of Finance Ho Van Phuoc addressed the "
     "forum.",
     {("Ho Van Phuoc", "participatedIn", "8th Mekong Forum")}, set()),
    ("The 20th Mekong Economic Forum was attended by Deputy Prime Minister Nguyen Van Quy, "
     "Minister of Finance Ho Van Phuoc and Ambassador Tran Thi Thu.",
     {("Nguyen Van Quy", "participatedIn", "20th Mekong Economic Forum"),
      ("Ho Van Phuoc", "participatedIn", "20th Mekong Economic Forum"),
      ("Tran Thi Thu", "participatedIn", "20th Mekong Economic Forum")}, set()),
    ("Chaired by Foreign Minister Le Van Hoa, the 31st Regional Security Meeting adopted a "
     "statement.",
     {("Le Van Hoa", "participatedIn", "31st Regional Security Meeting")}, set()),
    ("Minister Le Van Hoa invited Nguyen Van Quy to co-chair the 32nd Regional Security Meeting.",
     set(), {("Nguyen Van Quy", "participatedIn", "32nd Regional Security Meeting"),
             ("Le Van Hoa", "participatedIn", "32nd Regional Security Meeting")}),
    ("Minister Le Van Hoa praised Directive No. 40-CT/TW on preparations for the 15th National "
     "Party Congress.",
     set(), {("Le Van Hoa", "participatedIn", "15th National Party Congress")}),
    # 17. meetings with lists and conjoined subjects
    ("Minister Le Van Hoa held bilateral meetings with Ambassador Tran Thi Thu, Minister of "
     "Finance Ho Van Phuoc and Deputy Prime Minister Nguyen Van Quy.",
     {("Le Van Hoa", "met", "Tran Thi Thu"), ("Le Van Hoa", "met", "Ho Van Phuoc"),
      ("Le Van Hoa", "met", "Nguyen Van Quy")}, set()),
    ("Deputy Prime Minister Nguyen Van Quy and Minister of Finance Ho Van Phuoc received "
     "Ambassador Tran Thi Thu.",
     {("Nguyen Van Quy", "met", "Tran Thi Thu"), ("Ho Van Phuoc", "met", "Tran Thi Thu")}, set()),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), EVENT_GENERAL_CASES)
def test_events_generalise(text, expected, forbidden):
    found = triples(text)
    assert expected <= found, found
    assert not forbidden & found, forbidden & found


def test_labels_keep_diacritics_only_where_a_source_wrote_them():
    # A full name written without diacritics stays so, though people.tsv spells it with them;
    # a short reference resolved within the article takes the article's full name.
    text = "Prime Minister Pham Minh Chinh met investors.\nChinh said reforms would continue."
    found = entities(text, date=dt.date(2024, 6, 18))
    people = {name for kind, name in found if kind == PERSON}
    assert "Pham Minh Chinh" in people and "Phạm Minh Chính" not in people
    # The curated list may complete a name the text abbreviated ("NA Chairman Huệ").
    found = entities("NA Chairman Huệ delivered a speech.", date=dt.date(2024, 2, 12))
    assert (PERSON, "Vương Đình Huệ") in found


# --- round 3: generalisation (own sentences; names, bodies and places differ from any sample) ---

ROUND3_CASES = [
    # lower-case particles inside foreign names
    ("Dutch Foreign Minister Caspar van der Berg met Indonesian Minister of Maritime Affairs and "
     "Fisheries Rahmat bin Yusof.",
     {("Caspar van der Berg", "holdsRole", "Minister of Foreign Affairs of the Netherlands"),
      ("Rahmat bin Yusof", "holdsRole",
       "Minister of Maritime Affairs and Fisheries of Indonesia"),
      ("Caspar van der Berg", "met", "Rahmat bin Yusof")}),
    # a ministry's field list is consumed before the name starts
    ("Italian Minister of Culture Lorenzo de la Rosa and German Minister of Economy, Energy and "
     "Climate Action Karl von Weiss attended the forum.",
     {("Lorenzo de la Rosa", "holdsRole", "Minister of Culture of Italy"),
      ("Karl von Weiss", "holdsRole",
       "Minister of Economy, Energy and Climate Action of Germany")}),
    # hyphenated names
    ("Korean Minister of Trade Park Min-jun held talks with Filipino Secretary Ana Maria "
     "Cruz-Santos.",
     {("Park Min-jun", "holdsRole", "Minister of Trade of the Republic of Korea"),
      ("Park Min-jun", "met", "Ana Maria Cruz-Santos")}),
    # a plural title applies (singular) to every name of its list
    ("Deputy Prime Ministers Pham Van Tuan, Do Thi Mai and Bui Quang Huy attended the 12th "
     "Vietnam Investment Forum.",
     {("Pham Van Tuan", "holdsRole", "Deputy Prime Minister"),
      ("Do Thi Mai", "holdsRole", "Deputy Prime Minister"),
      ("Bui Quang Huy", "holdsRole", "Deputy Prime Minister"),
      ("Do Thi Mai", "participatedIn", "12th Vietnam Investment Forum")}),
    # a title before a name is that name's; an appositive title is the name before it's
    ("Vietnamese Minister of Health Tran Van Long, Thailand's Minister of Energy, Science and "
     "Innovation Somchai Wong, and others spoke.",
     {("Tran Van Long", "holdsRole", "Minister of Health"),
      ("Somchai Wong", "holdsRole", "Minister of Energy, Science and Innovation of Thailand")}),
    ("Le Van Minh, Secretary of the Ha Tinh provincial Party Committee and Chairman of the Ha "
     "Tinh provincial People's Council, and Vice Chairwoman Nguyen Thi Lan chaired the session.",
     {("Le Van Minh", "holdsRole", "Secretary of the Ha Tinh provincial Party Committee"),
      ("Le Van Minh", "holdsRole", "Chairman of the Ha Tinh provincial People's Council")}),
    # position markers in captions; a foreign "President" is not the home "State President"
    ("State President Vo Minh Tri (L) and Peruvian President Ana Torres Luna at the ceremony.",
     {("Vo Minh Tri", "holdsRole", "State President"),
      ("Ana Torres Luna", "holdsRole", "President of Peru")}),
    # elections: "elected X as <title>" and "elected X, ..., and Y, ..., to <body>"
    ("The National Assembly elected Pham Quoc Dung as Chairman of the National Assembly "
     "Committee for Law.",
     {("Pham Quoc Dung", "holdsRole", "Chairman of the National Assembly Committee for Law")}),
    ("The Central Committee elected Hoang Van Phuc, head of the Party Central Committee's "
     "Economic Commission, and Dinh Thi Hoa, Minister of Justice, to the Politburo.",
     {("Hoang Van Phuc", "memberOf", "Politburo"), ("Dinh Thi Hoa", "memberOf", "Politburo"),
      ("Dinh Thi Hoa", "holdsRole", "Minister of Justice")}),
    # venues: "the central city of X", a place only the model knows, "concluded in"
    ("The 7th Mekong Tourism Forum took place in the central city of Hue on May 20.",
     {("7th Mekong Tourism Forum", "heldIn", "Hue"),
      ("7th Mekong Tourism Forum", "date", "2024-05-20")}),
    ("Minister Tran Van A attended the 14th Asia Cooperation Dialogue in Santiago, Chile.",
     {("14th Asia Cooperation Dialogue", "heldIn", "Santiago"),
      ("Tran Van A", "participatedIn", "14th Asia Cooperation Dialogue")}),
    # dates: "the same day" carries the last date over; a document's own date stays its own
    ("The 7th Mekong Tourism Forum opened on May 20. On the same day, the 2nd Mekong Investment "
     "Forum opened in Can Tho.",
     {("2nd Mekong Investment Forum", "date", "2024-05-20")}),
    ("The Prime Minister signed Decision No. 512/QD-TTg on April 3, 2024 on the national digital "
     "economy plan.",
     {("Decision 512/QD-TTg", "date", "2024-04-03"),
      ("Decision 512/QD-TTg", "guides", "national digital economy plan")}),
    ("Resolution 57-NQ/TW on science and technology, issued by the Politburo on December 22, "
     "2024, is a breakthrough.",
     {("Resolution 57-NQ/TW", "date", "2024-12-22"),
      ("Resolution 57-NQ/TW", "guides", "science and technology")}),
    ("The province approved Resolution 12/NQ-HDND on the 2026 road plan, worth 4 trillion VND, "
     "last week.",
     {("Resolution 12/NQ-HDND", "guides", "2026 road plan")}),
]


@pytest.mark.parametrize(("text", "expected"), ROUND3_CASES)
def test_round3_generalisation(text, expected):
    found = triples(text)
    assert expected <= found, found


ROUND3_NEGATIVE_CASES = [
    # currencies are never people; a name after "in" that only the model calls a person is not
    ("The company paid 5 billion VND and 20 million USD for land in Cẩm Phả.",
     lambda found: not any(r == "holdsRole" or s in ("VND", "USD", "Cẩm Phả")
                           for s, r, _ in found)),
    # a meeting of several days has no single date
    ("The 8th Plenum of the Party Central Committee was held in Hanoi from October 2 to 9.",
     lambda found: not any(r == "date" for _, r, _ in found)),
    # a "dated" phrase belongs to the document it follows only
    ("The Secretariat reviewed Directive 21-CT/TW dated May 30, 2023 and Regulation 105-QD/TW on "
     "cadre management.",
     lambda found: ("Directive 21-CT/TW", "date", "2023-05-30") in found
     and not any(s == "Regulation 105-QD/TW" and r == "date" for s, r, _ in found)),
    # the title after "(L) and" is the next name's only
    ("State President Vo Minh Tri (L) and Peruvian President Ana Torres Luna at the ceremony.",
     lambda found: ("Ana Torres Luna", "holdsRole", "State President") not in found
     and ("Vo Minh Tri", "holdsRole", "President of Peru") not in found),
    # the appositive titles of the first name never go to the second
    ("Le Van Minh, Secretary of the Ha Tinh provincial Party Committee and Chairman of the Ha "
     "Tinh provincial People's Council, and Vice Chairwoman Nguyen Thi Lan chaired the session.",
     lambda found: not any(s == "Nguyen Thi Lan" and "Party Committee" in o
                           for s, _, o in found)),
]


@pytest.mark.parametrize(("text", "check"), ROUND3_NEGATIVE_CASES)
def test_round3_negative(text, check):
    found = triples(text)
    assert check(found), found


def entities_of(text: str) -> dict[str, set[str]]:
    article = Article("t.txt", text, "0", date=dt.date(2024, 6, 18))
    (extraction,) = extract_articles([article])
    found: dict[str, set[str]] = {}
    for entity in extraction.entities:
        found.setdefault(entity.ref.type.value, set()).add(entity.label)
    return found


@pytest.mark.parametrize(("text", "kind", "label"), [
    # agreements known by acronym (curated full names) and by name with "(ACRONYM)"
    ("Both sides will make the most of the CPTPP and RCEP.", "LegalDocument",
     "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
    ("Both sides will make the most of the CPTPP and RCEP.", "LegalDocument",
     "Regional Comprehensive Economic Partnership"),
    ("They reviewed the Vietnam–Peru Free Trade Agreement (VPFTA).", "LegalDocument",
     "Vietnam–Peru Free Trade Agreement"),
    ("The ministers adopted the Hanoi Declaration on Digital Cooperation for Inclusive Growth.",
     "LegalDocument", "Hanoi Declaration on Digital Cooperation for Inclusive Growth"),
])
def test_round3_named_agreements(text, kind, label):
    assert label in entities_of(text).get(kind, set())


@pytest.mark.parametrize(("text", "expected"), [
    # each headline is its own context: its facts count, none runs into the next line
    ("Minister of Finance Tran Van An met the press.\nRelated news\n"
     "PM Phạm Quang Vinh visits Hải Phòng port\n"
     "Deputy Foreign Minister Do Minh Khoa receives Chilean envoy\n",
     {("Tran Van An", "holdsRole", "Minister of Finance"),
      ("Phạm Quang Vinh", "holdsRole", "Prime Minister"),
      ("Do Minh Khoa", "holdsRole", "Deputy Minister of Foreign Affairs")}),
    ("The forum closed on Friday./.\nRelated articles\n"
     "Deputy PM Ngo Van Tuan meets Thai Foreign Minister Somchai Rattana\n",
     {("Ngo Van Tuan", "holdsRole", "Deputy Prime Minister"),
      ("Ngo Van Tuan", "met", "Somchai Rattana")}),
])
def test_related_news_headlines_are_each_their_own_context(text, expected):
    found = triples(text)
    assert expected <= found, found


# --- Round 4: data integrity first, then more general title, event, document and clause rules ---
# Each case: (article date, sentence, triples that must be found, triples that must NOT be found).
D2025 = dt.date(2025, 5, 10)

ROUND4_CASES = [
    # B. a title the text states is kept, whatever the curated tenure list says (Tô Lâm's
    # ministry ended in 2024; Nguyễn Xuân Phúc left office in 2023)
    (D2025, "Minister of Public Security To Lam and State President Nguyen Xuan Phuc opened "
            "the exhibition on Tuesday.",
     {("To Lam", "holdsRole", "Minister of Public Security"),
      ("Nguyen Xuan Phuc", "holdsRole", "State President")}, set()),
    (D2025, "Deputy Prime Minister and Minister of Public Security To Lam received the envoys.",
     {("To Lam", "holdsRole", "Deputy Prime Minister"),
      ("To Lam", "holdsRole", "Minister of Public Security")}, set()),
    # ... but a historical clause (a past year) about someone out of office gives no role
    (D2025, "The Thong Nhat Park was opened by Prime Minister Vo Van Kiet in 1994.",
     set(), {("Vo Van Kiet", "holdsRole", "Prime Minister")}),
    (D2025, "In 1957, President Ho Chi Minh visited the Dong Thap school.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
    # ... and a commemorative cue gives none either
    (D2025, "Visitors laid flowers at the bust of President Ho Chi Minh in Lang Son.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
    # documents: the kind comes from the text's head word (a suffix only when there is none)
    (D2025, "The ministry applied Circular No. 12/2024/TT-BTC on tax refunds.",
     {("Circular 12/2024/TT-BTC", "guides", "tax refunds")},
     {("Decision 12/2024/TT-BTC", "documentNumber", "12/2024/TT-BTC")}),
    # "issued by <body>" and "of <body>" in the text beat the suffix; the date after is its own
    (D2025, "Directive 38-CT/TW, issued by the Politburo on March 2, 2025, guides the congresses.",
     {("Directive 38-CT/TW", "issuedBy", "Politburo"),
      ("Directive 38-CT/TW", "date", "2025-03-02")},
     {("Directive 38-CT/TW", "issuedBy", "Secretariat of the Party Central Committee")}),
    (D2025, "Resolution 29-NQ/TW of the 13th Party Central Committee on industrialisation was "
            "reviewed.",
     {("Resolution 29-NQ/TW", "issuedBy", "Party Central Committee"),
      ("Resolution 29-NQ/TW", "guides", "industrialisation")},
     {("Resolution 29-NQ/TW", "issuedBy", "Politburo")}),
    # conjoined issuers: both
    (D2025, "They studied Conclusion 91-KL/TW of the Politburo and the Secretariat on schooling.",
     {("Conclusion 91-KL/TW", "issuedBy", "Politburo"),
      ("Conclusion 91-KL/TW", "issuedBy", "Secretariat of the Party Central Committee")}, set()),
    # a number in a relative clause belongs to the named law: one document
    (D2025, "The Law on Urban Planning (amended), which is numbered 47/2024/QH15, takes effect "
            "in July.",
     # one document, known by its number and labelled by its name (round 21)
     {("Law on Urban Planning", "guides", "Urban Planning"),
      ("Law on Urban Planning", "documentNumber", "47/2024/QH15"),
      ("Law on Urban Planning", "issuedBy", "National Assembly")},
     {("Law 47/2024/QH15", "guides", "Urban Planning")}),
    # "the Law on X and the Law on Y": two laws
    (D2025, "Deputies passed the Law on Fisheries and Aquaculture and the Law on Statistics.",
     {("Law on Fisheries and Aquaculture", "guides", "Fisheries and Aquaculture"),
      ("Law on Statistics", "guides", "Statistics")}, set()),
    # participation: a country's own participation noun; sideline partners are not participants
    (D2025, "Thailand's participation in the 12th Mekong-Lancang Forum was welcomed.",
     {("Thailand", "participatedIn", "12th Mekong-Lancang Forum")}, set()),
    (D2025, "On the sidelines of the 12th Mekong-Lancang Forum, Prime Minister Le Quang Dao met "
            "Thai Prime Minister Somsak Chai.",
     {("Le Quang Dao", "met", "Somsak Chai")},
     {("Somsak Chai", "participatedIn", "12th Mekong-Lancang Forum")}),
    # a place inside a Vietnamese name is part of the name
    (D2025, "Minister Nguyen Thai Binh attended the 5th Mekong Delta Forum.",
     {("Nguyen Thai Binh", "participatedIn", "5th Mekong Delta Forum")}, set()),
]


@pytest.mark.parametrize(("text", "people", "places"), [
    # provinces and cities are places (curated list), also in a list after "districts such as"
    # round 8: a curated province before "province" is that province ("Thanh Hoa")
    ("Floods hit districts such as Muong Lat and Quan Son in Thanh Hoa province.", set(),
     {"Muong Lat", "Quan Son", "Thanh Hoa"}),
    ("The delegation visited Cam Ranh and Thai Nguyen on Monday.", set(),
     {"Cam Ranh", "Thai Nguyen"}),
    ("Teams reached mountainous districts including Muong Te and Sin Ho.", set(),
     {"Muong Te", "Sin Ho"}),
    ("Leaders of Bac Ninh and Ha Tinh welcomed Minister Le Minh Tuan.", {"Le Minh Tuan"},
     {"Bac Ninh", "Ha Tinh"}),
])
def test_round4_places_are_not_people(text, people, places):
    found = entities_of(text)
    assert found.get("Person", set()) == people, found
    assert places <= found.get("Place", set()), found


@pytest.mark.parametrize(("day", "text", "expected", "absent"), ROUND4_CASES)
def test_round4_generalisation(day, text, expected, absent):
    found = triples(text, day)
    assert expected <= found, found
    assert not (absent & found), found


# Real words (British spellings among them) around a person, an event and a document: every
# evidence sentence is the source text, never with a split the source did not have.
EVIDENCE_TEXT = (
    "Minister of Home Affairs Tran Van Kien said the ministry was organising and prioritising "
    "the modernisation of neighbouring provinces' catalogued archives.\n"
    "The 9th Mekong Harmonisation Forum, held in Can Tho on March 3, centred on recognising "
    "labour qualifications and standardising programmes.\n"
    "Decree No. 88/2025/ND-CP on organising the digitalisation of civil registration, travelled "
    "widely in draft, was finalised.")


def test_evidence_sentences_never_contain_a_split_the_source_lacks():
    article = Article("t.txt", EVIDENCE_TEXT, "0", date=D2025)
    (extraction,) = extract_articles([article])
    source = " ".join(EVIDENCE_TEXT.split())
    assert extraction.facts
    for fact in extraction.facts:
        assert fact.evidence in source, fact.evidence
    topics = {e.label for e in extraction.entities if e.ref.type.value == "Topic"}
    assert all(" organi " not in f" {t} " for t in topics), topics


# --- Round 5: the remaining generalisation gaps (own sentences; never the blind set's) ---------
# Each case: (article date, sentence(s), triples that must be found, triples that must NOT be).
ROUND5_CASES = [
    # 1. titles around names: an outgoing office holder still holds the office
    (D2025, "Tran Thi Lan, outgoing President of the Thanh Hoa Women's Union, handed over.",
     {("Tran Thi Lan", "holdsRole", "President of the Thanh Hoa Women's Union")}, set()),
    # ... a mass organisation's presidency "of <province> province" keeps the province
    (D2025, "Le Van Hung was elected as President of the VFF Committee of Thanh Hoa province.",
     {("Le Van Hung", "holdsRole",
       "President of the Vietnam Fatherland Front Committee of Thanh Hoa province")},
     set()),
    # ... "were elected as Vice Presidents" after a list: each name, the body of the presidency
    # elected just before
    (D2025, "Le Van Hung was elected as Chairman of the Ha Tinh Farmers' Association. "
            "Pham Thi Hoa and Do Minh Quang were elected as Vice Chairmen.",
     {("Pham Thi Hoa", "holdsRole", "Vice Chairman of the Ha Tinh Farmers' Association"),
      ("Do Minh Quang", "holdsRole", "Vice Chairman of the Ha Tinh Farmers' Association")},
     set()),
    # ... an attaché and dean: roles, and "Dean" is never a person
    (D2025, "Colonel Carlos Mendez, Defence Attaché of Mexico and Dean of the Military Attaché "
            "Corps in Hanoi, spoke at the event.",
     {("Carlos Mendez", "holdsRole", "Defence Attaché of Mexico"),
      ("Carlos Mendez", "holdsRole", "Dean of the Military Attaché Corps")},
     set()),
    # ... nationality + title + rank + name is one title and one name
    (D2025, "Australian Defence Attaché Brigadier General Peter Collins attended the reception.",
     {("Peter Collins", "holdsRole", "Defence Attaché of Australia")}, set()),
    # ... an organisation name ending in Office/Board/Commission is consumed before the name
    (D2025, "Chief of the Party Central Committee Office Le Minh Thanh chaired the meeting.",
     {("Le Minh Thanh", "holdsRole", "Chief of the Party Central Committee Office")},
     {("Office Le Minh Thanh", "holdsRole", "Chief of the Party Central Committee")}),
    # 8. meetings: a courtesy call "on" a person; letters and handing over are not meetings
    (D2025, "Ambassador Maria Lopez paid a courtesy call on Prime Minister Pham Van Tuan.",
     {("Maria Lopez", "met", "Pham Van Tuan")}, set()),
    (D2025, "Colonel Ivan Petrov handed a letter from Defence Minister Oleg Sokolov to General "
            "Tran Quang Vinh.",
     set(), {("Ivan Petrov", "met", "Oleg Sokolov"), ("Ivan Petrov", "met", "Tran Quang Vinh")}),
    # 4. the opening and closing days of one multi-day session: never two dates
    (D2025, "The ninth session of the 16th National Assembly opened on October 20 and is "
            "scheduled to close on November 28.",
     set(), {("ninth session of the 16th National Assembly", "date", "2025-11-28")}),
    (D2025, "The ninth session of the 16th National Assembly, which opened on October 20, is "
            "scheduled to close on November 28.",
     set(), {("ninth session of the 16th National Assembly", "date", "2025-11-28"),
             ("ninth session of the 16th National Assembly", "date", "2025-10-20")}),
    # 2. event names: a hyphenated country pair and a lower-case "of the <body> on <topic>"
    (D2025, "Minister Le Van Tam attended the sixth meeting of the Vietnam-Cambodia Joint "
            "Committee on Trade in Phnom Penh.",
     {("Le Van Tam", "participatedIn",
       "sixth meeting of the Vietnam-Cambodia Joint Committee on Trade")}, set()),
    # ... a parenthesised acronym inside a name does not end it
    (D2025, "Minister Le Van Tam attended the 12th Congress of the Vietnam Farmers' Union "
            "(VFU) of Ha Tinh province.",
     {("Le Van Tam", "participatedIn",
       "12th Congress of the Vietnam Farmers' Union (VFU) of Ha Tinh province")}, set()),
    # ... lower-case "of the <body> on <topic>"
    (D2025, "Minister Le Van Tam chaired the second meeting of the joint steering committee on "
            "fisheries in Hue.",
     {("Le Van Tam", "participatedIn",
       "second meeting of the joint steering committee on fisheries")}, set()),
    # 3. venues: the most specific site's city; "agreed to hold ... in <province>"
    (D2025, "The 3rd Mekong Aviation Expo, to be held at Long Thanh airport in Dong Nai "
            "province, opens on May 20.",
     {("3rd Mekong Aviation Expo", "heldIn", "Dong Nai")},  # round 8: the curated province
     {("3rd Mekong Aviation Expo", "heldIn", "Long Thanh")}),
    # participation precision: a summit only mentioned in a statement is not attended
    (D2025, "Minister Le Van Tam said Vietnam would prepare well for the 48th ASEAN Summit.",
     set(), {("Le Van Tam", "participatedIn", "48th ASEAN Summit")}),
    (D2025, "Colonel Ivan Petrov informed the attachés about preparations for the 5th Hanoi "
            "Defence Expo.",
     set(), {("Ivan Petrov", "participatedIn", "5th Hanoi Defence Expo")}),
    # historical mentions without a year: the person, not a role
    (D2025, "The delegation visited Kim Lien, the birthplace of President Ho Chi Minh.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
    (D2025, "They toured the stilt house where President Ho Chi Minh lived and worked.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
]


@pytest.mark.parametrize(("day", "text", "expected", "absent"), ROUND5_CASES)
def test_round5_generalisation(day, text, expected, absent):
    found = triples(text, day)
    assert expected <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(("text", "person", "not_people"), [
    ("Deputy Tran Van Khoa from Quang Tri province asked the minister about housing.",
     "Tran Van Khoa", {"Deputy Tran Van Khoa"}),
    ("Colonel Carlos Mendez, Dean of the Military Attaché Corps, spoke.", "Carlos Mendez",
     {"Dean"}),
])
def test_round5_people(text, person, not_people):
    found = entities_of(text).get("Person", set())
    assert person in found and not (not_people & found), found


# Round 6: envoys carry their sender; "outgoing" is no part of an office's name (own sentences).
ROUND6_ENVOY_CASES = [
    ("Belgium Ambassador Anne-Marie Dupont presented her credentials in Hanoi.",
     {("Anne-Marie Dupont", "holdsRole", "Ambassador of Belgium to Vietnam")},
     {("Anne-Marie Dupont", "holdsRole", "Ambassador")}),
    ("Ethiopian Ambassador Abebe Tadesse met Vietnamese Ambassador to Egypt Nguyen Huy Dung.",
     {("Abebe Tadesse", "holdsRole", "Ambassador of Ethiopia to Vietnam"),
      ("Nguyen Huy Dung", "holdsRole", "Ambassador to Egypt")},
     {("Nguyen Huy Dung", "holdsRole", "Ambassador of Egypt to Vietnam")}),
    ("ASEAN Ambassador to Vietnam Lars Henrik met Deputy Minister Le Thi Thu Hang.",
     {("Lars Henrik", "holdsRole",
       "Ambassador of the Association of Southeast Asian Nations to Vietnam")},
     {("Lars Henrik", "holdsRole", "Ambassador to Vietnam")}),
    ("Tanzania's Ambassador Amani Mwakyusa called on the minister.",
     {("Amani Mwakyusa", "holdsRole", "Ambassador of Tanzania to Vietnam")}, set()),
]


@pytest.mark.parametrize(("text", "expected", "absent"), ROUND6_ENVOY_CASES)
def test_round6_envoys(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_round6_outgoing_is_not_in_the_role_label():
    text = "The outgoing Korean Ambassador Park Ji-hoon called on the minister."
    (extraction,) = extract_articles([Article("t.txt", text, "0", date=dt.date(2024, 6, 18))])
    forms = {form for e in extraction.entities if e.ref.type.value == "Role"
             for form in (e.label, *e.alt_labels)}
    assert "Korean Ambassador" in forms, forms
    assert not any("outgoing" in form for form in forms), forms


# Round 6: a name opened by a Vietnamese family name is a person even when the model missed it.
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Đỗ Minh Hưng, Secretary of the Nghe An provincial Party Committee, chaired the meeting.",
     {("Đỗ Minh Hưng", "holdsRole", "Secretary of the Nghe An provincial Party Committee")},
     set()),
    ("The conference elected Phạm Quốc Hùng as Secretary of the Ca Mau provincial Party Committee.",
     {("Phạm Quốc Hùng", "holdsRole", "Secretary of the Ca Mau provincial Party Committee")},
     set()),
])
def test_round6_vietnamese_names(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_round6_places_opened_by_a_family_name_stay_places():
    found = entities_of("Delegates toured Ho Chi Minh City and Ha Long Bay with Le Van Tam.")
    assert found.get("Person") == {"Le Van Tam"}, found


# Round 6: plural titles give singular roles; a passive election may omit "as" (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Attending were Deputy Secretaries of the Nghe An provincial Party Committee Hoàng Nghĩa "
     "Hiếu and Võ Văn Dũng.",
     {("Hoàng Nghĩa Hiếu", "holdsRole",
       "Deputy Secretary of the Nghe An provincial Party Committee"),
      ("Võ Văn Dũng", "holdsRole", "Deputy Secretary of the Nghe An provincial Party Committee")},
     {("Võ Văn Dũng", "holdsRole",
       "Deputy Secretaries of the Nghe An provincial Party Committee")}),
    ("Tran Thi Mai and Vo Thi Hoa were elected Vice Chairwomen of the Nghe An provincial "
     "Farmers' Association.",
     {("Tran Thi Mai", "holdsRole",
       "Vice Chairwoman of the Nghe An provincial Farmers' Association"),
      ("Vo Thi Hoa", "holdsRole",
       "Vice Chairwoman of the Nghe An provincial Farmers' Association")},
     set()),
    ("Le Van Son was elected Chairman of the Hai Duong provincial People's Committee on Tuesday.",
     {("Le Van Son", "holdsRole", "Chairman of the Hai Duong provincial People's Committee")},
     {("Le Van Son", "holdsRole",
       "Chairman of the Hai Duong provincial People's Committee on Tuesday")}),
    # a body "on" a capitalised field still continues
    ("Pham Thi Lan was elected Chairwoman of the National Assembly Committee on Social Affairs.",
     {("Pham Thi Lan", "holdsRole",
       "Chairwoman of the National Assembly Committee on Social Affairs")}, set()),
    # lower-case after the verb: no title
    ("Ten delegates were elected unanimously at the congress.", set(),
     {("Ten", "holdsRole", "unanimously")}),
])
def test_round6_plural_and_elected_titles(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


# Round 6: an event's body continues through a possessive into the body's part (own sentences).
@pytest.mark.parametrize(("text", "event", "not_event"), [
    ("The 15th meeting of the Party Central Committee's Propaganda Commission opened in Hanoi "
     "on June 3.", "15th meeting of the Party Central Committee's Propaganda Commission",
     "15th meeting of the Party Central Committee"),
    ("The ninth session of the National Assembly's Standing Committee closed on Friday.",
     "ninth session of the National Assembly's Standing Committee",
     "ninth session of the National Assembly"),
    # a possessive not followed by a body's part ends the name
    ("The 7th plenum of the Party Central Committee's decision was announced.",
     "7th plenum of the Party Central Committee",
     "7th plenum of the Party Central Committee's decision"),
])
def test_round6_event_through_possessive(text, event, not_event):
    events = entities_of(text).get("Event", set())
    assert event in events and not_event not in events, events


# Round 6: law names through "to", lower-case topics after a named head, issuers (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("The National Assembly passed the Law on Response to Public Emergencies last year.",
     {("Law on Response to Public Emergencies", "guides", "Response to Public Emergencies"),
      ("Law on Response to Public Emergencies", "issuedBy", "National Assembly")},
     {("Law on Response", "guides", "Response")}),
    # "to" a body belongs to the verb, not to the name
    ("The ministry submitted the Law on Planning to National Assembly deputies.",
     {("Law on Planning", "guides", "Planning")}, set()),
    ("Vietnam has ratified the IAEA Convention on nuclear safety.",
     {("IAEA Convention on nuclear safety", "guides", "nuclear safety"),
      ("IAEA Convention on nuclear safety", "issuedBy", "International Atomic Energy Agency")},
     set()),
    # a topic stops where the main clause's subject starts after a comma
    ("Under Regulation 45-QĐ/TW on supervision of Party members, the committee reviewed 12 cases.",
     {("Regulation 45-QĐ/TW", "guides", "supervision of Party members")},
     {("Regulation 45-QĐ/TW", "guides", "supervision of Party members, the committee")}),
    ("Decree 12/2024/NĐ-CP on wages, salaries and bonuses takes effect in July.",
     {("Decree 12/2024/NĐ-CP", "guides", "wages, salaries and bonuses")}, set()),
])
def test_round6_document_names_and_topics(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_round6_convention_named_by_a_body_is_no_event():
    found = entities_of("Vietnam has ratified the IAEA Convention on nuclear safety.")
    assert "Event" not in found, found


# Round 6: lower-case missions and landmarks (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Nguyen Van Thanh, head of the Vietnamese delegation to the WTO, spoke at the meeting.",
     {("Nguyen Van Thanh", "holdsRole",
       "Head of the Vietnamese Delegation to the World Trade Organization")},
     {("Nguyen Van Thanh", "holdsRole", "Head of the Vietnamese")}),
    # no destination: no mission role
    ("Pham Hung, head of the delegation, thanked the hosts.", set(),
     {("Pham Hung", "holdsRole", "Head of the")}),
])
def test_round6_missions(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize("text", [
    "The tourists visited Ban Gioc Waterfall on Sunday.",
    "The delegation toured Hoa Lu Citadel with local officials.",
])
def test_round6_landmarks_are_not_people(text):
    assert "Person" not in entities_of(text), entities_of(text)


# Round 6: elections past an appositive; a name right after a body (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("The conference elected Vo Van Minh, Vice Chairman of the Nghe An provincial People's "
     "Committee, as Deputy Secretary of the provincial Party Committee.",
     {("Vo Van Minh", "holdsRole", "Deputy Secretary of the Nghe An provincial Party Committee"),
      ("Vo Van Minh", "holdsRole", "Vice Chairman of the Nghe An provincial People's Committee")},
     set()),
    # a former post gives the person, not the role
    ("The Politburo decided to expel from the Party Tran Van Hai, former Director of the Nam "
     "Dinh Department of Health.", set(),
     {("Tran Van Hai", "holdsRole", "Director of the Nam Dinh Department of Health")}),
])
def test_round6_elections_and_names_after_bodies(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_round6_name_after_a_body_is_a_person():
    found = entities_of("The Politburo decided to expel from the Party Tran Van Hai, former "
                        "Director of the Nam Dinh Department of Health.")
    assert found.get("Person") == {"Tran Van Hai"}, found


# Round 6: farewell calls are meetings; countries are members (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Ethiopian Ambassador Abebe Tadesse paid a farewell call on Deputy Prime Minister Pham "
     "Duc Long.", {("Abebe Tadesse", "met", "Pham Duc Long")}, set()),
    ("Ambassador Ingrid Solberg bid farewell to Minister Vo Thanh Tam on Monday.",
     {("Ingrid Solberg", "met", "Vo Thanh Tam")}, set()),
    ("Vietnam and Peru are both members of APEC.",
     {("Vietnam", "memberOf", "Asia-Pacific Economic Cooperation"),
      ("Peru", "memberOf", "Asia-Pacific Economic Cooperation")}, set()),
    ("Thailand's work as a member of the UN Human Rights Council was praised.",
     {("Thailand", "memberOf", "United Nations Human Rights Council")},
     {("Human Rights Council", "memberOf", "United Nations")}),
    # a partner is no member
    ("Vietnam and Peru are partners of the EU.", set(),
     {("Vietnam", "memberOf", "European Union"), ("Peru", "memberOf", "European Union")}),
])
def test_round6_meetings_and_memberships(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


# Round 6: "Thế" inside a name; an appositive title list ends at ", and" (own sentences).
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Attending was Deputy Secretary of the Nghe An provincial Party Committee Nguyễn Thế Anh.",
     {("Nguyễn Thế Anh", "holdsRole",
       "Deputy Secretary of the Nghe An provincial Party Committee")},
     {("Nguyễn", "holdsRole", "Deputy Secretary of the Nghe An provincial Party Committee")}),
    ("Pham Van Dung, Vietnamese Ambassador to Kenya and head of the Vietnamese delegation to "
     "the WTO, and Brazilian Ambassador Marcos Santos attended.",
     {("Pham Van Dung", "holdsRole", "Ambassador to Kenya"),
      ("Marcos Santos", "holdsRole", "Ambassador of Brazil to Vietnam")},
     {("Marcos Santos", "holdsRole", "Ambassador to Kenya"),
      ("Marcos Santos", "holdsRole",
       "Head of the Vietnamese Delegation to the World Trade Organization")}),
])
def test_round6_names_and_appositive_lists(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not (absent & found), found


# Round 6: a title list mixing membership and offices, with a body's acronym (own sentences).
@pytest.mark.parametrize(("text", "expected"), [
    ("Politburo member, Secretary of the Party Central Committee and Chairman of the CIC Tran "
     "Van Nam chaired the session.",
     {("Tran Van Nam", "memberOf", "Politburo"),
      ("Tran Van Nam", "holdsRole", "Secretary of the Party Central Committee"),
      ("Tran Van Nam", "holdsRole", "Chairman of the Central Inspection Commission")}),
    ("Le Van Hai, Head of the Party Central Committee's Economic Commission, spoke.",
     {("Le Van Hai", "holdsRole", "Head of the Central Economic Commission")}),
])
def test_round6_title_lists(text, expected):
    found = triples(text)
    assert expected <= found, found


def test_round6_a_charter_named_by_its_body_has_no_prefix_issuer():
    found = triples("The ASEAN Charter on regional cooperation entered into force in 2008.")
    assert not any(relation == "issuedBy" for _s, relation, _o in found), found


def test_round6_a_longer_capitalised_run_is_no_vietnamese_name():
    found = entities_of("Visitors came to the Ho Chi Minh Relic Site in the Presidential Palace.")
    assert "Person" not in found, found


# Round 7: blind5 patterns, own sentences.

@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a topic drops its leading determiner, like every other label
    ("Resolution No. 88/NQ-CP on the expansion of rural electricity networks was discussed.",
     {("Resolution 88/NQ-CP", "guides", "expansion of rural electricity networks")},
     {("Resolution 88/NQ-CP", "guides", "the expansion of rural electricity networks")}),
    ("Decision No. 14/QD-TTg on a pilot scheme for river ports was signed.",
     {("Decision 14/QD-TTg", "guides", "pilot scheme for river ports")},
     {("Decision 14/QD-TTg", "guides", "a pilot scheme for river ports")}),
    # the issuer of a future decree guiding a law is not the law's issuer
    ("The minister proposed that the Government soon issue a decree guiding the revised Law on "
     "Land Management.",
     {("Law on Land Management", "guides", "Land Management")},
     {("Law on Land Management", "issuedBy", "Government of Vietnam")}),
    # a relative clause after the document gives its issuer, date and topic
    ("Decree No. 45/2024/ND-CP, which the Government issued on March 3, 2024 on the protection "
     "of marine reserves, took effect.",
     {("Decree 45/2024/ND-CP", "issuedBy", "Government of Vietnam"),
      ("Decree 45/2024/ND-CP", "date", "2024-03-03"),
      ("Decree 45/2024/ND-CP", "guides", "protection of marine reserves")},
     set()),
])
def test_round7_document_topics_and_issuers(text, expected, absent):
    found = triples(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # envoy titles after a name keep their posting
    ("Kenji Sato, Ambassador of Japan to Laos, attended the reception.",
     {("Kenji Sato", "holdsRole", "Ambassador of Japan to Laos")},
     {("Kenji Sato", "holdsRole", "Ambassador of Japan")}),
    ("Maria Lopez, Consul General of Spain in Da Nang, attended the reception.",
     {("Maria Lopez", "holdsRole", "Consul General of Spain in Da Nang")},
     {("Maria Lopez", "holdsRole", "Consul General of Spain")}),
    # "Minister for <fields>" is a title like "Minister of <fields>"
    ("The delegation met Minister for Culture and Sport Tan Boon Hock in the capital.",
     {("Tan Boon Hock", "holdsRole", "Minister for Culture and Sport")},
     set()),
])
def test_round7_foreign_titles(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ministry of Finance presented Circular No. 21/2024/TT-BTC, which it issued "
     "on April 9, 2024 to guide customs valuation.",
     {("Circular 21/2024/TT-BTC", "issuedBy", "Ministry of Finance"),
      ("Circular 21/2024/TT-BTC", "date", "2024-04-09"),
      ("Circular 21/2024/TT-BTC", "guides", "customs valuation")}),
])
def test_round7_relative_clause_with_it(text, expected):
    assert expected <= triples(text)


def test_round7_it_does_not_reach_into_an_earlier_sentence():
    found = triples("The Government met on Monday. The agency presented Circular No. "
                    "21/2024/TT-BTC, which it issued on April 9, 2024 to guide customs valuation.")
    assert ("Circular 21/2024/TT-BTC", "date", "2024-04-09") in found
    assert ("Circular 21/2024/TT-BTC", "issuedBy", "Government of Vietnam") not in found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "<Body> held its <ordinal> session": that body's session, with its venue and date
    ("The National Assembly Standing Committee held its 31st session in Hanoi on May 6, 2024.",
     {("31st session of the National Assembly Standing Committee", "heldIn", "Hanoi")},
     set()),
    # no organisation before "its": no event
    ("The province held its 12th festival last week.",
     set(),
     {("12th festival", "heldIn", "province")}),
])
def test_round7_a_body_holds_its_session(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


# --- round 8: blind6 patterns, each with sentences of our own -----------------------------------

D2026 = dt.date(2026, 3, 12)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "Attending the event were ...": "the event" is the last event of any kind
    ("The 12th Vietnam-Indonesia Business Forum opened in Jakarta on March 4. Attending the "
     "event were Minister of Industry and Trade Nguyen Hong Dien and Indonesian Trade Minister "
     "Budi Santoso.",
     {("Nguyen Hong Dien", "participatedIn", "12th Vietnam-Indonesia Business Forum"),
      ("Budi Santoso", "participatedIn", "12th Vietnam-Indonesia Business Forum")}, set()),
    # "The forum was co-chaired by X and attended by Y"; "At the forum, Z ..."
    ("The Mekong Water Forum opened in Can Tho on 3 May. At the forum, Thai Deputy Foreign "
     "Minister Somchai Jaidee spoke. The forum was co-chaired by Minister of Natural Resources "
     "Do Duc Duy and attended by Lao Deputy Minister Phet Sayavong.",
     {("Somchai Jaidee", "participatedIn", "Mekong Water Forum"),
      ("Do Duc Duy", "participatedIn", "Mekong Water Forum"),
      ("Phet Sayavong", "participatedIn", "Mekong Water Forum")}, set()),
    # "Speaking at the summit", "also attended the summit"
    ("The 5th ASEAN-Japan Youth Summit took place in Hue on July 2. Speaking at the summit, "
     "Minister of Education Nguyen Kim Son praised the volunteers. Deputy Minister of "
     "Education Le Van Anh also attended the summit.",
     {("Nguyen Kim Son", "participatedIn", "5th ASEAN-Japan Youth Summit"),
      ("Le Van Anh", "participatedIn", "5th ASEAN-Japan Youth Summit")}, set()),
    # no earlier event of that kind: no link
    ("Minister of Finance Ho Duc Phoc attended the ceremony in Ha Noi on May 5.",
     {("Ho Duc Phoc", "holdsRole", "Minister of Finance")}, set()),
    # an anaphor outside the cue's clause is not the event attended
    ("The 3rd Hanoi Book Festival opened on May 2. Minister Le Van Binh, who praised the "
     "festival, attended a dinner with Ambassador Tran Van Cuong.",
     set(), {("Tran Van Cuong", "participatedIn", "3rd Hanoi Book Festival")}),
])
def test_round8_event_anaphors(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a generic event after a hosting verb; its host and guest take part
    ("Prime Minister Pham Minh Chinh hosted an official welcome ceremony in Ha Noi on May 3 for "
     "Indonesian President Prabowo Subianto. The ceremony was attended by Deputy Prime "
     "Minister Tran Hong Ha.",
     {("official welcome ceremony", "heldIn", "Hanoi"),
      ("official welcome ceremony", "date", "2024-05-03"),
      ("Pham Minh Chinh", "participatedIn", "official welcome ceremony"),
      ("Prabowo Subianto", "participatedIn", "official welcome ceremony"),
      ("Tran Hong Ha", "participatedIn", "official welcome ceremony")}, set()),
    # "held a conference to <verb> ..." (the purpose names it); "On <date>, X held <event>"
    ("On July 7, the Nghe An provincial Party Committee held a conference to launch Directive "
     "12-CT/TU. The conference was chaired by Nguyen Duc Trung.",
     {("conference to launch Directive 12-CT/TU", "date", "2024-07-07"),
      ("Nguyen Duc Trung", "participatedIn", "conference to launch Directive 12-CT/TU")},
     set()),
    # a bare head or a press conference is no event
    ("Minister of Finance Ho Duc Phoc held a press conference in Ha Noi on May 5. He also held "
     "a conference. Attending the event were Deputy Minister Le Van Binh.",
     set(), {("Le Van Binh", "participatedIn", "press conference"),
             ("press conference", "heldIn", "Hanoi")}),
])
def test_round8_hosted_events(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


def test_round8_hosted_events_are_local_to_their_article():
    texts = ["State President Luong Cuong hosted an official welcome ceremony for Chilean "
             "President Gabriel Boric.",
             "Prime Minister Pham Minh Chinh hosted an official welcome ceremony for Thai "
             "Prime Minister Paetongtarn Shinawatra."]
    articles = [Article(f"t{i}.txt", t, str(i), date=D2026) for i, t in enumerate(texts)]
    refs = [e.ref for x in extract_articles(articles) for e in x.entities
            if e.label == "official welcome ceremony"]
    assert len(refs) == 2 and refs[0] != refs[1]


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # place and date as prepositional phrases of the event's verb; an appositive capital
    ("The 9th meeting of the Vietnam-Cambodia Joint Committee on Trade took place in the "
     "Cambodian capital of Phnom Penh on October 14, co-chaired by the two ministers.",
     {("9th meeting of the Vietnam-Cambodia Joint Committee on Trade", "heldIn", "Phnom Penh"),
      ("9th meeting of the Vietnam-Cambodia Joint Committee on Trade", "date", "2024-10-14")},
     set()),
    # "<City> city, the <region> province of <Province>, on <date>": both places, the date
    ("The second ASEAN Digital Ministers' Forum opened in Nha Trang city, the central "
     "province of Khanh Hoa, on March 9, bringing together ministers from ten countries.",
     {("second ASEAN Digital Ministers' Forum", "heldIn", "Nha Trang"),
      ("second ASEAN Digital Ministers' Forum", "heldIn", "Khanh Hoa"),
      ("second ASEAN Digital Ministers' Forum", "date", "2024-03-09")},
     {("second ASEAN Digital Ministers' Forum", "heldIn", "Nha Trang city")}),
    # the date before the place
    ("The 4th Vietnam-Thailand Joint Cabinet Retreat was held on February 16 in Bangkok.",
     {("4th Vietnam-Thailand Joint Cabinet Retreat", "heldIn", "Bangkok"),
      ("4th Vietnam-Thailand Joint Cabinet Retreat", "date", "2024-02-16")}, set()),
])
def test_round8_event_subject_clauses(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "places", "not_places"), [
    # a curated city before "city" is that city; a curated province before "city" is the
    # province's city (never merged with the province)
    ("Delegates gathered in Hue city and in Quang Ninh province.", {"Hue", "Quang Ninh"},
     {"Hue city", "Quang Ninh province"}),
    ("The fair was held in Nam Dinh city.", {"Nam Dinh city"}, set()),
])
def test_round8_place_words_after_curated_places(text, places, not_places):
    found = entities_of(text).get("Place", set())
    assert places <= found, found
    assert not not_places & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a capitalised kind + "on <lower-case topic>", also two in a list and with "between ..."
    ("The two ministers witnessed the signing of a Memorandum of Understanding on cooperation "
     "in vocational training and an Agreement on mutual legal assistance in civil matters.",
     {("Memorandum of Understanding on cooperation in vocational training", "guides",
       "cooperation in vocational training"),
      ("Agreement on mutual legal assistance in civil matters", "guides",
       "mutual legal assistance in civil matters")}, set()),
    ("They also signed a Protocol on avoiding double taxation between the two countries.",
     {("Protocol on avoiding double taxation", "guides", "avoiding double taxation")}, set()),
    # a place before the kind; a capitalised word opening a lower-case topic
    ("At the end of the meeting, the ministers adopted the Vientiane Joint Statement on ASEAN "
     "connectivity for inclusive growth.",
     {("Vientiane Joint Statement on ASEAN connectivity for inclusive growth", "guides",
       "ASEAN connectivity for inclusive growth")}, set()),
    # lower-case "an agreement on" is no document
    ("The two sides reached an agreement on fishing rights.",
     set(), {("agreement on fishing rights", "guides", "fishing rights")}),
])
def test_round8_documents_without_a_number(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found
    assert not any(s.startswith("agreement") for s, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    # the anaphor's clause names the signer before the date
    ("The Politburo has issued Regulation No. 96-QD/TW on vote of confidence. The regulation, "
     "signed by Politburo member and Permanent Member of the Secretariat Luong Cuong on "
     "February 2, 2023, takes effect immediately.",
     {("Regulation 96-QD/TW", "date", "2023-02-02")}),
    # ", dated <day month>," takes the article's year
    # the year in the number dates the yearless day (round 17; was the article's year)
    ("The Government has issued Decree No. 15/2025/ND-CP, dated January 3, on land pricing.",
     {("Decree 15/2025/ND-CP", "date", "2025-01-03")}),
])
def test_round8_document_dates(text, expected):
    assert expected <= triples(text)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an honorific between the title and the name
    ("Secretary-General of the Commonwealth Dr Shirley Botchwey addressed the forum.",
     {("Shirley Botchwey", "holdsRole", "Secretary-General of the Commonwealth")}, set()),
    # a foreign demonym qualifies every title of the chain; a field list goes on past a known
    # ministry's name
    ("Present were Cambodian Deputy Prime Minister and Minister of Commerce Cham Nimul.",
     {("Cham Nimul", "holdsRole", "Deputy Prime Minister of Cambodia"),
      ("Cham Nimul", "holdsRole", "Minister of Commerce of Cambodia")}, set()),
    ("Thai Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation "
     "Somsak Thepsuthin spoke.",
     {("Somsak Thepsuthin", "holdsRole",
       "Minister of Foreign Affairs and International Cooperation of Thailand")},
     {("Somsak Thepsuthin", "holdsRole", "Minister of Foreign Affairs")}),
    # a possessive country (also one named like its demonym) and its own qualifier
    ("Present were Myanmar's Union Minister for Investment Kan Zaw and Indonesia's "
     "Coordinating Minister for Economic Affairs Airlangga Hartarto.",
     {("Kan Zaw", "holdsRole", "Union Minister for Investment of Myanmar"),
      ("Airlangga Hartarto", "holdsRole",
       "Coordinating Minister for Economic Affairs of Indonesia")},
     set()),
    # a bare "Ambassador X" adds nothing when X holds a fuller ambassadorship
    ("Norwegian Ambassador to Vietnam Hilde Solbakken attended. Ambassador Solbakken said "
     "ties were good.",
     {("Hilde Solbakken", "holdsRole", "Ambassador of Norway to Vietnam")},
     {("Hilde Solbakken", "holdsRole", "Ambassador")}),
])
def test_round8_roles(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Prime Minister Pham Minh Chinh held talks with Brazilian President Luiz Inacio Lula da "
     "Silva in Ha Noi. Later that day, the Brazilian leader met Party General Secretary To Lam.",
     {("Luiz Inacio Lula da Silva", "met", "To Lam")}, set()),
    ("State President Luong Cuong welcomed Chilean President Gabriel Boric in Ha Noi. The "
     "visiting President also met Prime Minister Pham Minh Chinh.",
     {("Gabriel Boric", "met", "Pham Minh Chinh")}, set()),
    # a minister is no "leader" of the visit
    ("Indonesian Foreign Minister Sugiono visited Ha Noi. The Indonesian leader met Prime "
     "Minister Pham Minh Chinh.",
     set(), {("Sugiono", "met", "Pham Minh Chinh")}),
])
def test_round8_visiting_leader_meets(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


# --- round 9: generic events in event clauses, visits, venue names, roles, topics -----------


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the subject of "was held": venue, date and the people "attended by" names
    ("A flag-raising ceremony was held in Hanoi on March 3, attended by Deputy Prime Minister "
     "Tran Hong Ha and Ambassador Nguyen Van Nam.",
     {("flag-raising ceremony", "heldIn", "Hanoi"), ("flag-raising ceremony", "date", "2024-03-03"),
      ("Tran Hong Ha", "participatedIn", "flag-raising ceremony"),
      ("Nguyen Van Nam", "participatedIn", "flag-raising ceremony")}, set()),
    # hosted, with its guests ("with the ..."), a venue after the guests
    ("Minister of Culture Nguyen Van Hung on November 2 hosted a mid-autumn gathering with the "
     "overseas Vietnamese community in Da Nang.",
     {("Nguyen Van Hung", "participatedIn",
       "mid-autumn gathering with the overseas Vietnamese community"),
      ("mid-autumn gathering with the overseas Vietnamese community", "date", "2024-11-02"),
      ("mid-autumn gathering with the overseas Vietnamese community", "heldIn", "Da Nang")},
     set()),
    # "At the <modifier> ceremony, X ..." opening the sentence
    ("At the farewell ceremony, Deputy Minister of National Defence Le Huy Vinh urged the crew "
     "to be disciplined.",
     {("Le Huy Vinh", "participatedIn", "farewell ceremony")}, set()),
    # "joined X at a ... ceremony", dated "on the morning of <date>"
    ("On the morning of May 4, the Lao delegation joined Chairman of the Da Nang People's "
     "Committee Le Trung Chinh at a flower-offering ceremony in Da Nang.",
     {("Le Trung Chinh", "participatedIn", "flower-offering ceremony"),
      ("flower-offering ceremony", "date", "2024-05-04"),
      ("flower-offering ceremony", "heldIn", "Da Nang")}, set()),
    # the object of "attended": a joint exercise
    ("Vietnam attended the joint naval exercise in Bali.",
     {("Vietnam", "participatedIn", "joint naval exercise"),
      ("joint naval exercise", "heldIn", "Bali")}, set()),
    # no event for a bare "the ceremony" without an antecedent, nor for an abstract noun
    ("The ceremony was held in Hue on June 2. The exercise of power must be controlled by "
     "Minister Tran Van Son.",
     set(), {("ceremony", "heldIn", "Hue"), ("Tran Van Son", "participatedIn", "exercise")}),
])
def test_round9_generic_events_in_event_clauses(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "events"), [
    # "a <head> for <guests>": a bare head, named by whom it is for
    ("Later that day, the Vietnam - Laos Friendship Association of Da Nang held a get-together "
     "for the guests.", {"get-together"}),
    ("He attended a conference in Hanoi and spoke at the seminar.", set()),
    ("The exercise of power must be controlled.", set()),
    ("Deputy Minister Tran Van Son held a press conference in Hanoi.", set()),
    # a clause before the hosting verb is no part of the name
    ("Minister Tran Van Son said the ministry held a conference to review rice exports in "
     "Can Tho.", {"conference to review rice exports"}),
    # the opening or closing ceremony is part of the event it opens or closes
    ("Chairman Tran Van Son speaks at the closing ceremony of the congress.", set()),
    # a long purpose is kept to the end of its noun phrase
    ("Prime Minister Tran Van Son on May 9 chaired a national conference to review and "
     "implement the Government's Resolution 12/NQ-CP on digital transformation in public "
     "administration.",
     {"national conference to review and implement the Government's Resolution 12/NQ-CP on "
      "digital transformation in public administration"}),
])
def test_round9_generic_event_entities(text, events):
    found = next(extract_articles([Article("t.txt", text, "t", date=D2026)]))
    assert {e.label for e in found.entities if e.ref.type.name == "EVENT"} == events


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a venue named with a capitalised place word, then its city
    ("Minister Tran Van Son hosted a year-end gathering with the diplomatic corps at the "
     "Government Guest House in Hanoi.",
     {("year-end gathering with the diplomatic corps", "heldIn", "Government Guest House"),
      ("year-end gathering with the diplomatic corps", "heldIn", "Hanoi")}, set()),
    ("The 5th Asian Film Festival will take place at the Thong Nhat Hall on April 30.",
     {("5th Asian Film Festival", "heldIn", "Thong Nhat Hall")}, set()),
    # a monument named after a leader is a place: no person, no role, no participant
    ("On the morning of May 4, the delegation joined Chairman Le Trung Chinh at a "
     "flower-offering ceremony at the President Ho Chi Minh Monument in Da Nang.",
     {("flower-offering ceremony", "heldIn", "President Ho Chi Minh Monument"),
      ("flower-offering ceremony", "heldIn", "Da Nang")},
     {("Ho Chi Minh", "holdsRole", "State President"),
      ("Ho Chi Minh", "participatedIn", "flower-offering ceremony")}),
    # an anaphor opening the sentence gives the venue of the event it names, not a date
    ("Party General Secretary To Lam on May 18 chaired a national conference to implement "
     "Resolution 68-NQ/TW. The conference was held at the National Convention Centre in Ha Noi "
     "on May 20.",
     {("national conference to implement Resolution 68-NQ/TW", "heldIn",
       "National Convention Centre"),
      ("national conference to implement Resolution 68-NQ/TW", "date", "2024-05-18")},
     {("national conference to implement Resolution 68-NQ/TW", "date", "2024-05-20")}),
    ("State President Luong Cuong hosted an official welcome ceremony for Kenyan President "
     "William Ruto. The ceremony at the Presidential Palace was attended by Deputy Prime "
     "Minister Tran Hong Ha.",
     {("official welcome ceremony", "heldIn", "Presidential Palace")}, set()),
    # a place inside an event's own name is no venue of the verb it hangs from
    ("Delegates vote at the 2nd Congress of the Tuyen Quang Provincial Party Organisation.",
     set(), {("2nd Congress of the Tuyen Quang Provincial Party Organisation", "heldIn",
              "Tuyen Quang")}),
])
def test_round9_named_venues(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "people"), [
    ("The delegation laid a wreath at the President Ho Chi Minh Monument.", set()),
    ("Chairman Le Trung Chinh welcomed the guests at the Reunification Hall.", {"Le Trung Chinh"}),
])
def test_round9_venues_are_not_people(text, people):
    found = next(extract_articles([Article("t.txt", text, "t", date=D2026)]))
    assert {e.label for e in found.entities if e.ref.type.name == "PERSON"} == people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a document the topic's implementing verb names is part of the topic
    ("On May 2, the Government issued Resolution 45/NQ-CP on the Government's programme to "
     "implement Directive 12-CT/TW, the minister said.",
     {("Resolution 45/NQ-CP", "guides", "Government's programme to implement Directive 12-CT/TW"),
      ("Directive 12-CT/TW", "documentNumber", "12-CT/TW")}, set()),
    # another verb's document is not: the purpose stops before it
    ("The Government issued Decree 12/2024/ND-CP on pensions to replace Decree 5/2020/ND-CP.",
     {("Decree 12/2024/ND-CP", "guides", "pensions")},
     {("Decree 12/2024/ND-CP", "guides", "pensions to replace")}),
    # a law's title-case name stops before "and the <body>'s <document>"
    ("The reform follows the Law on Public Investment and the National Assembly's Resolution "
     "150/2024/QH15 on the merger of communes.",
     {("Law on Public Investment", "guides", "Public Investment"),
      ("Resolution 150/2024/QH15", "guides", "merger of communes"),
      ("Resolution 150/2024/QH15", "issuedBy", "National Assembly")},
     {("Law on Public Investment and the National Assembly's Resolution", "guides",
       "Public Investment and the National Assembly's Resolution")}),
])
def test_round9_topics_around_second_documents(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a country's officer posted abroad keeps the posting
    ("The guests included Defence Attache of Vietnam in Thailand Senior Colonel Pham Van Hoa.",
     {("Pham Van Hoa", "holdsRole", "Defence Attache of Vietnam in Thailand")}, set()),
    ("Military Attache of Japan in Vietnam Colonel Sato Kenji attended.",
     {("Sato Kenji", "holdsRole", "Military Attache of Japan in Vietnam")}, set()),
    # a mission to a country
    ("Also present was Head of the EU Delegation to Laos Aurelia Bouchez.",
     {("Aurelia Bouchez", "holdsRole", "Head of the European Union Delegation to Laos")},
     set()),
    # a numbered unit of a body keeps its number
    ("The delegation was led by Colonel Le Van Hung, Deputy Commander of Naval Region 3.",
     {("Le Van Hung", "holdsRole", "Deputy Commander of Naval Region 3")},
     {("Le Van Hung", "holdsRole", "Deputy Commander of the Naval Region")}),
    ("Major General Tran Van Binh, Commander of Military Zone 7, attended.",
     {("Tran Van Binh", "holdsRole", "Commander of Military Zone 7")}, set()),
    # a foreign demonym keeps "Vice" ("Vice President", not the President)
    ("Paraguayan Vice President Maria Lopez welcomed him.",
     {("Maria Lopez", "holdsRole", "Vice President of Paraguay")},
     {("Maria Lopez", "holdsRole", "President of Paraguay")}),
    ("Peruvian President Dina Boluarte met him.",
     {("Dina Boluarte", "holdsRole", "President of Peru")}, set()),
])
def test_round9_roles_kept_whole(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the visitor of "who is paying a state visit"; the country is the venue
    ("State President Luong Cuong hosted an official welcome ceremony in Hanoi on May 3 for "
     "Chilean President Gabriel Boric, who is paying a state visit to Vietnam.",
     {("Gabriel Boric", "participatedIn", "state visit to Vietnam"),
      ("state visit to Vietnam", "heldIn", "Vietnam")},
     {("Luong Cuong", "participatedIn", "state visit to Vietnam")}),
    # a possessive visitor; the kind of visit as written
    ("Minister Tran Van Son's official visit to Brazil, from May 2 to 5, is the first in a "
     "decade.",
     {("Tran Van Son", "participatedIn", "official visit to Brazil"),
      ("official visit to Brazil", "heldIn", "Brazil")}, set()),
    # the subject of "paid"; "who is on a working visit to the Philippines"
    ("Deputy Prime Minister Bui Thanh Son paid an official visit to Singapore from February "
     "24-26.",
     {("Bui Thanh Son", "participatedIn", "official visit to Singapore")}, set()),
    ("General Phan Van Giang, who is on a working visit to the Philippines, met Gilberto "
     "Teodoro.",
     {("Phan Van Giang", "participatedIn", "working visit to the Philippines"),
      ("working visit to the Philippines", "heldIn", "Philippines")}, set()),
])
def test_round9_visits(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize("text", [
    "President Luong Cuong will pay an official visit to the Andean nation.",  # no country named
    "The two ministers recalled the visit to Laos in 1962 by President Ho Chi Minh.",
])
def test_round9_no_visit_event(text):
    found = next(extract_articles([Article("t.txt", text, "t", date=D2026)]))
    assert not [e for e in found.entities if e.ref.type.name == "EVENT"]


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "Among the guests were X, <title>, and Y, <title>": the event of the sentence before
    ("Minister of Culture Tran Van Son on March 2 hosted a spring gathering with artists in Hue. "
     "Among the guests were Nguyen Van Hai, Chairman of the Hue People's Committee, and Le Thi "
     "Mai, Director of the Hue Museum.",
     {("Nguyen Van Hai", "participatedIn", "spring gathering with artists"),
      ("Nguyen Van Hai", "holdsRole", "Chairman of the Hue People's Committee"),
      ("Le Thi Mai", "participatedIn", "spring gathering with artists"),
      ("Le Thi Mai", "holdsRole", "Director of the Hue Museum")}, set()),
    # "Attending were ...", after the event the sentence before names
    ("Prime Minister Pham Van Long chaired a national conference on digital transformation in "
     "Hanoi. Attending were Deputy Prime Minister Tran Quoc Vinh and Minister of Finance Ho Van "
     "Tam.",
     {("Tran Quoc Vinh", "participatedIn", "national conference on digital transformation"),
      ("Ho Van Tam", "participatedIn", "national conference on digital transformation")}, set()),
    # "Also present were ...", after a sentence whose anaphor names the event
    ("Prime Minister Pham Van Long chaired a national conference on digital transformation. The "
     "conference was held at the National Convention Centre. Also present were Deputy Prime "
     "Minister Tran Quoc Vinh and Ambassador Le Thi Thu.",
     {("Tran Quoc Vinh", "participatedIn", "national conference on digital transformation"),
      ("Le Thi Thu", "participatedIn", "national conference on digital transformation")}, set()),
    # the lead names the event ("Present at the event were", "Also at the event were")
    ("The 3rd Mekong Water Forum opened in Can Tho on May 5. Present at the event were Deputy "
     "Minister Le Van Hoa and Thai Ambassador Somchai Wong.",
     {("Le Van Hoa", "participatedIn", "3rd Mekong Water Forum"),
      ("Somchai Wong", "participatedIn", "3rd Mekong Water Forum")}, set()),
    ("Minister Tran Van Son hosted a year-end gathering with the press corps in Hanoi. Also at "
     "the event were Thai Ambassador Somchai Wong and Lao Ambassador Khamla Phom.",
     {("Somchai Wong", "participatedIn", "year-end gathering with the press corps"),
      ("Khamla Phom", "participatedIn", "year-end gathering with the press corps")}, set()),
    # "The forum brought together ...": the event as the gathering verb's subject
    ("The 3rd Mekong Water Forum opened in Can Tho on May 5. The forum brought together Deputy "
     "Minister Le Van Hoa and Thai Ambassador Somchai Wong.",
     {("Le Van Hoa", "participatedIn", "3rd Mekong Water Forum"),
      ("Somchai Wong", "participatedIn", "3rd Mekong Water Forum")}, set()),
    # "with the participation of X and Y"
    ("The welcome ceremony took place in Hanoi with the participation of Deputy Minister Le Van "
     "Hoa and Thai Ambassador Somchai Wong.",
     {("Le Van Hoa", "participatedIn", "welcome ceremony"),
      ("Somchai Wong", "participatedIn", "welcome ceremony")}, set()),
    # an attendance verb without an object: the event of the sentence before
    ("Minister Tran Van Son hosted a year-end gathering with the press corps in Hanoi. Dozens of "
     "journalists attended, alongside Deputy Ministers Le Van Hoa and Pham Thi Lan.",
     {("Le Van Hoa", "participatedIn", "year-end gathering with the press corps"),
      ("Pham Thi Lan", "participatedIn", "year-end gathering with the press corps")}, set()),
    ("At the farewell ceremony, Deputy Minister Le Huy Vinh urged the crew to be disciplined. "
     "Vinh was joined by Rear Admiral Pham Van Quan, Commander of Naval Region 2.",
     {("Pham Van Quan", "participatedIn", "farewell ceremony")}, set()),
])
def test_round10_participant_lists(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize("text", [
    # the sentence before reports no event: a meeting is none
    "Minister Tran Van Son met Thai Ambassador Somchai Wong in Hanoi on Monday. Attending were "
    "Deputy Minister Le Van Hoa and Director Pham Thi Lan.",
    # a future event is not what the sentence before reports
    "Minister Tran Van Son said Vietnam will host the 5th Mekong Water Forum next year. Deputy "
    "Minister Le Van Hoa also attended.",
    # two events before: which one is not said
    "Minister Tran Van Son attended the 3rd Mekong Water Forum and the 5th ASEAN Youth Summit in "
    "Can Tho. Among the guests were Deputy Minister Le Van Hoa and Ambassador Pham Thi Lan.",
])
def test_round10_no_participant_without_one_reported_event(text):
    found = triples(text)
    assert not {t for t in found if t[0] in ("Le Van Hoa", "Pham Thi Lan")
                and t[1] == "participatedIn"}, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an international organisation's office in a country keeps its posting
    ("UN Resident Coordinator in Vietnam Pauline Moreau said the UN stood ready to help.",
     {("Pauline Moreau", "holdsRole", "UN Resident Coordinator in Vietnam")}, set()),
    ("Anna Berg, Resident Coordinator of the United Nations in Laos, attended the forum.",
     {("Anna Berg", "holdsRole", "UN Resident Coordinator in Laos")}, set()),
    ("UNDP Resident Representative in Vietnam Ramla Osman attended the forum.",
     {("Ramla Osman", "holdsRole",
       "Resident Representative of the United Nations Development Programme in Vietnam")},
     set()),
])
def test_round10_posted_offices(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a country's own body, unnamed by the data, takes the chain's "of <Country>"
    ("Minister Tran Van Son held talks with Maria Lopez, Vice President of Paraguay and "
     "President of the General Assembly, in Asuncion on May 3.",
     {("Maria Lopez", "holdsRole", "Vice President of Paraguay"),
      ("Maria Lopez", "holdsRole", "President of the General Assembly of Paraguay"),
      ("Tran Van Son", "met", "Maria Lopez")},
     {("Maria Lopez", "holdsRole", "President of the General Assembly")}),
    ("The delegation met Jorge Silva, Vice President of Chile and Speaker of the Chamber of "
     "Deputies, on May 4.",
     {("Jorge Silva", "holdsRole", "Speaker of the Chamber of Deputies of Chile")}, set()),
    # a body with its own complement (a corps of attachés from many countries) does not
    ("Colonel Juan Perez, Defence Attaché of Mexico and Dean of the Military Attaché Corps, "
     "spoke at the reception.",
     {("Juan Perez", "holdsRole", "Defence Attaché of Mexico"),
      ("Juan Perez", "holdsRole", "Dean of the Military Attaché Corps")},
     {("Juan Perez", "holdsRole", "Dean of the Military Attaché Corps of Mexico")}),
    # a curated body is the one the data names, not the country's
    ("Minister Tran Van Son met Khamla Souk, Minister of Defence of Laos and member of the "
     "Politburo.", set(),
     {("Khamla Souk", "holdsRole", "member of the Politburo of Laos")}),
    # "With Ambassador X, the Deputy PM discussed ...": the title is the new clause's subject
    ("Minister Tran Van Son met Ambassador of Japan Sato Kenji. With Ambassador Sato, the Deputy "
     "PM discussed trade.",
     {("Sato Kenji", "holdsRole", "Ambassador of Japan")},
     {("Sato Kenji", "holdsRole", "Deputy Prime Minister")}),
])
def test_round10_title_chains_and_appositives(text, expected, absent):
    found = triples(text)
    assert expected <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "people"), [
    ("Ship 18 - Le Loi of the Vietnam People's Navy arrived in Manila.", set()),
    ("The frigate Ly Thai To docked at Cam Ranh port on May 2.", set()),
    ("The ship HQ-012 Quang Trung left Da Nang. Captain Nguyen Van Binh thanked the crew.",
     {"Nguyen Van Binh"}),
])
def test_round10_ships_named_after_people_are_not_people(text, people):
    found = next(extract_articles([Article("t.txt", text, "t", date=D2026)]))
    assert {e.label for e in found.entities if e.ref.type.name == "PERSON"} == people


@pytest.mark.parametrize(("text", "expected"), [
    # an anniversary celebration is named by what it commemorates
    ("Lao Foreign Minister Thongsavanh Phomvihane is leading a delegation to attend the "
     "celebration of the 70th anniversary of the Dien Bien Phu Victory, which will take place "
     "on May 7.",
     {("Thongsavanh Phomvihane", "participatedIn",
       "celebration of the 70th anniversary of the Dien Bien Phu Victory"),
      ("celebration of the 70th anniversary of the Dien Bien Phu Victory", "date", "2026-05-07")}),
])
def test_round10_anniversary_celebrations(text, expected):
    assert expected <= triples(text, D2026)


def test_round10_a_bare_celebration_is_no_event():
    found = next(extract_articles([Article("t.txt", "He attended the celebration of the "
                                           "anniversary.", "t", date=D2026)]))
    assert not [e for e in found.entities if e.ref.type.name == "EVENT"]


D2025 = dt.date(2025, 6, 18)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a capitalised portfolio after "for" is the office's, not the start of the name
    ("The deputy minister paid a courtesy call on Minister of State for External Affairs Ravi "
     "Sharma in Mumbai.",
     {("Ravi Sharma", "holdsRole", "Minister of State for External Affairs")}, set()),
    ("She held talks with Cabinet Secretary for Trade Grace Wanjiru on Monday.",
     {("Grace Wanjiru", "holdsRole", "Cabinet Secretary for Trade")}, set()),
    ("Ruto is accompanied by Uganda's Cabinet Secretary for Energy Grace Wanjiru.",
     {("Grace Wanjiru", "holdsRole", "Cabinet Secretary for Energy of Uganda")}, set()),
    # an office whose name says its country (roles.tsv)
    ("The minister met US Trade Representative John Miller on the sidelines.",
     {("John Miller", "holdsRole", "United States Trade Representative")},
     {("Trade Representative John Miller", "holdsRole", "United States Trade Representative")}),
    # a parenthesised qualifier of the post and a possessive country
    ("The minister met Secretary (West) of India's Ministry of External Affairs Anil Kumar.",
     {("Anil Kumar", "holdsRole",
       "Secretary (West) of the Ministry of External Affairs of India")}, set()),
    # a department whose field is a list with commas
    ("Director General of the Department of Europe, Asia and Oceania Nguyen Van Binh attended "
     "the meeting.",
     {("Nguyen Van Binh", "holdsRole",
       "Director General of the Department of Europe, Asia and Oceania")}, set()),
])
def test_round11_portfolio_titles(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a country named with "the" keeps it in the role's label
    ("Korean Minister for Trade Kim Dae-ho arrived in Hanoi.",
     {("Kim Dae-ho", "holdsRole", "Minister for Trade of the Republic of Korea")}, set()),
    ("Korean President Park Min-soo welcomed the delegation.",
     {("Park Min-soo", "holdsRole", "President of the Republic of Korea")},
     {("Park Min-soo", "holdsRole", "State President")}),
    ("Ecuadorian President Luis Torres spoke at the summit.",
     {("Luis Torres", "holdsRole", "President of Ecuador")}, set()),
    # the second, foreign-named office holder of a pair shares the first one's country
    ("The talks were co-chaired by Japanese Minister of Foreign Affairs Iwaya Takeshi and "
     "Minister for Economy Muto Yoji.",
     {("Muto Yoji", "holdsRole", "Minister for Economy of Japan")}, set()),
    ("Chinese Foreign Minister Wang Yi and Foreign Minister Bui Thanh Son co-chaired the "
     "meeting.",
     {("Bui Thanh Son", "holdsRole", "Minister of Foreign Affairs")},
     {("Bui Thanh Son", "holdsRole", "Minister of Foreign Affairs of China")}),
    # the host who invited a visitor holds the visited country's office, and is no participant
    ("President Tran Van Hoa will attend the 20th Andean Summit in Lima and pay a state visit "
     "to Chile at the invitation of President Gabriel Soto.",
     {("Gabriel Soto", "holdsRole", "President of Chile"),
      ("Tran Van Hoa", "participatedIn", "state visit to Chile")},
     {("Gabriel Soto", "holdsRole", "State President"),
      ("Gabriel Soto", "participatedIn", "20th Andean Summit")}),
    # a bare title after the same person's country-qualified one is that office
    ("Malaysian Prime Minister Anwar Ibrahim arrived. The ceremony, chaired by Prime Minister "
     "Anwar, was held in Putrajaya.",
     {("Anwar Ibrahim", "holdsRole", "Prime Minister of Malaysia")},
     {("Anwar Ibrahim", "holdsRole", "Prime Minister")}),
])
def test_round11_country_qualified_roles(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the horizon of a strategy stays in its topic
    ("The Politburo's Resolution 45-NQ/TW on the strategy for developing the country's digital "
     "economy to 2030, with a vision to 2050 was discussed.",
     {("Resolution 45-NQ/TW", "guides",
       "strategy for developing the country's digital economy to 2030, with a vision to 2050")},
     set()),
    ("The Prime Minister signed Decision 12/QD-TTg on the national energy master plan for "
     "2021-2030, with a vision toward 2050, the ministry said.",
     {("Decision 12/QD-TTg", "guides",
       "national energy master plan for 2021-2030, with a vision toward 2050")}, set()),
    ("The Government issued Decree 10/2024/ND-CP on fees, with effect from July 1.",
     {("Decree 10/2024/ND-CP", "guides", "fees")}, set()),
    # a document the topic implements is part of it ("the implementation of", "implementing")
    ("The Secretariat issued Conclusion 99-KL/TW on continuing the implementation of Directive "
     "12-CT/TW of the 11th Party Central Committee.",
     {("Conclusion 99-KL/TW", "guides", "continuing the implementation of Directive 12-CT/TW of "
       "the 11th Party Central Committee")},
     {("Conclusion 99-KL/TW", "guides", "continuing the implementation of")}),
    ("The ministry adopted Circular 5/2024/TT-BTC on implementing Decree 8/2023/ND-CP on taxes.",
     {("Circular 5/2024/TT-BTC", "guides", "implementing Decree 8/2023/ND-CP on taxes"),
      ("Decree 8/2023/ND-CP", "guides", "taxes")}, set()),
])
def test_round11_topics(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a passive issuer and date after the topic; a fronted "Issued by X on <date>,"
    ("Resolution 36-NQ/TW on the marine economy was adopted by the 12th Party Central "
     "Committee on October 22, 2018. Issued by the Politburo on August 28, 2025, Conclusion "
     "178-KL/TW noted that the marine economy's contribution remained low.",
     {("Resolution 36-NQ/TW", "issuedBy", "Party Central Committee"),
      ("Resolution 36-NQ/TW", "date", "2018-10-22"),
      ("Conclusion 178-KL/TW", "date", "2025-08-28")},
     {("Resolution 36-NQ/TW", "issuedBy", "Politburo"),
      ("Conclusion 178-KL/TW", "date", "2018-10-22")}),
])
def test_round11_document_issuers_and_dates(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "<Body>'s <ordinal> session"
    ("The bill won the support of 430 deputies at the NA's ninth session, which opened in Hanoi "
     "on May 5. Chairman Tran Van Nam chaired the session.",
     {("ninth session of the National Assembly", "heldIn", "Hanoi"),
      ("Tran Van Nam", "participatedIn", "ninth session of the National Assembly")}, set()),
    # a qualified lower-case event as the object of "at" under any verb
    ("The President presented the decisions to the two ambassadors at a handover ceremony at "
     "the Government Guest House.",
     {("handover ceremony", "heldIn", "Government Guest House")}, set()),
    # a funeral named by whom it is for; that person does not attend it
    ("On May 3, Ambassador Tran Van Minh attended the state funeral of the former President in "
     "Jakarta.",
     {("Tran Van Minh", "participatedIn", "state funeral of the former President"),
      ("state funeral of the former President", "heldIn", "Jakarta"),
      ("state funeral of the former President", "date", "2025-05-03")}, set()),
    ("Many leaders attended the funeral of Le Van Hung in Hanoi on June 2.",
     {("funeral of Le Van Hung", "heldIn", "Hanoi")},
     {("Le Van Hung", "participatedIn", "funeral of Le Van Hung")}),
    # a visit to a country named with "the", by the subject of a conjoined verb
    ("Prime Minister Nguyen Van Tam will attend the 20th East Asia Summit in Manila and pay an "
     "official visit to the Republic of Korea.",
     {("Nguyen Van Tam", "participatedIn", "official visit to the Republic of Korea"),
      ("official visit to the Republic of Korea", "heldIn", "Republic of Korea")}, set()),
    # a body's field list inside an event's name
    ("They agreed to hold the fifth meeting of the Vietnam – Chile Joint Committee on Trade, "
     "Investment and Agricultural Cooperation in Santiago next year.",
     {("fifth meeting of the Vietnam – Chile Joint Committee on Trade, Investment and "
       "Agricultural Cooperation", "heldIn", "Santiago")}, set()),
])
def test_round11_events(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


def test_round11_on_behalf_of_is_no_event_name():
    found = triples("Speaking at the ceremony on behalf of the graduates, Colonel Tran Van Nam "
                    "thanked the school.", D2025)
    assert not any("behalf" in t[0] or "behalf" in t[2] for t in found), found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a legislator's title before a name is no part of it (as "Dr")
    ("Minister Tran Van Hai received Senator Paul Martin and Congresswoman Ann Lee in Hanoi.",
     {("Tran Van Hai", "met", "Paul Martin"), ("Tran Van Hai", "met", "Ann Lee")},
     {("Tran Van Hai", "met", "Senator Paul Martin")}),
    # "its President, Senator X" and "Vice President of the group": the organisation before
    ("Minister Tran Van Hai received a delegation of the Japan – Vietnam Friendship Group of the "
     "Japanese House of Councillors led by its President, Senator Taro Yamada. Yamada, who is "
     "accompanied by Senator Ken Sato, Vice President of the group, is on a working visit.",
     {("Taro Yamada", "holdsRole", "President of the Japan – Vietnam Friendship Group of the "
       "Japanese House of Councillors"),
      ("Ken Sato", "holdsRole", "Vice President of the Japan – Vietnam Friendship Group of the "
       "Japanese House of Councillors")},
     {("Ken Sato", "holdsRole", "Vice President"),
      ("Senator Ken Sato", "holdsRole", "Vice President")}),
    # the Chinese family name "He" after a title or a demonym is no pronoun
    ("Speaking at the forum, Chinese Ambassador to Laos He Ming said trade had grown.",
     {("He Ming", "holdsRole", "Ambassador of China to Laos")},
     {("Ming", "holdsRole", "Ambassador of China to Laos")}),
    # a one-word organisation before an office head qualifies the office
    ("The minister received Samsung CEO Lee Jae-won in Hanoi.",
     {("Lee Jae-won", "holdsRole", "Samsung CEO")}, set()),
    ("The Vietnam Peace Committee (VPC) held a meeting. VPC President Nguyen Thi Lan spoke.",
     {("Nguyen Thi Lan", "holdsRole", "President of the Vietnam Peace Committee")},
     {("Nguyen Thi Lan", "holdsRole", "State President")}),
    # a foreign head of state in a chain is "President of <Country>"; a foreign party by name
    ("Party General Secretary To Lam met Lao Party General Secretary and President Bounmy "
     "Vongsa.",
     {("Bounmy Vongsa", "holdsRole", "President of Laos"),
      ("Bounmy Vongsa", "holdsRole", "General Secretary of the Lao People's Revolutionary Party")},
     {("Bounmy Vongsa", "holdsRole", "State President of Laos")}),
    # a province or city before "Party chief" is its Party Committee's secretary
    ("Thanh Hoa Party chief Do Van Hung received the delegation.",
     {("Do Van Hung", "holdsRole", "Secretary of the Thanh Hoa provincial Party Committee")},
     {("Do Van Hung", "holdsRole", "General Secretary of the Communist Party of Vietnam")}),
    ("Hanoi Party Secretary Bui Van Tam visited the ward.",
     {("Bui Van Tam", "holdsRole", "Secretary of the Hanoi Party Committee")},
     {("Bui Van Tam", "holdsRole", "General Secretary of the Communist Party of Vietnam")}),
])
def test_round12_titles(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


def entity_labels(text: str, entity_type: str) -> set[str]:
    article = Article("t.txt", text, "0", date=D2025)
    (extraction,) = extract_articles([article])
    return {e.label for e in extraction.entities if e.ref.type.value == entity_type}


@pytest.mark.parametrize(("text", "not_people"), [
    ("The workers returned on a flight from Pakxe, Laos, on Monday.", {"Pakxe"}),
    ("After the talks in Savannakhet, the provincial capital, the two sides signed a deal.",
     {"Savannakhet"}),
    ("He visited relic sites in Khon Kaen and Sakon Nakhon.", {"Sakon Nakhon", "Khon Kaen"}),
    ("The province borders three Lao provinces, Champasak, Attapeu and Sekong.",
     {"Sekong", "Attapeu", "Champasak"}),
    ("The talks took place in Savannakhet. He proposed upgrading the road linking it with "
     "Savannakhet.", {"Savannakhet"}),
    ("Thai Deputy Prime Minister Anutin Charn inspects Mae Sai border crossing", {"Mae Sai"}),
    ("Science Minister Tran Van Hai receives Nvidia CEO Jensen Huang", {"Nvidia"}),
    ("Deputy PM Le Van Thanh works with Vietnam Airlines on fleet expansion",
     {"Vietnam Airlines"}),
])
def test_round12_places_and_companies_are_no_people(text, not_people):
    people = entity_labels(text, "Person")
    assert not not_people & people, people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a place name after "in" is the place, not a person with that given name
    ("Provincial Secretary Le Hong Vinh met the delegation. The Party chief later received the "
     "Lao Consul General in Vinh.", set(),
     {("Le Hong Vinh", "met", "Le Hong Vinh")}),
    # "works with" / "worked with" (a finite verb) is a meeting, with a person or a body
    ("Deputy PM Le Van Thanh works with Viettel on 5G rollout.",
     {("Le Van Thanh", "met", "Viettel")}, set()),
    ("Ambassador Tran Van Hai worked with Governor Somchai Jaidee on the arrangements.",
     {("Tran Van Hai", "met", "Somchai Jaidee")}, set()),
    ("Phuc was assigned to work with the State Bank of Vietnam.", set(),
     {("Phuc", "met", "State Bank of Vietnam")}),
])
def test_round12_meetings(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a second purpose after "and to <verb>" is not the topic
    ("The Prime Minister chaired a meeting to review the implementation of the Politburo's "
     "Resolution 52-NQ/TW on the digital economy and to set tasks for 2027.",
     {("Resolution 52-NQ/TW", "guides", "digital economy")}, set()),
    ("The board met to review Decree 31/2024/ND-CP on pensions, and to plan next year's work.",
     {("Decree 31/2024/ND-CP", "guides", "pensions")}, set()),
    # a day before the topic is the date, not the topic
    ("The Government had issued Decree 20/2025/ND-CP on March 3 on the management of public "
     "assets, which takes effect soon.",
     {("Decree 20/2025/ND-CP", "guides", "management of public assets"),
      ("Decree 20/2025/ND-CP", "date", "2025-03-03")},
     {("Decree 20/2025/ND-CP", "guides", "March 3 on the management of public assets")}),
    # a strategy's horizon after a place word stays in the topic
    ("The city was implementing the Politburo's Resolution 41-NQ/TW, dated May 2, 2022, on "
     "building and developing Hai Phong city to 2030, with a vision to 2045, which sets goals.",
     {("Resolution 41-NQ/TW", "guides",
       "building and developing Hai Phong city to 2030, with a vision to 2045")}, set()),
])
def test_round12_topics(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


# --- round 13: blind10 patterns, own sentences -------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a title-case name goes on over "under" / "in"; the topic is what follows "on"
    ("The ministry is revising the Law on Foreign Workers Employed under Labour Contracts to "
     "protect migrants.",
     {("Law on Foreign Workers Employed under Labour Contracts", "guides",
       "Foreign Workers Employed under Labour Contracts")},
     {("Law on Foreign Workers Employed", "guides", "Foreign Workers Employed")}),
    ("Deputies discussed the Law on International Cooperation in Civil Matters, adopted by the "
     "National Assembly on May 12, 2024.",
     {("Law on International Cooperation in Civil Matters", "guides",
       "International Cooperation in Civil Matters"),
      ("Law on International Cooperation in Civil Matters", "date", "2024-05-12")}, set()),
    # "between <A> and <B>" and "for <period>" belong to the name, not to the topic
    ("The two sides recalled the Treaty on Extradition in Criminal Cases between Vietnam and "
     "India, signed in 2011.",
     {("Treaty on Extradition in Criminal Cases between Vietnam and India", "guides",
       "Extradition in Criminal Cases")}, set()),
    ("Lan and Kim signed the Memorandum of Understanding on Trade and Investment between Da Nang "
     "and Busan for 2025–2029 in Da Nang.",
     {("Memorandum of Understanding on Trade and Investment between Da Nang and Busan for "
       "2025–2029", "guides", "Trade and Investment")}, set()),
    ("The ministers signed the Memorandum of Cooperation on the Training of Caregivers, which "
     "takes effect next year.",
     {("Memorandum of Cooperation on the Training of Caregivers", "guides",
       "Training of Caregivers")}, set()),
    # "and the Law on Y" starts a second document, also after a longer first name
    ("The assembly passed the Law on Mineral Resources in Protected Areas and the Law on "
     "Statistics on Friday.",
     {("Law on Mineral Resources in Protected Areas", "guides",
       "Mineral Resources in Protected Areas"), ("Law on Statistics", "guides", "Statistics")},
     set()),
    # a place after "in" is where, not part of the name
    ("The ministers signed the Agreement on Fisheries Cooperation in Hanoi on Monday.",
     {("Agreement on Fisheries Cooperation", "guides", "Fisheries Cooperation")},
     {("Agreement on Fisheries Cooperation in Hanoi", "guides", "Fisheries Cooperation in Hanoi")}),
])
def test_round13_document_names(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


def document_labels(text: str) -> set[str]:
    article = Article("t.txt", text, "0", date=D2025)
    (extraction,) = extract_articles([article])
    return {e.label for e in extraction.entities if e.ref.type.value == "LegalDocument"}


@pytest.mark.parametrize(("text", "expected"), [
    # the parties, then the period: one name, however long
    ("The two ministries signed the Cooperation Agreement between the Ministry of Justice of "
     "Vietnam and the Ministry of Justice of the Republic of Korea for the 2025–2030 period, "
     "which covers training.",
     {"Cooperation Agreement between the Ministry of Justice of Vietnam and the Ministry of "
      "Justice of the Republic of Korea for the 2025–2030 period"}),
    ("The provinces renewed the Cooperation Agreement between Lao Cai Province and Yunnan "
     "Province for the period 2026–2030 last week.",
     {"Cooperation Agreement between Lao Cai Province and Yunnan Province for the period "
      "2026–2030"}),
])
def test_round13_document_name_tails(text, expected):
    assert expected <= document_labels(text)


@pytest.mark.parametrize(("text", "number", "forms"), [
    # a bracketed or appositive number of the same kind is the named document's
    ("He said the Capital Law (Law No. 39/2024/QH15), adopted by the National Assembly on June "
     "28, 2024, took effect.", "39/2024/QH15", {"Capital Law"}),
    ("He cited the Press Law, Law No. 103/2016/QH13, which took effect in 2017.",
     "103/2016/QH13", {"Press Law"}),
])
def test_round13_named_document_numbers(text, number, forms):
    article = Article("t.txt", text, "0", date=D2025)
    (extraction,) = extract_articles([article])
    documents = [e for e in extraction.entities if e.ref.type.value == "LegalDocument"]
    assert len(documents) == 1, documents
    assert forms <= documents[0].alt_labels | {documents[0].label}
    found = triples(text, D2025)
    assert (documents[0].label, "documentNumber", number) in found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # procuracies' and procuratorates' offices; the title word stays out of the name
    ("Prosecutor General Le Van Minh held talks with Procurator-General of Mongolia's Supreme "
     "People's Procuratorate Bat Erdene.",
     {("Bat Erdene", "holdsRole", "Procurator-General of the Supreme People's Procuratorate of "
       "Mongolia"), ("Le Van Minh", "met", "Bat Erdene")}, set()),
    ("Bat Erdene is accompanied by Chief Procurator of the People's Procuratorate of Yunnan "
     "Province Li Qiang.",
     {("Li Qiang", "holdsRole", "Chief Procurator of the People's Procuratorate of Yunnan "
       "Province")}, set()),
    ("Prosecutor General Le Van Minh receives Cambodian Supreme People's Prosecutor Chea Sokha",
     {("Chea Sokha", "holdsRole", "Supreme People's Prosecutor of Cambodia"),
      ("Le Van Minh", "met", "Chea Sokha")},
     {("Le Van Minh", "met", "Prosecutor Chea Sokha")}),
    ("On Monday, he had a working session with Commissioner of the Fisheries Agency of Japan "
     "Mori Kenta.",
     {("Mori Kenta", "holdsRole", "Commissioner of the Fisheries Agency of Japan")}, set()),
    # a company of several words before a corporate office; two heads make one office
    ("LG Electronics Vietnam General Director Park Min-soo told the meeting that exports rose.",
     {("Park Min-soo", "holdsRole", "General Director of LG Electronics Vietnam")}, set()),
    ("The American Trade Council (ATC) opened an office. ATC President and CEO Mark Allen "
     "spoke.",
     {("Mark Allen", "holdsRole", "President and CEO of the American Trade Council")}, set()),
    # "President of <a company the rules cannot read>" is never the home "State President"
    ("Suzuki Ichiro, President of Osaka-based Nakamura Kogyo Co., Ltd, said his firm employs 90 "
     "workers.", set(), {("Suzuki Ichiro", "holdsRole", "State President")}),
    ("Ito Ken, President of Kyoto-based Sato Seiki Co., Ltd, visited the factory.", set(),
     {("Ito Ken", "holdsRole", "State President")}),
    # ... but an office of a country the data knows stays
    ("The President sent condolences to King of Thailand Maha Vajiralongkorn on Monday.",
     {("Maha Vajiralongkorn", "holdsRole", "King of Thailand")}, set()),
    # a hyphenated given name after an unknown body's head is the holder's, not the body's
    ("He is accompanied by Chairman of the Busan Metropolitan Council Ahn Seong-min and CEO of "
     "the Busan Tourism Organisation Lee Jung-ho.",
     {("Ahn Seong-min", "holdsRole", "Chairman of the Busan Metropolitan Council")},
     {("Lee Jung-ho", "holdsRole", "Chairman of the Busan Metropolitan Council Ahn Seong-min")}),
    ("The mayor received Chairman of the Incheon City Council Park Ji-won on Monday.",
     {("Park Ji-won", "holdsRole", "Chairman of the Incheon City Council")}, set()),
])
def test_round13_titles(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "not_people"), [
    # one capitalised word inside a document's or an event's name is no person
    ("The ministry is revising the Law on Seafarers Working on Ships under Contracts.",
     {"Contracts"}),
    ("Delegates attended the 5th Conference of Chief Procurators of Coastal Provinces of "
     "Vietnam and Laos in Hue.", {"Procurators"}),
])
def test_round13_name_words_are_no_people(text, not_people):
    people = entity_labels(text, "Person")
    assert not not_people & people, people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a capitalised coordination of portfolio nouns after "of" ends where the name starts
    ("On Monday, Le Van Minh held talks with Argentina's Minister of Agriculture and Livestock "
     "Diego Herrera in Hanoi.",
     {("Diego Herrera", "holdsRole", "Minister of Agriculture and Livestock of Argentina"),
      ("Le Van Minh", "met", "Diego Herrera")},
     {("Le Van Minh", "met", "Livestock Diego Herrera")}),
    ("Le Van Minh also met Minister of Agrarian Development and Family Farming Marcos Oliveira "
     "on Tuesday.",
     {("Marcos Oliveira", "holdsRole", "Minister of Agrarian Development and Family Farming"),
      ("Le Van Minh", "met", "Marcos Oliveira")},
     {("Le Van Minh", "met", "Family Farming Marcos Oliveira")}),
    ("Le Van Minh received Mexican Minister of Tourism and Culture Ana Ruiz in Hanoi.",
     {("Ana Ruiz", "holdsRole", "Minister of Tourism and Culture of Mexico")}, set()),
    # ... after other portfolio heads too ("Secretary of <field>")
    ("Le Van Minh paid a courtesy call on Philippine Secretary of Transportation Ramon Cruz on "
     "Wednesday.",
     {("Ramon Cruz", "holdsRole", "Secretary of Transportation of the Philippines"),
      ("Le Van Minh", "met", "Ramon Cruz")},
     {("Le Van Minh", "met", "Transportation Ramon Cruz")}),
    ("Le Van Minh met Secretary of Energy and Mines Pedro Alvarez in Lima.",
     {("Pedro Alvarez", "holdsRole", "Secretary of Energy and Mines")}, set()),
    # ... but "Secretary of the <body>" still names the body
    ("Secretary of the Hanoi Party Committee Tran Van Nam spoke at the event.",
     {("Tran Van Nam", "holdsRole", "Secretary of the Hanoi Party Committee")}, set()),
    # military and naval offices of foreign bodies
    ("Le Van Minh met Commandant of the Indonesian Coast Guard Admiral Budi Santoso on Friday.",
     {("Budi Santoso", "holdsRole", "Commandant of the Indonesian Coast Guard")}, set()),
    ("Le Van Minh received Flag Officer in Command of the Indonesian Navy Rudi Hartono.",
     {("Le Van Minh", "met", "Rudi Hartono")}, set()),
])
def test_round14_portfolio_titles(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a foreign demonym before the home legislature's short name: that country's legislature
    ("NA Chairman Tran Van Nam receives Lao NA Vice President Bounpone Sisoulath",
     {("Bounpone Sisoulath", "holdsRole", "Vice President of the Lao National Assembly")},
     {("Bounpone Sisoulath", "holdsRole", "NA Vice State President of Laos")}),
    ("Le Van Minh received Cambodian NA Vice President Cheam Yeap in Hanoi.",
     {("Cheam Yeap", "holdsRole", "Vice President of the Cambodian National Assembly")},
     {("Cheam Yeap", "holdsRole", "NA Vice State President of Cambodia")}),
])
def test_round14_foreign_legislature_offices(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "not_people", "not_roles"), [
    # plural "Heads of ... Meeting" names an event, not a title and its holder
    ("The two sides will attend the 15th Heads of Asian Coast Guard Agencies Meeting (HACGAM) "
     "in Busan in November.", {"Agencies Meeting"}, {"Head of the Asian Coast Guard"}),
    ("Tran Van Nam will join the Heads of Southeast Asian Border Police Agencies Meeting in "
     "Jakarta.", {"Agencies Meeting"}, {"Head of the Southeast Asian Border Police"}),
])
def test_round14_plural_heads_name_events(text, not_people, not_roles):
    assert not not_people & entity_labels(text, "Person")
    assert not not_roles & entity_labels(text, "Role")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "the ministry's Department of X": the department, named after its owner
    ("Director of the ministry's Department of Food Safety Nguyen Thanh Long told the "
     "conference that cases fell.",
     {("Nguyen Thanh Long", "holdsRole", "Director of the Department of Food Safety")}, set()),
    ("Deputy Director of the ministry's Department of Consular Affairs Pham Thu Ha said the "
     "fund had helped 300 citizens.",
     {("Pham Thu Ha", "holdsRole", "Deputy Director of the Department of Consular Affairs")},
     set()),
    # "<City>-based" describes a company; it is no word of its name
    ("The delegation includes Chairman of Kunming-based Yunnan Construction Investment Group "
     "Li Wei.",
     {("Li Wei", "holdsRole", "Chairman of the Yunnan Construction Investment Group")},
     {("Li Wei", "holdsRole", "Chairman of the Kunming-based Yunnan Construction Investment "
       "Group")}),
    # "led by its Chairman": the whole body, also when its name holds an acronym in brackets
    ("Le Van Minh received a delegation of the Inspection Commission of the Lao People's "
     "Revolutionary Party (LPRP) Central Committee led by its Chairman Bounmy Vongsa on "
     "Tuesday.",
     {("Bounmy Vongsa", "holdsRole", "Chairman of the Inspection Commission of the Lao "
       "People's Revolutionary Party Central Committee")},
     {("Bounmy Vongsa", "holdsRole", "Chairman of the Party Central Committee")}),
    ("Tran Van Nam hosted a delegation of the Organisation Commission of the Cambodian "
     "People's Party (CPP) Central Committee led by its Chairman Sok Dara.",
     {("Sok Dara", "holdsRole", "Chairman of the Organisation Commission of the Cambodian "
       "People's Party Central Committee")},
     {("Sok Dara", "holdsRole", "Chairman of the Party Central Committee")}),
])
def test_round14_bodies_of_offices(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # hyphenated heads: "Vice-Chancellor" is one office, the holder never starts with its tail
    ("Le Van Minh received Vice-Chancellor of the University of Sydney Mark Scott in Hanoi.",
     {("Mark Scott", "holdsRole", "Vice-Chancellor of the University of Sydney"),
      ("Le Van Minh", "met", "Mark Scott")},
     {("Le Van Minh", "met", "Chancellor Mark Scott")}),
    # "<Org> of <place>" ends before the name that follows it; a field word keeps the body
    ("Le Van Minh met Chancellor of the University of Melbourne Jane Hansen on Monday.",
     {("Jane Hansen", "holdsRole", "Chancellor of the University of Melbourne")}, set()),
    ("President of the Academy of Social Sciences Phan Chi Hieu spoke at the event.",
     {("Phan Chi Hieu", "holdsRole", "President of the Academy of Social Sciences")}, set()),
    # a modifier and a compound head after "of" ("Deputy Managing Director")
    ("Le Van Minh held talks with Deputy Managing Director of the World Trade Organization "
     "Angela Ellard.",
     {("Angela Ellard", "holdsRole",
       "Deputy Managing Director of the World Trade Organization")},
     {("Angela Ellard", "holdsRole", "Director of the World Trade Organization")}),
    # an organisation's office with its remit after "for": a country, a region, a field
    ("Le Van Minh received IMF Mission Chief for Laos Hiroko Tanaka on Tuesday.",
     {("Hiroko Tanaka", "holdsRole",
       "Mission Chief for Laos of the International Monetary Fund")}, set()),
    ("Le Van Minh met Asian Development Bank Vice President for South Asia Martin Raiser.",
     {("Martin Raiser", "holdsRole", "Vice President for South Asia of the Asian Development "
       "Bank"), ("Le Van Minh", "met", "Martin Raiser")},
     {("Le Van Minh", "met", "Asia Martin Raiser")}),
    ("Le Van Minh met World Bank Vice President for Europe and Central Asia Antonella Bassani.",
     {("Antonella Bassani", "holdsRole",
       "Vice President for Europe and Central Asia of the World Bank")}, set()),
    ("Le Van Minh met UNESCO Assistant Director-General for Education Stefania Giannini.",
     {("Le Van Minh", "met", "Stefania Giannini")},
     {("Le Van Minh", "met", "Education Stefania Giannini")}),
    # "<Place>-based <description> <Company>": the company alone, named as written
    ("Andrew Forrest, Chief Executive Officer of Perth-based mining company Fortescue, "
     "attended the forum.",
     {("Andrew Forrest", "holdsRole", "Chief Executive Officer of Fortescue")}, set()),
])
def test_round15_organisation_offices(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a country whose name opens with "New" is the sender, not a "new" holder of the post
    ("Le Van Minh received New Zealand Ambassador to Viet Nam Tom Harvey.",
     {("Tom Harvey", "holdsRole", "Ambassador of New Zealand to Vietnam")},
     {("Tom Harvey", "holdsRole", "Ambassador to Vietnam")}),
    ("Le Van Minh received Ireland Ambassador to Viet Nam Deirdre Kelly.",
     {("Deirdre Kelly", "holdsRole", "Ambassador of Ireland to Vietnam")}, set()),
    # a country's name (not its demonym) before "Minister for <A> and <B>"
    ("Le Van Minh met New Zealand Minister for Tertiary Education and Skills Tom Harvey.",
     {("Tom Harvey", "holdsRole", "Minister for Tertiary Education and Skills of New Zealand")},
     set()),
    ("Le Van Minh met Australia's Minister for Skills and Training Andrew Giles.",
     {("Andrew Giles", "holdsRole", "Minister for Skills and Training of Australia")}, set()),
    # "new" still marks a new holder before an office
    ("The new Minister of Finance Nguyen Van Thang met the press.",
     {("Nguyen Van Thang", "holdsRole", "Minister of Finance")}, set()),
])
def test_round15_foreign_envoys_and_ministers(text, expected, absent):
    found = triples(text, D2025)
    assert expected <= found, found
    assert not absent & found, found


def met_pairs(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, r, o in triples(text, D2025) if r == "met"}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # two meeting clauses: each host meets only its own guest
    ("On the same day, Tran Van Long met Dutch Ambassador Pieter Jansen, and Le Thi Mai "
     "received Australian Ambassador Andrew Goledzinowski.",
     {("Tran Van Long", "Pieter Jansen"), ("Le Thi Mai", "Andrew Goledzinowski")},
     {("Tran Van Long", "Le Thi Mai"), ("Tran Van Long", "Andrew Goledzinowski")}),
    ("At the forum, Pham Quang Vinh received Tom Harvey and Deputy Minister of Finance Nguyen "
     "Duc Chi held talks with Sarah Cole, Managing Director of Sydney-based Harbour Capital "
     "Group, on green bonds.",
     {("Pham Quang Vinh", "Tom Harvey"), ("Nguyen Duc Chi", "Sarah Cole")},
     {("Pham Quang Vinh", "Nguyen Duc Chi"), ("Pham Quang Vinh", "Sarah Cole")}),
    # a full stop glued to the next sentence ends the guests
    ("Le Van Minh received a delegation led by Governor Hans Weber, who is visiting until May "
     "9.Weber is accompanied by Anna Roth, Director of the Trade Office.",
     {("Le Van Minh", "Hans Weber")}, {("Le Van Minh", "Anna Roth")}),
    # signing together, briefing and a briefing during a visit are no meetings
    ("Le Van Minh and Tom Harvey signed a memorandum on fisheries cooperation.",
     set(), {("Le Van Minh", "Tom Harvey"), ("Tom Harvey", "Le Van Minh")}),
    ("Nguyen Thi Lan briefed Hans Weber on the new decree on digital payments.",
     set(), {("Nguyen Thi Lan", "Hans Weber")}),
    ("Tran Van Long and Le Thi Mai visited the Da Nang Innovation Centre, where its Director "
     "Pham Van Tuan briefed them on start-ups.",
     set(), {("Tran Van Long", "Pham Van Tuan"), ("Le Thi Mai", "Pham Van Tuan")}),
    # real meetings stay: talks followed by a signing, conjoined hosts, two cues in one clause
    ("Le Van Minh held talks with Tom Harvey and the two signed an agreement on fisheries.",
     {("Le Van Minh", "Tom Harvey")}, set()),
    ("Tran Van Long and Le Thi Mai received Hans Weber.",
     {("Tran Van Long", "Hans Weber"), ("Le Thi Mai", "Hans Weber")}, set()),
    ("Le Van Minh held talks and had a working session with Sarah Cole.",
     {("Le Van Minh", "Sarah Cole")}, set()),
])
def test_round16_meeting_clauses(text, expected, absent):
    found = met_pairs(text)
    assert expected <= found, found
    assert not absent & found, found


D2026_MARCH = dt.date(2026, 3, 10)


def _people(text: str) -> set[str]:
    """The labels of the persons extracted from `text` (an article of March 2026)."""
    article = Article("t.txt", text, "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    return {e.label for e in extraction.entities if e.ref.type.value == "Person"}


def assert_triples(text: str, expected: set, absent: set, date: dt.date) -> None:
    """Every expected triple is extracted from `text` and none of the absent ones."""
    found = triples(text, date)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the topic follows the issuing clause's date
    ("The province is applying Decree 88/2025/ND-CP, issued by the Government on June 14 on "
     "the management of seaports.",
     {("Decree 88/2025/ND-CP", "guides", "management of seaports"),
      ("Decree 88/2025/ND-CP", "date", "2025-06-14")}, set()),
    ("Officials are carrying out Resolution 41/2025/QH15, adopted by the National Assembly on "
     "November 8, on the national programme on rural roads for 2026-2030.",
     {("Resolution 41/2025/QH15", "guides", "national programme on rural roads for 2026-2030"),
      ("Resolution 41/2025/QH15", "date", "2025-11-08")}, set()),
    # a yearless day before the number's year or after the article's date is last year's
    ("She cited Circular 11/2025/TT-BTC, issued by the Ministry of Finance on April 3 on fees "
     "for maritime services.",
     {("Circular 11/2025/TT-BTC", "date", "2025-04-03")},
     {("Circular 11/2025/TT-BTC", "date", "2026-04-03")}),
    ("He referred to Directive 27-CT/TW, issued by the Secretariat on November 20 on "
     "training young officials.",
     {("Directive 27-CT/TW", "date", "2025-11-20")},
     {("Directive 27-CT/TW", "date", "2026-11-20")}),
    # "the same day": the last date of the story's own clauses, not a relative clause's
    ("The 9th session of the Provincial People's Council opened in Hue on March 2. The session, "
     "which runs from March 2 until March 20, reviewed the budget. On the same day, the council "
     "adopted Resolution 14/NQ-HDND on rural roads.",
     {("Resolution 14/NQ-HDND", "date", "2026-03-02")},
     {("Resolution 14/NQ-HDND", "date", "2026-03-20")}),
    # a participle that describes the event dates it
    ("Le Van Minh attended the Vietnam – Chile Fisheries Forum, co-organised by the two "
     "ministries in Santiago on March 4.",
     {("Vietnam – Chile Fisheries Forum", "date", "2026-03-04")}, set()),
    # a "co-" verb is the main verb: its fronted date is the event's
    ("On March 5, Minh and Silva co-chaired the Vietnam – Chile Fisheries Forum in Santiago.",
     {("Vietnam – Chile Fisheries Forum", "date", "2026-03-05"),
      ("Vietnam – Chile Fisheries Forum", "heldIn", "Santiago")}, set()),
    # a span of days is no single date
    ("Le Van Minh attended the 12th Mekong Water Forum in Vientiane on March 3 and March 4.",
     set(), {("12th Mekong Water Forum", "date", "2026-03-03")}),
])
def test_round17_document_and_event_dates(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # consuls general and governors-general are offices; a posting after "in" stays
    ("Consul General Tran Van Hoa attended the ceremony.",
     {("Tran Van Hoa", "holdsRole", "Consul General")}, set()),
    ("Japanese Consul General in Da Nang Yakabe Yoshinori attended the ceremony.",
     {("Yakabe Yoshinori", "holdsRole", "Consul General of Japan in Da Nang")}, set()),
    ("Vietnamese Consul General in Busan Le Thi Hoa hosted a reception.",
     {("Le Thi Hoa", "holdsRole", "Consul General in Busan")}, set()),
    ("Canadian Governor General Mary Simon hosted a dinner.",
     {("Mary Simon", "holdsRole", "Governor-General of Canada")}, set()),
    # a place after "in" ends before a Vietnamese name
    ("Consul General in Hanoi Nguyen Van Binh hosted a reception.",
     {("Nguyen Van Binh", "holdsRole", "Consul General in Hanoi")}, set()),
    # a month abbreviation is a given name at the end of a sentence
    ("She also met Chinese Vice Foreign Minister Sun Jun.",
     {("Sun Jun", "holdsRole", "Vice Minister of Foreign Affairs of China")},
     {("Sun", "holdsRole", "Vice Minister of Foreign Affairs of China")}),
    # a hyphenated Korean given name, and an adjective that is none
    ("Lee Min-jung, Executive Vice President of Hanwha Ocean, said more orders would come.",
     {("Lee Min-jung", "holdsRole", "Executive Vice President of Hanwha Ocean")}, set()),
    # an unknown foreign body ends before its holder when a second title follows
    ("He met Speaker of the Assembly of the Republic Jose Silva and Prime Minister Ana Costa.",
     {("Jose Silva", "holdsRole", "Speaker of the Assembly of the Republic")}, set()),
    # "during her official visit": the subject of the sentence is the visitor
    ("President Nguyen Thi Lan held talks with Chilean President Gabriel Boric during her "
     "state visit to Chile.",
     {("Nguyen Thi Lan", "participatedIn", "state visit to Chile"),
      ("state visit to Chile", "heldIn", "Chile")}, set()),
    # an event head glued to "-Plus"; a date after a name is no part of it
    ("He attended the 11th ASEAN Maritime Forum-Plus in Jakarta on May 6.",
     {("11th ASEAN Maritime Forum-Plus", "heldIn", "Jakarta")}, set()),
    ("Le Van Minh attended the 9th Mekong Water Conference on May 6.",
     {("Le Van Minh", "participatedIn", "9th Mekong Water Conference")}, set()),
    # leading a delegation to an event, and the delegation's members
    ("Minister Tran Van Son led a delegation of the Ministry of Finance to the 12th ASEAN "
     "Finance Ministers' Meeting in Vientiane. The delegation included Deputy Minister Le Thi "
     "Hoa and Nguyen Van Dung, Director of the Tax Department.",
     {("Tran Van Son", "participatedIn", "12th ASEAN Finance Ministers' Meeting"),
      ("Le Thi Hoa", "participatedIn", "12th ASEAN Finance Ministers' Meeting"),
      ("Nguyen Van Dung", "participatedIn", "12th ASEAN Finance Ministers' Meeting")}, set()),
    # the sender of a delegation is no participant
    ("Prime Minister Pham Van Hai sent a delegation to the 12th ASEAN Finance Ministers' "
     "Meeting in Vientiane.",
     set(), {("Pham Van Hai", "participatedIn", "12th ASEAN Finance Ministers' Meeting")}),
])
def test_round18_offices_names_visits_and_delegations(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a law named by its subject guides that subject; its issuer may follow it
    ("She said the 2025 Press Law, passed by the National Assembly on June 20, 2025, protects "
     "journalists.",
     {("2025 Press Law", "guides", "Press"), ("2025 Press Law", "issuedBy", "National Assembly"),
      ("2025 Press Law", "date", "2025-06-20")}, set()),
    # "on ..." after such a law is another phrase's, not its name or topic
    ("The decree details several articles of the Investment Law on special procedures for "
     "high-tech projects.",
     {("Investment Law", "guides", "Investment")},
     {("Investment Law on special procedures for high-tech projects", "guides",
       "special procedures for high-tech projects")}),
    # a body or a demonym before "Law" is no subject
    ("The ASEAN Law Association met in Hanoi.", set(),
     {("ASEAN Law", "guides", "ASEAN")}),
])
def test_round18_laws_named_by_subject(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a headline drops "the" after a present-tense attendance verb
    ("Deputy Minister Tran Van Hai co-chairs Vietnam – Peru Joint Committee Meeting in Lima",
     {("Tran Van Hai", "participatedIn", "Vietnam – Peru Joint Committee Meeting"),
      ("Vietnam – Peru Joint Committee Meeting", "heldIn", "Lima")}, set()),
    ("Deputy Minister Tran Van Hai attends Hung Kings Festival 2025 celebration in Phu Tho",
     {("Tran Van Hai", "participatedIn", "Hung Kings Festival 2025 celebration")}, set()),
    # a reception is an event when its purpose names it, also after its place and date
    ("The Vietnamese Embassy in France held a reception in Paris on May 5 to mark the 50th "
     "anniversary of diplomatic ties and the 10th anniversary of the partnership.",
     {("reception to mark the 50th anniversary of diplomatic ties", "heldIn", "Paris"),
      ("reception to mark the 50th anniversary of diplomatic ties", "date", "2026-05-05")},
     set()),
    ("Ambassador Tran Van Hai hosted a farewell reception in Paris on May 5.", set(),
     {("farewell reception", "heldIn", "Paris")}),
    # "the see-off ceremony" is the ceremony described before; "ahead of" ends its purpose
    ("The ministry held a ceremony in Hanoi on May 5 to see off the engineering unit ahead of "
     "its deployment. Deputy Minister Le Van Tam chaired the see-off ceremony.",
     {("Le Van Tam", "participatedIn", "ceremony to see off the engineering unit"),
      ("ceremony to see off the engineering unit", "heldIn", "Hanoi")},
     {("Le Van Tam", "participatedIn", "see-off ceremony")}),
])
def test_round18_events_named_by_purpose_and_in_headlines(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # in a visit to one foreign country, a title without a country held by a foreign name is
    # that country's office; a Vietnamese name keeps the home office
    ("President Luong Cuong paid an official visit to Singapore. During the visit, he met "
     "Prime Minister Lawrence Wong.",
     {("Lawrence Wong", "holdsRole", "Prime Minister of Singapore")},
     {("Lawrence Wong", "holdsRole", "Prime Minister")}),
    ("Prime Minister Pham Minh Chinh is paying an official visit to Japan. Deputy Prime "
     "Minister Bui Thanh Son accompanies him.",
     {("Bui Thanh Son", "holdsRole", "Deputy Prime Minister")},
     {("Bui Thanh Son", "holdsRole", "Deputy Prime Minister of Japan")}),
])
def test_round18_hosts_of_the_visited_country(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # everyone in the list before "as" is elected to the office
    ("The congress elected Nguyen Van Thang, Pham Thi Lan and Deputy Minister Doan Minh Quy as "
     "Deputy Secretaries of the Party Committee of the Ministry of Finance.",
     {("Nguyen Van Thang", "holdsRole",
       "Deputy Secretary of the Party Committee of the Ministry of Finance"),
      ("Pham Thi Lan", "holdsRole",
       "Deputy Secretary of the Party Committee of the Ministry of Finance"),
      ("Doan Minh Quy", "holdsRole",
       "Deputy Secretary of the Party Committee of the Ministry of Finance")}, set()),
    # people before another clause's election are not elected
    ("Nguyen Van Thang and Pham Thi Lan attended the congress, which elected Le Van Hai as "
     "Secretary of the Ha Tinh Provincial Party Committee.",
     {("Le Van Hai", "holdsRole", "Secretary of the Ha Tinh Provincial Party Committee")},
     {("Pham Thi Lan", "holdsRole", "Secretary of the Ha Tinh Provincial Party Committee")}),
])
def test_round18_elected_lists(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a sentence opened by a participle: the name starts after it
    ("Ambassador Ciaran Moloney presented his credentials. Receiving Moloney, the President "
     "thanked Ireland for its help.",
     {("Ciaran Moloney", "holdsRole", "Ambassador")},
     {("Receiving Moloney", "holdsRole", "Ambassador")}),
    # provincial capitals and foreign cities are places, never persons
    ("The province asked for capital for the Buon Ma Thuot – Tuy Hoa expressway.", set(),
     {("Tuy Hoa", "holdsRole", "Ambassador")}),
    ("The 5th Vietnam – Cuba Friendship Forum opened in Havana on May 4.",
     {("5th Vietnam – Cuba Friendship Forum", "heldIn", "Havana")}, set()),
    # a known city with its place word is the office's place
    ("Mayor of Busan city Park Heong-joon met traders.",
     {("Park Heong-joon", "holdsRole", "Mayor of Busan city")}, set()),
    ("Governor of Japan's Osaka prefecture Hirofumi Yoshimura met traders.",
     {("Hirofumi Yoshimura", "holdsRole", "Governor of Osaka prefecture")}, set()),
    # a place that ends a longer name opens no office of its own
    ("Le Van Minh met Victoria University of Wellington Vice-Chancellor Nic Smith.", set(),
     {("Nic Smith", "holdsRole", "Vice-Chancellor of the Wellington")}),
])
def test_round19_names_places_and_participles(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round19_a_city_is_no_person():
    article = Article("t.txt", "The delegation flew from Buon Ma Thuot to Tuy Hoa and Luang "
                      "Prabang on May 4.", "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    people = {e.label for e in extraction.entities if e.ref.type.value == "Person"}
    assert not people, people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # offices of foreign parties and their parts
    ("General Secretary of the Lao People's Revolutionary Party Thongloun Sisoulith met To Lam.",
     {("Thongloun Sisoulith", "holdsRole",
       "General Secretary of the Lao People's Revolutionary Party")},
     {("Thongloun Sisoulith", "holdsRole", "Secretary of the Lao People's Revolutionary Party")}),
    ("Xi Jinping, General Secretary of the CPC Central Committee, met To Lam.",
     {("Xi Jinping", "holdsRole",
       "General Secretary of the Communist Party of China Central Committee")},
     {("Xi Jinping", "holdsRole", "General Secretary of the Communist Party of Vietnam")}),
    ("He held talks with Secretary of the General Council of the United Russia party Andrei "
     "Turchak.",
     {("Andrei Turchak", "holdsRole",
       "Secretary of the General Council of the United Russia party")}, set()),
    ("He met Chairman of the Central Committee of the Communist Party of the Russian "
     "Federation Gennady Zyuganov.",
     {("Gennady Zyuganov", "holdsRole",
       "Chairman of the Central Committee of the Communist Party of the Russian Federation")},
     set()),
    # the home Party's own Central Committee stays the home body
    ("General Secretary of the Communist Party of Vietnam To Lam met him.",
     {("To Lam", "holdsRole", "General Secretary of the Communist Party of Vietnam")}, set()),
    # an acronym after "of" ends before the holder's name; a body's executive head before a name
    ("Secretary-General of ASEAN Kao Kim Hourn attended the event.",
     {("Kao Kim Hourn", "holdsRole",
       "Secretary-General of the Association of Southeast Asian Nations")}, set()),
    ("UNCTAD Secretary-General Rebeca Grynspan spoke.",
     {("Rebeca Grynspan", "holdsRole", "UNCTAD Secretary-General")}, set()),
])
def test_round19_party_and_international_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a sentence opened by a meeting participle: guest before the comma, host after it
    ("Ambassador Ulugbek Rakhimov presented his credentials. Meeting Rakhimov, President Luong "
     "Cuong praised the new direct flights.",
     {("Luong Cuong", "met", "Ulugbek Rakhimov")}, set()),
    ("Meeting the press, Minister Le Van Hai said Nguyen Van Binh would lead the team.", set(),
     {("Le Van Hai", "met", "Nguyen Van Binh")}),
    # an acronym inside a topic; a lower-case issuer in the issuing clause
    ("The Prime Minister signed Directive 32/CT-TTg on combating illegal, unreported and "
     "unregulated (IUU) fishing.",
     {("Directive 32/CT-TTg", "guides",
       "combating illegal, unreported and unregulated (IUU) fishing")}, set()),
    ("The province implements Resolution 05-NQ/TU, adopted by the provincial Party Committee "
     "on September 26 on developing high-tech agriculture.",
     {("Resolution 05-NQ/TU", "date", "2025-09-26"),
      ("Resolution 05-NQ/TU", "guides", "developing high-tech agriculture")}, set()),
    # a city's abbreviated name
    ("Duc was received by Governor of St Petersburg Alexander Beglov.",
     {("Alexander Beglov", "holdsRole", "Governor of Saint Petersburg"),
      ("Duc", "met", "Alexander Beglov")}, set()),
])
def test_round19_meetings_topics_and_issue_clauses(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a modifier glued by a hyphen keeps it
    ("He met Vice-President of the European Commission Kaja Kallas.",
     {("Kaja Kallas", "holdsRole", "Vice-President of the European Commission")},
     {("Kaja Kallas", "holdsRole", "President of the European Commission")}),
    # long Arabic names: the particles do not count towards a name's length
    ("He held talks with Qatari Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al "
     "Thani.",
     {("Mohammed bin Abdulrahman bin Jassim Al Thani", "holdsRole", "Prime Minister of Qatar")},
     set()),
    # emirs, sultans and crown princes are offices
    ("Qatari Emir Sheikh Tamim bin Hamad Al Thani received him.",
     {("Tamim bin Hamad Al Thani", "holdsRole", "Emir of Qatar")}, set()),
])
def test_round20_hyphenated_modifiers_long_names_and_monarchs(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def document_names(text: str) -> list[tuple[str | None, str | None]]:
    from graph.nlp import load_pipeline

    doc = load_pipeline()(text)
    return [(d.name or d.number, d.topic) for d in doc._.dg_documents]


@pytest.mark.parametrize(("text", "expected"), [
    # "for a <Title Case>": the article does not end the name
    ("The ministers adopted the Hanoi Joint Statement on Maritime Cooperation for a Safe and "
     "Open Sea.",
     [("Hanoi Joint Statement on Maritime Cooperation for a Safe and Open Sea",
       "Maritime Cooperation for a Safe and Open Sea")]),
    # a numbered document after "and" starts another document
    ("They implemented the Law on Cyber Security and Directive No. 18-CT/TW of the Politburo "
     "on data.",
     [("Law on Cyber Security", "Cyber Security"), ("18-CT/TW", "data")]),
    # a year and a subtitle are part of the name, not of the topic
    ("Leaders adopted the Jakarta Declaration on ASEAN 2040: A Resilient Region at the summit.",
     [("Jakarta Declaration on ASEAN 2040: A Resilient Region", "ASEAN")]),
    ("The Law on Planning 2017 was amended.", [("Law on Planning 2017", "Planning")]),
    # parties named with their place words
    ("They signed the Friendship Agreement between Lang Son province and Guangxi province for "
     "the 2026–2030 period.",
     [("Friendship Agreement between Lang Son province and Guangxi province for the 2026–2030 "
       "period", None)]),
])
def test_round21_document_names(text, expected):
    assert document_names(text) == expected


def test_round21_a_law_named_and_numbered_is_one_document_labelled_by_its_name():
    text = ("The National Assembly adopted the Law on Data Centres on June 2, 2026. The Law on "
            "Data Centres (Law No. 71/2026/QH15) takes effect in 2027.")
    article = Article("t.txt", text, "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    documents = [e for e in extraction.entities if e.ref.type.value == "LegalDocument"]
    assert [d.label for d in documents] == ["Law on Data Centres"]
    assert "Law 71/2026/QH15" in documents[0].alt_labels
    assert_triples(text, {("Law on Data Centres", "documentNumber", "71/2026/QH15"),
                          ("Law on Data Centres", "date", "2026-06-02")}, set(), D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a named document after an issuing verb takes the day that ends its clause
    ("The National Assembly adopted the Law on Data Centres on June 2. It takes effect in 2027.",
     {("Law on Data Centres", "date", "2025-06-02")}, set()),
    ("The National Assembly passed the Law on Planning on March 3, with 450 votes in favour.",
     {("Law on Planning", "date", "2026-03-03")}, set()),
    # a day that is no clause's end is left alone
    ("The Law on Planning on March 3 drew comments from deputies.", set(),
     {("Law on Planning", "date", "2026-03-03")}),
])
def test_round21_named_document_dates(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "Relations" is a portfolio word; "High" a modifier of an office
    ("Angolan Minister of External Relations Tete Antonio attended.",
     {("Tete Antonio", "holdsRole", "Minister of External Relations of Angola")},
     {("Relations Tete Antonio", "holdsRole", "Minister of External of Angola")}),
    ("High Commissioner for Human Rights Volker Turk met him.",
     {("Volker Turk", "holdsRole", "High Commissioner for Human Rights")}, set()),
])
def test_round22_portfolios_and_high_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the Prime Minister's decisions and directives: an office, not an Organization, issues them
    ("Officials cited Decision 455/QD-TTg on coastal erosion control.",
     {("Decision 455/QD-TTg", "guides", "coastal erosion control")},
     {("Decision 455/QD-TTg", "issuedBy", "Government of Vietnam")}),
    ("The province carried out Directive 07/CT-TTg of the Prime Minister on forest fires.",
     {("Directive 07/CT-TTg", "guides", "forest fires")},
     {("Directive 07/CT-TTg", "issuedBy", "Government of Vietnam")}),
    # the date of the first of two verbs, and a date the parser hangs on the subject
    ("On February 3, the minister opened and chaired the 5th National Forestry Forum in Hue.",
     {("5th National Forestry Forum", "date", "2026-02-03")}, set()),
    ("Deputy Prime Minister Tran Hong Ha on February 4 chaired the 9th Mekong Delta Climate "
     "Conference in Can Tho.",
     {("9th Mekong Delta Climate Conference", "date", "2026-02-04")}, set()),
    # an organisation's one-word name opens a generic event; "online" then names the medium
    ("Deputy Prime Minister Mai Van Chinh chaired a Government online conference with provinces "
     "to review flood recovery in Hanoi on February 5.",
     {("Mai Van Chinh", "participatedIn",
       "Government online conference with provinces to review flood recovery"),
      ("Government online conference with provinces to review flood recovery", "date",
       "2026-02-05")}, set()),
    ("The two Prime Ministers held an online conference on rice trade on February 5.", set(),
     {("online conference on rice trade", "date", "2026-02-05")}),
    # "the 11th-tenure <council>": the term's ordinal and its hyphenated word
    ("Deputies met at the 7th session of the 11th-tenure Nghe An provincial People's Council in "
     "Vinh city on February 6.",
     {("7th session of the 11th-tenure Nghe An provincial People's Council", "date",
       "2026-02-06")}, set()),
    # a bracketed acronym inside an event's name
    ("The minister attended the 3rd Greater Mekong Subregion (GMS) Economic Corridors Forum in "
     "Bangkok on February 7.",
     {("3rd Greater Mekong Subregion (GMS) Economic Corridors Forum", "date", "2026-02-07")},
     set()),
])
def test_round23_issuers_event_dates_and_names(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "<head> and <corporate head> of X": both offices are X's
    ("Tran Van Long, Chairman and CEO of Minh Phat Group, spoke at the forum.",
     {("Tran Van Long", "holdsRole", "Chairman of the Minh Phat Group"),
      ("Tran Van Long", "holdsRole", "CEO of the Minh Phat Group")}, set()),
    ("President and CEO of the US-ASEAN Business Council Ted Osius attended.",
     {("Ted Osius", "holdsRole", "President of the US-ASEAN Business Council"),
      ("Ted Osius", "holdsRole", "CEO of the US-ASEAN Business Council")},
     {("Ted Osius", "holdsRole", "State President")}),
    # a Party office and a committee's stay apart
    ("Secretary and Chairman of the Lai Chau provincial People's Committee Tran Tien Dung spoke.",
     {("Tran Tien Dung", "holdsRole", "Chairman of the Lai Chau provincial People's Committee")},
     {("Tran Tien Dung", "holdsRole", "Secretary of the Lai Chau provincial People's Committee")}),
    # a given name alone after an acronym the article spelt out
    ("Pham Van Tuan was elected President of the Vietnam Cooperative Alliance (VCA) in May. VCA "
     "President Tuan then met farmers.",
     {("Pham Van Tuan", "holdsRole", "President of the Vietnam Cooperative Alliance")},
     {("Pham Van Tuan", "holdsRole", "State President")}),
    # a list of guests after "with" is part of the event's name; "in <year>" of its topic
    ("The Prime Minister chaired a Government online conference with ministries, sectors and "
     "localities on speeding up disbursement in 2026 on March 3.",
     {("Government online conference with ministries, sectors and localities on speeding up "
       "disbursement in 2026", "date", "2026-03-03")}, set()),
])
def test_round23_shared_offices_and_guest_lists(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a visited country gives its offices only to titles that name no owner
    ("During his working visit to the United States, the President met UN Secretary-General "
     "Antonio Guterres and Secretary of Commerce Howard Lutnick.",
     {("Antonio Guterres", "holdsRole", "Secretary-General of the United Nations")},
     {("Antonio Guterres", "holdsRole",
       "Secretary-General of the United Nations of the United States")}),
    # "<Country>-based" describes the company; it does not own the office
    ("Dr Anna Berg, Chairwoman and CEO of US-based Orbital Chips, met the minister.",
     {("Anna Berg", "holdsRole", "Chairwoman of Orbital Chips"),
      ("Anna Berg", "holdsRole", "CEO of Orbital Chips")},
     {("Anna Berg", "holdsRole", "CEO of the United States")}),
    # a department's portfolio field, then a name before "and <title>"
    ("The guests included Director of the Guangxi Department of Commerce Li Wei and Secretary of "
     "the Lang Son provincial Party Committee Hoang Van Nghiem.",
     {("Li Wei", "holdsRole", "Director of the Guangxi Department of Commerce")},
     {("Hoang Van Nghiem", "holdsRole", "Director of the Guangxi Department of Commerce Li Wei")}),
    # a curated foreign province before a name
    ("He received Executive Vice Governor of Guangxi Zhou Ming in Lang Son.",
     {("Zhou Ming", "holdsRole", "Executive Vice Governor of Guangxi")}, set()),
    # a mission to an international organisation is a posting; the rank then adds nothing
    ("Ambassador Tran Van Minh, Permanent Representative of Viet Nam to the United Nations, "
     "spoke.",
     {("Tran Van Minh", "holdsRole", "Permanent Representative of Vietnam to the United Nations")},
     {("Tran Van Minh", "holdsRole", "Ambassador")}),
    # new heads and modifiers; an office that serves another
    ("Coordinating Minister for Maritime Affairs Budi Karya met him.",
     {("Budi Karya", "holdsRole", "Coordinating Minister for Maritime Affairs")}, set()),
    ("Thai Undersecretary of Foreign Affairs Chatchai Wong attended.",
     {("Chatchai Wong", "holdsRole", "Undersecretary of Foreign Affairs of Thailand")}, set()),
    ("Inspector General of the Philippine National Police Jose Torre met him.",
     {("Jose Torre", "holdsRole", "Inspector General of the Philippine National Police")}, set()),
    ("He called on Parliamentary Secretary to the Minister of Trade Anne Lee.",
     {("Anne Lee", "holdsRole", "Parliamentary Secretary to the Minister of Trade")},
     {("Anne Lee", "holdsRole", "Minister of Trade")}),
    # "Most Venerable" is an honorific; it is no "MoST"; a known owner ends no name
    ("Most Venerable Thich Minh Tam, President of the Executive Council of the Vietnam Buddhist "
     "Sangha, attended.",
     {("Thich Minh Tam", "holdsRole",
       "President of the Executive Council of the Vietnam Buddhist Sangha")},
     {("Ministry of Science and Technology", "partOf", "Government of Vietnam")}),
    # a list closed by an honorific before a passive election
    ("Tran Thi Lan and Most Venerable Thich Quang Duc were elected Vice Presidents of the VFF "
     "Central Committee.",
     {("Tran Thi Lan", "holdsRole",
       "Vice President of the Vietnam Fatherland Front Central Committee"),
      ("Thich Quang Duc", "holdsRole",
       "Vice President of the Vietnam Fatherland Front Central Committee")}, set()),
])
def test_round24_owners_postings_and_new_heads(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected"), [
    # an acronym and "at <not a body>" go on a document's name; "against" links it
    ("The Law on Service in UN Missions was cited.",
     [("Law on Service in UN Missions", "Service in UN Missions")]),
    ("He cited the Law on Democracy at the Grassroots.",
     [("Law on Democracy at the Grassroots", "Democracy at the Grassroots")]),
    ("They signed the ASEAN Convention against Trafficking in Persons.",
     [("ASEAN Convention against Trafficking in Persons", None)]),
    # plans, statements, minutes, concept papers and pacts are documents
    ("The ministers adopted the Da Lat Statement on Forest Cooperation.",
     [("Da Lat Statement on Forest Cooperation", "Forest Cooperation")]),
    ("They signed the Minutes of Talks on Border Trade.",
     [("Minutes of Talks on Border Trade", None)]),
    ("They adopted the Plan of Action for the Mekong Partnership for the 2026-2030 Period.",
     [("Plan of Action for the Mekong Partnership for the 2026-2030 Period", None)]),
    # a horizon ("to 2030") is the name's, not the topic's; so is a party's lower-case word
    ("They reviewed the Master Plan on Tourism Development to 2030.",
     [("Master Plan on Tourism Development to 2030", "Tourism Development")]),
    ("They signed the Cooperation Plan between the Communist Party of Vietnam and the Lao "
     "People's Revolutionary party for 2026-2030.",
     [("Cooperation Plan between the Communist Party of Vietnam and the Lao People's "
       "Revolutionary party for 2026-2030", None)]),
])
def test_round24_document_names(text, expected):
    assert document_names(text) == expected


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a provincial office without its place is the office of the province the article is about
    ("Deputies to the Ninh Binh provincial People's Council met on March 2. Vice Chairman of the "
     "provincial People's Committee Tran Van Long presented the report.",
     {("Tran Van Long", "holdsRole", "Vice Chairman of the Ninh Binh provincial People's "
                                     "Committee")},
     {("Tran Van Long", "holdsRole", "Vice Chairman of the provincial People's Committee")}),
    # "municipal" and "city" offices of a city whose name ends in "City"
    ("Secretary of the Can Tho City Party Committee Do Thanh Binh received them. Also present "
     "was Chairman of the municipal People's Committee Tran Viet Truong.",
     {("Tran Viet Truong", "holdsRole", "Chairman of the Can Tho City People's Committee")},
     {("Tran Viet Truong", "holdsRole", "Chairman of the municipal People's Committee")}),
    # two provinces named alike: no guess
    ("The Ninh Binh provincial Party Committee and the Ha Nam provincial Party Committee met. "
     "Secretary of the provincial Party Committee Le Van Hoa spoke.",
     {("Le Van Hoa", "holdsRole", "Secretary of the provincial Party Committee")}, set()),
])
def test_round24_offices_of_the_articles_province(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "the <demonym> leader and <title> X": two people; X's office is not the leader's country's
    ("Prime Minister Pham Minh Chinh met Thai Prime Minister Anutin Charnvirakul in Hanoi. The "
     "Thai leader and Deputy Prime Minister Ho Duc Phoc then visited a factory.",
     {("Ho Duc Phoc", "holdsRole", "Deputy Prime Minister")},
     {("Ho Duc Phoc", "holdsRole", "Deputy Prime Minister of Thailand")}),
    # the place of a person's other office names the unnamed one
    ("A Lao delegation was led by Khamphan Sitthidampha, Secretary of the provincial Party "
     "Committee and Governor of Savannakhet. The Ha Tinh provincial Party Committee hosted it.",
     {("Khamphan Sitthidampha", "holdsRole", "Secretary of the Savannakhet provincial Party "
                                             "Committee")}, set()),
    # a country's name before an office
    ("He met RoK Prime Minister Han Duck-soo in Seoul.",
     {("Han Duck-soo", "holdsRole", "Prime Minister of the Republic of Korea")},
     {("Han Duck-soo", "holdsRole", "Prime Minister")}),
    # an embassy "in the <country>"
    ("Le Van Binh, Head of the Vietnamese Embassy in the Philippines, attended.",
     {("Le Van Binh", "holdsRole", "Head of the Vietnamese Embassy in the Philippines")}, set()),
    # a city's body after its place word
    ("Chairman of the Vinh city People's Committee Tran Ngoc Tu met the delegation.",
     {("Tran Ngoc Tu", "holdsRole", "Chairman of the Vinh city People's Committee")},
     {("People", "holdsRole", "Chairman of Vinh city")}),
    # "re-elected" after the person's own title between commas
    ("The Hue city People's Council met on May 2. Le Truong Luu, Secretary of the city Party "
     "Committee, was re-elected Chairman of the city People's Council.",
     {("Le Truong Luu", "holdsRole", "Chairman of the Hue city People's Council")}, set()),
    # a foreign visitor's companions hold their offices in the visitor's country
    ("Indonesian President Prabowo Subianto arrived in Hanoi on March 2. He is accompanied by "
     "Minister of Trade Budi Santoso and Minister for Foreign Affairs Sugiono Putra.",
     {("Budi Santoso", "holdsRole", "Minister of Trade of Indonesia"),
      ("Sugiono Putra", "holdsRole", "Minister of Foreign Affairs of Indonesia")},
     {("Sugiono Putra", "holdsRole", "Minister of Foreign Affairs")}),
])
def test_round25_anaphors_places_and_companions(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected"), [
    # a capitalised gerund's object, a place's particle, a year's term
    ("They issued the Joint Statement on Upgrading the Viet Nam – Chile Partnership.",
     [("Joint Statement on Upgrading the Viet Nam – Chile Partnership",
       "Upgrading the Viet Nam – Chile Partnership")]),
    ("Ministers adopted the Punta del Este Declaration on Trade.",
     [("Punta del Este Declaration on Trade", "Trade")]),
    ("They signed the Cooperation Plan for 2027 between the two ministries.",
     [("Cooperation Plan for 2027", None)]),
])
def test_round25_document_names(text, expected):
    assert document_names(text) == expected


def test_round25_a_local_body_named_with_or_without_its_locality_word_is_one_office():
    text = ("Secretary of the Ha Tinh Party Committee Nguyen Duy Lam met the delegation. Later, "
            "Secretary of the Ha Tinh provincial Party Committee Nguyen Duy Lam visited a port.")
    article = Article("t.txt", text, "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    roles = [e for e in extraction.entities if e.ref.type.value == "Role"]
    assert len(roles) == 1, roles
    assert {"Secretary of the Ha Tinh Party Committee",
            "Secretary of the Ha Tinh provincial Party Committee"} <= {roles[0].label,
                                                                       *roles[0].alt_labels}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a comma list of portfolios, and the article's "the" in a ministry's field
    ("Chilean Minister of Economy, Development and Services Maria Soto attended the meeting.",
     {("Maria Soto", "holdsRole", "Minister of Economy, Development and Services of Chile")},
     {("Services Maria Soto", "holdsRole", "Minister of Economy, Development of Chile")}),
    ("He met Japanese Minister of the Interior and Safety Sato Ken at the office.",
     {("Sato Ken", "holdsRole", "Minister of the Interior and Safety of Japan")}, set()),
])
def test_round25_portfolio_lists(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round25_a_company_short_name_is_not_a_person():
    text = ("He received Ito Ken, President of Japan's Hoshino Materials Corporation. Ito said "
            "Hoshino was studying a plant in Bac Ninh.")
    people = _people(text)
    assert "Hoshino" not in people and "Ito Ken" in people, people


def test_round25_office_labels_keep_their_linking_words_lower_case():
    assert_triples("General Tran Van Nam, Chief of the General Staff of the Vietnam People's "
                   "Army, attended.",
                   {("Tran Van Nam", "holdsRole",
                     "Chief of the General Staff of the Vietnam People's Army")},
                   {("Tran Van Nam", "holdsRole",
                     "Chief Of The General Staff of the Vietnam People's Army")}, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a membership of a local body before a conjoined office
    ("Dang Thi Lan, member of the Son La provincial Party Committee and Vice Chairwoman of the "
     "Son La provincial People's Committee, spoke at the event.",
     {("Dang Thi Lan", "holdsRole", "Vice Chairwoman of the Son La provincial People's "
                                    "Committee"),
      ("Dang Thi Lan", "memberOf", "Son La provincial Party Committee")},
     {("Dang Thi Lan", "memberOf", "Son La")}),
    ("Pham Quoc Viet, member of the Standing Board of the Phu Tho provincial Party Committee, "
     "chaired the meeting.",
     {("Pham Quoc Viet", "memberOf", "Standing Board of the Phu Tho provincial Party "
                                     "Committee")}, set()),
    # a known body stays the known body
    ("Ngo Van Hai, member of the Party Central Committee and Chairman of the Party Central "
     "Committee's Commission for External Relations, attended.",
     {("Ngo Van Hai", "memberOf", "Party Central Committee")}, set()),
    # appointments: a headline's reduced passive and "the appointment of X as Y"
    ("Politburo member Ta Quang Minh appointed Minister of Home Affairs",
     {("Ta Quang Minh", "holdsRole", "Minister of Home Affairs")}, set()),
    ("Deputies approved the appointment of Lu Thi Hoa as Minister of Health, and of Kieu Van "
     "Long, previously Chairman of the Lang Son provincial People's Committee, as Minister of "
     "Construction.",
     {("Lu Thi Hoa", "holdsRole", "Minister of Health"),
      ("Kieu Van Long", "holdsRole", "Minister of Construction")},
     {("Kieu Van Long", "holdsRole", "Chairman of the Lang Son provincial People's "
                                     "Committee")}),
    # an active appointment names the appointer's office only
    ("Deputy Prime Minister Hoang Van Son named Deputy Minister Lam Quoc Dat head of the task "
     "force.",
     {("Hoang Van Son", "holdsRole", "Deputy Prime Minister")},
     {("Hoang Van Son", "holdsRole", "Deputy Minister")}),
])
def test_round26_memberships_and_appointments(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def _roles_and_holders(text: str) -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    article = Article("t.txt", text, "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    labels = {e.ref: e.label for e in extraction.entities}
    roles = {e.label: set(e.alt_labels) for e in extraction.entities
             if e.ref.type.value == "Role"}
    held = {(labels[f.subject], labels[f.object]) for f in extraction.facts
            if f.relation is Relation.HOLDS_ROLE}
    return roles, held


@pytest.mark.parametrize(("text", "office", "holder"), [
    ("Tran Van Phuc, former Secretary of the Ben Tre provincial Party Committee, was expelled.",
     "Secretary of the Ben Tre provincial Party Committee", "Tran Van Phuc"),
    ("Mai Thi Hue, 51, previously served as Deputy Head of the Party Central Committee's "
     "Economic Commission.",
     "Deputy Head of the Party Central Committee's Economic Commission", "Mai Thi Hue"),
    ("Vo Minh Tam was formerly Director of the Kon Tum Department of Health.",
     "Director of the Kon Tum Department of Health", "Vo Minh Tam"),
])
def test_round26_a_former_office_is_a_role_nobody_holds(text, office, holder):
    roles, held = _roles_and_holders(text)
    assert any(office in {label, *alts} for label, alts in roles.items()), roles
    assert not any(person == holder for person, _ in held), held


def test_round26_the_late_leader_gives_no_former_office():
    roles, _ = _roles_and_holders("The late President Ho Chi Minh visited the school in 1958.")
    assert not roles, roles


def test_round26_an_office_is_one_whoever_holds_it():
    text = ("Le Van Thanh, Chairman of the Tra Vinh provincial People's Council, opened the "
            "session. Nguyen Thi Hoa, former Chairwoman of the provincial People's Council, "
            "also spoke. Dinh Thi Ha, Chairwoman of the Tra Vinh provincial People's Council "
            "until 2020, attended.")
    roles, _ = _roles_and_holders(text)
    council = [label for label in roles if "People's Council" in label]
    assert len(council) == 1, roles
    assert "Chairwoman of the Tra Vinh provincial People's Council" in roles[council[0]] \
        | {council[0]}, roles


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "its" names the body of the office before "and"
    ("Secretary of the Party Central Committee and Head of its Commission for Mass Mobilisation "
     "Bui Van Khoa spoke.",
     {("Bui Van Khoa", "holdsRole", "Secretary of the Party Central Committee")}, set()),
    ("Ha Van Tien, member of the Party Central Committee and Deputy Head of its Economic "
     "Commission, attended.",
     {("Ha Van Tien", "memberOf", "Party Central Committee"),
      ("Ha Van Tien", "holdsRole", "Deputy Head of the Central Economic Commission")}, set()),
    # a company described by nationality and kind; an office over a region of a company
    ("Hans Weber, CEO of Swiss engineering firm Bergmann Technik, said.",
     {("Hans Weber", "holdsRole", "CEO of Bergmann Technik")},
     {("Hans Weber", "holdsRole", "CEO of Swiss")}),
    ("Lena Park, Vice President for Southeast Asia of Orbis Logistics, said.",
     {("Lena Park", "holdsRole", "Vice President for Southeast Asia of Orbis Logistics")},
     {("Lena Park", "holdsRole", "Vice President")}),
    # a bare corporate head after "and" heads the same body
    ("He received AmCham President and CEO Mark Dolan.",
     {("Mark Dolan", "holdsRole", "President of the American Chamber of Commerce in Vietnam"),
      ("Mark Dolan", "holdsRole", "CEO of the American Chamber of Commerce in Vietnam")}, set()),
    ("He met a delegation of the Korea Chamber of Commerce and Industry (KCCI) led by its "
     "Chairman and CEO Yoon Ji-ho.",
     {("Yoon Ji-ho", "holdsRole", "Chairman of the Korea Chamber of Commerce and Industry"),
      ("Yoon Ji-ho", "holdsRole", "CEO of the Korea Chamber of Commerce and Industry")},
     {("Yoon Ji-ho", "holdsRole", "Chairman And CEO of the Korea Chamber of Commerce and "
                                 "Industry")}),
    # a Party office then a bare head stays as it was: no office of the Party Committee
    ("Le Van Cuong, Secretary of the Party Committee and Chairman Nguyen Van Sau attended.",
     set(), {("Nguyen Van Sau", "holdsRole", "Chairman of the Party Committee")}),
    # a place named with its capitalised place word, then the holder's name
    ("Governor of Osaka Prefecture Yoshida Ken received the delegation.",
     {("Yoshida Ken", "holdsRole", "Governor of Osaka Prefecture")}, set()),
    ("He met Governor of Bukhara Region Aziz Karimov.",
     {("Aziz Karimov", "holdsRole", "Governor of Bukhara Region")}, set()),
    # a known place before "Province People's Committee" stays the committee's
    ("Chairman of the Ninh Binh Province People's Committee Pham Quang Ngoc attended.",
     {("Pham Quang Ngoc", "holdsRole", "Chairman of the Ninh Binh Province People's Committee")},
     set()),
    # a newspaper named with its kind word, the gloss left out
    ("Editor-in-Chief of Lao Dong (Labour) newspaper Tran Van Mai attended.",
     {("Tran Van Mai", "holdsRole", "Editor-in-Chief of Lao Dong newspaper")},
     {("Tran Van Mai", "holdsRole", "Editor-In-Chief of Lao Dong newspaper")}),
    # "Federal" is part of the office
    ("He held talks with German Federal Minister of Finance Jonas Vogel.",
     {("Jonas Vogel", "holdsRole", "Federal Minister of Finance of Germany")}, set()),
])
def test_round27_titles(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round27_the_organisation_an_office_names_is_no_person():
    text = ("Pierre Dubois, CEO of French energy group Loire Energies, said the firm would "
            "invest. Loire Energies runs three plants.")
    people = _people(text)
    assert people == {"Pierre Dubois"}, people


@pytest.mark.parametrize(("text", "event", "place"), [
    # an edition year opening the name
    ("The ministry held the 2027 National Conference on Fisheries Work in Hue on May 4.",
     "2027 National Conference on Fisheries Work", "Hue"),
    # a gerund's capitalised object inside the name
    ("The commission held the National Conference on Reviewing the Law on Cyber Security in "
     "Da Nang on May 4.",
     "National Conference on Reviewing the Law on Cyber Security", "Da Nang"),
    # a plural possessive inside the name
    ("The Mekong Youth Leaders' Summit 2027 opened in Can Tho on May 4.",
     "Mekong Youth Leaders' Summit 2027", "Can Tho"),
])
def test_round27_event_names(text, event, place):
    found = triples(text, D2026_MARCH)
    assert (event, "heldIn", place) in found, found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the issuer, then the date, then the topic
    ("He cited Directive 31-CT/TW of the Secretariat, dated April 2, 2026, on protecting "
     "overseas citizens.",
     {("Directive 31-CT/TW", "issuedBy", "Secretariat of the Party Central Committee"),
      ("Directive 31-CT/TW", "date", "2026-04-02"),
      ("Directive 31-CT/TW", "guides", "protecting overseas citizens")}, set()),
    # an appositive's title ends before the next name's own title
    ("Receiving Anna Kovac, CEO of Adria Foods, and Tomas Novak, Vice President of Danube "
     "Steel, Deputy Prime Minister Le Van Hai said Viet Nam welcomed them.",
     {("Tomas Novak", "holdsRole", "Vice President of Danube Steel"),
      ("Le Van Hai", "holdsRole", "Deputy Prime Minister"),
      ("Le Van Hai", "met", "Anna Kovac"), ("Le Van Hai", "met", "Tomas Novak")},
     {("Le Van Hai", "holdsRole", "Vice President of Danube Steel"),
      ("Tomas Novak", "met", "Anna Kovac")}),
    # a fronted participle's guests in a semicolon list; the host is the name before the verb
    ("Receiving Ivan Petrov, Chairman of Volga Shipping; Maria Rossi, CEO of Arno Textiles; and "
     "Ken Ito, President of Sakura Motors, Minister Bui Thanh Son said trade was growing.",
     {("Bui Thanh Son", "met", "Ivan Petrov"), ("Bui Thanh Son", "met", "Maria Rossi"),
      ("Bui Thanh Son", "met", "Ken Ito")},
     {("Maria Rossi", "met", "Ivan Petrov")}),
])
def test_round28_documents_and_meetings(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round28_an_envoys_rank_is_no_office_when_the_article_gives_the_posting():
    found = triples("Le Thi Thu, Ambassador and Permanent Representative of Viet Nam to the "
                    "United Nations, spoke. Ambassador Thu said the bid had support.", D2026_MARCH)
    assert ("Le Thi Thu", "holdsRole", "Ambassador") not in found, found
    assert any(s == "Le Thi Thu" and r == "holdsRole" and "Permanent Representative" in o
               for s, r, o in found), found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a foreign president named again without the demonym is no home "State President"
    ("Chilean President Carlos Rojas arrived in Hanoi on March 2. President Carlos Rojas then "
     "laid a wreath.",
     {("Carlos Rojas", "holdsRole", "President of Chile")},
     {("Carlos Rojas", "holdsRole", "State President")}),
    # a list's second name with its own title before "as"
    ("The congress elected Dao Van Binh and Ly Thi Hoa, Head of the provincial Party "
     "Committee's Mass Mobilisation Board, as Deputy Secretaries of the Tuyen Quang provincial "
     "Party Committee.",
     {("Dao Van Binh", "holdsRole", "Deputy Secretary of the Tuyen Quang provincial Party "
                                   "Committee"),
      ("Ly Thi Hoa", "holdsRole", "Deputy Secretary of the Tuyen Quang provincial Party "
                                 "Committee")}, set()),
    # an acronym ends where a name the model reads starts
    ("Director-General of the FAO Carlos Mendes addressed the forum.",
     {("Carlos Mendes", "holdsRole", "Director-General of the Food and Agriculture "
                                     "Organization of the United Nations")}, set()),
    # an organisation holding an event takes part in it; one that only speaks of it does not
    ("The Ministry of Health held the National Conference on Reviewing the Law on Pharmacy in "
     "Hue on May 4.",
     {("Ministry of Health", "participatedIn",
       "National Conference on Reviewing the Law on Pharmacy")}, set()),
    ("The 2027 Coffee Trade Forum was organised by the Ministry of Industry and Trade in Da Lat.",
     {("Ministry of Industry and Trade", "participatedIn", "2027 Coffee Trade Forum")}, set()),
    ("The Ministry of Health said it would attend the 2027 Coffee Trade Forum in Da Lat.",
     set(), {("Ministry of Health", "participatedIn", "2027 Coffee Trade Forum")}),
    # only the event it holds, not one named inside the object's phrase
    ("The Ministry of Health held the National Conference on Reviewing the Law on Pharmacy in "
     "Hue on May 4, to prepare for the 2027 Coffee Trade Forum.",
     {("Ministry of Health", "participatedIn",
       "National Conference on Reviewing the Law on Pharmacy")},
     {("Ministry of Health", "participatedIn", "2027 Coffee Trade Forum")}),
])
def test_round29_foreign_leaders_lists_and_organisers(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # one word the data does not know, then a two-word name
    ("He met Chairman of Vinacomin Ngo Hoang Ngan in Quang Ninh.",
     {("Ngo Hoang Ngan", "holdsRole", "Chairman of Vinacomin")}, set()),
    # a company's last words are never read as a name
    ("Choi Joo-ho, General Director of Samsung Electronics Vietnam, said the firm would invest.",
     set(), {("Electronics Vietnam", "holdsRole", "General Director of Samsung")}),
    ("The delegation includes Vice Mayor of Qingdao Zhao Hongwei and Sun Lei.",
     {("Zhao Hongwei", "holdsRole", "Vice Mayor of Qingdao")},
     {("Qingdao Zhao Hongwei", "holdsRole", "Vice Mayor")}),
    # a company's own words are never split off as a name
    ("Omar Nabil, Chief Executive Officer of Cairo-based trader Delta Agro Holding, attended.",
     {("Omar Nabil", "holdsRole", "Chief Executive Officer of Delta Agro Holding")},
     {("Agro Holding", "holdsRole", "Chief Executive Officer of Delta")}),
    # a hyphenated "Vice-President" is the office "Vice President"
    ("Vice-President Maria Lopes then visited the port.",
     {("Maria Lopes", "holdsRole", "Vice President")},
     {("Maria Lopes", "holdsRole", "Vice-State President")}),
])
def test_round30_unknown_bodies_before_names(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a membership's body is read to an organisation word, never onto a person's name
    ("Speaking at the forum, a member of the Vietnamese delegation Tran Thi Mai said the talks "
     "went well.", set(), {("Thi Mai", "memberOf", "Tran")}),
    # a foreign guest followed by a verb is no host
    ("Receiving Australian Foreign Minister Penny Wong visiting Hanoi, Prime Minister Pham Minh "
     "Chinh said ties were strong.",
     {("Pham Minh Chinh", "met", "Penny Wong")}, {("Penny Wong", "met", "Pham Minh Chinh")}),
    # a country's president and chairman: no chairman of the country
    ("General Secretary To Lam met Lao President and Chairman Thongloun Sisoulith in Vientiane.",
     set(), {("Thongloun Sisoulith", "holdsRole", "Chairman of Laos")}),
    # after "of <issuer>, dated <date>" only an "on" right after the date is the topic
    ("Decision 45/QD-TTg of the Prime Minister, dated March 5, 2027, was announced at a "
     "conference on investment in Hanoi.",
     {("Decision 45/QD-TTg", "date", "2027-03-05")},
     {("Decision 45/QD-TTg", "guides", "investment in Hanoi")}),
])
def test_round30_review_misfires(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round30_a_place_an_office_names_leaves_a_person_of_that_name():
    text = ("Chairman of Ho Chi Minh City Nguyen Van Duoc said the city will always follow the "
            "example of Ho Chi Minh.")
    people = _people(text)
    assert "Ho Chi Minh" in people, people


def test_round30_a_former_foreign_leader_gives_no_home_office():
    roles, _ = _roles_and_holders("Former Prime Minister Tony Abbott of Australia visited Hanoi. "
                                  "Former President Donald Trump also sent a message.")
    assert "Prime Minister" not in roles and "State President" not in roles, roles


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an international body's hyphenated office over a region it does not name in the data
    ("The deal was witnessed by ADB Vice-President for Central and West Asia Eugenia Kovacs.",
     {("Eugenia Kovacs", "holdsRole", "Vice-President for Central and West Asia of the Asian "
                                      "Development Bank")},
     {("Kovacs", "holdsRole", "Vice-President for Central and West Asia of the Asian "
                              "Development Bank")}),
    ("The ADB Vice-President Tomas Berg said.",
     {("Tomas Berg", "holdsRole", "Vice-President of the Asian Development Bank")}, set()),
])
def test_round30_regions_of_an_office(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def _documents(text: str) -> dict[str, frozenset[str]]:
    """The labels of the legal documents extracted from `text`, with their other names."""
    article = Article("t.txt", text, "0", date=D2026_MARCH)
    (extraction,) = extract_articles([article])
    return {e.label: e.alt_labels for e in extraction.entities
            if e.ref.type.value == "LegalDocument"}


def assert_document(text: str, label: str, alt: str | None, not_labels: set[str]) -> None:
    """`text` gives the document `label` (with the other name `alt`) and none of `not_labels`."""
    documents = _documents(text)
    assert label in documents, documents
    assert alt is None or alt in documents[label], documents
    assert not not_labels & set(documents), documents


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # organisations after "between" sign the named document; they are not its name
    ("The firms signed a Memorandum of Understanding on Offshore Wind Development between the "
     "Vietnam Electricity Group and the Port of Rotterdam.",
     {("Memorandum of Understanding on Offshore Wind Development", "guides",
       "Offshore Wind Development")}, set()),
    # a long lower-case topic, and the term after it goes on the name, not the topic
    ("The ministries signed a Memorandum of Understanding on cooperation in smart agriculture, "
     "fisheries, forestry and rural development for 2027-2030.",
     {("Memorandum of Understanding on cooperation in smart agriculture, fisheries, forestry "
       "and rural development for 2027-2030", "guides",
       "cooperation in smart agriculture, fisheries, forestry and rural development")}, set()),
    # "on <date>" after the topic is when, not what
    ("The leaders recalled the Joint Statement on upgrading ties to a Strategic Partnership on "
     "March 3, 2024.",
     {("Joint Statement on upgrading ties to a Strategic Partnership", "guides",
       "upgrading ties to a Strategic Partnership")},
     {("Joint Statement on upgrading ties to a Strategic Partnership on March 3", "guides",
       "upgrading ties to a Strategic Partnership on March 3")}),
    # the parties first, then what the agreement is on
    ("They signed the Agreement between the Government of Viet Nam and the Government of Chile "
     "on mutual recognition of driving licences.",
     {("Agreement between the Government of Viet Nam and the Government of Chile on mutual "
       "recognition of driving licences", "guides", "mutual recognition of driving licences")},
     set()),
    # ", an Agreement on ..." starts the next document of a list
    ("The ministers exchanged a Joint Statement on the launch of the Viet Nam – Peru Strategic "
     "Partnership, an Agreement on the Avoidance of Double Taxation and two MoUs.",
     {("Joint Statement on the launch of the Viet Nam – Peru Strategic Partnership", "guides",
       "launch of the Viet Nam – Peru Strategic Partnership"),
      ("Agreement on the Avoidance of Double Taxation", "guides", "Avoidance of Double Taxation")},
     set()),
    # a plan that opens a numbered decision's topic is the topic
    ("Decision 512/QD-TTg, dated May 4, 2026, on the revised National Railway Development Plan "
     "for 2021-2030, took effect.",
     {("Decision 512/QD-TTg", "guides", "revised National Railway Development Plan for "
                                        "2021-2030")}, set()),
    # "towards" goes on a title-case name
    ("They reviewed the Joint Vision Statement on Viet Nam – Korea Defence Cooperation towards "
     "the Next Decade.",
     {("Joint Vision Statement on Viet Nam – Korea Defence Cooperation towards the Next Decade",
       "guides", "Viet Nam – Korea Defence Cooperation towards the Next Decade")}, set()),
    # numbered plans and guidance
    ("The commission issued Plan 77-KH/BDVTW, dated June 2, 2026, on training young officials.",
     {("Plan 77-KH/BDVTW", "guides", "training young officials"),
      ("Plan 77-KH/BDVTW", "date", "2026-06-02")}, set()),
    ("The Secretariat issued Guidance 12-HD/TW, dated May 20, 2026, on party membership records.",
     {("Guidance 12-HD/TW", "guides", "party membership records"),
      ("Guidance 12-HD/TW", "issuedBy", "Secretariat of the Party Central Committee")}, set()),
])
def test_round31_document_names_and_topics(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "label", "alt", "not_labels"), [
    # a short name in brackets, and a later mention by it, are the same document
    ("The UN Convention on Maritime Transport (Busan Convention) was adopted in 2025. Viet Nam "
     "will ratify the Busan Convention soon.",
     "UN Convention on Maritime Transport", "Busan Convention", {"Busan Convention"}),
    # a known acronym in brackets names the agreement though the words before it are no name
    ("Firms should use the Regional Comprehensive Economic Partnership (RCEP) more.",
     "Regional Comprehensive Economic Partnership", "RCEP", set()),
    # an acronym in brackets inside the name
    ("Talks on the Viet Nam – Eurasian Economic Union (EAEU) Free Trade Agreement resumed.",
     "Viet Nam – Eurasian Economic Union (EAEU) Free Trade Agreement", None,
     {"Eurasian Economic Union (EAEU) Free Trade Agreement", "(EAEU) Free Trade Agreement"}),
    # document kinds named by their heads
    ("The two sides signed a Letter of Intent on Cooperation in Wetland Conservation.",
     "Letter of Intent on Cooperation in Wetland Conservation", None, set()),
    ("Both ministers signed the Exchange of Notes on the Korean Grant Aid for Fiscal Year 2026.",
     "Exchange of Notes on the Korean Grant Aid for Fiscal Year 2026", None, set()),
    ("The leaders reviewed the CLV Cooperation Framework for 2026-2030 and agreed on roads.",
     "CLV Cooperation Framework for 2026-2030", None, set()),
    ("The summit adopted the ASEAN Economic Community Vision 2035 in Bangkok.",
     "ASEAN Economic Community Vision 2035", None, set()),
    ("They signed the Cooperation Programme between the Ministry of Justice of Viet Nam and the "
     "Ministry of Justice of Mongolia for 2026-2028, which covers training.",
     "Cooperation Programme between the Ministry of Justice of Viet Nam and the Ministry of "
     "Justice of Mongolia for 2026-2028", None, set()),
    # one place word after two parties ("B and C provinces")
    ("They signed the Twinning Agreement between Lang Son province and Guangxi and Yunnan "
     "provinces for the 2026-2030 period, covering trade.",
     "Twinning Agreement between Lang Son province and Guangxi and Yunnan provinces for the "
     "2026-2030 period", None, set()),
])
def test_round31_named_documents(text, label, alt, not_labels):
    assert_document(text, label, alt, not_labels)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an international body's representative in a country
    ("The forum was attended by FAO Representative in Laos Maria Costa and others.",
     {("Maria Costa", "holdsRole", "Representative of the Food and Agriculture Organization "
                                   "of the United Nations in Laos")}, set()),
    # a known body's office named by capitalised words after it
    ("Director of the ILO Country Office for Thailand Peter Lang opened the event.",
     {("Peter Lang", "holdsRole", "Director of the International Labour Organization Country "
                                  "Office for Thailand")},
     {("Country Office", "holdsRole", "Director of the International Labour Organization")}),
    # parliaments named in their own language
    ("Deputy Speaker of the Saeima of Latvia Anna Berzina visited Hanoi.",
     {("Anna Berzina", "holdsRole", "Deputy Speaker of the Saeima of Latvia")}, set()),
    ("Chairman of the Vietnam General Confederation of Labour Nguyen Dinh Khang met workers.",
     {("Nguyen Dinh Khang", "holdsRole", "Chairman of the Vietnam General Confederation of "
                                         "Labour")}, set()),
    # the Party's policy commission under its several names
    ("Deputy Head of the Party Central Committee's Commission for Policies and Strategies "
     "Phung Van Hai spoke.",
     {("Phung Van Hai", "holdsRole", "Deputy Head of the Central Policy and Strategy "
                                     "Commission")}, set()),
    # "X's Mausoleum": a historical figure, no office held
    ("The guests laid a wreath at President Ho Chi Minh's Mausoleum on March 9.",
     set(), {("Ho Chi Minh", "holdsRole", "State President")}),
])
def test_round31_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round31_representative_missions_abroad_name_nobody():
    people = _people("The 5th Conference of Heads of Vietnamese Representative Missions Abroad "
                     "opened in Hanoi.")
    assert not people, people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a relative clause between the person and "as <office>"; the clause's office is a former one
    ("The council elected Le Van Binh, who had been Director of the Hue Department of Health, as "
     "Vice Chairman of the Hue People's Committee.",
     {("Le Van Binh", "holdsRole", "Vice Chairman of the Hue People's Committee")},
     {("Le Van Binh", "holdsRole", "Director of the Hue Department of Health")}),
    # a membership aside before "was elected"
    ("Tran Thi Lan, member of the Party Central Committee, was elected President of the Viet Nam "
     "Farmers' Union at the congress.",
     {("Tran Thi Lan", "holdsRole", "President of the Viet Nam Farmers' Union")}, set()),
    # "the Board of Directors": a body's plural; a company described by a demonym and its kind
    ("Anna Keller, Chairwoman of the Board of Directors of German chemicals maker Rheinchem "
     "Group, attended.",
     {("Anna Keller", "holdsRole", "Chairwoman of the Board of Directors of Rheinchem Group")},
     {("Anna Keller", "holdsRole", "Chairwoman of the Board of Director of German")}),
    # "its <modifier> <head>" after "a delegation of X led by"
    ("He received a delegation of the Korea Chamber of Commerce and Industry led by its Vice "
     "Chairman Lee Jin-woo.",
     {("Lee Jin-woo", "holdsRole", "Vice Chairman of the Korea Chamber of Commerce and "
                                   "Industry")}, set()),
    # a foreign party's Central Committee named in the delegation is that party's, not Vietnam's
    ("Mai received a delegation of the International Department of the Communist Party of China "
     "(CPC) Central Committee led by its Deputy Head Sun Haiyan.",
     {("Sun Haiyan", "holdsRole", "Deputy Head of the International Department of the Communist "
                                  "Party of China Central Committee")},
     {("Sun Haiyan", "holdsRole", "Deputy Head of the Party Central Committee")}),
    # "his <demonym> counterpart": the same office of that country
    ("Foreign Minister Le Hoai Trung and his Thai counterpart Maris Sangiampongsa co-chaired the "
     "meeting.",
     {("Maris Sangiampongsa", "holdsRole", "Minister of Foreign Affairs of Thailand")}, set()),
    # offices new to the data, a ministry's new portfolio words, a country added to the data
    ("Ha met Chinese State Councillor Wang Xiaohong and OIF Administrator Caroline St-Hilaire.",
     {("Wang Xiaohong", "holdsRole", "State Councillor of China"),
      ("Caroline St-Hilaire", "holdsRole", "Administrator of the International Organisation of "
                                           "La Francophonie")}, set()),
    ("Trang met Minister of African Integration and Foreign Affairs of Senegal Yassine Fall and "
     "Minister of External Relations of Cameroon Lejeune Mbella Mbella.",
     {("Yassine Fall", "holdsRole", "Minister of African Integration and Foreign Affairs of "
                                    "Senegal"),
      ("Lejeune Mbella Mbella", "holdsRole", "Minister of External Relations of Cameroon")},
     set()),
    # people who sign for a body named in their titles: the body issues nothing
    ("Deputy Minister Hoa and UNDP Administrator Achim Steiner signed a Memorandum of "
     "Understanding on climate finance.", set(),
     {("Memorandum of Understanding on climate finance", "issuedBy",
       "United Nations Development Programme")}),
])
def test_round32_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "label", "alt", "not_labels"), [
    # a one-word topic keeps its parties and term on the name
    ("The courts signed a Memorandum of Understanding on cooperation between the Supreme "
     "People's Court of Viet Nam and the Supreme Court of Laos for 2027-2031.",
     "Memorandum of Understanding on cooperation between the Supreme People's Court of Viet Nam "
     "and the Supreme Court of Laos for 2027-2031", None, {"Memorandum of Understanding on "
                                                         "cooperation"}),
    # "to <Verb> the X": what a protocol does is its name
    ("The ministers signed the Third Protocol to Amend the ASEAN Comprehensive Investment "
     "Agreement, which covers services.",
     "Third Protocol to Amend the ASEAN Comprehensive Investment Agreement", None,
     {"Third Protocol"}),
    # a long number suffix
    ("They adopted Joint Resolution No. 12/2027/NQLT-CP-DCTUBTWMTTQVN on social supervision.",
     "Resolution 12/2027/NQLT-CP-DCTUBTWMTTQVN", None, set()),
    # "signed in <place>" after the topic is how it came about
    ("They recalled the Memorandum of Understanding on rice trade signed in Manila in 2025 to "
     "boost trade.", "Memorandum of Understanding on rice trade", None,
     {"Memorandum of Understanding on rice trade signed in Manila in 2025 to boost trade"}),
])
def test_round32_named_documents(text, label, alt, not_labels):
    assert_document(text, label, alt, not_labels)


@pytest.mark.parametrize("text", [
    # a document head as the last word of an article: no index past the end
    "The two sides signed an Agreement",
    "Ministers discussed the Second Protocol to Amend",
])
def test_round32_a_document_head_may_end_the_text(text):
    assert isinstance(_documents(text), dict)


def test_round32_a_company_named_by_its_first_word_is_no_person():
    people = _people("Mark Hale, CEO of US-based Brightwave Semiconductor, said Brightwave "
                     "would hire 300 engineers.")
    assert people == {"Mark Hale"}, people


def test_round32_a_who_clause_without_a_past_cue_is_no_former_office():
    roles, _ = _roles_and_holders("Nguyen Van An, who is Director of the Hue Department of "
                                  "Health, spoke.")
    assert "Director of the Hue Department of Health" in roles, roles


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the deputies of the office just named: the same body
    ("The meeting was chaired by Governor of the SBV Pham Quang Dung and Deputy Governors Dao "
     "Minh Tu and Pham Thanh Ha.",
     {("Dao Minh Tu", "holdsRole", "Deputy Governor of the State Bank of Vietnam"),
      ("Pham Thanh Ha", "holdsRole", "Deputy Governor of the State Bank of Vietnam")}, set()),
    ("Chairman of the Hue People's Committee Nguyen Van Phuong and Vice Chairwoman Nguyen Thi "
     "Sau welcomed the guests.",
     {("Nguyen Thi Sau", "holdsRole", "Vice Chairwoman of the Hue People's Committee")}, set()),
    # an acronym in brackets before the posting; a body's office in a city
    ("Quan received Chief Representative of the Korea International Cooperation Agency (KOICA) "
     "in Viet Nam Park Ji-hoon.",
     {("Park Ji-hoon", "holdsRole", "Chief Representative of the Korea International Cooperation "
                                    "Agency in Vietnam")}, set()),
    ("Chief Representative of KOTRA Da Nang Lee Sang-woo opened the fair.",
     {("Lee Sang-woo", "holdsRole", "Chief Representative of the Korea Trade-Investment "
                                    "Promotion Agency in Da Nang")}, set()),
    # "HCM City" in an office is Ho Chi Minh City
    ("Secretary of the HCM City Party Committee Tran Luu Quang met the delegation.",
     {("Tran Luu Quang", "holdsRole", "Secretary of the Ho Chi Minh City Party Committee")},
     set()),
    # a new office after "who has been appointed"
    ("She replaces Le Thi Thuy, who has been appointed Secretary of the Lai Chau provincial "
     "Party Committee.",
     {("Le Thi Thuy", "holdsRole", "Secretary of the Lai Chau provincial Party Committee")},
     set()),
    # no counterpart office from a home body's office
    ("General Nguyen Tan Cuong, Chief of the General Staff of the Vietnam People's Army, met his "
     "Thai counterpart Songwit Noonpackdee.", set(),
     {("Songwit Noonpackdee", "holdsRole", "Chief of the General Staff of the Vietnam People's "
                                           "Army of Thailand")}),
])
def test_round33_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "office"), [
    ("Ngo Van Hai, who took office in May after serving as Director of the Quang Tri Department "
     "of Finance, spoke.", "Director of the Quang Tri Department of Finance"),
    ("Hoang Van Nam was earlier Head of the Nghe An provincial Party Committee's Mass "
     "Mobilisation Board.", "Head of the Nghe An provincial Party Committee's Mass Mobilisation "
                            "Board"),
])
def test_round33_earlier_offices_are_former_ones(text, office):
    roles, holders = _roles_and_holders(text)
    assert office in roles, roles
    assert not any(role == office for _, role in holders), holders


@pytest.mark.parametrize(("text", "label", "alt", "not_labels"), [
    # a numbered law whose topic names a law the article names: one document
    ("The NA adopted the Law on Notarisation (amended) on June 5. Law No. 12/2027/QH16 on "
     "Notarisation was passed with 440 votes.", "Law on Notarisation", "Law 12/2027/QH16",
     {"Law 12/2027/QH16"}),
    # "the 2028 Law and Ordinance Development Programme" names no law
    ("The NA adopted Resolution No. 70/2027/QH16 on the 2028 Law and Ordinance Development "
     "Programme, under which 16 laws will be drafted.", "Resolution 70/2027/QH16", None,
     {"2028 Law"}),
    # "in <place>" after a head is where it was signed
    ("The two ministers exchanged the MoU in Jakarta on March 9.", "", None, {"MoU in Jakarta"}),
])
def test_round33_named_documents(text, label, alt, not_labels):
    if label:
        assert_document(text, label, alt, not_labels)
    else:
        assert not not_labels & set(_documents(text))


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # two capitalised given names joined by a hyphen are one name
    ("Jean-Marc Laurent, Director of the French Development Agency, met the minister.",
     {("Jean-Marc Laurent", "holdsRole", "Director of the French Development Agency")},
     {("Marc Laurent", "holdsRole", "Director of the French Development Agency")}),
    # portfolio words and offices new to the data
    ("Vietnamese Foreign Minister Lê Hoài Trung met Belgian Minister for Europe and Foreign "
     "Affairs Maxime Dupont.",
     {("Maxime Dupont", "holdsRole", "Minister for Europe and Foreign Affairs of Belgium")}, set()),
    ("Auditor General of the State Audit Office of Viet Nam Ngo Van Tuan opened the session.",
     {("Ngo Van Tuan", "holdsRole", "Auditor General of the State Audit Office of Viet Nam")},
     set()),
    # the family name Luc
    ("Chairman of the Lang Son provincial People's Committee Lục Văn Quân received them.",
     {("Lục Văn Quân", "holdsRole", "Chairman of the Lang Son provincial People's Committee")},
     set()),
    # "of the commission": the commission named before, even with a name after the title
    ("The Party Central Inspection Commission met on May 4. Deputy Chairman of the commission "
     "Tran Van Ron presented the report.",
     {("Tran Van Ron", "holdsRole", "Deputy Chairman of the Central Inspection Commission")},
     set()),
    # a foreign minister's country is not given to a company's head after "and"
    ("Thai Minister of Commerce Pichai Naripthaphan and Chief Executive Officer of Siam Agro "
     "Group Somsak Chaiyaporn attended.",
     {("Somsak Chaiyaporn", "holdsRole", "Chief Executive Officer of the Siam Agro Group")},
     {("Somsak Chaiyaporn", "holdsRole", "Chief Executive Officer of Siam Agro Group of "
                                         "Thailand")}),
    # a company's office in an article about a visit keeps the company, not the host country
    ("During his official visit to Kenya, Minister Nguyen Hong Dien met Peter Otieno, Chief "
     "Executive Officer of Nairobi-based food importer Savanna Agro Holding, and President "
     "William Ruto.",
     {("Peter Otieno", "holdsRole", "Chief Executive Officer of Savanna Agro Holding"),
      ("William Ruto", "holdsRole", "President of Kenya")},
     {("Peter Otieno", "holdsRole", "Chief Executive Officer of Savanna Agro Holding of Kenya")}),
])
def test_round34_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round34_airports_and_zones_are_no_people():
    people = _people("Flights will start from Cát Bi International Airport next year, and the "
                     "Đình Vũ Economic Zone will host plants.")
    assert not people, people


@pytest.mark.parametrize(("text", "label", "alt", "not_labels"), [
    # a statement named after the meeting it comes from, ordinal included
    ("The ministers adopted the Joint Statement of the 12th Mekong – Japan Foreign Ministers' "
     "Meeting and a plan of action.",
     "Joint Statement of the 12th Mekong – Japan Foreign Ministers' Meeting", None, set()),
    # a resolution named by what it is on; "Ordinance" inside a longer name opens no document
    ("Deputies discussed the draft Resolution on the Law and Ordinance Development Programme "
     "for 2027 on Monday.",
     "Resolution on the Law and Ordinance Development Programme for 2027", None,
     {"Resolution on the Law"}),
    # the words of a numbered document name no second one
    ("The two sides signed Joint Resolution No. 15/2026/NQLT-CP-DCTUBTWMTTQVN on supervision.",
     "Resolution 15/2026/NQLT-CP-DCTUBTWMTTQVN", None, {"Joint Resolution"}),
])
def test_round35_named_documents(text, label, alt, not_labels):
    assert_document(text, label, alt, not_labels)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a place whose last word is also a family name ("Giang") before a body's word
    ("Director of the Ha Giang Department of Health Nguyen Van Tam opened the clinic.",
     {("Nguyen Van Tam", "holdsRole", "Director of the Ha Giang Department of Health")},
     {("Nguyen Van Tam", "holdsRole", "Director of Ha Giang")}),
    # a hyphenated compound after "and" in a body's field is no second title
    ("Colonel Tran Van Hoa, Director of the MPS's Department of Cyber Security and High-Tech "
     "Crime Prevention, spoke.",
     {("Tran Van Hoa", "holdsRole", "Director of the MPS's Department of Cyber Security and "
                                    "High-Tech Crime Prevention")}, set()),
    # the bare envoy rank before a name that an appositive posts
    ("Ambassador Pham Thi Lan, head of the Vietnamese Embassy in Canada, briefed the guests.",
     {("Pham Thi Lan", "holdsRole", "Head of the Vietnamese Embassy in Canada")},
     {("Pham Thi Lan", "holdsRole", "Ambassador")}),
])
def test_round36_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the family names Chau and Ma
    ("Director of the Department of Water Resources Management Chau Van Binh spoke.",
     {("Chau Van Binh", "holdsRole", "Director of the Department of Water Resources "
                                     "Management")}, set()),
    ("Chairman of the Cao Bang provincial People's Committee Ma Van Hung received them.",
     {("Ma Van Hung", "holdsRole", "Chairman of the Cao Bang provincial People's Committee")},
     set()),
    # offices and portfolios new to the data
    ("Peruvian Minister of Economy and Public Credit Jose Arista and Kim Min-su, Chief Financial "
     "Officer of Daesan Group, attended.",
     {("Jose Arista", "holdsRole", "Minister of Economy and Public Credit of Peru"),
      ("Kim Min-su", "holdsRole", "Chief Financial Officer of the Daesan Group")}, set()),
    # "the city Party Committee" is the article's city, not a province it also names
    ("Hai Phong city Party Secretary Le Tien Chau chaired the meeting, which disciplined a "
     "former Hai Duong provincial official. Deputy Secretary of the city Party Committee Do "
     "Manh Hien presented the report on Hai Duong province and the Hai Duong provincial "
     "People's Committee.",
     {("Do Manh Hien", "holdsRole", "Deputy Secretary of the Hai Phong city Party Committee")},
     {("Do Manh Hien", "holdsRole", "Deputy Secretary of the Hai Duong city Party Committee")}),
])
def test_round37_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "label", "alt", "not_labels"), [
    # donors' document kinds
    ("UNICEF and the ministry signed the Letter of Agreement on Child Nutrition in the Northern "
     "Uplands.", "Letter of Agreement on Child Nutrition in the Northern Uplands", None,
     {"Agreement on Child Nutrition in the Northern Uplands"}),
    ("KOICA signed the Record of Discussions on the Project for Flood Forecasting and Early "
     "Warning.", "Record of Discussions on the Project for Flood Forecasting and Early Warning",
     None, set()),
    ("UNDP signed the Project Document on Strengthening Disaster Resilience in Central Viet Nam.",
     "Project Document on Strengthening Disaster Resilience in Central Viet Nam", None, set()),
    # a party after "and the"; "Trade in Goods" inside a name
    ("They approved the Work Plan on Cooperation between Viet Nam and the ASEAN Secretariat for "
     "2027-2029, which lists 30 activities.",
     "Work Plan on Cooperation between Viet Nam and the ASEAN Secretariat for 2027-2029", None,
     {"Work Plan on Cooperation between Viet Nam"}),
    ("Ministers reviewed the Mercosur Trade in Goods Agreement in Seoul.",
     "Mercosur Trade in Goods Agreement", None, {"Goods Agreement"}),
])
def test_round37_named_documents(text, label, alt, not_labels):
    assert_document(text, label, alt, not_labels)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a field after "for" the region data does not know, then the company
    ("Phuc received Laura Kent, Executive Vice President for International Sales of US-based "
     "Tavros Aerospace, on Monday.",
     {("Laura Kent", "holdsRole", "Executive Vice President for International Sales of Tavros "
                                  "Aerospace")},
     {("Laura Kent", "holdsRole", "Executive Vice State President")}),
    # offices and bodies new to the data
    ("UN Women Representative in Viet Nam Caroline Nyamayemombe spoke at the forum.",
     {("Caroline Nyamayemombe", "holdsRole", "Representative of the UN Women in Vietnam")},
     set()),
])
def test_round38_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round38_a_former_chief_prosecutor_is_an_office_nobody_holds():
    roles, holders = _roles_and_holders("Lee Min-ho, a former Chief Prosecutor of the Busan "
                                        "District Prosecutors' Office, joined the delegation.")
    assert "Chief Prosecutor of the Busan District Prosecutors' Office" in roles, roles
    assert not holders, holders


@pytest.mark.parametrize(("text", "absent"), [
    # the last word of an organisation's field after "and" is no person
    ("The delegation was led by Bounmy Vongsa, Head of the LPRP Central Committee's Commission "
     "for Propaganda and Training, who visited Hue.", "Training"),
    ("It expelled Le Van Kiem, former Director of the Lai Chau Department of Labour and Welfare, "
     "for corruption.", "Welfare"),
])
def test_round39_the_last_word_of_a_field_is_no_person(text, absent):
    assert absent not in _people(text)


def test_round39_a_short_name_after_an_organisation_stays_a_person():
    people = _people("Minister Nguyen Thi Lan met the Ministry of Finance and Lan said ties were "
                     "strong.")
    assert "Nguyen Thi Lan" in people, people


@pytest.mark.parametrize(("text", "name", "not_name"), [
    # a name the model runs over a place or company word before it
    ("The same day, Son met State Secretary at the Federal Foreign Office Anna Keller, who said "
     "Berlin backed the plan.", "Anna Keller", "Office Anna Keller"),
    ("Thanh held talks in Hanoi with President of the House of Representatives of Japan Nukaga "
     "Fukushiro, who is paying an official visit.", "Nukaga Fukushiro",
     "Japan Nukaga Fukushiro"),
])
def test_round40_a_name_after_known_words(text, name, not_name):
    people = _people(text)
    assert name in people and not_name not in people, people


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an office held before, then the one held now
    ("The forum was opened by Tran Van Nam, former Minister of Construction and now Chairman of "
     "the Vietnam Association of Civil Engineering.",
     {("Tran Van Nam", "holdsRole", "Chairman of the Vietnam Association of Civil Engineering")},
     {("Tran Van Nam", "holdsRole", "Minister of Construction")}),
    ("Former Governor of the State Bank and now VBA Chairman Le Minh Quang addressed bankers.",
     {("Le Minh Quang", "holdsRole", "VBA Chairman")}, set()),
    # "former A and B": neither is held now; after ", and" comes the next person's title
    ("Ho Van Tri, former Minister of Industry and Chairman of the Vietnam Steel Association, "
     "attended.", set(),
     {("Ho Van Tri", "holdsRole", "Chairman of the Vietnam Steel Association")}),
    ("With him were Mori Taro, a former Minister of Finance, and Japanese Ambassador to Viet Nam "
     "Sato Jiro.", {("Sato Jiro", "holdsRole", "Ambassador of Japan to Vietnam")}, set()),
    # "his country's Minister of X": the country of the person "his" refers to
    ("Hanoi (VNA) - Peruvian Ambassador Carlos Rojas Vidal met Deputy Prime Minister Le Van "
     "Thanh on May 4. Rojas said his country's Minister of Production Ana Flores would lead a "
     "trade mission in June.",
     {("Ana Flores", "holdsRole", "Minister of Production of Peru")},
     {("Ana Flores", "holdsRole", "Minister of Production")}),
    ("Hanoi (VNA) - Vietnamese Ambassador Pham Quang Vinh said his country's Minister of Finance "
     "Ho Duc Tien would attend.", {("Ho Duc Tien", "holdsRole", "Minister of Finance")}, set()),
    ("Chilean Ambassador Jorge Araya introduced Paula Soto, his country's Deputy Minister of "
     "Mining.", {("Paula Soto", "holdsRole", "Deputy Minister of Mining of Chile")}, set()),
    # a field or region after the body the office is in
    ("Ambassador Dang Hoang Giang met Assistant Secretary-General of the United Nations for "
     "Political Affairs Miriam Castillo on May 6.",
     {("Miriam Castillo", "holdsRole",
       "Assistant Secretary-General of the United Nations for Political Affairs")},
     {("Dang Hoang Giang", "met", "Political Affairs Miriam Castillo")}),
    ("He received Omar Haddad, Vice President of the Islamic Development Bank for Country "
     "Programmes, on Monday.",
     {("Omar Haddad", "holdsRole",
       "Vice President of the Islamic Development Bank for Country Programmes")}, set()),
    # the country a chain of titles ends with is each national office's
    ("Son held talks with Deputy Prime Minister and Minister of Foreign Affairs of Cambodia Sok "
     "Chenda Sophea.",
     {("Sok Chenda Sophea", "holdsRole", "Deputy Prime Minister of Cambodia"),
      ("Sok Chenda Sophea", "holdsRole", "Minister of Foreign Affairs of Cambodia")},
     {("Sok Chenda Sophea", "holdsRole", "Deputy Prime Minister")}),
    # a field of an unlisted word before a field word
    ("Hung met Minister of Foreign and Consular Affairs Elena Ruiz in Quito.",
     {("Elena Ruiz", "holdsRole", "Minister of Foreign and Consular Affairs")}, set()),
    # offices new to the data
    ("Tokyo (VNA) - He called on State Minister for Economy Kato Ryo.",
     {("Kato Ryo", "holdsRole", "State Minister for Economy")}, set()),
    ("Among the guests was Chairwoman of the Cambodian Red Cross Men Neary Sopheak.",
     {("Men Neary Sopheak", "holdsRole", "Chairwoman of the Cambodian Red Cross")}, set()),
])
def test_round41_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an aside with an office held before does not hide the election
    ("Hanoi (VNA) - Le Thi Thu, a former Deputy Minister of Education, was elected President "
     "of the Vietnam Association for Promoting Education.",
     {("Le Thi Thu", "holdsRole", "President of the Vietnam Association for Promoting "
                                  "Education")}, set()),
    # bare titles of an election list are the body the list ends with
    ("Hanoi (VNA) - The congress of the Vietnam Gardening Association closed on Friday. Its "
     "executive board then elected Tran Van Duc as Chairman, Ngo Thi Hue as Permanent Vice "
     "Chairwoman, and Lam Van Son and Vu Thi Mai as Vice Chairmen of the association.",
     {("Ngo Thi Hue", "holdsRole", "Permanent Vice Chairwoman of the Vietnam Gardening "
                                   "Association"),
      ("Lam Van Son", "holdsRole", "Vice Chairman of the Vietnam Gardening Association"),
      ("Vu Thi Mai", "holdsRole", "Vice Chairman of the Vietnam Gardening Association")},
     {("Tran Van Duc", "holdsRole", "National Assembly Chairman")}),
    # a plural title, a colon, then the list of its holders with asides about them
    ("Hue (VNA) - The Thua Thien Hue provincial People's Council met on Monday. It elected three "
     "Vice Chairpersons of the provincial People's Committee: Dang Van Hai, formerly Director of "
     "the provincial Department of Finance and Planning, Hoang Thi Linh, and Phan Quoc Bao, who "
     "had been Chief of the Office of the provincial Party Committee.",
     {("Dang Van Hai", "holdsRole", "Vice Chairperson of the Thua Thien Hue provincial People's "
                                   "Committee"),
      ("Hoang Thi Linh", "holdsRole", "Vice Chairperson of the Thua Thien Hue provincial People's "
                                     "Committee"),
      ("Phan Quoc Bao", "holdsRole", "Vice Chairperson of the Thua Thien Hue provincial People's "
                                     "Committee")},
     {("Dang Van Hai", "holdsRole", "Director of the Thua Thien Hue provincial Department of "
                                   "Finance and Planning")}),
])
def test_round41_elections(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


def test_round41_an_office_of_a_local_body_office_is_named_whole():
    roles, _holders = _roles_and_holders(
        "Hue (VNA) - Nguyen Van Loc, who had been Chief of the Office of the provincial Party "
        "Committee, retired.")
    assert any(label.startswith("Chief of the Office of the") and "Party Committee" in label
               for label in roles), roles


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an election whose object or subject is a pronoun: the person named before it
    ("Da Nang (VNA) - The council relieved Pham Van Loi of the post of Chairman of the city "
     "People's Committee, as he has been appointed by the Politburo as Deputy Head of the Central "
     "Economic Commission.",
     {("Pham Van Loi", "holdsRole", "Deputy Head of the Central Economic Commission")}, set()),
    ("She succeeds Dinh Thi Lan, who left the post after the Secretariat appointed her Deputy "
     "Head of the Central Inspection Commission.",
     {("Dinh Thi Lan", "holdsRole", "Deputy Head of the Central Inspection Commission")}, set()),
    # "of the commission" after a possessive body named earlier in the sentence
    ("Present were Head of the Party Central Committee's Commission for External Relations Le "
     "Hoai Trung and Deputy Head of the commission Nguyen Minh Hang.",
     {("Nguyen Minh Hang", "holdsRole", "Deputy Head of the Party Central Committee's Commission "
                                        "for External Relations")}, set()),
    # the State's auditor
    ("The report was presented by State Auditor General Ngo Van Hai.",
     {("Ngo Van Hai", "holdsRole", "State Auditor General")}, set()),
    # an organisation's "Permanent Vice President" is not the State's
    ("At its first meeting the board re-elected Hoang Thi Nga as Permanent Vice President.",
     {("Hoang Thi Nga", "holdsRole", "Permanent Vice President")},
     {("Hoang Thi Nga", "holdsRole", "Permanent Vice State President")}),
])
def test_round42_offices(text, expected, absent):
    assert_triples(text, expected, absent, D2026_MARCH)


@pytest.mark.parametrize(("text", "label"), [
    # a work programme, with the term its name ends with
    ("The ministers approved the ASEAN Three-Year Work Programme 2027–2029 and agreed to meet.",
     "ASEAN Three-Year Work Programme 2027–2029"),
    ("The two agencies adopted the Joint Five-Year Work Plan 2026-2030 on Monday.",
     "Joint Five-Year Work Plan 2026-2030"),
    # and the Roman number it ends with
    ("The ministry reviewed the Gas Development Plan VII in Hanoi.",
     "Gas Development Plan VII"),
])
def test_round42_named_documents_with_their_term(text, label):
    assert_document(text, label, None, set())


@pytest.mark.parametrize(("text", "label", "not_labels"), [
    # two modifiers sharing their last word, joined by "and", are one name
    ("They reviewed the Viet Nam – Australia Energy Transition and Digital Transition Partnership "
     "Framework signed last year.",
     "Viet Nam – Australia Energy Transition and Digital Transition Partnership Framework",
     {"Digital Transition Partnership Framework"}),
    # and otherwise "and" still ends the name
    ("They discussed labour and the Digital Trade Partnership Framework.",
     "Digital Trade Partnership Framework", set()),
])
def test_round42_coordinated_document_names(text, label, not_labels):
    assert_document(text, label, None, not_labels)
