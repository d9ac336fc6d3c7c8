"""Hardware detection: parsers on recorded outputs, detect_hardware with stand-in tools."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from wizard.core.gpu import (
    Gpu,
    detect_hardware,
    gfx_from_target_version,
    normalize_arch,
    normalize_os,
    parse_kfd_properties,
    parse_nvcc_version,
    parse_nvidia_smi_csv,
    parse_nvidia_smi_version,
    parse_proc_driver_version,
    parse_rocm_agent_enumerator,
    parse_rocminfo,
    parse_win_video_controllers,
)

HERE = Path(__file__).parent
FIX = HERE / "fixtures" / "gpu"
STANDINS = HERE / "standins"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-ins are #! scripts")


def fixture(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


# ---- parsers -----------------------------------------------------------------------------


def test_parse_nvidia_smi_one_gpu_recorded() -> None:
    (gpu,) = parse_nvidia_smi_csv(fixture("nvidia_smi_query_h200_580.csv"))
    assert gpu == Gpu("nvidia", "NVIDIA H200", 143771, "9.0", "580.159.04")
    # the same query without nounits keeps "MiB"
    assert parse_nvidia_smi_csv(fixture("nvidia_smi_query_units_h200_580.csv")) == (gpu,)
    assert gpu.to_json()["compute_capability"] == "9.0"


def test_parse_nvidia_smi_several_gpus_and_header() -> None:
    gpus = parse_nvidia_smi_csv(fixture("nvidia_smi_query_two_gpus.csv"))
    assert [(g.name, g.compute_capability, g.memory_mb) for g in gpus] == [
        ("NVIDIA GeForce GTX 1060 6GB", "6.1", 6144),
        ("NVIDIA GeForce RTX 3060", "8.6", 12288),
    ]
    with_header = "name, driver_version, memory.total [MiB], compute_cap\n" + fixture(
        "nvidia_smi_query_two_gpus.csv"
    )
    assert parse_nvidia_smi_csv(with_header) == gpus


def test_parse_nvidia_smi_odd_values() -> None:
    text = "Weird, Name, GPU, 550.54.14, [N/A], [N/A]\n\nNo devices were found\n"
    (gpu,) = parse_nvidia_smi_csv(text)
    assert gpu.name == "Weird, Name, GPU" and gpu.memory_mb is None and gpu.compute_capability is None
    assert parse_nvidia_smi_csv(fixture("nvidia_smi_failed.txt")) == ()


def test_parse_driver_version_files_recorded() -> None:
    assert parse_proc_driver_version(fixture("proc_driver_nvidia_version_580.txt")) == "580.159.04"
    assert parse_proc_driver_version(fixture("sys_module_nvidia_version_580.txt")) == "580.159.04"
    legacy = (
        "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.183.01  Sun May 12 19:39:15 UTC 2024\n"
        "GCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)\n"
    )
    assert parse_proc_driver_version(legacy) == "535.183.01"
    assert parse_proc_driver_version("") is None


def test_parse_nvidia_smi_version_recorded() -> None:
    assert parse_nvidia_smi_version(fixture("nvidia_smi_version_580.txt")) == ("580.159.04", "13.0")


def test_parse_nvcc_version_recorded() -> None:
    assert parse_nvcc_version(fixture("nvcc_version_13.0.txt")) == "13.0"
    assert parse_nvcc_version("Cuda compilation tools, release 12.8, V12.8.93") == "12.8"
    assert parse_nvcc_version("garbage") is None


def test_parse_rocminfo_recorded() -> None:
    (gpu,) = parse_rocminfo(fixture("rocminfo_gfx1100_rocm6.4.1.txt"))
    assert (gpu.vendor, gpu.arch, gpu.name, gpu.memory_mb) == ("amd", "gfx1100", "Radeon RX 7900 GRE", 16368)


def test_parse_rocm_agent_enumerator_and_kfd() -> None:
    assert parse_rocm_agent_enumerator(fixture("rocm_agent_enumerator.txt")) == ("gfx1100",)
    assert parse_kfd_properties(fixture("kfd_gpu_properties.txt")) == "gfx1100"
    assert parse_kfd_properties("cpu_cores_count 16\ngfx_target_version 0\n") is None
    assert [gfx_from_target_version(v) for v in (90010, 90402, 100300, 120001)] == [
        "gfx90a",
        "gfx942",
        "gfx1030",
        "gfx1201",
    ]


def test_parse_win_video_controllers() -> None:
    text = (
        "Intel(R) Arc(TM) A770 Graphics|PCI\\VEN_8086&DEV_56A0&SUBSYS_10208086&REV_08\\6&1\r\n"
        "AMD Radeon RX 7900 XTX|PCI\\VEN_1002&DEV_744C&SUBSYS_0E3B1002&REV_C8\\6&2\r\n"
        "Microsoft Remote Display Adapter|SWD\\REMOTEDISPLAYENUM\\1\r\n"
    )
    assert parse_win_video_controllers(text) == (
        ("0x8086", "0x56a0", "Intel(R) Arc(TM) A770 Graphics"),
        ("0x1002", "0x744c", "AMD Radeon RX 7900 XTX"),
    )


def test_normalize() -> None:
    assert [normalize_os(x) for x in ("win32", "darwin", "linux")] == ["windows", "macos", "linux"]
    assert [normalize_arch(x) for x in ("AMD64", "aarch64", "arm64", "i686")] == [
        "x86_64",
        "arm64",
        "arm64",
        "x86",
    ]


# ---- detect_hardware with stand-ins --------------------------------------------------------


def standin_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STANDIN_")}
    env["PATH"] = str(STANDINS) + os.pathsep + os.environ.get("PATH", "")
    env.update(extra)
    return env


def fake_root(
    tmp_path: Path,
    *,
    driver: str | None = None,
    cards: dict[str, tuple[str, str, str]] | None = None,
    kfd: dict[str, str] | None = None,
) -> Path:
    root = tmp_path / "root"
    if driver:
        (root / "sys/module/nvidia").mkdir(parents=True)
        (root / "sys/module/nvidia/version").write_text(driver + "\n")
    for card, (vendor, device, klass) in (cards or {}).items():
        d = root / "sys/class/drm" / card / "device"
        d.mkdir(parents=True)
        (d / "vendor").write_text(vendor + "\n")
        (d / "device").write_text(device + "\n")
        (d / "class").write_text(klass + "\n")
    for node, props in (kfd or {}).items():
        d = root / "sys/class/kfd/kfd/topology/nodes" / node
        d.mkdir(parents=True)
        (d / "properties").write_text(props)
    root.mkdir(exist_ok=True)
    return root


@posix_only
def test_standins_are_executable() -> None:
    for name in ("nvidia-smi", "rocminfo", "rocm_agent_enumerator"):
        path = STANDINS / name
        assert os.access(path, os.X_OK)
        assert path.read_text().startswith("#!/usr/bin/env python3")


@posix_only
def test_detect_two_nvidia_gpus(tmp_path: Path) -> None:
    env = standin_env(STANDIN_NVIDIA_GPUS="1060;3060", STANDIN_NVIDIA_DRIVER="580.95.05")
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=fake_root(tmp_path))
    assert report.nvidia_state == "ok"
    assert report.nvidia_driver == "580.95.05" and report.nvidia_cuda_max == "13.0"
    assert [g.compute_capability for g in report.gpus] == ["6.1", "8.6"]
    data = report.to_json()
    assert data["gpus"][1]["name"] == "NVIDIA GeForce RTX 3060"
    assert set(data) >= {
        "os",
        "arch",
        "gpus",
        "nvidia_driver",
        "nvidia_cuda_max",
        "nvidia_state",
        "cuda_toolkit",
        "notes",
    }


@posix_only
def test_detect_driver_not_responding(tmp_path: Path) -> None:
    env = standin_env(STANDIN_NVIDIA_FAIL="1")
    root = fake_root(tmp_path, driver="580.95.05")
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=root)
    assert report.nvidia_state == "driver-not-responding"
    assert report.gpus == () and report.nvidia_driver == "580.95.05"
    assert any("580.95.05" in n and "Restart" in n for n in report.notes)


@posix_only
def test_detect_no_devices_is_absent(tmp_path: Path) -> None:
    report = detect_hardware(env=standin_env(), platform="linux", machine="x86_64", root=fake_root(tmp_path))
    assert report.nvidia_state == "absent" and report.gpus == ()


def test_detect_smi_missing_and_no_driver(tmp_path: Path) -> None:
    env = {"PATH": str(tmp_path / "empty")}
    root = fake_root(tmp_path, driver="575.64.03")
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=root)
    assert (report.nvidia_state, report.nvidia_driver) == ("smi-missing", "575.64.03")
    root2 = fake_root(tmp_path / "b", cards={"card0": ("0x10de", "0x2504", "0x030000")})
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=root2)
    assert report.nvidia_state == "no-driver" and report.notes


@posix_only
def test_detect_hang_honours_timeout(tmp_path: Path) -> None:
    env = standin_env(STANDIN_NVIDIA_GPUS="3060", STANDIN_NVIDIA_HANG="30")
    start = time.monotonic()
    report = detect_hardware(
        env=env, platform="linux", machine="x86_64", root=fake_root(tmp_path), timeout=1.0
    )
    assert time.monotonic() - start < 8
    assert report.nvidia_state == "driver-not-responding" and report.gpus == ()
    assert any("no answer" in d for d in report.details)


@posix_only
def test_detect_amd_with_rocm_tools(tmp_path: Path) -> None:
    env = standin_env(STANDIN_AMD_GFX="gfx1100")
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=fake_root(tmp_path))
    amd = [g for g in report.gpus if g.vendor == "amd"]
    assert [(g.arch, g.name) for g in amd] == [("gfx1100", "Radeon RX 7900 XTX")]


def test_detect_amd_from_kfd_without_rocm(tmp_path: Path) -> None:
    root = fake_root(
        tmp_path,
        kfd={"0": "gfx_target_version 0\n", "1": fixture("kfd_gpu_properties.txt")},
        cards={"card1": ("0x1002", "0x744c", "0x030000")},
    )
    report = detect_hardware(
        env={"PATH": str(tmp_path / "empty")}, platform="linux", machine="x86_64", root=root
    )
    assert [g.arch for g in report.gpus] == ["gfx1100"]


def test_detect_intel_from_drm(tmp_path: Path) -> None:
    root = fake_root(
        tmp_path,
        cards={
            "card0": ("0x8086", "0x56a0", "0x030000"),
            "card0-DP-1": ("0x8086", "0x56a0", "0x030000"),  # a connector, not a card
            "card1": ("0x8086", "0x1234", "0x0c0330"),  # not a display class
        },
    )
    report = detect_hardware(
        env={"PATH": str(tmp_path / "empty")}, platform="linux", machine="x86_64", root=root
    )
    assert [(g.vendor, g.pci_device) for g in report.gpus] == [("intel", "0x56a0")]


def test_detect_apple_silicon(tmp_path: Path) -> None:
    report = detect_hardware(env={"PATH": str(tmp_path)}, platform="darwin", machine="arm64", root=tmp_path)
    assert report.os == "macos" and [g.vendor for g in report.gpus] == ["apple"]
    assert report.nvidia_state == "absent"


@pytest.mark.skipif(shutil.which("nvcc") is None, reason="no real nvcc on this machine")
def test_real_nvcc_is_found_and_explained(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STANDIN_")}
    report = detect_hardware(env=env, platform="linux", machine="x86_64", root=fake_root(tmp_path))
    assert report.cuda_toolkit is not None
    assert report.cuda_toolkit.version.count(".") == 1 and report.cuda_toolkit.version[0].isdigit()
    assert Path(report.cuda_toolkit.path).name == "nvcc"
    assert report.to_json()["cuda_toolkit"] == {
        "version": report.cuda_toolkit.version,
        "path": report.cuda_toolkit.path,
    }
    assert any("does not need it" in n for n in report.notes)


@posix_only
def test_detect_windows_described_with_standin(tmp_path: Path) -> None:
    env = standin_env(STANDIN_NVIDIA_GPUS="5090", STANDIN_NVIDIA_DRIVER="581.57", SystemRoot=str(tmp_path))
    report = detect_hardware(env=env, platform="win32", machine="AMD64", root=tmp_path)
    assert (report.os, report.arch, report.nvidia_state) == ("windows", "x86_64", "ok")
    assert report.gpus[0].compute_capability == "12.0" and report.nvidia_driver == "581.57"
