"""resources/demo.py for real (with the CPU torch 2.13.0 wheel in a venv), mutated demos that must fail, the
parser that decides success on its own, the lesson parts shown to the learner, and the Demo page drawing the
loss curve from the lines a run prints."""

from __future__ import annotations

import itertools
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wizard.core import demorun
from wizard.core.resources import resource

DEMO = resource("demo.py")
RECORD = Path(__file__).parent / "fixtures" / "gpu" / "h200-device-run"


# -- a venv with the real CPU torch -----------------------------------------------------------------
@pytest.fixture(scope="module")
def torch_python(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[str]:
    """The Python of a venv with torch 2.13.0 (CPU) from the test wheel folder; removed afterwards.
    $WIZARD_TEST_TORCH_PYTHON names an existing one instead (quicker when running this file alone)."""
    given = os.environ.get("WIZARD_TEST_TORCH_PYTHON")
    if given:
        yield given
        return
    wheels: Path = request.getfixturevalue("torch_wheels")  # skips with its reason when no wheel can be had
    if not any(wheels.glob("torch-*+cpu-*.whl")) and not any(wheels.glob("torch-*.whl")):
        pytest.skip(f"no CPU torch wheel in {wheels}")
    root = tmp_path_factory.mktemp("demo-torch")
    env = root / "venv"
    from tests.conftest import base_python

    child = {**os.environ, "PYTHONUTF8": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([base_python(), "-m", "venv", str(env)], check=True, timeout=300, env=child)
    py = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    r = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels), "torch"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=900,
        env=child,
    )
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"torch would not install from {wheels}: {r.stderr[-400:]}")
    yield str(py)
    shutil.rmtree(root, ignore_errors=True)  # ~700 MB: not left for pytest's three kept runs


def run_demo(python: str, script: Path, *args: str) -> tuple[int, demorun.DemoRun, str]:
    r = subprocess.run(
        [python, str(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    run = demorun.DemoRun().feed_text(r.stdout)
    return r.returncode, run, r.stdout + r.stderr


def mutated(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """demo.py with one planted bug (the text must be there, so a renamed line fails loudly here)."""
    text = DEMO.read_text(encoding="utf-8")
    assert text.count(old) == count, f"demo.py no longer contains {old!r} {count} time(s)"
    target = tmp_path / "demo.py"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


TRAIN_STEP = "        loss.backward()\n        optimizer.step()\n        optimizer.zero_grad()\n"


# -- the real demo ------------------------------------------------------------------------------------
def test_the_demo_really_trains_on_the_cpu(torch_python: str) -> None:
    rc, run, out = run_demo(torch_python, DEMO, "--device", "cpu")
    assert rc == 0, out
    assert run.succeeded, (run.failure, out)
    assert run.z == [5, 7, 9] and run.used_device == "cpu"
    assert [s for s, _ in run.losses] == list(range(1, 101))
    losses = [v for _, v in run.losses]
    assert all(math.isfinite(v) for v in losses)
    assert losses[-1] < 0.05 * losses[0]  # the loss really goes down, a lot
    assert sum(b < a for a, b in itertools.pairwise(losses)) >= 90  # and nearly every step lowers it
    step = run.events["train_step"]
    assert step["loss_after"] < step["loss"]  # one step already helps
    assert run.fit is not None
    w, b = run.fit
    assert abs(w - 2.0) < 0.1 and abs(b - 1.0) < 0.1  # it found the line y = 2x + 1
    assert run.events["fit"]["seconds"] < 3.0  # the 100 steps are quick on a CPU
    assert "speed" not in run.events  # nothing to compare on a CPU-only run
    assert "x + y = [5, 7, 9]" in out and "learned: y = 2.00 x + 1.00" in out


def test_the_speed_comparison_reports_a_ratio(torch_python: str) -> None:
    """The CPU timed against itself (--compare): the same code a GPU run takes, the same line format."""
    rc, run, out = run_demo(torch_python, DEMO, "--device", "cpu", "--compare")
    assert rc == 0 and run.succeeded, out
    speed = run.events["speed"]
    assert speed["size"] == 2048 and speed["device"] == "cpu"
    assert speed["cpu_ms"] > 0 and speed["device_ms"] > 0
    ratio = run.speed_ratio
    assert ratio is not None and 0.1 < ratio < 10  # the CPU against itself: about the same


@pytest.mark.parametrize(
    "bug",
    [
        # gradients wiped between backward() and step(): the update does nothing, the loss stays
        (TRAIN_STEP, "        loss.backward()\n        optimizer.zero_grad()\n        optimizer.step()\n"),
        # no zero_grad at all in the loop: gradients pile up, training goes wrong
        (TRAIN_STEP, "        loss.backward()\n        optimizer.step()\n"),
    ],
    ids=["zero_grad-before-step", "no-zero_grad"],
)
def test_a_demo_whose_training_is_broken_fails(
    torch_python: str, tmp_path: Path, bug: tuple[str, str]
) -> None:
    rc, run, out = run_demo(torch_python, mutated(tmp_path, *bug), "--device", "cpu")
    assert rc != 0, out
    assert not run.succeeded
    assert run.failure in (demorun.NOT_LEARNING, demorun.NOT_FINITE), out


def test_zero_grad_before_step_is_caught_by_the_parser_alone(torch_python: str, tmp_path: Path) -> None:
    """The demo's own check removed as well: the wizard's reading of the lines still sees no learning."""
    script = mutated(
        tmp_path,
        TRAIN_STEP,
        "        loss.backward()\n        optimizer.zero_grad()\n        optimizer.step()\n",
    )
    text = script.read_text(encoding="utf-8")
    assert text.count("if not last < 0.1 * first:") == 1
    text = text.replace("if not last < 0.1 * first:", "if False:")
    script.write_text(text, encoding="utf-8")
    rc, run, out = run_demo(torch_python, script, "--device", "cpu")
    assert rc == 0 and "done" in run.events, out  # the script itself now claims success ...
    assert run.losses[0][1] == run.losses[-1][1]  # ... while the loss never moved
    assert run.failure == demorun.NOT_LEARNING  # ... and the wizard does not believe it


def test_a_nan_loss_is_a_failure(torch_python: str, tmp_path: Path) -> None:
    """A learning rate far too big: the numbers blow up to infinity and NaN within a few steps."""
    script = mutated(tmp_path, "lr=0.1)", "lr=1e30)")
    rc, run, out = run_demo(torch_python, script, "--device", "cpu")
    assert rc != 0, out
    assert run.failure == demorun.NOT_FINITE
    assert run.events["failure"]["code"] == "not_finite"


def test_tensors_must_be_on_the_chosen_device(torch_python: str, tmp_path: Path) -> None:
    """Tensors made without ``device=``, run with ``--device meta`` (a device every torch has): they land on
    the CPU, and that is a failure, not a success."""
    script = mutated(
        tmp_path,
        "x = torch.tensor([1, 2, 3], device=device)",
        "x = torch.tensor([1, 2, 3])",
    )
    script.write_text(
        script.read_text(encoding="utf-8").replace(
            "y = torch.tensor([4, 5, 6], device=device)", "y = torch.tensor([4, 5, 6])"
        ),
        encoding="utf-8",
    )
    rc, run, out = run_demo(torch_python, script, "--device", "meta")
    assert rc != 0, out
    assert run.failure == demorun.WRONG_DEVICE
    assert run.events["tensor_add"]["device"] == "cpu"


def test_a_device_that_does_not_work_is_an_error_not_a_success(torch_python: str) -> None:
    rc, run, _out = run_demo(torch_python, DEMO, "--device", "cuda")  # a CPU-only torch has no CUDA
    assert rc != 0
    assert run.failure == demorun.ERROR
    assert run.events["error"]["message"]


# -- the parser, from lines ---------------------------------------------------------------------------
def lines(*events: dict[str, Any]) -> str:
    import json

    return "\n".join(f"{demorun.DEMO_TAG} {json.dumps(e)}" for e in events)


START = {"event": "start", "device": "cpu", "python": "3.11.7"}
ADD = {"event": "tensor_add", "x": [1, 2, 3], "y": [4, 5, 6], "z": [5, 7, 9], "device": "cpu"}
STEP = {"event": "train_step", "loss": 2.6, "loss_after": 2.1, "finite": True, "device": "cpu"}
DONE = {"event": "done", "torch": "2.13.0+cpu", "ok": True}


def progress(values: list[Any]) -> list[dict[str, Any]]:
    return [
        {"event": "progress", "step": i + 1, "loss": v, "steps": len(values)} for i, v in enumerate(values)
    ]


def test_parser_accepts_a_run_that_learned() -> None:
    run = demorun.DemoRun().feed_text(lines(START, ADD, STEP, *progress([2.0, 1.0, 0.1]), DONE))
    assert run.succeeded and run.learned and run.device == "cpu"


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ([2.0, 2.0, 2.0], demorun.NOT_LEARNING),
        ([2.0, 1.5, 0.8], demorun.NOT_LEARNING),  # down, but not to a tenth
        ([2.0, "nan", 0.1], demorun.NOT_FINITE),
        ([2.0, 1.0, "inf"], demorun.NOT_FINITE),
    ],
)
def test_parser_fails_a_run_that_did_not_learn_even_when_it_says_done(values: list[Any], code: str) -> None:
    run = demorun.DemoRun().feed_text(lines(START, ADD, STEP, *progress(values), DONE))
    assert run.failure == code


def test_parser_sees_the_wrong_device_and_a_missing_end() -> None:
    on_cpu = {**ADD, "device": "cpu"}
    assert demorun.DemoRun(device="cuda").feed_text(lines(on_cpu, STEP, DONE)).failure == demorun.WRONG_DEVICE
    assert (
        demorun.DemoRun(device="cuda:0").feed_text(lines({**ADD, "device": "cuda:0"}, STEP, DONE)).succeeded
    )
    assert demorun.DemoRun().feed_text(lines(START, ADD, STEP)).failure == demorun.INCOMPLETE
    assert (
        demorun.DemoRun().feed_text(lines(START, ADD, {**STEP, "finite": False}, DONE)).failure
        == "not_finite"
    )
    err = {"event": "error", "error_type": "RuntimeError", "message": "boom"}
    assert demorun.DemoRun().feed_text(lines(START, err)).failure == demorun.ERROR


def test_device_matching() -> None:
    assert demorun.device_matches("cuda", "cuda:0")
    assert demorun.device_matches("cuda:1", "cuda:1")
    assert not demorun.device_matches("cuda:1", "cuda:0")
    assert not demorun.device_matches("cuda", "cpu")
    assert demorun.device_matches("mps", "mps:0")


def test_speed_words() -> None:
    assert demorun.speed_words(38.4) == "38×"
    assert demorun.speed_words(1.62) == "1.6×"
    run = demorun.DemoRun().feed_text(lines({"event": "speed", "cpu_ms": 40.0, "device_ms": 0.5}))
    assert run.speed_ratio == pytest.approx(80.0)
    assert (
        demorun.DemoRun().feed_text(lines({"event": "speed", "cpu_ms": 40.0, "device_ms": 0})).speed_ratio
        is None
    )


# -- the lesson as shown --------------------------------------------------------------------------------
def test_lesson_parts_are_the_code_that_runs_without_the_wizard_lines() -> None:
    parts = dict(demorun.lesson_parts(DEMO.read_text(encoding="utf-8"), "cuda"))
    assert list(parts) == ["device", "tensors", "data", "model", "one_step", "training", "speed"]
    assert set(parts) <= set(demorun.PART_CONCEPTS)
    shown = "\n".join(parts.values())
    assert "wizard." not in shown and "report(" not in shown and "WIZARD-DEMO" not in shown
    assert 'device = torch.device("cuda")' in shown
    assert "x = torch.tensor([1, 2, 3], device=device)" in parts["tensors"]
    assert "loss.backward()" in parts["one_step"] and "optimizer.zero_grad()" in parts["training"]
    # every shown line is a line of demo.py (nothing is invented for display)
    source_lines = {line.strip() for line in DEMO.read_text(encoding="utf-8").splitlines()}
    for line in shown.replace('torch.device("cuda")', "torch.device(device_name)").splitlines():
        assert line.strip() in source_lines, line


@pytest.mark.parametrize("name", ["demo.py", "first_model.py"])
def test_the_scripts_keep_to_python_3_8_syntax(name: str) -> None:
    """They run with the new environment's Python, which may be as old as 3.8."""
    import ast

    ast.parse(resource(name).read_text(encoding="utf-8"), feature_version=(3, 8))


def test_every_concept_has_an_explanation() -> None:
    for concepts in demorun.PART_CONCEPTS.values():
        for concept in concepts:
            title, sentence = demorun.concept_text(concept)
            assert title and sentence.endswith("."), concept
    wanted = {"tensor", "device", "model", "loss", "backward", "step", "zero_grad"}
    assert wanted <= {c for cs in demorun.PART_CONCEPTS.values() for c in cs}


def test_every_comment_of_the_lesson_and_of_first_model_has_a_translation() -> None:
    table = demorun.comment_texts()
    shown = "\n".join(code for _n, code in demorun.lesson_parts(DEMO.read_text(encoding="utf-8")))
    lesson_file = resource("first_model.py").read_text(encoding="utf-8")
    body = lesson_file.split('"""', 2)[2]  # after the docstring
    for text in demorun.comments(shown) + demorun.comments(body):
        assert text in table, f"comment without a translation entry: {text!r}"


def test_comments_are_replaced_outside_strings_only() -> None:
    code = 'print("a # b")  # the same "random" numbers every time\nx = 1'
    assert demorun.split_comment('print("a # b")') is None
    assert demorun.comments(code) == ['the same "random" numbers every time']
    assert demorun.translate_comments(code).splitlines()[1] == "x = 1"


# -- the page ------------------------------------------------------------------------------------------
@pytest.fixture
def page(qtbot: Any) -> Any:
    from wizard.gui.page_demo import DemoPage

    p = DemoPage()
    qtbot.addWidget(p)
    p.resize(800, 900)
    p.show()
    return p


def test_page_draws_the_curve_from_a_recorded_run(page: Any) -> None:
    page.device.addItem("cuda:0 — NVIDIA H200", "cuda:0")
    page.device.setCurrentIndex(page.device.count() - 1)
    page.show_recorded((RECORD / "demo_cuda_converted.txt").read_text(encoding="utf-8"))
    assert page.succeeded and page.isComplete()
    assert len(page.curve.points) == 100
    page.curve.finish_animation()
    pts = page.curve.polyline()
    assert len(pts) == 100
    assert (
        pts[-1].y() > pts[0].y() + page.curve.plot_rect().height() * 0.9
    )  # high loss on top, low at the bottom
    assert all(b.x() > a.x() for a, b in itertools.pairwise(pts))
    image = page.curve.grab().toImage()
    orange = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 120
    )
    assert orange > 40  # the curve is really painted
    text = page.result.text()
    assert "[5, 7, 9]" in text and "cuda:0" in text
    assert "y = 2.00x + 1.00" in text
    assert "Your GPU did this 114× faster than the CPU" in text
    assert "CPU or GPU?" in page.code.toPlainText()  # the timing code is shown when it ran


def test_page_shows_the_lesson_with_explanations_on_cpu(page: Any) -> None:
    page.show_recorded(
        (RECORD / "demo_cuda.txt")
        .read_text(encoding="utf-8")
        .replace("cuda:0", "cpu")
        .replace('"device": "cuda"', '"device": "cpu"')
    )
    code = page.code.toPlainText()
    assert "x = torch.tensor([1, 2, 3]" in code and 'torch.device("cpu")' in code
    for word in ("Tensor", "Device", "Model", "Loss", "backward()", "Optimizer step", "zero_grad()"):
        assert word in code
    assert "CPU or GPU?" not in code  # nothing was timed on a CPU
    assert "wizard." not in code
    assert page.succeeded  # an old-format run (one step, no training) still reads


def test_page_says_why_a_nan_run_failed(page: Any) -> None:
    page.show_recorded(
        lines(
            START,
            ADD,
            STEP,
            *progress([2.0, "nan"]),
            {"event": "failure", "code": "not_finite", "step": 2, "loss": "nan"},
        ),
        exit_code=1,
    )
    assert not page.succeeded
    assert "NaN" in page.result.text() and "step 2" in page.result.text()


def test_page_fails_a_run_that_says_done_but_did_not_learn(page: Any) -> None:
    page.show_recorded(lines(START, ADD, STEP, *progress([2.0, 2.0, 2.0]), DONE))
    assert page.failure == demorun.NOT_LEARNING
    assert "did not make the loss smaller" in page.result.text()


def test_page_runs_the_real_demo_and_draws_it_live(qtbot: Any, page: Any, torch_python: str) -> None:
    seen: list[int] = []
    page.runner.line.connect(lambda _t: seen.append(len(page.curve.points)))
    with qtbot.waitSignal(page.runner.finished, timeout=300000):
        page.start([torch_python, str(DEMO), "--device", "cpu"])
        assert "Running" in page.result.text()
    assert page.succeeded, page.result.text()
    assert len(page.curve.points) == 100
    assert 0 < seen.index(50) < len(seen) - 1  # points arrived while the run was still printing
    qtbot.waitUntil(lambda: page.curve.shown == 100, timeout=5000)  # the reveal catches up by itself
    assert "learned: y = 2.00 x + 1.00" in page.output.toPlainText()


def test_the_saved_lesson_file_runs_and_learns(torch_python: str, tmp_path: Path) -> None:
    """first_model.py as the Finish page saves it: plain output for a learner, the same result as the demo."""
    from wizard.core import handoff

    lesson = tmp_path / "first_model.py"
    lesson.write_text(handoff.lesson_file_text("cpu", torch_python), encoding="utf-8")
    r = subprocess.run(
        [torch_python, str(lesson)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        env={**os.environ, "PYTHONUTF8": "1"},
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr
    assert "x + y = [5, 7, 9]" in r.stdout and "learned: y = 2.00 x + 1.00" in r.stdout
    assert demorun.DEMO_TAG not in r.stdout  # nothing machine-readable in the learner's own file
