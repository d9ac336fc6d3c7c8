"""The recommend command through run(args) with its own argparse parser."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pytest

from tests.localindex import FakeRelease, serve_index, write_index
from wizard.core import recommend_cli

STANDINS = Path(__file__).parent / "standins"


@pytest.fixture(autouse=True)
def _offline_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No network unless a test serves its own index on 127.0.0.1; the index cache under tmp_path."""
    monkeypatch.setenv("TORCH_WIZARD_OFFLINE", "1")
    monkeypatch.delenv("TORCH_WIZARD_INDEX_BASE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "cache"))


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
    assert data["variant"] == "rocm7.14" and data["device"] == "cuda"  # 2.14's ROCm (RELEASE.md, #194367)


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
    assert data["variant"] == "cu132"  # 2.15: the standard Linux wheel is CUDA 13.2, so it leads the line
    assert data["machine"]["python"].count(".") == 1


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = recommend_cli.run(parse("--os", "windows", "--python", "3.12"))
    out = capsys.readouterr().out
    assert code == 0
    assert "torch 2.15.0 (cpu)" in out and "https://download.pytorch.org/whl/cpu" in out and "Why:" in out
    assert "Versions: the wizard's own list (offline)" in out


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(SystemExit):
        parse("--python", "three")
    with pytest.raises(SystemExit):
        parse("--compute-capability", "sm_86")
    with pytest.raises(SystemExit):
        parse("--amd-gfx", "navi31")
    with pytest.raises(SystemExit):
        parse("--intel-gpu", "arc")
    with pytest.raises(SystemExit):
        parse("--macos-version", "sonoma")
    with pytest.raises(SystemExit):
        parse("--index-base", "ftp://mirror.example/whl/")
    assert parse("--intel-gpu", "56A0").intel_gpu == ["0x56a0"]


# Every case of issue 10, with --offline (the bundled data file; facts: shared/reference/torch-builds.md)
ISSUE_CASES = {
    "2.15-turing-580": (
        ["--os", "linux", "--python", "3.12", "--nvidia-driver", "580.95.05", "--compute-capability", "7.5"],
        ("2.15.0", "0.29.2", "cu132", None),
    ),
    "2.15-python-3.15": (["--os", "linux", "--python", "3.15"], ("2.15.0", "0.29.2", "cpu", None)),
    "2.15-cp315t": (["--os", "linux", "--python", "3.15t"], ("2.15.0", "0.29.2", "cpu", None)),
    "pascal-last-release": (
        ["--os", "windows", "--python", "3.12", "--nvidia-driver", "580.88", "--compute-capability", "6.1"],
        ("2.14.1", "0.29.1", "cu126", "last-release-gpu"),
    ),
    "maxwell-last-release": (
        ["--os", "linux", "--python", "3.12", "--nvidia-driver", "580.95.05", "--compute-capability", "5.2"],
        ("2.14.1", "0.29.1", "cu126", "last-release-gpu"),
    ),
    "volta-last-release": (
        ["--os", "linux", "--python", "3.12", "--nvidia-driver", "580.95.05", "--compute-capability", "7.0"],
        ("2.14.1", "0.29.1", "cu126", "last-release-gpu"),
    ),
    "python-3.10-last-release": (
        ["--os", "linux", "--python", "3.10"],
        ("2.14.1", "0.29.1", "cpu", "last-release-python"),
    ),
    "macos-13": (
        ["--os", "macos", "--python", "3.12", "--macos-version", "13.6"],
        ("2.11.0", "0.26.0", "cpu", "mps-needs-macos"),
    ),
    "macos-14": (
        ["--os", "macos", "--python", "3.12", "--macos-version", "14.2"],
        ("2.15.0", "0.29.2", "mps", None),
    ),
    "win-arm64-3.12": (
        ["--os", "windows", "--arch", "arm64", "--python", "3.12"],
        ("2.13.0", "0.28.0", "cpu", None),
    ),
    "win-arm64-3.14": (["--os", "windows", "--arch", "arm64", "--python", "3.14"], (None, None, None, None)),
    "linux-aarch64-gh200": (
        [
            "--os",
            "linux",
            "--arch",
            "arm64",
            "--python",
            "3.12",
            "--nvidia-driver",
            "580.95.05",
            "--compute-capability",
            "9.0",
        ],
        ("2.15.0", "0.29.2", "cu130", None),
    ),
    "jetson": (["--jetson", "--python", "3.10"], (None, None, None, "jetson")),
    "rocm-2.14": (
        ["--os", "linux", "--python", "3.12", "--amd-gfx", "gfx1100"],
        ("2.14.1", "0.29.1", "rocm7.14", None),
    ),
    "amd-windows": (
        ["--os", "windows", "--python", "3.12", "--amd-gfx", "gfx1201"],
        ("2.15.0", "0.29.2", "cpu", "amd-windows-wheels"),
    ),
    "intel-panther-lake": (
        ["--os", "windows", "--python", "3.12", "--intel-gpu", "0xb080"],
        ("2.15.0", "0.29.2", "xpu", None),
    ),
    "intel-meteor-lake-h": (
        ["--os", "linux", "--python", "3.12", "--intel-gpu", "0x7dd5"],
        ("2.15.0", "0.29.2", "xpu", None),
    ),
    "intel-meteor-lake-u": (
        ["--os", "linux", "--python", "3.12", "--intel-gpu", "0x7d45"],
        ("2.15.0", "0.29.2", "cpu", "intel-not-validated"),
    ),
    "free-threaded-3.13t": (["--os", "linux", "--python", "3.13t"], (None, None, None, None)),
    "python-3.9": (["--os", "linux", "--python", "3.9"], (None, None, None, None)),
    "driver-470": (
        ["--os", "linux", "--python", "3.12", "--nvidia-driver", "470.182.03", "--compute-capability", "8.6"],
        ("2.15.0", "0.29.2", "cpu", "old-driver-release"),
    ),
    "blackwell-575": (
        ["--os", "linux", "--python", "3.12", "--nvidia-driver", "575.64.03", "--compute-capability", "12.0"],
        ("2.11.0", "0.26.0", "cu128", None),
    ),
}


@pytest.mark.parametrize("case", list(ISSUE_CASES))
def test_offline_is_right_for_every_case_of_the_issue(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv, (torch, torchvision, variant, code) = ISSUE_CASES[case]
    rc, data = run_json(capsys, "--offline", *argv)
    assert (data["torch"], data["torchvision"], data["variant"]) == (torch, torchvision, variant), data
    assert rc == (0 if variant else 1)
    if code:
        assert code in [n["code"] for n in data["notices"]], data["notices"]
    assert data["release_data"]["source"] == "bundled" and data["release_data"]["reason"] == "offline"
    assert data["release_data"]["index_base"] == "https://download.pytorch.org/whl/"


def test_fallbacks_named_in_advice_are_real(capsys: pytest.CaptureFixture[str]) -> None:
    _rc, data = run_json(capsys, "--offline", *ISSUE_CASES["free-threaded-3.13t"][0])
    assert any("2.12.0" in a for a in data["alternatives"])
    _rc, data = run_json(capsys, "--offline", *ISSUE_CASES["python-3.9"][0])
    assert any("2.8.0" in a for a in data["alternatives"])
    _rc, data = run_json(capsys, "--offline", *ISSUE_CASES["driver-470"][0])
    assert any("2.7.1" in a and "11.8" in a for a in data["alternatives"])


def test_described_machine_json_has_the_new_fields(capsys: pytest.CaptureFixture[str]) -> None:
    _rc, data = run_json(
        capsys,
        "--offline",
        "--os",
        "linux",
        "--python",
        "3.12",
        "--intel-gpu",
        "0x56a0",
        "--intel-gpu",
        "0xe20b",
    )
    assert [g["pci_device"] for g in data["machine"]["gpus"]] == ["0x56a0", "0xe20b"]
    _rc, data = run_json(capsys, "--offline", "--jetson", "--python", "3.10")
    assert data["machine"]["jetson"] is True and data["machine"]["arch"] == "arm64"
    _rc, data = run_json(capsys, "--offline", "--os", "macos", "--macos-version", "13.6", "--python", "3.12")
    assert data["machine"]["macos_version"] == "13.6"


def test_index_base_reads_a_newer_release_from_the_index(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TORCH_WIZARD_OFFLINE")
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0"), FakeRelease("2.14.1", "0.29.1")])
    with serve_index(root) as base:
        _rc, data = run_json(capsys, "--index-base", base, "--os", "linux", "--python", "3.12")
        assert (data["torch"], data["torchvision"], data["index_url"]) == ("2.17.0", "0.32.0", base + "cpu")
        assert data["release_data"]["source"] == "index" and data["release_data"]["index_base"] == base
        assert data["release_data"]["fetched_at"].endswith("Z")
        # --offline wins over the index base: bundled data, no request
        _rc, data = run_json(capsys, "--offline", "--index-base", base, "--os", "linux", "--python", "3.12")
        assert data["torch"] == "2.15.0" and data["release_data"]["source"] == "bundled"
    # the environment variable names the index too
    with serve_index(root) as base:
        monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", base)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache2"))
        _rc, data = run_json(capsys, "--os", "windows", "--python", "3.13")
        assert data["torch"] == "2.17.0" and data["index_url"] == base + "cpu"


def test_unreachable_index_falls_back_and_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TORCH_WIZARD_OFFLINE")
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0")])
    with serve_index(root) as base:
        pass  # the server is gone: its port refuses connections
    _rc, data = run_json(capsys, "--index-base", base, "--os", "linux", "--python", "3.12")
    assert data["torch"] == "2.15.0" and data["release_data"]["source"] == "bundled"
    assert data["release_data"]["reason"]
    assert any("may be out of date" in w for w in data["warnings"])
    assert data["index_url"] == base + "cpu"  # the chosen mirror is still where pip will look
