"""graph.view: self-contained, offline, safe HTML views (unit tests, then headless Chromium)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from graph.cli import main
from graph.errors import (
    AmbiguousEntityError,
    EntityNotFoundError,
    GraphFileError,
    StoreMissingError,
    UsageError,
)
from graph.model import Article, Entity, EntityRef, EntityType, Fact, KnowledgeBase, Relation
from graph.network import literal_facts, to_networkx
from graph.rdf import to_graph
from graph.text import fold_key
from graph.view import (
    find_entity,
    layout,
    relation_label,
    render_document,
    render_html,
    script_json,
    view_payload,
    write_views,
)
from graph.vocab import entity_iri

HUE = EntityRef(EntityType.PERSON, "vuong-dinh-hue")
SON = EntityRef(EntityType.PERSON, "bui-thanh-son")
HA = EntityRef(EntityType.PERSON, "vu-hai-ha")
CHAIRMAN = EntityRef(EntityType.ROLE, "chairman-of-the-national-assembly")
MINISTER = EntityRef(EntityType.ROLE, "minister-of-foreign-affairs")
ASSEMBLY = EntityRef(EntityType.ORGANIZATION, "national-assembly")
COMMITTEE = EntityRef(EntityType.ORGANIZATION, "na-committee-for-external-relations")
RESOLUTION = EntityRef(EntityType.LEGAL_DOCUMENT, "resolution-34-nq-tw")
CONFERENCE = EntityRef(EntityType.EVENT, "32nd-diplomatic-conference")
HANOI = EntityRef(EntityType.PLACE, "hanoi")

FIRST = Article(source="000_first.txt", text="", content_hash="1", title="Hue meets envoys",
                date=dt.date(2023, 12, 21), publisher="VNA")
SECOND = Article(source="001_second.txt", text="", content_hash="2",
                 title="Committee reviews ties", date=dt.date(2024, 3, 2))

SENTENCE_1 = "NA Chairman Vương Đình Huệ held a working session with Bui Thanh Son in Hanoi."
SENTENCE_2 = "Vu Hai Ha chairs the NA Committee for External Relations."


def iri(ref: EntityRef) -> str:
    return str(entity_iri(ref))


def sample_kb() -> KnowledgeBase:
    entities = [
        Entity(HUE, "Vương Đình Huệ", frozenset({"Vuong Dinh Hue", "Chairman Hue"})),
        Entity(SON, "Bui Thanh Son", frozenset({"Son"})),
        Entity(HA, "Vũ Hải Hà", frozenset({"Vu Hai Ha", "Ha"})),
        Entity(CHAIRMAN, "Chairman of the National Assembly"),
        Entity(MINISTER, "Minister of Foreign Affairs"),
        Entity(ASSEMBLY, "National Assembly", frozenset({"NA"})),
        Entity(COMMITTEE, "NA Committee for External Relations"),
        Entity(RESOLUTION, "Resolution 34-NQ/TW"),
        Entity(CONFERENCE, "32nd Diplomatic Conference"),
        Entity(HANOI, "Hanoi", frozenset({"Hà Nội"})),
    ]

    def fact(subject, relation, obj, evidence, article):
        return Fact(subject, relation, obj, evidence, 0.9, article.key)

    facts = [
        fact(HUE, Relation.HOLDS_ROLE, CHAIRMAN, SENTENCE_1, FIRST),
        fact(SON, Relation.HOLDS_ROLE, MINISTER, SENTENCE_1, FIRST),
        fact(HUE, Relation.MET, SON, SENTENCE_1, FIRST),
        fact(CONFERENCE, Relation.HELD_IN, HANOI, SENTENCE_1, FIRST),
        fact(RESOLUTION, Relation.DOCUMENT_NUMBER, "34-NQ/TW", "Resolution 34 guides.", FIRST),
        fact(HA, Relation.MEMBER_OF, COMMITTEE, SENTENCE_2, SECOND),
        fact(COMMITTEE, Relation.PART_OF, ASSEMBLY, SENTENCE_2, SECOND),
        fact(CONFERENCE, Relation.DATE, dt.date(2023, 12, 19), SENTENCE_1, FIRST),
    ]
    for ref in (HUE, SON, CONFERENCE, HANOI, RESOLUTION):
        facts.append(fact(ref, Relation.MENTIONED_IN, FIRST.ref, SENTENCE_1, FIRST))
    for ref in (HA, COMMITTEE, ASSEMBLY):
        facts.append(fact(ref, Relation.MENTIONED_IN, SECOND.ref, SENTENCE_2, SECOND))
    return KnowledgeBase(articles=[FIRST, SECOND],
                         entities={e.ref: e for e in entities}, facts=facts)


# Each payload sets a window flag if it ever runs; the browser test asserts none is set.
HOSTILE_LABELS = [
    '<img src=x onerror="window.__pwned_img=1">',
    "<script>window.__pwned_script=1</script>",
    '<a href="javascript:window.__pwned_href=1">click href</a>',
    "\"'><svg onload=window.__pwned_svg=1>",
    "</script><script>window.__pwned_break=1</script><!--",
]
HOSTILE_TITLE = '<img src=x onerror="window.__pwned_title=1"> "href" title'
HOSTILE_EVIDENCE = ('Evidence <img src=x onerror="window.__pwned_evidence=1"> with href="x" '
                    "and <script>window.__pwned_evidence2=1</script> & \u2028 end.")


def hostile_kb() -> KnowledgeBase:
    article = Article(source='evil"<b>.txt', text="", content_hash="x", title=HOSTILE_TITLE,
                      date=dt.date(2024, 1, 1), publisher="<script>window.__pwned_pub=1</script>")
    refs = [EntityRef(EntityType.PERSON, f"hostile-{i}") for i in range(len(HOSTILE_LABELS))]
    entities = {ref: Entity(ref, label, frozenset({label + " alias", "<b>alias</b>"}))
                for ref, label in zip(refs, HOSTILE_LABELS, strict=True)}
    facts = [Fact(refs[i], Relation.MET, refs[i + 1], HOSTILE_EVIDENCE, 0.5, article.key)
             for i in range(len(refs) - 1)]
    facts += [Fact(ref, Relation.MENTIONED_IN, article.ref, HOSTILE_EVIDENCE, 1.0, article.key)
              for ref in refs]
    return KnowledgeBase(articles=[article], entities=entities, facts=facts)


@pytest.fixture(scope="module")
def graph():
    return to_graph(sample_kb())


@pytest.fixture(scope="module")
def network(graph):
    return to_networkx(graph)


@pytest.fixture(scope="module")
def payload(graph, network):
    return view_payload(network, literal_facts(graph), title="Sample")


@pytest.fixture
def graph_dir(tmp_path, graph) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    graph.serialize(folder / "graph.ttl", format="turtle")
    return folder


# ---- data and escaping ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>", "<!-- x -->", "a & b > c", "\u2028\u2029", "Huệ",
])
def test_script_json_has_no_markup_and_round_trips(text):
    encoded = script_json({"value": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"value": text}


@pytest.mark.parametrize(("relation", "label"), [
    ("holdsRole", "holds role"), ("met", "met"), ("mentionedIn", "mentioned in"),
    ("documentNumber", "document number"),
])
def test_relation_label(relation, label):
    assert relation_label(relation) == label


def test_payload_counts_types_and_edges(payload, network):
    assert len(payload["nodes"]) == network.number_of_nodes() == 12
    assert len(payload["edges"]) == network.number_of_edges()
    counts = {t["name"]: t["count"] for t in payload["types"]}
    assert counts == {"Person": 3, "Organization": 2, "Place": 1, "Role": 2,
                      "LegalDocument": 1, "Event": 1, "Article": 2}
    assert [t["name"] for t in payload["types"]][:2] == ["Person", "Organization"]
    assert {e["label"] for e in payload["edges"]} >= {"holds role", "met", "part of"}


def test_payload_search_keys_are_folded(payload):
    hue = next(node for node in payload["nodes"] if node["iri"] == iri(HUE))
    assert "vuong dinh hue" in hue["search"] and "chairman hue" in hue["search"]
    hanoi = next(node for node in payload["nodes"] if node["iri"] == iri(HANOI))
    assert "ha noi" in hanoi["search"]


def test_payload_provenance_points_at_articles(payload):
    met = next(e for e in payload["edges"] if e["relation"] == "met")
    (record,) = met["provenance"]
    article = payload["articles"][record["article"]]
    assert (record["evidence"], record["date"]) == (SENTENCE_1, "2023-12-21")
    assert (article["title"], article["source"]) == ("Hue meets envoys", "000_first.txt")


def test_payload_literal_facts_and_dates(payload):
    resolution = next(n for n in payload["nodes"] if n["iri"] == iri(RESOLUTION))
    assert [(lit["label"], lit["value"]) for lit in resolution["literals"]] == [
        ("document number", "34-NQ/TW")]
    conference = next(n for n in payload["nodes"] if n["iri"] == iri(CONFERENCE))
    assert "2023-12-19" in conference["dates"]
    assert payload["dateRange"] == ["2023-12-19", "2024-03-02"]


def test_payload_importance_sizes_hubs_larger(payload):
    size = {n["iri"]: n["size"] for n in payload["nodes"]}
    assert size[iri(HUE)] > size[iri(MINISTER)]


@pytest.mark.parametrize(("threshold", "physics"), [(300, True), (5, False)])
def test_physics_only_below_threshold(network, threshold, physics):
    assert view_payload(network, title="t", physics_max_nodes=threshold)["physics"] is physics


def test_layout_is_deterministic_and_complete(network):
    first, second = layout(network), layout(network)
    assert first == second
    assert set(first) == set(network.nodes)
    assert len(set(first.values())) == len(first)  # no two nodes on one spot


def test_document_is_self_contained_with_hashed_scripts(payload):
    document = render_document(payload)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", document, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc=", document, re.IGNORECASE)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', document)[1]
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", document, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_text_never_reaches_markup():
    kb = hostile_kb()
    network = to_networkx(to_graph(kb))
    document = render_document(view_payload(network, title=HOSTILE_TITLE))
    data = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                     document, re.DOTALL)[1]
    assert "<" not in data
    loaded = json.loads(data)
    assert {n["label"] for n in loaded["nodes"]} >= set(HOSTILE_LABELS)
    head = document.split("<script", 1)[0]
    assert "<img" not in head and "&lt;img src=x" in head


# ---- finding entities ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Vương Đình Huệ", HUE),
    ("VUONG DINH HUE", HUE),
    ("vuong  dinh hue", HUE),
    ("chairman hue", HUE),
    ("hue", HUE),  # a word of one name only
    ("ha noi", HANOI),
    ("vu hai ha", HA),
    (iri(SON), SON),
])
def test_find_entity(network, name, expected):
    assert find_entity(network, name) == iri(expected)


def test_find_entity_ambiguous_lists_candidates(network):
    with pytest.raises(AmbiguousEntityError) as caught:
        find_entity(network, "assembly")  # the National Assembly and its chairman's role
    message = str(caught.value)
    assert "National Assembly" in message and iri(ASSEMBLY) in message
    assert isinstance(caught.value, EntityNotFoundError)


@pytest.mark.parametrize(("name", "suggestion"), [("Vuong Dinh Hoe", "Vương Đình Huệ"),
                                                  ("Bui Tanh Son", "Bui Thanh Son")])
def test_find_entity_not_found_suggests(network, name, suggestion):
    with pytest.raises(EntityNotFoundError, match=suggestion):
        find_entity(network, name)


def test_find_entity_nothing_close(network):
    with pytest.raises(EntityNotFoundError) as caught:
        find_entity(network, "Zzyzx")
    assert "did you mean" not in str(caught.value)
    assert not isinstance(caught.value, AmbiguousEntityError)


# ---- writing views ----------------------------------------------------------------------------


def test_render_html_writes_one_file(tmp_path, graph):
    path = render_html(graph, tmp_path / "graph.html", title="Seeds")
    assert path == tmp_path / "graph.html" and path.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_views_whole_graph_articles_and_index(graph_dir):
    written = write_views(graph_dir)
    names = sorted(p.name for p in written)
    assert names == ["article-article-000-first.html", "article-article-001-second.html",
                     "graph.html", "index.html"]
    assert all(p.parent == graph_dir / "views" for p in written)
    index = (graph_dir / "views" / "index.html").read_text()
    for name in names[:-1]:
        assert f'href="{name}"' in index
    assert "Hue meets envoys" in index and "<script" not in index


def test_article_view_holds_only_that_article(graph_dir):
    write_views(graph_dir)
    document = (graph_dir / "views" / "article-article-001-second.html").read_text()
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', document, re.S)[1])
    assert {n["iri"] for n in data["nodes"]} == {
        iri(SECOND.ref), iri(HA), iri(COMMITTEE), iri(ASSEMBLY)}
    assert data["focus"] == [n["id"] for n in data["nodes"] if n["iri"] == iri(SECOND.ref)]


@pytest.mark.parametrize(("hops", "expected"), [
    (1, {HUE, SON, CHAIRMAN, FIRST.ref}),
    (2, {HUE, SON, CHAIRMAN, MINISTER, FIRST.ref}),
])
def test_entity_view(graph_dir, hops, expected):
    (path,) = write_views(graph_dir, entity="hue", hops=hops)
    assert path == graph_dir / "views" / "entity-person-vuong-dinh-hue.html"
    data = json.loads(re.search(r'type="application/json">(.*?)</script>',
                                path.read_text(), re.S)[1])
    assert {n["iri"] for n in data["nodes"]} == {iri(ref) for ref in expected}


def test_entity_view_to_chosen_file(graph_dir, tmp_path):
    target = tmp_path / "hue.html"
    assert write_views(graph_dir, entity="Vuong Dinh Hue", destination=target) == [target]


def test_whole_view_to_html_file(graph_dir, tmp_path):
    target = tmp_path / "all.html"
    assert write_views(graph_dir, destination=target) == [target]


def test_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(StoreMissingError, match="diplograph build"):
        write_views(tmp_path)


def test_unreadable_graph_is_a_clear_error(tmp_path):
    (tmp_path / "graph.ttl").write_text("this is @not turtle <<<")
    with pytest.raises(GraphFileError):
        write_views(tmp_path)


def test_negative_hops_rejected(graph_dir):
    with pytest.raises(UsageError):
        write_views(graph_dir, entity="hue", hops=-1)


def test_failed_view_keeps_existing_file(graph_dir, tmp_path):
    target = tmp_path / "keep.html"
    target.write_text("precious")
    with pytest.raises(EntityNotFoundError):
        write_views(graph_dir, entity="nobody at all", destination=target)
    assert target.read_text() == "precious"


def test_cli_view_unknown_entity_exits_2_with_one_line(graph_dir, capsys):
    code = main(["view", "--graph-dir", str(graph_dir), "--entity", "Vuong Dinh Hoe"])
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "Vương Đình Huệ" in error


def test_cli_view_prints_written_files(graph_dir, capsys):
    assert main(["view", "--graph-dir", str(graph_dir)]) == 0
    printed = capsys.readouterr().out.split()
    assert Path(printed[-1]).name == "index.html" and len(printed) == 4


# ---- in headless Chromium ---------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def wait_ready(page) -> None:
    # Not wait_for_function: its polling evaluates a string, which the page's CSP refuses.
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=60_000)


class Watched:
    """A page with every request, console error, page error and dialog recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri())
        wait_ready(self.page)
        return self.page

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    page.close()


def click_node(page, iri_: str) -> None:
    """Click the node's position on the canvas, as a user would."""
    point = page.evaluate("""(iri) => {
        const net = window.diplograph.network;
        const id = JSON.parse(document.getElementById("graph-data").textContent)
            .nodes.find(n => n.iri === iri).id;
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.querySelector("#network canvas").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", iri_)
    page.mouse.click(point["x"], point["y"])


@pytest.mark.browser
@pytest.mark.slow
def test_browser_whole_view_loads_offline_with_every_node(watched, tmp_path, graph, network):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    assert page.evaluate("window.diplograph.nodeCount") == network.number_of_nodes()
    assert page.evaluate("window.diplograph.visibleNodeCount()") == network.number_of_nodes()
    assert page.evaluate("window.diplograph.network.body.nodeIndices.length") == 12
    assert page.locator("#legend li").count() == 7
    assert page.locator("#counts").text_content().startswith("12 entities")
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_search_ignores_diacritics_and_opens_panel(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    page.fill("#search", "hue")
    results = page.locator("#results button")
    assert results.first.text_content().startswith("Vương Đình Huệ")
    results.first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.text_content()
    for expected in ("Vương Đình Huệ", "Person", "Chairman Hue", "Vuong Dinh Hue",
                     "Chairman of the National Assembly", SENTENCE_1, "Hue meets envoys",
                     "000_first.txt", "2023-12-21", "holds role", "Mentioned in"):
        assert expected in text
    page.fill("#search", "HA NOI")
    assert page.locator("#results button").first.text_content().startswith("Hanoi")
    page.fill("#search", "nothing like this")
    assert page.locator("#results").text_content() == "No match"
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_clicking_a_node_and_its_neighbours(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    click_node(page, iri(RESOLUTION))
    text = page.locator("#panel").text_content()
    assert "Resolution 34-NQ/TW" in text and "document number" in text and "34-NQ/TW" in text
    page.locator("#panel-body button", has_text="Hue meets envoys").click()
    text = page.locator("#panel").text_content()
    assert "Mentions (5)" in text and "Article" in text and "VNA" in text
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_type_and_date_filters(watched, tmp_path, graph):
    page = watched.open(render_html(graph, tmp_path / "graph.html", title="Sample"))
    visible = "window.diplograph.visibleNodeCount()"
    page.locator('#legend input[data-type="Person"]').uncheck()
    assert page.evaluate(visible) == 9
    page.locator('#legend input[data-type="Article"]').uncheck()
    assert page.evaluate(visible) == 7
    page.click("#reset")
    assert page.evaluate(visible) == 12
    page.fill("#date-from", "2024-01-01")
    page.locator("#date-from").dispatch_event("change")
    # Only the second article's world, plus nothing undated (every node has a date here).
    assert page.evaluate(visible) == 4
    page.fill("#date-to", "2024-01-31")
    page.locator("#date-to").dispatch_event("change")
    assert page.evaluate(visible) == 0
    assert "0 of 12 entities" in page.locator("#counts").text_content()
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_hostile_text_runs_no_script(watched, tmp_path):
    kb = hostile_kb()
    path = render_html(to_graph(kb), tmp_path / "graph.html", title=HOSTILE_TITLE)
    page = watched.open(path)
    assert page.title() == HOSTILE_TITLE
    for label in HOSTILE_LABELS:  # open every hostile node and its article, hover it
        page.fill("#search", label[:12])
        page.locator("#results button").first.click()
        panel = page.locator("#panel-body")
        assert label in panel.text_content()
        assert HOSTILE_EVIDENCE.replace("\u2028", "") in panel.text_content().replace("\u2028", "")
        page.locator("#panel-body button", has_text='"href" title').first.click()
        assert "evil" in page.locator("#panel-body").text_content()  # the article's source
        index = HOSTILE_LABELS.index(label)
        click_node(page, iri(EntityRef(EntityType.PERSON, f"hostile-{index}")))
        page.mouse.move(5, 5)
    for ref in kb.entities:
        position = page.evaluate("""(iri) => {
            const net = window.diplograph.network;
            const id = JSON.parse(document.getElementById("graph-data").textContent)
                .nodes.find(n => n.iri === iri).id;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.querySelector("#network canvas").getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""", iri(ref))
        page.mouse.move(position["x"], position["y"])
        page.wait_for_timeout(300)
    tooltip = page.locator("div.vis-tooltip")
    assert tooltip.count() == 1 and "alias" in tooltip.text_content()
    flags = page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))")
    assert flags == []
    injected = page.evaluate("""() => document.querySelectorAll(
        '#panel img, #panel script, #panel svg, #panel a, #results img, div.vis-tooltip :not(br),'
        + ' #title *, #legend img').length""")
    assert injected == 0
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_index_and_article_views(watched, graph_dir):
    written = write_views(graph_dir)
    for path in written:
        if path.name == "index.html":
            continue
        page = watched.open(path)
        assert page.evaluate("window.diplograph.nodeCount") >= 4
        assert page.locator("#links a").get_attribute("href") == "index.html"
    index = graph_dir / "views" / "index.html"
    watched.page.goto(index.as_uri())
    assert watched.page.locator("a").count() == 3
    watched.page.locator("a", has_text="Committee reviews ties").click()
    wait_ready(watched.page)
    assert watched.page.locator("#panel").is_visible()  # the article is the focus
    watched.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_built_seeds_view(watched, built_seeds):
    from rdflib import Graph

    network = to_networkx(Graph().parse(built_seeds / "graph.ttl", format="turtle"))
    page = watched.open(built_seeds / "graph.html")
    assert page.evaluate("window.diplograph.nodeCount") == network.number_of_nodes() > 0
    page.fill("#search", "hue")
    page.locator("#results button").first.click()
    assert "hue" in fold_key(page.locator("#panel-body h2").text_content())
    assert page.locator("#panel-body .evidence").count() > 0
    watched.assert_clean()
