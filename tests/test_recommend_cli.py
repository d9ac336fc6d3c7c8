"""The recommend command through run(args) with its own argparse parser."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pytest

from wizard.core import recommend_cli

STANDINS = Path(__file__).parent / "standins"


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    recommend_cli.add_arguments(parser)
    return parser.parse_args(list(argv))


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = recommend_cli.run(parse("--json", *argv))
    return code, json.loads(capsys.readouterr().out)


KEYS = {
    "torch",
    "torchvision",
    "variant",
    "index_url",
    "reasons",
    "warnings",
    "alternatives",
    "device",
    "download_mb",
}


def test_described_nvidia_machine(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(
        capsys,
        "--os",
        "linux",
        "--arch",
        "x86_64",
        "--python",
        "3.12",
        "--nvidia-driver",
        "575.64.03",
        "--compute-capability",
        "8.6",
    )
    assert code == 0 and set(data) >= KEYS
    assert (data["variant"], data["device"], data["index_url"]) == (
        "cu126",
        "cuda",
        "https://download.pytorch.org/whl/cu126",
    )
    assert data["machine"]["gpus"][0]["compute_capability"] == "8.6"
    assert data["hardware"] is None
    assert data["pip_args"][:3] == ["install", "torch==2.14.1", "torchvision==0.29.1"]


def test_several_gpus_and_amd(capsys: pytest.CaptureFixture[str]) -> None:
    _code, data = run_json(
        capsys,
        "--os",
        "windows",
        "--python",
        "3.12",
        "--nvidia-driver",
        "580.88",
        "--compute-capability",
        "6.1",
        "--compute-capability",
        "8.6",
    )
    assert data["variant"] == "cu126" and len(data["machine"]["gpus"]) == 2
    _code, data = run_json(capsys, "--os", "linux", "--python", "3.12", "--amd-gfx", "gfx1100")
    assert data["variant"] == "rocm7.2" and data["device"] == "cuda"


def test_macos_defaults_to_apple_silicon(capsys: pytest.CaptureFixture[str]) -> None:
    _code, data = run_json(capsys, "--os", "macos", "--python", "3.12")
    assert (data["variant"], data["index_url"], data["device"]) == ("mps", None, "mps")
    code, data = run_json(capsys, "--os", "macos", "--arch", "x86_64", "--python", "3.13")
    assert code == 1 and data["variant"] is None and data["warnings"]


def test_free_threaded_and_32_bit(capsys: pytest.CaptureFixture[str]) -> None:
    _code, data = run_json(capsys, "--os", "linux", "--python", "3.13t")
    assert data["variant"] is None and data["machine"]["free_threaded"] is True
    _code, data = run_json(capsys, "--os", "windows", "--arch", "x86", "--python", "3.12")
    assert data["variant"] is None


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-ins are #! scripts")
def test_detects_this_machine_with_standins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(STANDINS) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("STANDIN_NVIDIA_GPUS", "3060")
    monkeypatch.setenv("STANDIN_NVIDIA_DRIVER", "580.95.05")
    monkeypatch.setattr(recommend_cli.sys, "platform", "linux")
    monkeypatch.setattr(recommend_cli._platform, "machine", lambda: "x86_64")
    code, data = run_json(capsys)
    assert code == 0 and set(data) >= KEYS
    assert data["hardware"]["nvidia_state"] == "ok"
    assert data["variant"] == "cu130"
    assert data["machine"]["python"].count(".") == 1


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = recommend_cli.run(parse("--os", "windows", "--python", "3.12"))
    out = capsys.readouterr().out
    assert code == 0
    assert "torch 2.14.1 (cpu)" in out and "https://download.pytorch.org/whl/cpu" in out and "Why:" in out


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(SystemExit):
        parse("--python", "three")
    with pytest.raises(SystemExit):
        parse("--compute-capability", "sm_86")
    with pytest.raises(SystemExit):
        parse("--amd-gfx", "navi31")
