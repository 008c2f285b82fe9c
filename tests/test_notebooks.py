"""The notebooks in notebooks/: committed without outputs, and executed end to end on the seeds.

Each notebook runs in a fresh kernel of *this* interpreter (a kernelspec written into a temporary
folder, so a user-level "python3" kernel pointing at another Python cannot be picked up), from an
unrelated working directory, with the repository and a shared scratch build folder passed
through the environment.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT_S = 600


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _text(cell) -> str:
    """Everything a cell printed or displayed as text or HTML."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.extend(str(output.data.get(kind, "")) for kind in ("text/plain", "text/html"))
    return "".join(parts)


def _all_text(notebook) -> str:
    return "\n".join(_text(cell) for cell in _code_cells(notebook))


def _mime_types(notebook) -> set[str]:
    return {kind for cell in _code_cells(notebook) for output in cell.get("outputs", [])
            for kind in output.get("data", {})}


# --- Committed files (fast) -------------------------------------------------------------------


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3, NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path):
    notebook = _read(path)
    nbformat.validate(notebook)
    for cell in _code_cells(notebook):
        assert cell.outputs == [], f"{path.name}: strip the outputs before committing"
        assert cell.execution_count is None, f"{path.name}: strip the execution counts"
    assert notebook.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_never_writes_into_the_users_output(path: Path):
    source = "\n".join(cell.source for cell in _code_cells(_read(path)))
    assert '"output"' not in source and "'output'" not in source
    assert "DIPLOGRAPH_NOTEBOOK_OUT" in source and "mkdtemp" in source


def test_notebook_code_passes_the_linter():
    """The project's ruff rules, on the notebooks' code cells (named explicitly, so linted)."""
    pytest.importorskip("ruff")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *map(str, NOTEBOOKS)],
                            capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# --- Execution (slow) -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kernel_manager_factory(tmp_path_factory: pytest.TempPathFactory):
    """Kernel managers for a "python3" kernel that runs this interpreter (sys.executable)."""
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    kernels = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(kernels / "python3")  # argv: [sys.executable, "-m", "ipykernel_launcher"...]

    def make() -> KernelManager:
        specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
        return KernelManager(kernel_name="python3", kernel_spec_manager=specs)

    return make


def _run(notebook, cwd: Path, make_kernel_manager, env: dict[str, str | None]):
    """Execute `notebook` in place in a fresh kernel started in `cwd` with `env` applied."""
    with pytest.MonkeyPatch.context() as patch:  # the kernel inherits this environment
        for name, value in env.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        client = nbclient.NotebookClient(
            notebook, km=make_kernel_manager(), kernel_name="python3",
            timeout=CELL_TIMEOUT_S, resources={"metadata": {"path": str(cwd)}},
        )
        client.execute()  # raises CellExecutionError, naming the cell, on any error
    return notebook


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory, kernel_manager_factory) -> Iterator[dict]:
    """Every notebook executed once, in order, sharing one scratch build folder."""
    elsewhere = tmp_path_factory.mktemp("any-working-directory")
    out = tmp_path_factory.mktemp("notebook-build") / "graph"
    env = {"DIPLOGRAPH_REPO": str(REPO), "DIPLOGRAPH_NOTEBOOK_OUT": str(out),
           "MPLBACKEND": "Agg"}
    results = {path.name: _run(_read(path), elsewhere, kernel_manager_factory, env)
               for path in NOTEBOOKS}
    yield {"out": out, "notebooks": results}


def _notebook(executed: dict, prefix: str):
    matches = [nb for name, nb in executed["notebooks"].items() if name.startswith(prefix)]
    assert len(matches) == 1, f"expected one notebook named {prefix}*"
    return matches[0]


@pytest.mark.slow
def test_every_notebook_runs_without_error(executed: dict):
    assert set(executed["notebooks"]) == {path.name for path in NOTEBOOKS}
    for name, notebook in executed["notebooks"].items():
        for cell in _code_cells(notebook):
            assert not [o for o in cell.outputs if o.output_type == "error"], name
            assert "Traceback" not in _text(cell), name


@pytest.mark.slow
def test_build_and_query_answers_questions(executed: dict):
    notebook = _notebook(executed, "01-")
    text = _all_text(notebook)
    assert "Read 5 articles" in text
    # Who was Minister of Foreign Affairs in 2023: the parameterised role-holders-by-year query.
    cells = [_text(cell) for cell in _code_cells(notebook)
             if "role-holders-by-year.rq" in cell.source and "year=2023" in cell.source]
    assert len(cells) == 1
    table = cells[0].splitlines()
    answers = [line for line in table if "person:" in line]
    assert answers, cells[0]
    assert all(line.startswith("2023") and "Minister of Foreign Affairs" in line
               for line in answers), cells[0]
    assert any("Bui Thanh Son" in line or "Bùi Thanh Sơn" in line for line in answers)
    ask = [cell for cell in _code_cells(notebook) if "ask-held-role.rq" in cell.source]
    assert _text(ask[0]).strip() == "True"
    assert "@prefix dg:" in text and "dg:met" in text  # the CONSTRUCT printed as Turtle


@pytest.mark.slow
def test_explore_shows_centrality_communities_view_and_timeline(executed: dict):
    notebook = _notebook(executed, "02-")
    text = _all_text(notebook)
    assert "betweenness" in text and "communities, modularity" in text
    assert "image/png" in _mime_types(notebook)
    html = [output.data["text/html"] for cell in _code_cells(notebook)
            for output in cell.outputs if "text/html" in output.get("data", {})]
    assert len(html) == 1 and html[0].startswith("<div><iframe srcdoc=")
    assert "vis-network" in html[0] and "&lt;script" in html[0]  # the whole page, escaped
    out = executed["out"]
    png = (out / "role-timeline.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert (out / "notebook-view.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.slow
def test_export_files_parse(executed: dict):
    import networkx as nx
    from rdflib import Graph

    text = _all_text(_notebook(executed, "03-"))
    assert "same graph as Turtle: False" not in text
    assert text.count("same graph as Turtle: True") == 5
    exports = executed["out"] / "exports"
    network = nx.read_graphml(exports / "graph.graphml")
    assert network.number_of_nodes() > 20 and network.number_of_edges() > 20
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert {"Bui Thanh Son", "Bùi Thanh Sơn"} & labels
    relations = {data["relation"] for _, _, data in network.edges(data=True)}
    assert {"holdsRole", "mentionedIn"} <= relations
    turtle = Graph().parse(exports / "graph.ttl", format="turtle")
    assert len(turtle) == len(Graph().parse(executed["out"] / "graph.ttl", format="turtle"))
    header = (exports / "roles-over-time.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[:2] == ["person", "name"]
    assert len(Graph().parse(exports / "meetings.ttl", format="turtle")) > 0


@pytest.mark.slow
def test_setup_finds_the_repository_from_the_notebook_folder(kernel_manager_factory, tmp_path):
    """Opened in Jupyter (working directory = notebooks/), no environment variable is needed."""
    notebook = _read(NOTEBOOKS[0])
    setup = next(cell for cell in _code_cells(notebook) if "find_repository" in cell.source)
    notebook.cells = [setup, nbformat.v4.new_code_cell("print(repr(str(REPO)))\n"
                                                       "print(repr(sys.executable))")]
    scratch = tmp_path / "scratch"
    env = {"DIPLOGRAPH_REPO": None, "DIPLOGRAPH_NOTEBOOK_OUT": str(scratch)}
    _run(notebook, NOTEBOOK_DIR, kernel_manager_factory, env)
    # The kernel is this interpreter, whatever "python" on PATH or a user's kernelspec says.
    assert _text(notebook.cells[1]).splitlines() == [repr(str(REPO)), repr(sys.executable)]
    assert f"graph folder: {scratch}" in _text(notebook.cells[0])


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.slow
def test_inline_view_runs_offline_in_its_iframe(executed: dict, tmp_path: Path):
    """The notebook's HTML output, in a host page as a front end shows it, in headless Chromium."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    notebook = _notebook(executed, "02-")
    html = next(output.data["text/html"] for cell in _code_cells(notebook)
                for output in cell.outputs if "text/html" in output.get("data", {}))
    host = tmp_path / "host.html"
    host.write_text(f"<!DOCTYPE html><html><body>{html}</body></html>", encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: message.type == "error"
                    and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(host.as_uri())
            frame = next(frame for frame in page.frames if frame is not page.main_frame)
            frame.wait_for_selector('body[data-ready="true"]', state="attached", timeout=60_000)
            nodes = frame.evaluate("window.diplograph.nodeCount")
            canvases = frame.locator("#network canvas").count()
        finally:
            browser.close()
    network_nodes = int(_all_text(notebook).split("MultiDiGraph with ")[1].split(" nodes")[0])
    assert (nodes, canvases) == (network_nodes, 1)
    assert errors == []
    # Nothing fetched from a network: the page, its scripts and its data are inline.
    assert requests[0] == host.as_uri()
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
