"""What a real GPU machine said (NVIDIA H200, driver 580.159.04, torch 2.11.0+cu130, Python 3.12), recorded
by tools/device_check.sh on 2026-11-27: the pages' parsers must read it, and the decision must match."""

from __future__ import annotations

import json
from pathlib import Path

from wizard.core import builds, gpu, releases
from wizard.core.childio import DEMO_TAG, VERIFY_TAG, tagged_json

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


def test_decision_from_the_recorded_nvidia_smi_matches_the_device_run() -> None:
    gpus = gpu.parse_nvidia_smi_csv((RECORD / "nvidia_smi_query.csv").read_text(encoding="utf-8"))
    assert [g.compute_capability for g in gpus] == ["9.0"]
    machine = builds.Machine(
        os="linux", arch="x86_64", python=(3, 12), gpus=tuple(gpus), nvidia_driver=gpus[0].driver_version
    )
    rec = builds.recommend(machine, releases.load())
    recorded = json.loads((RECORD / "recommend.json").read_text(encoding="utf-8"))
    assert rec.variant == recorded["variant"] == "cu130"
    assert rec.index_url == recorded["index_url"] == "https://download.pytorch.org/whl/cu130"
    assert rec.device == "cuda"
