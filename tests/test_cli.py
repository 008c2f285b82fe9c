"""`diplograph build` and `python -m graph`: exit codes, one-line errors, the summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import __version__
from graph.cli import main
from graph.fsutil import build_lock

REPO = Path(__file__).resolve().parent.parent
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"


def _one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("diplograph: error: ")
    return lines[0]


def test_python_dash_m_graph_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "graph", "--version"], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.strip() == f"diplograph {__version__}"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build", "{tmp}/missing"], 2, "input not found: {tmp}/missing"),
        (["build", "{tmp}/empty_folder"], 2, "no readable articles in {tmp}/empty_folder"),
        (["build", str(BAD_INPUTS / "empty.txt")], 2, "empty file"),
        (["build", "--strict", str(BAD_INPUTS / "latin1.txt")], 2,
         "--strict: " + str(BAD_INPUTS / "latin1.txt") + ": not valid UTF-8"),
        (["build", "--strict", str(BAD_INPUTS / "binary.txt")], 2, "binary file"),
    ],
)
def test_unusable_input_gives_one_line_and_non_zero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    (tmp_path / "empty_folder").mkdir()
    out = tmp_path / "out"
    argv = [arg.format(tmp=tmp_path) for arg in args] + ["--out", str(out)]
    assert main(argv) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message.format(tmp=tmp_path) in _one_error_line(captured.err)
    assert not (out / "graph.ttl").exists()


def test_locked_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with build_lock(out):
        assert main(["build", str(BAD_INPUTS / "good.txt"), "--out", str(out)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert f"another build is writing {out} (lock held by pid {os.getpid()})" in line


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--workers", "many"])
    assert exit_info.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


@pytest.mark.slow
def test_build_prints_a_short_summary_and_no_progress_bar_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    inputs = [str(BAD_INPUTS / "good.txt"), str(BAD_INPUTS / "empty.txt")]
    assert main(["build", *inputs, "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # stderr is not a terminal here: no progress bar
    lines = captured.out.splitlines()
    assert lines[0] == f"  skipped {BAD_INPUTS / 'empty.txt'}: empty file"
    assert lines[1] == "Read 1 article, skipped 1."
    assert lines[2].startswith("Graph: ")
    assert str(out / "graph.ttl") in lines[3]
    assert lines[4].startswith("Done in ")
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["counts"]["articles"] == 1

    assert main(["build", inputs[0], "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.slow
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, and tqdm draws nothing in 0 columns.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(BAD_INPUTS / "good.txt"),
         "--out", str(tmp_path / "out")],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL, stderr=terminal,
    )
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closes when the build exits
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=300) == 0
    assert b"extracting" in seen
