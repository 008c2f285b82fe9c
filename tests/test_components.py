"""Unit tests of the rule components and the pure helpers they use."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.cleanup import dedupe_paragraphs, normalize_text, split_glued
from graph.dates import parse_date
from graph.lexicon import load_lexicon, phrase_keys

_WORDS_TEXT = (
    "the diplomatic free trade export markets environment set for international "
    "organised favourable variables regional"
)
WORDS = frozenset(_WORDS_TEXT.split())


@pytest.mark.parametrize(("glued", "split"), [
    ("thediplomatic", "the diplomatic"),
    ("setfor", "set for"),
    ("freetrade", "free trade"),
    ("anenvironment", "an environment"),
    ("organised", "organised"),  # a known word stays
    ("favourable", "favourable"),
    ("invariables", "invariables"),  # "in" + "variables" is a prefix, not glue
    ("activeness", "activeness"),  # "active" + suffix
])
def test_split_glued(glued, split):
    assert split_glued(glued, WORDS.__contains__) == split


def test_normalize_text_repairs_numbers_commas_and_repeats():
    paragraph = "Son proposed Directive No. 15-CT/TWon economic diplomacy at all levels,which paid."
    text = f"{paragraph}\n{paragraph}\nVNA"
    cleaned = normalize_text(text, WORDS.__contains__)
    assert cleaned.count("15-CT/TW on economic") == 1
    assert "levels, which" in cleaned
    assert cleaned.endswith("\nVNA")


@pytest.mark.parametrize(("text", "cleaned"), [
    ("He stays until May 9.Weber is accompanied by Anna.",
     "He stays until May 9. Weber is accompanied by Anna."),
    ("The talks ended.The minister left.", "The talks ended. The minister left."),
    # abbreviations, decimals, domains and acronyms are no glued sentences
    ("Growth was 7.5 percent at vnanet.vn, U.S. and No.5 Co.", "Growth was 7.5 percent at "
     "vnanet.vn, U.S. and No.5 Co."),
])
def test_normalize_text_splits_a_full_stop_glued_to_the_next_sentence(text, cleaned):
    assert normalize_text(text, WORDS.__contains__) == cleaned


def test_dedupe_keeps_short_repeated_lines():
    assert dedupe_paragraphs("VNA\nVNA") == "VNA\nVNA"


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("dated January 9, 2023 on", None, dt.date(2023, 1, 9)),
    ("on September 15", dt.date(2025, 9, 20), dt.date(2025, 9, 15)),
    ("on December 30", dt.date(2024, 1, 2), dt.date(2023, 12, 30)),
    ("on 12 March 2024", None, dt.date(2024, 3, 12)),
    ("on September 15", None, None),  # no year and no article date: no guess
    ("no date here", dt.date(2024, 1, 1), None),
])
def test_parse_date(text, reference, expected):
    assert parse_date(text, reference) == expected


def _lists_in(value, path=""):
    if isinstance(value, list):
        yield path, value
        for item in value:
            yield from _lists_in(item, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lists_in(item, f"{path}/{key}")


def test_no_lexicon_list_repeats_an_entry():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "ontology/reference/lexicon.json"
    for where, entries in _lists_in(json.loads(path.read_text(encoding="utf-8"))):
        keys = [json.dumps(e, sort_keys=True, ensure_ascii=False) for e in entries]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        assert not repeated, (where, repeated)


def test_lexicon_tries_follow_the_tokenizer():
    lexicon = load_lexicon()
    keys = phrase_keys("the ASEAN Inter-Parliamentary Assembly (AIPA) said")
    assert lexicon.bodies.match(keys, 1)[1] == "ASEAN Inter-Parliamentary Assembly"
    keys = phrase_keys("Chairman of the Vietnamese NA")
    assert lexicon.roles.match(keys, 0) is None
    assert lexicon.canonical_role("Foreign Minister") == "Minister of Foreign Affairs"
    assert lexicon.canonical_role("Made-up Title") == "Made-up Title"


def test_document_suffix_table_is_ordered_specific_first():
    lexicon = load_lexicon()
    issuers = {number: next(issuer for pattern, issuer, _kind in lexicon.document_suffixes
                            if pattern.search(number))
               for number in ("1825/NQ-UBTVQH15", "176/2025/QH15", "34-NQ/TW", "15-CT/TW",
                              "81/2024/NĐ-CP")}
    assert issuers == {
        "1825/NQ-UBTVQH15": "National Assembly Standing Committee",
        "176/2025/QH15": "National Assembly",
        "34-NQ/TW": "Politburo",
        "15-CT/TW": "Secretariat of the Party Central Committee",
        "81/2024/NĐ-CP": "Government of Vietnam",
    }


def test_reference_data_is_consistent():
    """Every issuer, parent body and organiser named in the data is itself a known body."""
    lexicon = load_lexicon()
    known = set(lexicon.body_by_label)
    # An empty issuer gives the kind only (a ministry's circular).
    assert {issuer for _p, issuer, _k in lexicon.document_suffixes if issuer} <= known
    assert {b.part_of for b in lexicon.body_by_label.values() if b.part_of} <= known
    assert {organiser for _h, organiser in lexicon.event_series.values()} <= known
    roles = set(lexicon.role_by_key.values())
    assert {t.role for t in lexicon.tenures} <= roles


@pytest.fixture(scope="module")
def nlp():
    from graph.nlp import load_pipeline

    return load_pipeline()


# Real words (British and American spellings, long derived words, names) the cleaner must never
# split, whether or not the small model's vocabulary has them.
_REAL_WORDS_TEXT = """
organising organised organisation organisations organiser reorganising disorganised
recognising recognised recognisable realising realisation prioritising prioritisation
modernising modernisation industrialisation internationalisation decentralising digitalising
digitalisation specialising specialisation stabilising stabilisers mobilising mobilisation
normalising normalisation finalising finalised summarising emphasising criticising
characterising categorising minimising maximising optimising harmonising harmonisation
standardising standardisation legalising privatising privatisation utilising utilisation
capitalising capitalisation authorising authorisation memorising memorialising symbolising
sympathising apologising analysing analysed paralysed catalysing colour colours coloured
favour favourable favouritism honour honourable honoured labour labouring neighbour
neighbouring neighbourhood behaviour behavioural endeavour endeavouring harbour rumour
vigour humour saviour flavour armour glamour parlour catalogue catalogues dialogue dialogues
monologue prologue epilogue analogue travelogue centre centres centred theatre theatres
metre metres litre kilometres spectre fibre calibre defence defences offence licence
pretence programme programmes enrolment fulfilment instalment judgement acknowledgement
ageing travelled travelling traveller counselling counsellor modelling labelled cancelled
jewellery manoeuvre aluminium paediatric anaesthetic haemorrhage oestrogen encyclopaedia
sceptical grey tyres cheque storey kerb plough mould moustache pyjamas aeroplane organizing
organized organization recognized realized prioritized modernization color favorable
honorable neighboring behavior catalog dialog center theater defense license program
enrollment fulfillment traveled counseling aluminum pediatric skeptical counterterrorism
interparliamentary multilateralism intergovernmental plenipotentiary unprecedented
internationally comprehensiveness institutionalisation decentralisation telecommunications
infrastructural reconstruction denuclearisation peacekeeping groundbreaking breakthrough
stakeholders wholehearted underprivileged overarching cybersecurity semiconductor
entrepreneurship biodiversity sustainability accountability transparency inclusiveness
connectivity competitiveness resilience complementarity ambassadorial ministerial
parliamentary constitutional jurisdictional congressional bilateral trilateral multilateral
extraterritorial transboundary hanoi saigon mekong asean vietnam mekongs lao laos cambodia
"""
REAL_WORDS = _REAL_WORDS_TEXT.split()
_PROPER_NOUNS_TEXT = ("Nguyễn Phú Trọng Hà Nội McCain MacArthur O'Brien Kuala Lumpur "
                      "Phnom Penh Vientiane Nghệ An Đà Nẵng Thanh Hoá Jakarta Bandar Seri Begawan")
PROPER_NOUNS = _PROPER_NOUNS_TEXT.split()


@pytest.mark.slow
def test_real_words_pass_through_the_cleaner_unchanged(nlp):
    from graph.extract import known_words

    words = known_words(nlp)
    assert len(REAL_WORDS) >= 200
    text = " ".join(REAL_WORDS + PROPER_NOUNS)
    assert normalize_text(text, words.is_word, words.is_part) == text
    for word in REAL_WORDS:
        assert split_glued(word, words.is_word, words.is_part) == word


@pytest.mark.slow
@pytest.mark.parametrize(("glued", "split"), [
    ("thediplomatic", "the diplomatic"),
    ("ofthe", "of the"),
    ("theorganising", "the organising"),  # a function word glued to a British form
    ("prioritisingthe", "prioritising the"),
    ("freetrade", "free trade"),
    ("organising", "organising"),
    ("harmonisation", "harmonisation"),
    ("neighbouring", "neighbouring"),
])
def test_split_glued_with_the_model_dictionary(nlp, glued, split):
    from graph.extract import known_words

    words = known_words(nlp)
    assert split_glued(glued, words.is_word, words.is_part) == split


@pytest.mark.slow
class TestPipelineComponents:
    def test_lines_and_datelines_start_sentences(self, nlp):
        doc = nlp("HÀ NỘI, June 18 (VNA) – The Minister spoke\nRelated headline here")
        starts = [sent.text.strip() for sent in doc.sents]
        assert starts == ["HÀ NỘI, June 18 (VNA) –", "The Minister spoke", "Related headline here"]

    def test_a_name_goes_on_after_its_acronyms_bracket(self, nlp):
        from graph.components import line_breaks

        # the parser sometimes ends a sentence at the bracket, in a long article; the segmenter
        # forbids it before the parser runs
        doc = line_breaks(nlp.make_doc("He met the Lao People's Revolutionary Party (LPRP) "
                                       "Central Committee delegation and President of the "
                                       "World Economic Forum (WEF) Borge Brende."))
        after = [doc[t.i + 1] for t in doc if t.text == ")"]
        assert [t.text for t in after] == ["Central", "Borge"]
        assert all(t.is_sent_start is False for t in after)

    @pytest.mark.parametrize(("text", "same"), [
        (("the 32nd Diplomatic Conference", "the 32nd National Diplomatic Conference"), True),
        (("AIPA-46 opened", "the 46th General Assembly of AIPA opened"), True),
        (("the 13th Party Congress", "the 13th National Party Congress"), True),
        (("the 13th Party Congress", "the 14th National Party Congress"), False),
        (("the eighth session of the 15th National Assembly",
          "the eighth session of the 14th National Assembly"), False),
    ])
    def test_event_keys(self, nlp, text, same):
        keys = [nlp(t)._.dg_events[0].key for t in text]
        assert (keys[0] == keys[1]) is same

    def test_name_containing_a_place_is_a_name(self, nlp):
        doc = nlp("National Assembly Chairman Vuong Dinh Hue visited Hue.")
        assert [p.name for p in doc._.dg_people] == ["Vuong Dinh Hue"]
        assert [b.label for b in doc._.dg_bodies][-1] == "Hue"

    def test_known_holder_resolves_a_short_reference(self, nlp):
        doc = nlp.make_doc("NA Chairman Huệ delivered speeches.")
        doc.user_data["dg_date"] = dt.date(2024, 2, 12)
        doc = nlp(doc)
        assert [p.name for p in doc._.dg_people] == ["Vương Đình Huệ"]
        doc = nlp.make_doc("NA Chairman Huệ delivered speeches.")
        doc.user_data["dg_date"] = dt.date(2025, 2, 12)  # after his tenure: not him
        assert [p.name for p in nlp(doc)._.dg_people] == ["Huệ"]

    def test_curated_office_holders_never_give_a_role(self, nlp):
        # A bare title plus the listed holder named elsewhere: the text never says he holds it.
        doc = nlp.make_doc("Prime Minister received Thai Foreign Minister Somchai Wattana on "
                           "May 4. Pham Minh Chinh also attended the banquet.")
        doc.user_data["dg_date"] = dt.date(2024, 5, 4)
        people = {p.name: [r.label for r in p.roles] for p in nlp(doc)._.dg_people}
        assert people.get("Pham Minh Chinh") == []

    @pytest.mark.parametrize(("text", "expected"), [
        # a holder's given name alone, nobody of that name in the text: not the holder
        ("Members of the Dong Tam cooperative gathered on the farm. Giang said the rice harvest "
         "was good this year.", set()),
        ("Farmers met on the farm. Giang said the rice harvest was good.", set()),
        # the full name in the text, or the holder's title with the short name: the holder
        ("Defence Minister Giang visited the farm.", {"Phan Văn Giang"}),
    ])
    def test_bare_given_name_alone_is_not_a_known_holder(self, nlp, text, expected):
        doc = nlp.make_doc(text)
        doc.user_data["dg_date"] = dt.date(2024, 2, 12)
        assert {p.name for p in nlp(doc)._.dg_people} & {"Phan Văn Giang"} == expected


def test_scanner_views_are_the_docs_own(nlp) -> None:
    """The scanner's once-made views (token list, texts, text, entities) must say what the Doc
    says: rules read them instead of the Doc for speed."""
    from graph.components import _Scanner
    from graph.lexicon import lexicon

    doc = nlp("Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone in "
              "Ha Noi on June 18.\nThe two leaders discussed Resolution 57-NQ/TW.")
    scan = _Scanner(doc, lexicon())
    assert [t.i for t in scan.tokens] == list(range(len(doc)))
    assert scan.texts == [t.text for t in doc]
    assert scan.text == doc.text
    assert list(scan.ents) == list(doc.ents)
    assert scan.person_ent_ends == {e.end for e in doc.ents if e.label_ == "PERSON"}
    assert scan.verbs == [t.i for t in doc if t.pos_ == "VERB"]


# Articles whose every token the shortcut tests below try: the seeds and one blind set (real
# news), and sentences with the titles the shortcuts must never miss: corporate offices, a
# country opened by "the", a past marker, a demonym, a body before its office.
_SHORTCUT_SENTENCES = (
    "Qualcomm CEO Cristiano Amon and VUFO President Phan Anh Son met the Philippines' "
    "Foreign Secretary Enrique Manalo, former Deputy Prime Minister Vu Duc Dam, Lao NA Vice "
    "President Sounthone Xayachack and Samsung Display Vietnam General Director Lee Ho Seok.\n"
    "The Netherlands Ambassador to Vietnam Kees van Baar said the session would open."
)


def _shortcut_docs(nlp):
    from pathlib import Path

    from graph.extract import prepare_doc
    from graph.ingest import discover, read_articles
    from graph.model import Article

    root = Path(__file__).resolve().parent.parent
    files, _ = discover([root / "seeds", root / "tests" / "blind"])
    articles = [item for item in read_articles(files) if isinstance(item, Article)]
    return [nlp(_SHORTCUT_SENTENCES)] + [nlp(prepare_doc(nlp, a)) for a in articles]


@pytest.mark.slow
def test_titles_are_skipped_only_where_none_can_open(nlp) -> None:
    """`_Scanner.title_openers` lets the rules skip a token without parsing a title there: at
    every token, the title parse with the shortcut must give what the full parse gives."""
    from graph.components import _Scanner
    from graph.lexicon import lexicon

    docs = _shortcut_docs(nlp)
    titles = 0
    for doc in docs:
        fast, full = _Scanner(doc, lexicon()), _Scanner(doc, lexicon())
        full.title_openers = [True] * full.n  # no shortcut: every token is parsed in full
        assert not all(fast.title_openers)
        for i in range(len(doc)):
            expected = full._parse_one_title(i)
            assert fast._parse_one_title(i) == expected, (doc[i:i + 6].text, i)
            assert (fast.title_tail_country, fast.title_body) \
                == (full.title_tail_country, full.title_body)
            titles += expected is not None
    assert titles > 50


@pytest.mark.slow
def test_sentence_index_is_the_docs_own(nlp) -> None:
    """`SentenceIndex` replaces `Token.sent` and `Span.sent`: it must give the same spans."""
    from graph.components import SentenceIndex

    for doc in _shortcut_docs(nlp)[:4]:
        index = SentenceIndex(doc)
        assert index.spans == list(doc.sents)
        assert all(index(t.i) == t.sent for t in doc)
        assert all(index(span.start) == span.sent for span in [*doc.ents, *doc.noun_chunks])


def test_sentence_starts_are_set_as_the_token_setter_sets_them(nlp) -> None:
    from graph.components import _set_sentence_starts

    text = "One line here\nTwo: Do Minh Chau (VNA) – spoke. Three"
    one, bulk = nlp.make_doc(text), nlp.make_doc(text)
    starts = {1: False, 3: True, 5: False, 9: True}
    for i, value in starts.items():
        one[i].is_sent_start = value
    _set_sentence_starts(bulk, starts)
    assert [t.is_sent_start for t in bulk] == [t.is_sent_start for t in one]
    with pytest.raises(ValueError, match="E043"):  # a parsed Doc keeps its sentences
        _set_sentence_starts(nlp(text), {1: True})


def test_positions_of_a_lower_case_word(nlp) -> None:
    from graph.components import positions_of

    doc = nlp.make_doc("The talks and THE session: the end, theme and thé.")
    assert positions_of(doc, "the") == [t.i for t in doc if t.lower_ == "the"] == [0, 3, 6]
