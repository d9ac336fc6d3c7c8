"""The build decision on a table of described machines (no hardware needed)."""

from __future__ import annotations

import pytest

from wizard.core import releases
from wizard.core.builds import Choice, Machine, cc_coverage, choice_for, recommend, version_at_least
from wizard.core.gpu import Gpu

INDEX = "https://download.pytorch.org/whl/"


def nv(name: str, cc: str, driver: str) -> Gpu:
    return Gpu("nvidia", name, 8192, cc, driver)


def nvidia_machine(os_name: str, driver: str, *gpus: tuple[str, str], python=(3, 12)) -> Machine:
    return Machine(
        os_name,
        "x86_64",
        python,
        gpus=tuple(nv(n, cc, driver) for n, cc in gpus),
        nvidia_driver=driver,
        nvidia_state="ok",
    )


APPLE = Gpu("apple", "Apple M3 GPU", None, None, None)
RX7900 = Gpu("amd", "Radeon RX 7900 XTX", 24560, None, None, arch="gfx1100")

# id: (machine, torch, variant, index variant or None, device, must have warnings, must have alternatives)
CASES: dict[str, tuple[Machine, str | None, str | None, str | None, str, bool, bool]] = {
    "linux-no-gpu": (Machine("linux", "x86_64", (3, 12)), "2.14.1", "cpu", "cpu", "cpu", False, False),
    "windows-no-gpu": (Machine("windows", "x86_64", (3, 12)), "2.14.1", "cpu", "cpu", "cpu", False, False),
    "macos-arm64": (
        Machine("macos", "arm64", (3, 12), gpus=(APPLE,)),
        "2.14.1",
        "mps",
        None,
        "mps",
        False,
        False,
    ),
    "rtx3060-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.14.1",
        "cu130",
        "cu130",
        "cuda",
        False,
        True,
    ),
    "rtx3060-535": (
        nvidia_machine("windows", "535.98", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        False,
        True,
    ),
    "gtx1060-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce GTX 1060 6GB", "6.1")),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        False,
        True,
    ),
    "rtx4090-ada-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce RTX 4090", "8.9")),
        "2.14.1",
        "cu130",
        "cu130",
        "cuda",
        False,
        True,
    ),
    "rtx5090-575": (
        nvidia_machine("linux", "575.64.03", ("NVIDIA GeForce RTX 5090", "12.0")),
        "2.11.0",
        "cu128",
        "cu128",
        "cuda",
        True,
        True,
    ),
    "rtx5090-580": (
        nvidia_machine("windows", "580.88", ("NVIDIA GeForce RTX 5090", "12.0")),
        "2.14.1",
        "cu130",
        "cu130",
        "cuda",
        False,
        True,
    ),
    "gtx1060+rtx3060-580": (
        nvidia_machine(
            "linux", "580.95.05", ("NVIDIA GeForce GTX 1060 6GB", "6.1"), ("NVIDIA GeForce RTX 3060", "8.6")
        ),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        False,
        True,
    ),
    "gtx1060+rtx5090-580": (
        nvidia_machine(
            "linux", "580.95.05", ("NVIDIA GeForce GTX 1060 6GB", "6.1"), ("NVIDIA GeForce RTX 5090", "12.0")
        ),
        "2.14.1",
        "cu130",
        "cu130",
        "cuda",
        True,
        True,
    ),
    "kepler-too-old": (
        nvidia_machine("linux", "470.256.02", ("Tesla K80", "3.7")),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        False,
    ),
    "rtx3060-driver-too-old": (
        nvidia_machine("linux", "470.256.02", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "amd-gfx1100-linux": (
        Machine("linux", "x86_64", (3, 12), gpus=(RX7900,), amd_gfx=("gfx1100",)),
        "2.14.1",
        "rocm7.2",
        "rocm7.2",
        "cuda",
        False,
        False,
    ),
    "amd-gfx1100-windows": (
        Machine("windows", "x86_64", (3, 12), gpus=(RX7900,), amd_gfx=("gfx1100",)),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "amd-unsupported-gfx1031": (
        Machine("linux", "x86_64", (3, 12), amd_gfx=("gfx1031",)),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "intel-arc-linux": (
        Machine(
            "linux",
            "x86_64",
            (3, 12),
            gpus=(Gpu("intel", "Intel graphics", None, None, None, pci_device="0x56a0"),),
        ),
        "2.14.1",
        "xpu",
        "xpu",
        "xpu",
        False,
        False,
    ),
    "intel-uhd-windows": (
        Machine(
            "windows",
            "x86_64",
            (3, 12),
            gpus=(Gpu("intel", "Intel(R) UHD Graphics 620", None, None, None, pci_device="0x5917"),),
        ),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        False,
        True,
    ),
    "intel-mac-py311": (Machine("macos", "x86_64", (3, 11)), "2.2.2", "cpu", None, "cpu", True, True),
    "intel-mac-py313": (Machine("macos", "x86_64", (3, 13)), None, None, None, "cpu", True, True),
    "32-bit-python": (
        Machine("windows", "x86", (3, 12), python_bits=32),
        None,
        None,
        None,
        "cpu",
        True,
        True,
    ),
    "python-3.9-too-old": (Machine("linux", "x86_64", (3, 9)), None, None, None, "cpu", True, True),
    "python-3.15-experimental": (
        Machine("linux", "x86_64", (3, 15)),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        False,
    ),
    "python-3.16-too-new": (Machine("windows", "x86_64", (3, 16)), None, None, None, "cpu", True, True),
    "free-threaded-3.14t": (
        Machine("linux", "x86_64", (3, 14), free_threaded=True),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        False,
    ),
    "free-threaded-3.13t": (
        Machine("linux", "x86_64", (3, 13), free_threaded=True),
        None,
        None,
        None,
        "cpu",
        True,
        True,
    ),
    "driver-not-responding": (
        Machine("linux", "x86_64", (3, 12), nvidia_driver="580.95.05", nvidia_state="driver-not-responding"),
        "2.14.1",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "python-unknown": (Machine("linux", "x86_64", None), "2.14.1", "cpu", "cpu", "cpu", False, False),
    "windows-arm64": (Machine("windows", "arm64", (3, 12)), None, None, None, "cpu", True, True),
}


@pytest.mark.parametrize("case", list(CASES))
def test_recommendation_table(case: str) -> None:
    machine, torch, variant, index, device, has_warnings, has_alternatives = CASES[case]
    rec = recommend(machine)
    assert (rec.torch, rec.variant, rec.device) == (torch, variant, device), rec
    assert rec.index_url == (INDEX + index if index else None)
    assert bool(rec.warnings) == has_warnings, rec.warnings
    if has_alternatives:
        assert rec.alternatives
    if variant is None:
        assert rec.warnings and rec.download_mb is None and rec.torchvision is None
    else:
        assert rec.reasons
        assert rec.download_mb and rec.download_mb > 0
        assert rec.torchvision
    for text in (*rec.reasons, *rec.warnings, *rec.alternatives):
        assert "{" not in text and text.strip() == text and text
    data = rec.to_json()
    for key in (
        "torch",
        "torchvision",
        "variant",
        "index_url",
        "reasons",
        "warnings",
        "alternatives",
        "device",
        "download_mb",
        "choices",
    ):
        assert key in data


def test_driver_update_alternative_names_580_and_cuda_13() -> None:
    rec = recommend(CASES["rtx3060-535"][0])
    assert any("580" in a and "13.0" in a for a in rec.alternatives), rec.alternatives


def test_blackwell_old_driver_explains_older_release_and_update() -> None:
    rec = recommend(CASES["rtx5090-575"][0])
    assert any("2.14.1" in w and "2.11.0" in w for w in rec.warnings)
    assert any("580" in a for a in rec.alternatives)
    cu130 = next(c for c in rec.choices if c.variant == "cu130")
    assert not cu130.runs_here and "580" in cu130.why_not
    cu126 = next(c for c in rec.choices if c.variant == "cu126")
    assert not cu126.runs_here and "12.0" in cu126.why_not


def test_two_gpus_covered_by_one_build_and_partial_cover_warns() -> None:
    rec = recommend(CASES["gtx1060+rtx3060-580"][0])
    assert any("2" in r for r in rec.reasons)
    partial = recommend(CASES["gtx1060+rtx5090-580"][0])
    assert any("GTX 1060" in w for w in partial.warnings)
    assert any("12.6" in a and "GTX 1060" in a for a in partial.alternatives)


def test_jargon_explained_for_learners() -> None:
    rec = recommend(CASES["rtx3060-580"][0])
    text = " ".join(rec.reasons)
    assert "compute capability (the GPU's generation)" in text
    assert "NVIDIA's system" in text


def test_cpu_index_reasons_per_os() -> None:
    linux = recommend(CASES["linux-no-gpu"][0])
    assert any("3" in r and "CPU index" in r for r in linux.reasons)
    windows = recommend(CASES["windows-no-gpu"][0])
    assert any("also serves the CPU build" in r for r in windows.reasons)


def test_intel_mac_pins_numpy_1() -> None:
    rec = recommend(CASES["intel-mac-py311"][0])
    assert rec.extra_requirements == ("numpy<2",)
    assert rec.requirements() == ("torch==2.2.2", "torchvision==0.17.2", "numpy<2")


def test_old_python_points_to_older_release_when_data_has_one() -> None:
    rec = recommend(CASES["free-threaded-3.13t"][0])
    assert any("older PyTorch 2.11" in a for a in rec.alternatives)
    assert any(c.torch == "2.11.0" and c.runs_here for c in rec.choices)


def test_choices_cover_every_build_of_the_release() -> None:
    rec = recommend(CASES["rtx3060-580"][0])
    data = releases.load()
    names = [c.variant for c in rec.choices if c.torch == "2.14.1"]
    assert names == list(data.newest.variants)
    for c in rec.choices:
        assert isinstance(c, Choice)
        assert c.runs_here == (c.why_not == "")
        assert c.label
    rocm = next(c for c in recommend(CASES["amd-gfx1100-windows"][0]).choices if c.variant == "rocm7.2")
    assert not rocm.runs_here and "Windows" in rocm.why_not


def test_choice_for() -> None:
    m = CASES["rtx3060-580"][0]
    c = choice_for("cu126", m)
    assert (c.torch, c.runs_here, c.index_url) == ("2.14.1", True, INDEX + "cu126")
    c = choice_for("cu128", m)
    assert (c.torch, c.runs_here) == ("2.11.0", True)
    c = choice_for("cpu", m, torch="2.11.0")
    assert c.torch == "2.11.0" and c.torchvision == "0.26.0"
    mac = choice_for("mps", CASES["macos-arm64"][0])
    assert mac.runs_here and mac.index_url is None
    assert not choice_for("mps", m).runs_here
    assert not choice_for("rocm7.2", CASES["amd-gfx1100-windows"][0]).runs_here


@pytest.mark.parametrize(
    ("cc", "built", "ptx", "expected"),
    [
        ("8.9", ["8.6", "9.0"], False, "native"),  # Ada runs Ampere code
        ("8.6", ["8.0"], False, "native"),
        ("8.0", ["8.6"], False, ""),  # lower minor cannot run higher-minor code
        ("12.0", ["9.0"], False, ""),
        ("12.1", ["12.0"], False, "native"),
        ("13.0", ["12.0"], True, "ptx"),  # JIT from PTX for a newer major
        ("6.1", ["7.5", "12.0"], True, ""),  # PTX does not help older GPUs
        (None, ["8.6"], False, "unknown"),
    ],
)
def test_cc_coverage(cc, built, ptx, expected) -> None:
    assert cc_coverage(cc, built, ptx) == expected


def test_driver_versions_compare_numerically() -> None:
    assert version_at_least("580.95.05", "580")
    assert not version_at_least("575.64.03", "580")
    assert version_at_least("528.33", "528.33")
    assert not version_at_least("525.60.11", "525.60.13")
    assert version_at_least("1000.1", "580")


def test_from_report() -> None:
    from wizard.core.gpu import HardwareReport

    report = HardwareReport(
        os="linux",
        arch="x86_64",
        gpus=(RX7900, nv("RTX 3060", "8.6", "580.95.05")),
        nvidia_driver="580.95.05",
        nvidia_cuda_max="13.0",
        nvidia_state="ok",
        cuda_toolkit=None,
        notes=(),
    )
    m = Machine.from_report(report, python=(3, 12))
    assert m.amd_gfx == ("gfx1100",) and m.nvidia_driver == "580.95.05" and m.nvidia_state == "ok"
    assert recommend(m).variant == "cu130"  # NVIDIA first
