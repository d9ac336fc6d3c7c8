"""After the install: explaining what the installed PyTorch can use (aftercheck.py), and the optional
CUDA compiler (extras.py). Inputs: the verify line recorded on a real H200 (tests/fixtures/gpu) and
made-up verify dicts with the keys of resources/verify.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from wizard.core import releases
from wizard.core.aftercheck import (
    CODES,
    AfterCheck,
    build_kind,
    explain_verify,
    installed_variant,
    local_label,
    parse_verify_line,
)
from wizard.core.builds import Choice, Machine, Recommendation, recommend
from wizard.core.diagnose import ACTIONS
from wizard.core.extras import (
    nvcc_available,
    nvcc_conda_packages,
    nvcc_cuda_home,
    nvcc_option_label,
    nvcc_requirements,
    nvcc_unavailable_reason,
)
from wizard.core.gpu import Gpu, HardwareReport, parse_nvidia_smi_csv

DATA = releases.load()
H200_RUN = Path(__file__).parent / "fixtures" / "gpu" / "h200-device-run"
INDEX = "https://download.pytorch.org/whl/"

RTX3060 = Gpu("nvidia", "NVIDIA GeForce RTX 3060", 12288, "8.6", "580.95.05")
GTX1080 = Gpu("nvidia", "NVIDIA GeForce GTX 1080", 8192, "6.1", "580.95.05")
RTX5090 = Gpu("nvidia", "NVIDIA GeForce RTX 5090", 32607, "12.0", "580.95.05")
RX7900 = Gpu("amd", "Radeon RX 7900 XTX", 24560, None, None, arch="gfx1100")
ARC = Gpu("intel", "Intel(R) Arc(TM) A770 Graphics", None, None, None, pci_device="0x56a0")


def hw(
    *gpus: Gpu,
    os_name: str = "linux",
    arch: str = "x86_64",
    driver: str | None = None,
    state: str | None = None,
) -> HardwareReport:
    nvidia = [g for g in gpus if g.vendor == "nvidia"]
    if driver is None and nvidia:
        driver = nvidia[0].driver_version
    if state is None:
        state = "ok" if nvidia else "absent"
    return HardwareReport(os_name, arch, tuple(gpus), driver, None, state, None)


def rec_for(report: HardwareReport, python: tuple[int, int] = (3, 12)) -> Recommendation:
    return recommend(Machine.from_report(report, python), DATA)


def choice(variant: str, torch: str = "2.14.1", torchvision: str | None = "0.29.1") -> Choice:
    return Choice(variant, torch, torchvision, INDEX + variant, True, variant, "")


def verify(
    torch: str,
    cuda: str | None = None,
    *,
    hip: str | None = None,
    cuda_devices: tuple[str, ...] = (),
    mps: bool = False,
    xpu_devices: tuple[str, ...] = (),
    cuda_error: str | None = None,
) -> dict[str, Any]:
    """A verify result shaped like resources/verify.py's."""
    devices = ["cpu"]
    names = {"cpu": "CPU"}
    for i, name in enumerate(cuda_devices):
        devices.append(f"cuda:{i}")
        names[f"cuda:{i}"] = name
    if mps:
        devices.append("mps")
        names["mps"] = "Apple GPU (MPS)"
    for i, name in enumerate(xpu_devices):
        devices.append(f"xpu:{i}")
        names[f"xpu:{i}"] = name
    info: dict[str, Any] = {
        "python": "3.12.3",
        "ok": True,
        "torch": torch,
        "cuda_build": cuda,
        "hip_build": hip,
        "cuda_available": bool(cuda_devices),
        "mps_available": mps,
        "xpu_available": bool(xpu_devices),
        "devices": devices,
        "device_names": names,
    }
    if cuda_error is not None:
        info["cuda_error"] = cuda_error
    return info


def check_shape(r: AfterCheck) -> None:
    assert r.code in CODES
    assert set(r.actions) <= set(ACTIONS)
    assert r.messages and all(isinstance(m, str) and m.strip() for m in r.messages)
    assert r.device in ("cuda", "mps", "xpu", "cpu")
    assert r.to_json()["messages"] == list(r.messages)


# --------------------------------------------------------------------------------------------
# All good
# --------------------------------------------------------------------------------------------


def test_recorded_h200_run_all_good() -> None:
    info = parse_verify_line((H200_RUN / "verify.txt").read_text(encoding="utf-8"))
    assert info is not None and info["torch"] == "2.11.0+cu130"
    gpus = parse_nvidia_smi_csv((H200_RUN / "nvidia_smi_query.csv").read_text(encoding="utf-8"))
    report = hw(*gpus)
    r = explain_verify(info, rec_for(report), report, data=DATA)
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.device, r.code) == (True, True, "cuda", "ok")
    assert r.messages[0] == "PyTorch can use your NVIDIA H200 (cuda:0)."
    assert r.fix_command == ()


def test_rtx3060_all_good() -> None:
    report = hw(RTX3060)
    r = explain_verify(
        verify("2.14.1+cu130", "13.0", cuda_devices=(RTX3060.name,)), rec_for(report), report, data=DATA
    )
    check_shape(r)
    assert r.ok and r.gpu_usable and r.device == "cuda"
    assert r.messages[0] == "PyTorch can use your NVIDIA GeForce RTX 3060 (cuda:0)."
    assert any('"cuda"' in m for m in r.messages)


def test_two_gpus_named() -> None:
    report = hw(RTX3060, RTX3060)
    r = explain_verify(
        verify("2.14.1+cu130", "13.0", cuda_devices=(RTX3060.name, RTX3060.name)), rec_for(report), report
    )
    assert r.ok
    assert r.messages[0] == (
        "PyTorch can use your GPUs: NVIDIA GeForce RTX 3060 (cuda:0), NVIDIA GeForce RTX 3060 (cuda:1)."
    )


def test_cpu_expected_and_works() -> None:
    report = hw()
    r = explain_verify(verify("2.14.1+cpu"), rec_for(report), report)
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.device, r.code) == (True, False, "cpu", "ok")
    assert "processor (CPU)" in r.messages[0]


def test_import_failed() -> None:
    info = {"python": "3.12.3", "ok": False, "error": "ImportError: DLL load failed while importing _C"}
    r = explain_verify(info, None, None)
    check_shape(r)
    assert not r.ok and r.code == "import-failed"
    assert "DLL load failed" in r.messages[0]


# --------------------------------------------------------------------------------------------
# CPU build on a GPU machine
# --------------------------------------------------------------------------------------------


def test_cpu_build_on_nvidia_machine() -> None:
    report = hw(RTX3060)
    rec = rec_for(report)
    assert rec.variant is not None and rec.variant.startswith("cu")  # the newest CUDA build of the data
    index = f"https://download.pytorch.org/whl/{rec.variant}"
    pins = (f"torch=={rec.torch}", f"torchvision=={rec.torchvision}")
    r = explain_verify(verify(f"{rec.torch}+cpu"), rec, report, env_python="/home/ada/torch-env/bin/python")
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.device, r.code) == (False, False, "cpu", "cpu-build-on-gpu")
    assert r.fix_command == (
        "/home/ada/torch-env/bin/python",
        "-m",
        "pip",
        "install",
        "--force-reinstall",
        *pins,
        "--index-url",
        index,
    )
    text = " ".join(r.messages)
    assert "CPU-only" in text and "NVIDIA GeForce RTX 3060" in text
    assert (
        f"/home/ada/torch-env/bin/python -m pip install --force-reinstall {' '.join(pins)} --index-url {index}"
        in text
    )
    assert "choose-another-build" in r.actions


def test_cpu_build_without_label_on_windows() -> None:
    """Windows' default index serves the CPU build without a "+cpu" label."""
    report = hw(RTX3060, os_name="windows")
    r = explain_verify(
        verify("2.14.1"),
        choice("cu126"),
        report,
        env_python=r"C:\Users\Ada Lovelace\torch-env\Scripts\python.exe",
    )
    assert r.code == "cpu-build-on-gpu"
    assert r.fix_command[-1] == "https://download.pytorch.org/whl/cu126"
    assert r.fix_command[5:7] == ("torch==2.14.1", "torchvision==0.29.1")
    assert any('"C:\\Users\\Ada Lovelace\\torch-env\\Scripts\\python.exe" -m pip' in m for m in r.messages)


def test_cpu_build_on_amd_machine() -> None:
    report = hw(RX7900)
    rec = rec_for(report)
    assert rec.variant is not None and rec.variant.startswith("rocm")
    r = explain_verify(verify(f"{rec.torch}+cpu"), rec, report)
    assert r.code == "cpu-build-on-gpu"
    assert r.fix_command[-1] == f"https://download.pytorch.org/whl/{rec.variant}"


def test_cuda_build_on_amd_machine_is_the_wrong_build() -> None:
    report = hw(RX7900)
    r = explain_verify(verify("2.14.1+cu130", "13.0"), rec_for(report), report)
    assert r.code == "wrong-gpu-build" and not r.ok
    assert r.fix_command


# --------------------------------------------------------------------------------------------
# CUDA build, CUDA not available
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "code"), [("no-driver", "no-nvidia-driver"), ("driver-not-responding", "driver-not-responding")]
)
def test_driver_missing_or_not_responding(state: str, code: str) -> None:
    report = HardwareReport("linux", "x86_64", (), None, None, state, None)
    r = explain_verify(verify("2.14.1+cu130", "13.0"), choice("cu130"), report)
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.code) == (False, False, code)
    assert "open-driver-page" in r.actions
    assert "processor (CPU)" in r.messages[-1]


def test_no_driver_from_torch_text_only() -> None:
    r = explain_verify(
        verify("2.14.1+cu130", "13.0", cuda_error="Found no NVIDIA driver on your system."),
        choice("cu130"),
        None,
    )
    assert r.code == "no-nvidia-driver"


def test_driver_too_old_from_hardware() -> None:
    old = Gpu("nvidia", RTX3060.name, 12288, "8.6", "535.104.05")
    report = hw(old)
    r = explain_verify(verify("2.14.1+cu130", "13.0"), choice("cu130"), report)
    check_shape(r)
    assert r.code == "driver-too-old" and not r.ok
    text = " ".join(r.messages)
    assert "535.104.05" in text and "580" in text
    assert "NVIDIA CUDA 12.6" in text  # a build that runs with this driver and has code for the GPU


def test_driver_too_old_from_torch_warning() -> None:
    warning = (
        "UserWarning: CUDA initialization: The NVIDIA driver on your system is too old (found version 12020). "
        "Please update your GPU driver by downloading and installing a new version from the URL"
    )
    r = explain_verify(verify("2.14.1+cu130", "13.0"), choice("cu130"), None, extra_text=warning)
    assert r.code == "driver-too-old"
    text = " ".join(r.messages)
    assert "CUDA up to 12.2" in text
    assert "NVIDIA CUDA 12.6 build" in text and "13.2" not in text  # a 12.x driver runs every 12.x build


def test_cuda_build_without_nvidia_gpu() -> None:
    r = explain_verify(verify("2.14.1+cu130", "13.0"), choice("cu130"), hw())
    assert r.code == "no-nvidia-gpu"
    assert not r.ok and r.device == "cpu"


def test_cuda_unavailable_otherwise_quotes_torch() -> None:
    report = hw(RTX3060)
    r = explain_verify(
        verify(
            "2.14.1+cu130",
            "13.0",
            cuda_error="CUDA unknown error - this may be due to an incorrectly set up environment",
        ),
        choice("cu130"),
        report,
    )
    check_shape(r)
    assert r.code == "cuda-unavailable"
    assert any("CUDA unknown error" in m for m in r.messages)


@pytest.mark.parametrize(("value", "hides"), [("", True), ("-1", True), ("0", False), ("GPU-5b2c", False)])
def test_cuda_visible_devices_hiding_the_gpu(value: str, hides: bool) -> None:
    """Seen on a real H200: with CUDA_VISIBLE_DEVICES= torch reports no CUDA and no error at all."""
    info = verify("2.11.0+cu130", "13.0")
    info["cuda_visible_devices"] = value
    r = explain_verify(info, choice("cu130"), hw(Gpu("nvidia", "NVIDIA H200", 143771, "9.0", "580.159.04")))
    assert r.code == "cuda-unavailable" and not r.ok
    assert ("hides every GPU" in " ".join(r.messages)) == hides


def test_linux_default_index_build_counts_as_cuda() -> None:
    """Plain ``pip install torch`` on Linux gives the cu130 build without a label."""
    report = hw(Gpu("nvidia", RTX3060.name, 12288, "8.6", "550.54"))
    r = explain_verify(verify("2.14.1", "13.0"), choice("cu130"), report)
    assert r.code == "driver-too-old"


# --------------------------------------------------------------------------------------------
# GPU not in the build
# --------------------------------------------------------------------------------------------


def test_pascal_gpu_not_in_cu130() -> None:
    report = hw(GTX1080)
    r = explain_verify(verify("2.14.1+cu130", "13.0", cuda_devices=(GTX1080.name,)), choice("cu130"), report)
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.device, r.code) == (False, False, "cpu", "gpu-arch-unsupported")
    text = " ".join(r.messages)
    assert "6.1" in text and "NVIDIA CUDA 12.6" in text


def test_blackwell_not_in_cu126() -> None:
    report = hw(RTX5090)
    r = explain_verify(verify("2.14.1+cu126", "12.6", cuda_devices=(RTX5090.name,)), choice("cu126"), report)
    assert r.code == "gpu-arch-unsupported" and not r.ok
    # a build with Blackwell's code (CUDA 12.8 or newer) is proposed
    assert re.search(r"Install the NVIDIA CUDA (?:12\.[89]|1[3-9]\.\d+) build instead", " ".join(r.messages))


def test_one_of_two_gpus_not_in_build() -> None:
    report = hw(RTX3060, GTX1080)
    r = explain_verify(
        verify("2.14.1+cu130", "13.0", cuda_devices=(RTX3060.name, GTX1080.name)), choice("cu130"), report
    )
    assert (r.ok, r.gpu_usable, r.device, r.code) == (True, True, "cuda", "gpu-arch-unsupported")
    assert r.messages[0] == "PyTorch can use your NVIDIA GeForce RTX 3060 (cuda:0)."
    assert any("GTX 1080" in m for m in r.messages)


def test_no_kernel_image_text_without_hardware() -> None:
    text = "RuntimeError: CUDA error: no kernel image is available for execution on the device"
    r = explain_verify(
        verify("2.14.1+cu130", "13.0", cuda_devices=("NVIDIA Tesla K80",)),
        choice("cu130"),
        None,
        extra_text=text,
    )
    assert r.code == "gpu-arch-unsupported" and not r.ok


# --------------------------------------------------------------------------------------------
# Apple, AMD, Intel
# --------------------------------------------------------------------------------------------


def test_mps_all_good() -> None:
    report = hw(Gpu("apple", "Apple M3 GPU", None, None, None), os_name="macos", arch="arm64")
    r = explain_verify(verify("2.14.1", mps=True), rec_for(report), report, macos_version="15.1")
    check_shape(r)
    assert (r.ok, r.gpu_usable, r.device) == (True, True, "mps")
    assert r.messages[0] == "PyTorch can use your Apple GPU (MPS)."


def test_mps_macos_too_old() -> None:
    report = hw(Gpu("apple", "Apple M1 GPU", None, None, None), os_name="macos", arch="arm64")
    r = explain_verify(verify("2.14.1"), rec_for(report), report, macos_version="13.6.1")
    check_shape(r)
    assert (r.ok, r.code, r.device) == (False, "mps-macos-too-old", "cpu")
    assert "14.0" in r.messages[0] and "13.6.1" in r.messages[0]


def test_mps_not_available_on_new_macos() -> None:
    report = hw(Gpu("apple", "Apple M1 GPU", None, None, None), os_name="macos", arch="arm64")
    r = explain_verify(verify("2.14.1"), rec_for(report), report, macos_version="15.1")
    assert r.code == "mps-unavailable"
    assert "Rosetta" in " ".join(r.messages)


def test_rocm_all_good_and_unavailable() -> None:
    report = hw(RX7900)
    rec = rec_for(report)
    good = explain_verify(
        verify("2.14.1+rocm7.2", hip="7.2.26015", cuda_devices=("Radeon RX 7900 XTX",)), rec, report
    )
    assert (good.ok, good.device, good.code) == (True, "cuda", "ok")
    assert good.messages[0] == "PyTorch can use your Radeon RX 7900 XTX (cuda:0)."
    bad = explain_verify(verify("2.14.1+rocm7.2", hip="7.2.26015"), rec, report)
    check_shape(bad)
    assert (bad.ok, bad.code) == (False, "rocm-unavailable")
    assert '"render"' in " ".join(bad.messages)


def test_xpu_all_good_and_unavailable() -> None:
    report = hw(ARC, os_name="windows")
    rec = rec_for(report)
    assert rec.variant == "xpu"
    good = explain_verify(verify("2.14.1+xpu", xpu_devices=(ARC.name,)), rec, report)
    assert (good.ok, good.device) == (True, "xpu")
    assert good.messages[0] == "PyTorch can use your Intel(R) Arc(TM) A770 Graphics (xpu:0)."
    bad = explain_verify(verify("2.14.1+xpu"), rec, report)
    check_shape(bad)
    assert (bad.ok, bad.code) == (False, "xpu-unavailable")
    assert "Intel graphics driver" in " ".join(bad.messages)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def test_build_kind_and_variant() -> None:
    assert local_label("2.13.0+cu130") == "cu130" and local_label("2.13.0") == ""
    assert build_kind(verify("2.13.0+cu130", "13.0")) == "cuda"
    assert build_kind(verify("2.13.0+rocm7.2", hip="7.2.1")) == "rocm"
    assert build_kind(verify("2.13.0+xpu")) == "xpu"
    assert build_kind(verify("2.13.0")) == "cpu"
    v = installed_variant(verify("2.14.1", "13.2"), DATA)
    assert v is not None and v.name == "cu132"
    v = installed_variant(verify("2.14.1+rocm7.2", hip="7.2.26015"), DATA)
    assert v is not None and v.name == "rocm7.2"
    assert installed_variant(verify("2.14.1+cu999", "99.9"), DATA) is None


def test_parse_verify_line() -> None:
    text = 'noise\nWIZARD-VERIFY {broken\nWIZARD-VERIFY {"ok": true, "torch": "2.14.1"}\n'
    assert parse_verify_line(text) == {"ok": True, "torch": "2.14.1"}
    assert parse_verify_line("nothing here") is None


def test_mps_min_macos_in_data() -> None:
    assert DATA.mps_min_macos("2.14.1") == "14.0"
    assert DATA.mps_min_macos("2.13.0+cpu") == "14.0"
    assert DATA.mps_min_macos("2.2.2") == "12.3"
    assert DATA.mps_min_macos("1.0.0") is None


# --------------------------------------------------------------------------------------------
# Optional nvcc (extras.py)
# --------------------------------------------------------------------------------------------


def test_nvcc_cuda13_pins_every_part() -> None:
    assert nvcc_requirements("cu130", DATA) == (
        "nvidia-cuda-nvcc==13.0.*",
        "nvidia-cuda-crt==13.0.*",
        "nvidia-nvvm==13.0.*",
        "nvidia-cuda-runtime==13.0.*",
        "nvidia-cuda-cccl==13.0.*",
    )
    assert nvcc_requirements("cu132", DATA)[0] == "nvidia-cuda-nvcc==13.2.*"
    assert nvcc_conda_packages("cu130", DATA) == ("cuda-nvcc", "cuda-version=13.0")
    assert nvcc_available("cu130", DATA) and nvcc_unavailable_reason("cu130", DATA) == ""


def test_nvcc_cuda12_has_no_pip_compiler() -> None:
    assert nvcc_requirements("cu126", DATA) == ()
    assert nvcc_conda_packages("cu126", DATA) == ("cuda-nvcc", "cuda-version=12.6")
    assert not nvcc_available("cu126", DATA) and nvcc_available("cu126", DATA, conda=True)
    reason = nvcc_unavailable_reason("cu126", DATA)
    assert "12.6" in reason and "cuda-nvcc" in reason
    assert nvcc_unavailable_reason("cu126", DATA, conda=True) == ""


@pytest.mark.parametrize("variant", ["cpu", "mps", "rocm7.2", "xpu", "nope", None])
def test_nvcc_not_for_other_builds(variant: str | None) -> None:
    assert nvcc_requirements(variant, DATA) == ()
    assert nvcc_conda_packages(variant, DATA) == ()
    assert nvcc_cuda_home(variant, "/env/site-packages", DATA) is None
    assert "does not use CUDA" in nvcc_unavailable_reason(variant, DATA)


def test_nvcc_data_matches_each_cuda_line() -> None:
    cuda_variants = [v for v in DATA.variants.values() if v.kind == "cuda"]
    assert cuda_variants
    for v in cuda_variants:
        assert v.cuda
        assert nvcc_conda_packages(v.name, DATA) == ("cuda-nvcc", f"cuda-version={v.cuda}")
        for text in nvcc_requirements(v.name, DATA):
            req = Requirement(text)
            assert req.name.startswith("nvidia-")
            assert req.specifier.contains(f"{v.cuda}.88")
            major, minor = v.cuda.split(".")
            assert not req.specifier.contains(f"{major}.{int(minor) + 1}.0")


def test_nvcc_cuda_home_and_label() -> None:
    home = nvcc_cuda_home("cu130", Path("/env/lib/python3.12/site-packages"), DATA)
    assert home == Path("/env/lib/python3.12/site-packages/nvidia/cu13")
    assert nvcc_cuda_home("cu126", "/env", DATA) is None
    assert "nvcc" in nvcc_option_label() and "only needed" in nvcc_option_label()


# --------------------------------------------------------------------------------------------
# Decide first, word second (issue 9): one table of causes; words made when read
# --------------------------------------------------------------------------------------------


def test_shared_codes_have_the_same_actions_as_diagnose() -> None:
    from wizard.core import causes
    from wizard.core.diagnose import diagnosis_for

    report = hw(RTX3060)
    r = explain_verify(verify("2.14.1+cpu"), rec_for(report), report)
    assert r.code == "cpu-build-on-gpu" and r.actions == diagnosis_for(r.code).actions
    for code in CODES:
        if code != "ok":
            assert causes.actions_for(code), code


def test_switching_the_language_rewords_the_same_check(qapp: Any) -> None:
    from wizard.i18n import Translations

    report = hw(RTX3060)
    r = explain_verify(verify("2.14.1+cpu"), rec_for(report), report)
    english = r.messages
    tr = Translations(qapp)
    try:
        assert tr.switch("zh_CN")
        chinese = r.messages  # the same result, no new check
        assert len(chinese) == len(english) and chinese != english
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese[-1])  # "PyTorch itself works; ..."
        assert r.to_json()["messages"] == list(chinese)
    finally:
        tr.switch("en")
    assert r.messages == english


def _gtx1060_on_cu130() -> tuple[dict, object]:
    from wizard.core.gpu import Gpu, HardwareReport

    hw = HardwareReport(
        "linux",
        "x86_64",
        (Gpu("nvidia", "NVIDIA GeForce GTX 1060", None, "6.1", "580.82"),),
        "580.82",
        "13.0",
        "ok",
        None,
    )
    verify = {
        "ok": True,
        "torch": "2.15.0+cu130",
        "cuda_build": "13.0",
        "cuda_available": True,  # is_available() says True even without code for the GPU
        "devices": ["cpu", "cuda:0"],
        "device_names": {"cpu": "CPU", "cuda:0": "NVIDIA GeForce GTX 1060"},
    }
    return verify, hw


def test_the_build_s_own_arch_list_decides_that_the_gpu_has_no_code() -> None:
    """verify.py reports torch.cuda.get_arch_list(); a GPU it does not cover is explained before the demo."""
    from wizard.core.aftercheck import explain_verify

    verify, hw = _gtx1060_on_cu130()
    verify["arch_list"] = ["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"]
    check = explain_verify(verify, None, hw)
    assert not check.ok and check.device == "cpu"
    assert "6.1" in " ".join(check.messages)
    verify["arch_list"] = ["sm_60", "sm_61", "sm_70"]
    assert explain_verify(verify, None, hw).ok


def test_a_kernel_that_fails_on_the_gpu_is_a_mismatch() -> None:
    from wizard.core.aftercheck import explain_verify

    verify, hw = _gtx1060_on_cu130()
    verify["torch"] = "2.99.0+cu999"  # a build the data file does not know: only the real kernel tells
    verify["kernel_errors"] = {
        "cuda:0": "CUDA error: no kernel image is available for execution on the device"
    }
    check = explain_verify(verify, None, hw)
    assert not check.ok and check.device == "cpu"
