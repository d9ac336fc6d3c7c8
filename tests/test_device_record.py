"""What a real GPU machine said (NVIDIA H200, driver 580.159.04, torch 2.11.0+cu130, Python 3.12), recorded
by tools/device_check.sh on 2026-11-27: the pages' parsers must read it, and the decision must match."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from wizard.core import builds, demorun, gpu, releases
from wizard.core.childio import DEMO_TAG, VERIFY_TAG, tagged_json
from wizard.core.resources import resource

RECORD = Path(__file__).parent / "fixtures" / "gpu" / "h200-device-run"


def tagged(name: str, tag: str) -> list[dict[str, object]]:
    lines = (RECORD / name).read_text(encoding="utf-8").splitlines()
    return [d for d in (tagged_json(line, tag) for line in lines) if d is not None]


def test_verify_reports_the_gpu() -> None:
    (info,) = tagged("verify.txt", VERIFY_TAG)
    assert info["ok"] and info["cuda_available"]
    assert info["devices"] == ["cpu", "cuda:0"]
    assert info["device_names"] == {"cpu": "CPU", "cuda:0": "NVIDIA H200"}


def test_demo_ran_on_cuda() -> None:
    events = {e["event"]: e for e in tagged("demo_cuda.txt", DEMO_TAG)}
    assert events["tensor_add"]["z"] == [5, 7, 9]
    assert events["tensor_add"]["device"] == "cuda:0"
    assert events["train_step"]["finite"] is True


def test_the_recorded_demo_reads_with_the_pages_parser() -> None:
    """The real lines, as recorded, through ``demorun.DemoRun`` (what the Demo page uses)."""
    run = demorun.DemoRun().feed_text((RECORD / "demo_cuda.txt").read_text(encoding="utf-8"))
    assert run.device == "cuda" and run.used_device == "cuda:0"
    assert run.z == [5, 7, 9]
    assert run.succeeded  # the one training step of that demo: finite, the loss went down
    step = run.events["train_step"]
    assert step["loss_after"] < step["loss"]
    if run.losses:  # recorded with today's demo: 100 steps that learned, and the GPU timed against the CPU
        assert len(run.losses) == 100 and run.learned
        assert run.speed_ratio is not None and run.speed_ratio > 1
    else:  # the demo of 2026-11-27: one training step, nothing timed
        assert run.speed_ratio is None and "fit" not in run.events


def _report_keys() -> dict[str, set[str]]:
    """For each ``report("event", key=...)`` call in resources/demo.py, the keys it writes."""
    tree = ast.parse(resource("demo.py").read_text(encoding="utf-8"))
    keys: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "report"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            keys.setdefault(str(node.args[0].value), set()).update(k.arg for k in node.keywords if k.arg)
    return keys


def test_demo_py_still_writes_every_field_the_recording_has() -> None:
    """A change to demo.py's reporting format that drops or renames a recorded field fails here."""
    written = _report_keys()
    for event in tagged("demo_cuda.txt", DEMO_TAG):
        name = str(event["event"])
        assert name in written, f"demo.py no longer reports {name!r}"
        assert set(event) - {"event"} <= written[name], (name, set(event) - {"event"} - written[name])
    # and the converted recording's new lines are what demo.py writes today, field for field
    for event in tagged("demo_cuda_converted.txt", DEMO_TAG):
        name = str(event["event"])
        if name in ("progress", "fit", "speed"):
            assert set(event) - {"event"} == written[name], name


def test_the_converted_recording_keeps_the_real_lines() -> None:
    """demo_cuda_converted.txt: the real recorded lines, unchanged and in order, with the lines of today's
    demo (100 training steps, the fit, the CPU-vs-GPU timing) composed between them. The progress and fit
    numbers are those of this demo on a CPU (torch 2.13.0); the timing is composed in the recorded format
    (H200 vs. a 16-core CPU). Replace it with a real run of tools/device_check.sh when a GPU is lent."""
    real = (RECORD / "demo_cuda.txt").read_text(encoding="utf-8").splitlines()
    if any('"event": "progress"' in line for line in real):
        pytest.skip("demo_cuda.txt was recorded with today's demo: demo_cuda_converted.txt can be deleted")
    converted = (RECORD / "demo_cuda_converted.txt").read_text(encoding="utf-8").splitlines()
    it = iter(converted)
    assert all(any(line == c for c in it) for line in real)  # a subsequence: nothing real was changed
    run = demorun.DemoRun().feed_text("\n".join(converted))
    assert run.succeeded and run.learned and len(run.losses) == 100
    assert run.speed_ratio is not None and demorun.speed_words(run.speed_ratio) == "114×"


def test_decision_from_the_recorded_nvidia_smi_matches_the_device_run() -> None:
    gpus = gpu.parse_nvidia_smi_csv((RECORD / "nvidia_smi_query.csv").read_text(encoding="utf-8"))
    assert [g.compute_capability for g in gpus] == ["9.0"]
    machine = builds.Machine(
        os="linux", arch="x86_64", python=(3, 12), gpus=tuple(gpus), nvidia_driver=gpus[0].driver_version
    )
    rec = builds.recommend(machine, releases.load())
    recorded = json.loads((RECORD / "recommend.json").read_text(encoding="utf-8"))
    # Recorded with the release data of then (torch 2.14.1): cu130, and a cu130 torch ran the demo on cuda.
    assert (
        recorded["variant"] == "cu130" and recorded["index_url"] == "https://download.pytorch.org/whl/cu130"
    )
    # Newer release data may pick a newer CUDA line; the build that really ran must still count as one that
    # runs here, and the pick must be a CUDA build for this GPU, never the CPU build.
    assert rec.device == "cuda" and rec.variant is not None and rec.variant.startswith("cu")
    assert rec.index_url == f"https://download.pytorch.org/whl/{rec.variant}"
    runs = {c.variant: c.runs_here for c in rec.choices}
    assert runs.get(recorded["variant"]) is True
