"""The installed package, not the source checkout, carries its ontology, data and assets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOT_PACKAGED = (".git", ".venv", "output", "build", "*.egg-info", "__pycache__", ".pytest_cache",
                ".ruff_cache", ".hypothesis", "tests", "notebooks", "benchmarks", "docs")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip install` of a copy of the repository into a folder of its own (no network needed)."""
    root = tmp_path_factory.mktemp("packaging")
    source = root / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_PACKAGED))
    target = root / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True, text=True,
    )
    return target


def _run_installed(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)


@pytest.mark.slow
def test_package_data_is_installed(installed: Path) -> None:
    package = installed / "graph"
    for relative in ("ontology/diplograph.ttl", "ontology/shapes.ttl",
                     "ontology/reference/roles.tsv", "assets/view.js", "assets/view.html"):
        assert (package / relative).is_file(), relative


@pytest.mark.slow
def test_installed_package_finds_its_ontology_outside_the_checkout(installed: Path,
                                                                 tmp_path: Path) -> None:
    probe = "import graph.vocab as v; print(v.__file__); print(v.ONTOLOGY_DIR)"
    run = _run_installed(installed, "-c", probe, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    module_file, ontology_dir = run.stdout.splitlines()
    assert Path(module_file).is_relative_to(installed)
    assert Path(ontology_dir) == installed / "graph" / "ontology"


@pytest.mark.slow
def test_installed_package_builds_the_seeds(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _run_installed(installed, "-m", "graph", "build", str(REPO / "seeds"), "--out",
                         str(out), "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "holdsRole" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert (out / "graph.html").is_file() and (out / "store").is_dir()


@pytest.mark.slow
def test_installed_metadata_names_the_licence_and_carries_its_text(installed: Path) -> None:
    (dist_info,) = installed.glob("diplograph-*.dist-info")
    metadata = (dist_info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in metadata.splitlines()
    licence_files = list(dist_info.rglob("LICENSE"))
    assert licence_files and "MIT License" in licence_files[0].read_text(encoding="utf-8")
