"""The build decision on a table of described machines (no hardware needed)."""

from __future__ import annotations

import pytest

from wizard.core import releases
from wizard.core.builds import (
    LAST_RELEASE_FOR_GPU,
    LAST_RELEASE_FOR_PYTHON,
    Choice,
    Machine,
    cc_coverage,
    choice_for,
    recommend,
    version_at_least,
    word,
)
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

INTEL = "Intel(R) Graphics"


def intel(pci: str, name: str = INTEL, os_name: str = "linux") -> Machine:
    return Machine(os_name, "x86_64", (3, 12), gpus=(Gpu("intel", name, None, None, None, pci_device=pci),))


# Facts: shared/reference/torch-builds.md (checked December 2026). 2.15.0 is newest: cu130/cu132 only
# (RFC pytorch/pytorch#190385), Python 3.11-3.15 + 3.14t/3.15t; its plain Linux x86_64 wheel is CUDA 13.2,
# so cu132 leads the CUDA 13 line there; 2.14.x is the last with cu126 (Maxwell/Pascal/Volta) and with
# Python 3.10 (pytorch/pytorch#197242); ROCm for 2.14 is 7.14 (RELEASE.md, #194367), 2.15's not verified.
# id: (machine, torch, variant, index variant or None, device, must have warnings, must have alternatives)
CASES: dict[str, tuple[Machine, str | None, str | None, str | None, str, bool, bool]] = {
    "linux-no-gpu": (Machine("linux", "x86_64", (3, 12)), "2.15.0", "cpu", "cpu", "cpu", False, False),
    "windows-no-gpu": (Machine("windows", "x86_64", (3, 12)), "2.15.0", "cpu", "cpu", "cpu", False, False),
    "macos-arm64": (
        Machine("macos", "arm64", (3, 12), gpus=(APPLE,)),
        "2.15.0",
        "mps",
        None,
        "mps",
        False,
        False,
    ),
    "macos-14-arm64": (
        Machine("macos", "arm64", (3, 12), gpus=(APPLE,), macos_version="14.0"),
        "2.15.0",
        "mps",
        None,
        "mps",
        False,
        False,
    ),
    # from 2.12.0 on macOS wheels are tagged macosx_14_0_arm64: macOS 13 gets at most 2.11.0, without MPS
    "macos-13-arm64": (
        Machine("macos", "arm64", (3, 12), gpus=(APPLE,), macos_version="13.6.1"),
        "2.11.0",
        "cpu",
        None,
        "cpu",
        True,
        True,
    ),
    "rtx3060-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.15.0",
        "cu132",
        "cu132",
        "cuda",
        False,
        True,
    ),
    # a 12.x driver: 2.15 has CUDA 13 only, so 2.14.1 cu126, with a warning that names the driver
    "rtx3060-535": (
        nvidia_machine("windows", "535.98", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        True,
        True,
    ),
    "gtx1060-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce GTX 1060 6GB", "6.1")),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        True,
        True,
    ),
    "v100-volta-580": (
        nvidia_machine("linux", "580.95.05", ("Tesla V100-SXM2-16GB", "7.0")),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        True,
        True,
    ),
    "rtx4090-ada-580": (
        nvidia_machine("linux", "580.95.05", ("NVIDIA GeForce RTX 4090", "8.9")),
        "2.15.0",
        "cu132",
        "cu132",
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
        "2.15.0",
        "cu132",
        "cu132",
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
        True,
        True,
    ),
    "gtx1060+rtx5090-580": (
        nvidia_machine(
            "linux", "580.95.05", ("NVIDIA GeForce GTX 1060 6GB", "6.1"), ("NVIDIA GeForce RTX 5090", "12.0")
        ),
        "2.15.0",
        "cu132",
        "cu132",
        "cuda",
        True,
        True,
    ),
    "kepler-too-old": (
        nvidia_machine("linux", "470.256.02", ("Tesla K80", "3.7")),
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        False,
    ),
    "rtx3060-driver-too-old": (
        nvidia_machine("linux", "470.256.02", ("NVIDIA GeForce RTX 3060", "8.6")),
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    # Linux aarch64 CUDA 13 builds hold 8.0 9.0 10.0 11.0 12.0: GB10 (12.1) runs sm_120, GH200 sm_90
    "gb10-arm64-580": (
        Machine(
            "linux",
            "arm64",
            (3, 12),
            gpus=(nv("NVIDIA GB10", "12.1", "580.95.05"),),
            nvidia_driver="580.95.05",
            nvidia_state="ok",
        ),
        "2.15.0",
        "cu130",
        "cu130",
        "cuda",
        False,
        True,
    ),
    # aarch64 cu126 holds 8.0 and 9.0 only: an A100 with a 12.x driver gets 2.14.1 cu126
    "a100-arm64-535": (
        Machine(
            "linux",
            "arm64",
            (3, 12),
            gpus=(nv("NVIDIA A100", "8.0", "535.104.05"),),
            nvidia_driver="535.104.05",
            nvidia_state="ok",
        ),
        "2.14.1",
        "cu126",
        "cu126",
        "cuda",
        True,
        True,
    ),
    "linux-arm64-no-gpu": (Machine("linux", "arm64", (3, 12)), "2.15.0", "cpu", "cpu", "cpu", False, False),
    "jetson-orin": (Machine("linux", "arm64", (3, 10), jetson=True), None, None, None, "cpu", True, True),
    "amd-gfx1100-linux": (
        Machine("linux", "x86_64", (3, 12), gpus=(RX7900,), amd_gfx=("gfx1100",)),
        "2.14.1",
        "rocm7.14",
        "rocm7.14",
        "cuda",
        False,
        False,
    ),
    "amd-gfx1100-windows": (
        Machine("windows", "x86_64", (3, 12), gpus=(RX7900,), amd_gfx=("gfx1100",)),
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "amd-unsupported-gfx1031": (
        Machine("linux", "x86_64", (3, 12), amd_gfx=("gfx1031",)),
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "intel-arc-linux": (intel("0x56a0"), "2.15.0", "xpu", "xpu", "xpu", False, False),
    "intel-battlemage": (intel("0xe20b"), "2.15.0", "xpu", "xpu", "xpu", False, False),
    "intel-panther-lake": (intel("0xb080", os_name="windows"), "2.15.0", "xpu", "xpu", "xpu", False, False),
    "intel-lunar-lake": (intel("0x64a0"), "2.15.0", "xpu", "xpu", "xpu", False, False),
    "intel-meteor-lake-h": (
        intel("0x7d55", "Intel(R) Arc(TM) Graphics"),
        "2.15.0",
        "xpu",
        "xpu",
        "xpu",
        False,
        False,
    ),
    "intel-meteor-lake-u": (intel("0x7d45"), "2.15.0", "cpu", "cpu", "cpu", True, False),
    "intel-uhd-windows": (
        Machine(
            "windows",
            "x86_64",
            (3, 12),
            gpus=(Gpu("intel", "Intel(R) UHD Graphics 620", None, None, None, pci_device="0x5917"),),
        ),
        "2.15.0",
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
    # 2.14.x is the last release with Python 3.10: chosen, and said so
    "python-3.10-last": (Machine("linux", "x86_64", (3, 10)), "2.14.1", "cpu", "cpu", "cpu", True, True),
    "python-3.9-too-old": (Machine("linux", "x86_64", (3, 9)), None, None, None, "cpu", True, True),
    "python-3.15": (Machine("linux", "x86_64", (3, 15)), "2.15.0", "cpu", "cpu", "cpu", False, False),
    "python-3.16-too-new": (Machine("windows", "x86_64", (3, 16)), None, None, None, "cpu", True, True),
    "free-threaded-3.14t": (
        Machine("linux", "x86_64", (3, 14), free_threaded=True),
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        False,
    ),
    "free-threaded-3.15t": (
        Machine("linux", "x86_64", (3, 15), free_threaded=True),
        "2.15.0",
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
        "2.15.0",
        "cpu",
        "cpu",
        "cpu",
        True,
        True,
    ),
    "python-unknown": (Machine("linux", "x86_64", None), "2.15.0", "cpu", "cpu", "cpu", False, False),
    # Windows on ARM: CPU wheels on the cpu index for 3.11-3.13 (2.13.0 verified; 2.14/2.15 not)
    "windows-arm64": (Machine("windows", "arm64", (3, 12)), "2.13.0", "cpu", "cpu", "cpu", False, False),
    "windows-arm64-py314": (Machine("windows", "arm64", (3, 14)), None, None, None, "cpu", True, True),
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


def test_driver_update_alternative_names_580_and_the_newest_release() -> None:
    # 2.15 has CUDA 13 builds only, which need driver 580 (NVIDIA "CUDA Compatibility")
    rec = recommend(CASES["rtx3060-535"][0])
    assert any("580" in a and "2.15.0" in a and "13.2" in a for a in rec.alternatives), rec.alternatives
    assert any("2.15.0" in w and "535.98" in w and "2.14.1" in w for w in rec.warnings), rec.warnings
    assert not rec.last_release  # the driver, not the GPU, holds it back


def test_blackwell_old_driver_explains_older_release_and_update() -> None:
    rec = recommend(CASES["rtx5090-575"][0])
    assert any("2.15.0" in w and "2.11.0" in w for w in rec.warnings)
    assert any("580" in a for a in rec.alternatives)
    cu130 = next(c for c in rec.choices if c.variant == "cu130" and c.torch == "2.15.0")
    assert not cu130.runs_here and "580" in cu130.why_not
    cu126 = choice_for("cu126", CASES["rtx5090-575"][0])
    assert not cu126.runs_here and "12.0" in cu126.why_not
    assert not rec.last_release


def test_two_gpus_covered_by_one_build_and_partial_cover_warns() -> None:
    rec = recommend(CASES["gtx1060+rtx3060-580"][0])
    assert any("2" in r for r in rec.reasons)
    partial = recommend(CASES["gtx1060+rtx5090-580"][0])
    assert any("GTX 1060" in w for w in partial.warnings)
    assert any("2.14.1" in a and "12.6" in a and "GTX 1060" in a for a in partial.alternatives)


def test_jargon_explained_for_learners() -> None:
    rec = recommend(CASES["rtx3060-580"][0])
    text = " ".join(rec.reasons)
    assert "compute capability (the GPU's generation)" in text
    assert "NVIDIA's system" in text


def test_cpu_index_reasons_per_os() -> None:
    linux = recommend(CASES["linux-no-gpu"][0])
    assert any("3" in r and "PyTorch's own download server" in r for r in linux.reasons)
    windows = recommend(CASES["windows-no-gpu"][0])
    assert any("also gets the CPU-only build" in r for r in windows.reasons)


def test_intel_mac_pins_numpy_1() -> None:
    rec = recommend(CASES["intel-mac-py311"][0])
    assert rec.extra_requirements == ("numpy<2",)
    assert rec.requirements() == ("torch==2.2.2", "torchvision==0.17.2", "numpy<2")


def test_old_python_points_to_older_release_when_data_has_one() -> None:
    # 2.12.0 is the newest release with 3.13t (2.12.1 dropped it), 2.8.0 the newest with Python 3.9
    rec = recommend(CASES["free-threaded-3.13t"][0])
    assert any("older PyTorch 2.12.0," in a for a in rec.alternatives), rec.alternatives
    assert any(c.torch == "2.12.0" and c.runs_here for c in rec.choices)
    rec = recommend(CASES["python-3.9-too-old"][0])
    assert any("older PyTorch 2.8.0," in a for a in rec.alternatives), rec.alternatives


def test_choices_cover_every_build_of_the_release() -> None:
    rec = recommend(CASES["rtx3060-580"][0])
    data = releases.load()
    names = [c.variant for c in rec.choices if c.torch == "2.15.0"]
    assert names == list(data.newest.variants)
    assert all(c.download_mb for c in rec.choices)
    chosen = next(c for c in rec.choices if (c.variant, c.torch) == (rec.variant, rec.torch))
    assert chosen.download_mb == rec.download_mb  # one size per choice, the same everywhere
    for c in rec.choices:
        assert isinstance(c, Choice)
        assert c.runs_here == (c.why_not == "")
        assert c.label
    rocm = choice_for("rocm7.14", CASES["amd-gfx1100-windows"][0])
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
    assert not choice_for("rocm7.14", CASES["amd-gfx1100-windows"][0]).runs_here


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
    assert recommend(m).variant == "cu132"  # NVIDIA first (2.15's standard Linux wheel is CUDA 13.2)


# --------------------------------------------------------------------------------------------
# The facts of issue 10 (shared/reference/torch-builds.md), one rule per test
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["gtx1060-580", "v100-volta-580", "gtx1060+rtx3060-580"])
def test_last_release_for_maxwell_pascal_volta_is_said(case: str) -> None:
    rec = recommend(CASES[case][0])
    assert rec.last_release is not None and rec.last_release.code == LAST_RELEASE_FOR_GPU
    assert rec.has_notice(LAST_RELEASE_FOR_GPU)
    text = rec.last_release.text()
    assert "last PyTorch release for your GPU" in text and "2.14" in text and "2.15.0" in text
    assert text in rec.warnings
    assert rec.to_json()["last_release"] == LAST_RELEASE_FOR_GPU


@pytest.mark.parametrize("case", ["rtx3060-580", "rtx5090-575", "rtx3060-535", "linux-no-gpu"])
def test_no_last_release_notice_when_newer_releases_support_the_gpu(case: str) -> None:
    assert recommend(CASES[case][0]).last_release is None


def test_python_310_gets_2_14_and_is_told_it_is_the_last() -> None:
    rec = recommend(CASES["python-3.10-last"][0])
    assert rec.last_release is not None and rec.last_release.code == LAST_RELEASE_FOR_PYTHON
    assert any("Python 3.10" in w and "2.14" in w for w in rec.warnings)
    assert any("3.11 to 3.15" in a for a in rec.alternatives), rec.alternatives


def test_fallback_only_releases_are_named_but_never_chosen() -> None:
    data = releases.load()
    assert data.release("2.8.0").fallback_only and data.release("2.7.1").fallback_only
    assert recommend(CASES["python-3.9-too-old"][0]).torch is None  # 2.8.0 only in advice


def test_macos_13_gets_2_11_without_mps_and_the_reasons() -> None:
    rec = recommend(CASES["macos-13-arm64"][0])
    codes = [n.code for n in rec.notices]
    assert {"macos-newest-needs", "mps-needs-macos", "macos-update"} <= set(codes)
    assert rec.device == "cpu" and rec.torchvision == "0.26.0" and rec.index_url is None
    assert recommend(CASES["macos-arm64"][0]).torch == "2.15.0"  # unknown macOS: taken as new enough


def test_macos_tag_rule_comes_from_the_data() -> None:
    data = releases.load()
    assert data.release("2.12.0").macos_min == "14.0" and data.release("2.11.0").macos_min == "11.0"


def test_windows_on_arm_cpu_for_311_to_313_only() -> None:
    rec = recommend(CASES["windows-arm64"][0])
    assert rec.index_url == INDEX + "cpu"
    bad = recommend(CASES["windows-arm64-py314"][0])
    assert any("3.11 to 3.13" in a for a in bad.alternatives), bad.alternatives
    assert recommend(Machine("windows", "arm64", (3, 10))).torch is None


def test_linux_aarch64_standard_index_is_cuda_13_not_cpu() -> None:
    rec = recommend(CASES["linux-arm64-no-gpu"][0])
    assert any("CUDA 13" in r and "PyTorch's own download server" in r for r in rec.reasons), rec.reasons
    assert releases.load().default_index_serves["linux-arm64"].startswith("cu13")


def test_aarch64_arch_lists_differ_from_x86() -> None:
    data = releases.load()
    assert data.variants["cu126"].archs("linux-arm64", "2.14.1") == ("8.0", "9.0")
    assert "11.0" in data.variants["cu130"].archs("linux-arm64", "2.15.0")
    assert "11.0" not in data.variants["cu130"].archs("linux-x86_64", "2.15.0")
    # a GTX 1080 (6.1) on an aarch64 server is not served by cu126 there
    m = Machine(
        "linux",
        "arm64",
        (3, 12),
        gpus=(nv("GTX 1080", "6.1", "580.95.05"),),
        nvidia_driver="580.95.05",
        nvidia_state="ok",
    )
    assert recommend(m).variant == "cpu"


def test_same_variant_name_changes_its_list_between_releases() -> None:
    cu128 = releases.load().variants["cu128"]
    assert "7.0" in cu128.archs("linux-x86_64", "2.10.0")
    assert "7.0" not in cu128.archs("linux-x86_64", "2.11.0")
    assert cu128.archs("linux-x86_64", "2.99.0") == cu128.archs("linux-x86_64", "2.11.0")  # newest list


def test_jetson_is_explained_not_installed() -> None:
    rec = recommend(CASES["jetson-orin"][0])
    assert rec.variant is None and [n.code for n in rec.notices] == ["jetson", "jetson-nvidia"]
    assert any("Jetson" in w for w in rec.warnings)


def test_rocm_714_for_2_14() -> None:
    data = releases.load()
    assert "rocm7.14" in data.release("2.14.1").variants
    assert data.variants["rocm7.14"].rocm == "7.14" and data.variants["rocm7.14"].device == "cuda"
    rec = recommend(CASES["amd-gfx1100-linux"][0])
    assert rec.index_url == INDEX + "rocm7.14"


def test_amd_on_windows_mentions_amds_own_wheels() -> None:
    rec = recommend(CASES["amd-gfx1100-windows"][0])
    assert rec.has_notice("amd-windows-wheels") and any("AMD publishes" in a for a in rec.alternatives)


def test_meteor_lake_u_is_kept_apart_from_meteor_lake_h() -> None:
    u = recommend(CASES["intel-meteor-lake-u"][0])
    assert u.has_notice("intel-not-validated") and any("Meteor Lake-U" in w for w in u.warnings)
    assert recommend(CASES["intel-meteor-lake-h"][0]).variant == "xpu"
    assert recommend(intel("0x7d55")).variant == "xpu"  # by PCI id alone


def test_driver_470_is_told_to_update_and_gets_the_real_cu118_fallback() -> None:
    rec = recommend(CASES["rtx3060-driver-too-old"][0])
    assert any("470 is too old for any current" in w for w in rec.warnings), rec.warnings
    assert any("2.7.1" in a and "11.8" in a and "450.80.02" in a for a in rec.alternatives)
    cu118 = next(c for c in rec.choices if c.variant == "cu118")
    assert cu118.torch == "2.7.1" and cu118.runs_here


def test_ptx_jit_needs_a_driver_that_knows_the_ptx_cuda_version() -> None:
    future = Gpu("nvidia", "Future GPU", None, "13.0", "580.95.05")
    m = Machine(
        "linux",
        "x86_64",
        (3, 12),
        gpus=(future,),
        nvidia_driver="580.95.05",
        nvidia_state="ok",
        nvidia_cuda_max="13.0",
    )
    rec = recommend(m)
    assert rec.variant == "cu130"  # cu132's PTX needs a driver that knows CUDA 13.2
    assert any("PTX" in w for w in rec.warnings)
    newer = recommend(Machine(**{**m.__dict__, "nvidia_cuda_max": "13.2"}))
    assert newer.variant == "cu132"
    windows = recommend(Machine(**{**m.__dict__, "os": "windows"}))
    assert windows.variant == "cpu"  # no PTX in the Windows builds


def test_notices_are_worded_when_shown() -> None:
    rec = recommend(CASES["gtx1060-580"][0])
    n = rec.last_release
    assert n is not None and word(n) == n.text()
    assert dict(n.params)["torch"] == "2.14" and "{" not in n.text()
    assert rec.to_json()["notices"][0]["code"] == LAST_RELEASE_FOR_GPU


def test_release_data_source_is_carried() -> None:
    rec = recommend(CASES["linux-no-gpu"][0])
    assert rec.release_data.source == "bundled" and rec.to_json()["release_data"]["source"] == "bundled"
    stale = releases.load()._replace(source=releases.ReleaseSource("bundled", INDEX, "", "timeout"))
    rec = recommend(CASES["linux-no-gpu"][0], stale)
    assert rec.has_notice("bundled-data") and any("may be out of date" in w for w in rec.warnings)
    offline = releases.load()._replace(source=releases.ReleaseSource("bundled", INDEX, "", "offline"))
    assert not recommend(CASES["linux-no-gpu"][0], offline).warnings  # asked for: no warning


def test_data_file_facts_2_15() -> None:
    data = releases.load()
    r = data.release("2.15.0")
    assert data.recommended == "2.15.0" and r.torchvision == "0.29.2"
    assert set(r.variants) >= {"cu130", "cu132"} and "cu126" not in r.variants
    assert (r.python.min, r.python.max, r.python.free_threaded) == ((3, 11), (3, 15), ((3, 14), (3, 15)))
    r141 = data.release("2.14.1")
    assert r141.python.max == (3, 14) and not r141.python.experimental  # no cp315 wheels
    assert data.release("2.12.0").python.free_threaded == ((3, 13), (3, 14))
    assert data.release("2.12.1").python.free_threaded == ((3, 14),)
    assert data.variants["cu130"].driver_min("linux") == "580"
    assert data.variants["cu126"].driver_min("windows") == "528.33"
    assert data.variants["cu118"].driver_min("linux") == "450.80.02"
    assert data.variants["mps"].kind == "mps" and data.variants["mps"].device == "mps"
    assert (
        data.variants["cpu"].download_mb("macos") == 140
        and data.variants["cpu"].download_mb("windows") == 130
    )


def test_worded_replaces_each_notice_in_place() -> None:
    rec = recommend(CASES["gtx1060-580"][0])
    assert rec.worded("warning") == rec.warnings and rec.worded("reason") == rec.reasons
    slot = next(s for s in rec.notice_slots if s[0] == "warning")
    assert rec.warnings[slot[1]] == rec.notices[slot[2]].text()


def test_from_report_takes_jetson_and_macos_version() -> None:
    from types import SimpleNamespace

    report = SimpleNamespace(
        os="linux",
        arch="arm64",
        gpus=(),
        nvidia_driver=None,
        nvidia_cuda_max=None,
        nvidia_state="absent",
        jetson=True,
    )
    m = Machine.from_report(report, python=(3, 10))  # type: ignore[arg-type]
    assert m.jetson and recommend(m).variant is None
    mac = SimpleNamespace(
        os="macos",
        arch="arm64",
        gpus=(APPLE,),
        nvidia_driver=None,
        nvidia_cuda_max=None,
        nvidia_state="absent",
        macos_version="13.6",
    )
    m = Machine.from_report(mac, python=(3, 12))  # type: ignore[arg-type]
    assert m.macos_version == "13.6" and recommend(m).torch == "2.11.0"
