"""The plan (core/plan.py): what mutation testing found unpinned by tests/test_plan.py and test_repairs.py.

The words a Chinese learner reads (step titles, notes, wheel-folder advice), which wheel of a folder fits
which computer, the extra steps (nvcc, JupyterLab) for both managers, the repair, the estimate shown on
the Review page, and the proxy for every tool.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_plan import (
    make_wheel,
    request,  # the same venv request as the plan tests
)
from wizard.core import releases
from wizard.core.plan import (
    JUPYTER_DOWNLOAD_MB,
    CondaTarget,
    InstallPlan,
    InstallRequest,
    Manager,
    Note,
    PackageSource,
    Route,
    SourceKind,
    StepId,
    WheelFolder,
    activate_commands,
    build_plan,
    check_wheel_folder,
    estimate_download_mb,
    note_text,
    proxy_env,
    repair_plan,
    replan,
    scan_wheel_folder,
    step_title,
)

DATA = releases.load()
CPU = "https://download.pytorch.org/whl/cpu"
CU130 = "https://download.pytorch.org/whl/cu130"
PROXY = "http://proxy.example.edu:8080"
CJK = re.compile(r"[\u4e00-\u9fff]")


def conda_request(**kw: object) -> InstallRequest:
    target = CondaTarget("/home/ann/miniforge3/bin/conda", "conda", "course", "/home/ann/miniforge3")
    base: dict[str, object] = dict(
        env_dir="/home/ann/miniforge3/envs/course", manager=Manager.CONDA, conda=target
    )
    base.update(kw)
    return request(**base)


def folder_of(path: Path, *names: str) -> WheelFolder:
    path.mkdir(parents=True, exist_ok=True)
    for name in names:
        make_wheel(path, name)
    return scan_wheel_folder(path)


def ids(plan: InstallPlan) -> list[str]:
    return [str(s.id) for s in plan.steps]


# -- the words, in the learner's language ---------------------------------------------------------------


@pytest.fixture
def chinese(chinese_words: None) -> None:
    """The Chinese catalogue in force (tests/conftest.py)."""


def test_every_step_has_its_own_title_in_chinese(chinese: None) -> None:
    titles = {step: step_title(step) for step in StepId}
    assert all(CJK.search(t) for t in titles.values()), titles
    assert len(set(titles.values())) == len(titles)  # no two steps look the same on the Install page


def test_every_step_has_its_own_title_in_english() -> None:
    titles = {step: step_title(step) for step in StepId}
    assert all(t and t != str(step) and not CJK.search(t) for step, t in titles.items()), titles
    assert len(set(titles.values())) == len(titles)


def test_a_step_from_a_newer_wizard_is_shown_by_its_name() -> None:
    # a journal written by another version may name a step this one does not know
    assert step_title("install-something-new") == "install-something-new"


def test_notes_and_wheel_folder_advice_are_in_chinese(chinese: None, tmp_path: Path) -> None:
    assert all(CJK.search(note_text(n)) for n in Note)
    missing = check_wheel_folder(scan_wheel_folder(tmp_path / "missing"), (3, 12), "linux")
    empty = check_wheel_folder(scan_wheel_folder(tmp_path), (3, 12), "linux")
    other = check_wheel_folder(
        folder_of(tmp_path, "torch-2.13.0-cp311-cp311-win_amd64.whl"), (3, 12), "linux"
    )
    assert [len(missing), len(empty), len(other)] == [1, 1, 1]
    assert all(CJK.search(m[0]) for m in (missing, empty, other)), (missing, empty, other)


def test_a_path_that_is_not_a_folder_asks_for_the_folder(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "torch.whl"
    not_a_folder.write_text("x")
    advice = check_wheel_folder(WheelFolder(str(not_a_folder), ()), (3, 12), "linux")
    empty = check_wheel_folder(scan_wheel_folder(tmp_path), (3, 12), "linux")  # a folder without torch
    assert advice and empty and advice != empty
    assert advice == check_wheel_folder(WheelFolder("", ()), (3, 12), "linux")


def test_wheels_for_another_computer_are_named_with_this_python(tmp_path: Path) -> None:
    folder = folder_of(
        tmp_path,
        "torch-2.13.0-cp311-cp311-win_amd64.whl",
        "torch-2.14.1-cp311-cp311-win_amd64.whl",
        "torchvision-0.28.0-cp311-cp311-win_amd64.whl",
    )
    (message,) = check_wheel_folder(folder, (3, 12), "linux")
    assert "torch-2.13.0-cp311-cp311-win_amd64.whl" in message
    assert "torch-2.14.1-cp311-cp311-win_amd64.whl" in message
    assert "torchvision" not in message  # only the PyTorch files are listed
    assert "3.12" in message
    # two fitting wheels (a newer and an older torch) are no problem at all
    two = folder_of(
        tmp_path / "two",
        "torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl",
    )
    assert check_wheel_folder(two, (3, 12), "linux") == []


# -- which wheel fits which computer ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "os_name", "fits"),
    [
        ("filelock-4.0.8-py3-none-any.whl", "windows", True),  # pure Python: every computer
        ("filelock-4.0.8-py3-none-any.whl", "macos", True),
        ("tool-1.0-py312-none-any.whl", "linux", True),  # for this Python's minor only
        ("tool-1.0-py311-none-any.whl", "linux", False),
        ("torch-2.13.0-cp312-cp312-linux_x86_64.whl", "linux", True),  # built on a Linux machine
        ("torch-2.13.0-cp312-cp312-macosx_11_0_arm64.whl", "macos", True),
        ("torch-2.13.0-cp312-cp312-win_amd64.whl", "linux", False),
        ("torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl", "windows", False),
        ("torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl", "freebsd", False),  # no crash either
        # musl Linux (Alpine): pip on the usual glibc Linux refuses it, so it must not be pinned
        ("torch-2.13.0-cp312-cp312-musllinux_1_2_x86_64.whl", "linux", False),
    ],
)
def test_a_wheel_fits_the_computers_it_was_built_for(filename: str, os_name: str, fits: bool) -> None:
    (wheel,) = scan_wheel_folder_names(filename)
    assert wheel.fits((3, 12), os_name) is fits


def scan_wheel_folder_names(*names: str) -> tuple[Any, ...]:
    from packaging.utils import parse_wheel_filename

    from wizard.core.plan import WheelFile

    out = []
    for n in names:
        name, version, _b, tags = parse_wheel_filename(n)
        out.append(
            WheelFile(
                str(name),
                version,
                n,
                frozenset(t.interpreter for t in tags),
                frozenset(t.platform for t in tags),
            )
        )
    return tuple(out)


def test_a_folder_for_two_kinds_of_cpu_pins_the_wheel_of_this_one(tmp_path: Path) -> None:
    """The ARM wheel is newer, but this is an x86 computer: its own wheel's version is pinned."""
    folder = folder_of(
        tmp_path,
        "torch-2.14.1-cp312-cp312-manylinux_2_28_aarch64.whl",
        "torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torchvision-0.29.1-cp312-cp312-manylinux_2_28_aarch64.whl",
        "torchvision-0.28.0-cp312-cp312-manylinux_2_28_x86_64.whl",
    )
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src, arch="x86_64"), DATA, folder=folder)
    assert (plan.torch, plan.torchvision) == ("2.13.0", "0.28.0")
    assert plan.notes == (Note.FOLDER_HAS_OTHER_TORCH,)


def test_the_chosen_torchvision_is_pinned_not_the_newest(tmp_path: Path) -> None:
    folder_of(
        tmp_path,
        "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torchvision-0.29.1-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torchvision-0.30.0-cp312-cp312-manylinux_2_28_x86_64.whl",
    )
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src), DATA)
    assert (plan.torch, plan.torchvision) == ("2.14.1", "0.29.1")
    assert plan.notes == ()  # the folder has just what was chosen: nothing to remark


def test_newest_from_a_folder_is_no_other_torch(tmp_path: Path) -> None:
    folder_of(tmp_path, "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl")
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src, torch=None, torchvision=None), DATA)
    assert plan.torch == "2.14.1" and plan.notes == ()


def test_a_folder_with_pip_24_1_exactly_gets_the_progress_bar(tmp_path: Path) -> None:
    folder_of(tmp_path, "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl", "pip-24.1-py3-none-any.whl")
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src, torchvision=None), DATA)
    install = plan.step(StepId.INSTALL_TORCH)
    assert install is not None and install.raw_progress and "raw" in install.args


def test_the_plan_uses_the_folder_it_is_given(tmp_path: Path) -> None:
    """The Review page scans the folder once; the plan does not scan it again (a slow network drive)."""
    seen = folder_of(tmp_path / "seen", "torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl")
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path / "elsewhere"))
    plan = build_plan(request(source=src, torchvision=None), DATA, folder=seen)
    assert plan.torch == "2.13.0"


def test_a_plan_from_an_index_has_no_notes_and_no_missing_step() -> None:
    plan = build_plan(request(), DATA)
    assert list(plan.notes) == []
    assert plan.step(StepId.INSTALL_NVCC) is None and plan.index_of(StepId.INSTALL_NVCC) == -1


# -- the extra steps, for both managers ---------------------------------------------------------------


def test_jupyterlab_is_installed_by_the_environments_pip_with_the_progress_bar() -> None:
    plan = build_plan(request(jupyter=True), DATA)
    step = plan.step(StepId.INSTALL_JUPYTER)
    assert step is not None and step.raw_progress
    py = "/home/ann/pytorch-env/bin/python"
    # PyTorch's index has no JupyterLab: pip's default index
    assert step.argv == [py, "-m", "pip", "install", "--progress-bar", "raw", "jupyterlab"]
    mirror = "https://mirror.example.edu/simple"
    mirrored = build_plan(request(jupyter=True, source=PackageSource(SourceKind.CUSTOM_INDEX, mirror)), DATA)
    got = mirrored.step(StepId.INSTALL_JUPYTER)
    assert got is not None and got.argv[-2:] == ["--index-url", mirror]


def test_offline_with_the_bundled_pip_the_extra_steps_have_no_progress_bar(tmp_path: Path) -> None:
    folder_of(tmp_path, "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl")  # no pip in the folder
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src, torchvision=None, jupyter=True), DATA)
    step = plan.step(StepId.INSTALL_JUPYTER)
    assert step is not None and not step.raw_progress and "--progress-bar" not in step.args
    assert step.args[-3:] == ("--no-index", "--find-links", str(tmp_path))


def test_nvcc_in_a_venv_only_when_asked_and_from_the_given_release_data() -> None:
    plain = build_plan(request(variant="cu130", source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)), DATA)
    assert StepId.INSTALL_NVCC not in ids(plain)
    # the release data the plan is given (the live index's) decides the packages, not the bundled file
    v = DATA.variants["cu130"]._replace(nvcc_pip=("nvidia-cuda-nvcc==13.0.99",))
    data = DATA._replace(variants={**DATA.variants, "cu130": v})
    plan = build_plan(
        request(variant="cu130", nvcc=True, source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)), data
    )
    step = plan.step(StepId.INSTALL_NVCC)
    py = "/home/ann/pytorch-env/bin/python"
    assert step is not None and step.raw_progress
    assert step.argv == [py, "-m", "pip", "install", "--progress-bar", "raw", "nvidia-cuda-nvcc==13.0.99"]


def test_conda_nvcc_comes_from_conda_forge_into_the_new_env() -> None:
    v = DATA.variants["cu130"]._replace(nvcc_conda=("cuda-nvcc", "cuda-version=13.0"))
    data = DATA._replace(variants={**DATA.variants, "cu130": v})
    plan = build_plan(
        conda_request(variant="cu130", nvcc=True, source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)), data
    )
    step = plan.step(StepId.INSTALL_NVCC)
    assert step is not None and step.conda_json
    assert step.argv == [
        "/home/ann/miniforge3/bin/conda",
        "install",
        "-y",
        "--json",
        "-n",
        "course",
        "--override-channels",
        "-c",
        "conda-forge",
        "cuda-nvcc",
        "cuda-version=13.0",
    ]
    other = DATA.variants["cu130"]._replace(nvcc_conda=("cuda-nvcc", "cuda-version=13.0.2"))
    plan2 = build_plan(
        conda_request(variant="cu130", nvcc=True, source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)),
        DATA._replace(variants={**DATA.variants, "cu130": other}),
    )
    got = plan2.step(StepId.INSTALL_NVCC)
    assert got is not None and got.argv[-1] == "cuda-version=13.0.2"


@pytest.mark.parametrize(
    "req",
    [
        conda_request(jupyter=True),
        conda_request(route=Route.CONDA_FORGE, jupyter=True),
        conda_request(variant="cu130", nvcc=True, source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)),
        request(
            jupyter=True, variant="cu130", nvcc=True, source=PackageSource(SourceKind.PYTORCH_INDEX, CU130)
        ),
    ],
    ids=["conda-pip", "conda-forge", "conda-nvcc", "venv-all"],
)
def test_every_step_has_a_time_limit_and_conda_steps_report_json_progress(req: InstallRequest) -> None:
    plan = build_plan(req, DATA)
    for step in plan.steps:
        assert isinstance(step.timeout_s, float) and step.timeout_s > 0, step.id
        by_conda = req.conda is not None and step.program == req.conda.exe
        assert step.conda_json is by_conda, step.id  # conda runs with --json; pip and python do not
        if by_conda:
            assert "--json" in step.args


def test_a_conda_env_on_windows_runs_its_own_python_for_the_check() -> None:
    prefix = r"C:\Users\ann\miniforge3\envs\course"
    plan = build_plan(conda_request(os_name="windows", env_dir=prefix), DATA)
    assert plan.env_python == prefix + r"\python.exe"
    verify = plan.step(StepId.VERIFY)
    assert verify is not None and verify.program == prefix + r"\python.exe"
    venv = build_plan(request(os_name="windows", env_dir=r"C:\env"), DATA)
    check = venv.step(StepId.VERIFY)
    assert check is not None and check.program == r"C:\env\Scripts\python.exe"


# -- the repair ----------------------------------------------------------------------------------------


def test_the_repair_reinstalls_the_right_build_and_checks_again() -> None:
    plan = build_plan(request(proxy=PROXY), DATA)
    fixed = repair_plan(plan, DATA, torch="2.14.1", torchvision="0.29.1", variant="cu130", index_url=CU130)
    py = "/home/ann/pytorch-env/bin/python"
    assert ids(fixed) == [StepId.REPAIR, StepId.VERIFY]
    repair, verify = fixed.steps
    assert repair.argv == [
        py,
        "-m",
        "pip",
        "install",
        "--force-reinstall",
        "--progress-bar",
        "raw",
        "torch==2.14.1",
        "torchvision==0.29.1",
        "--index-url",
        CU130,
    ]
    assert repair.raw_progress is True and repair.timeout_s >= 3600
    assert ("HTTPS_PROXY", PROXY) in repair.env
    assert (
        verify.program == py and Path(verify.args[0]).name == "verify.py" and Path(verify.args[0]).is_file()
    )
    assert verify.timeout_s > 0
    assert (fixed.torch, fixed.torchvision) == ("2.14.1", "0.29.1")
    assert fixed.request.variant == "cu130" and fixed.request.source == PackageSource(
        SourceKind.PYTORCH_INDEX, CU130
    )
    assert fixed.download_mb == estimate_download_mb(fixed.request, DATA) > 0


def test_a_repair_adds_no_torchvision_that_was_not_installed() -> None:
    plan = build_plan(request(torchvision=None), DATA)
    fixed = repair_plan(plan, DATA, torch="2.14.1", torchvision="0.29.1", variant="cu130", index_url=CU130)
    assert fixed.torchvision is None and not any("torchvision" in a for a in fixed.steps[0].args)


def test_a_repair_of_a_windows_conda_env_uses_its_own_python() -> None:
    prefix = r"C:\Users\ann\miniforge3\envs\course"
    plan = build_plan(conda_request(os_name="windows", env_dir=prefix), DATA)
    fixed = repair_plan(plan, DATA, torch="2.14.1", torchvision=None, variant="cu130", index_url=CU130)
    assert [s.program for s in fixed.steps] == [prefix + r"\python.exe"] * 2
    assert fixed.env_python == prefix + r"\python.exe"


def test_an_old_conda_plan_keeps_the_change_asked_for() -> None:
    plan = build_plan(conda_request(), DATA)
    restored = dataclasses.replace(plan, request=dataclasses.replace(plan.request, conda=None))
    again = replan(restored, DATA, proxy=PROXY)
    assert again.request.proxy == PROXY and again.steps == restored.steps


# -- the estimate on the Review page ------------------------------------------------------------------


def test_the_download_estimate_adds_what_is_installed() -> None:
    base = request(torchvision=None)
    torch_only = estimate_download_mb(base, DATA)
    with_vision = estimate_download_mb(request(), DATA)
    with_jupyter = estimate_download_mb(request(torchvision=None, jupyter=True), DATA)
    assert with_vision - torch_only == DATA.torchvision_download_mb > 0
    assert with_jupyter - torch_only == JUPYTER_DOWNLOAD_MB
    cpu_size = DATA.variants["cpu"].download_mb("linux") or 0
    assert torch_only == cpu_size + DATA.dependencies_download_mb
    # the Mac build downloads the CPU wheels; an unknown build is estimated as the CPU one
    assert estimate_download_mb(request(variant="mps", os_name="linux", torchvision=None), DATA) == torch_only
    assert estimate_download_mb(request(variant="cu999", torchvision=None), DATA) == torch_only
    cuda = estimate_download_mb(request(variant="cu130", torchvision=None), DATA)
    assert cuda > torch_only  # a CUDA build is much bigger
    # the Hardware page's figure, when it showed one, plus what comes with it
    shown = estimate_download_mb(request(download_mb=900, jupyter=True), DATA)
    assert shown == 900 + JUPYTER_DOWNLOAD_MB


# -- the proxy and the PowerShell line ----------------------------------------------------------------


def test_the_proxy_is_given_in_every_spelling_tools_read() -> None:
    # pip reads either case, curl-based tools (conda's downloads) read lower-case http_proxy and both
    # spellings of https_proxy; on Windows the names are the same variable
    assert dict(proxy_env(PROXY)) == {
        "HTTP_PROXY": PROXY,
        "HTTPS_PROXY": PROXY,
        "http_proxy": PROXY,
        "https_proxy": PROXY,
    }
    assert proxy_env(None) == () and proxy_env("") == ()


def test_powershell_activation_survives_an_apostrophe_in_the_folder() -> None:
    ps = dict(activate_commands(r"C:\Users\O'Brien\env", "windows"))["PowerShell"]
    assert ps == r"& 'C:\Users\O''Brien\env\Scripts\Activate.ps1'"


# -- found by the second run --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "os_name", "arch"),
    [
        ("torch-2.13.0-cp312-cp312-win_amd64.whl", "windows", "AMD64"),  # Windows says AMD64
        ("torch-2.13.0-cp312-none-macosx_11_0_universal2.whl", "macos", "x86_64"),  # one file, both Macs
        ("torch-2.13.0-cp312-cp312-manylinux_2_28_ppc64le.whl", "linux", "ppc64le"),  # a kind not listed
    ],
)
def test_a_wheel_fits_the_cpu_under_the_names_the_system_gives_it(
    filename: str, os_name: str, arch: str
) -> None:
    (wheel,) = scan_wheel_folder_names(filename)
    assert wheel.fits((3, 12), os_name, arch)
    assert not wheel.fits((3, 12), os_name, "riscv64")


def test_the_best_wheel_is_the_newest_for_this_cpu(tmp_path: Path) -> None:
    folder = folder_of(
        tmp_path,
        "torch-2.14.1-cp312-cp312-manylinux_2_28_aarch64.whl",
        "torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torch-2.12.0-cp312-cp312-manylinux_2_28_x86_64.whl",
    )
    best = folder.best("torch", (3, 12), "linux", "x86_64")
    assert best is not None and str(best.version) == "2.13.0"
    newest = folder.best("torch", (3, 12), "linux")
    assert newest is not None and str(newest.version) == "2.14.1"


def test_choosing_a_wheel_is_a_quick_look_not_a_full_read(tmp_path: Path) -> None:
    """A byte changed inside the newest wheel: the plan still pins it (the Review page's deep check is
    the one that reads every byte and tells the learner), so the plan never stalls on a 2 GB file and
    never quietly falls back to an older wheel than the one the Review page reports on."""
    import base64
    import hashlib
    import zipfile

    make_wheel(tmp_path, "torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl")
    newest = tmp_path / "torch-2.14.1-cp312-cp312-manylinux_2_28_x86_64.whl"
    body = b"A" * 200
    digest = base64.urlsafe_b64encode(hashlib.sha256(body).digest()).rstrip(b"=").decode()
    info = "torch-2.14.1.dist-info"
    with zipfile.ZipFile(newest, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("torch/__init__.py", body)
        z.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.14.1\n")
        z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n")
        z.writestr(
            f"{info}/RECORD",
            f"torch/__init__.py,sha256={digest},200\n{info}/METADATA,,\n{info}/WHEEL,,\n{info}/RECORD,,\n",
        )
    newest.write_bytes(newest.read_bytes().replace(body, b"A" * 199 + b"B"))
    from wizard.core.wheelverify import verify_wheel

    assert verify_wheel(newest, deep=True)[0] is not None  # damaged, as the deep check finds
    folder = scan_wheel_folder(tmp_path)
    chosen = folder.choose("torch", None, (3, 12), "linux", "x86_64")
    assert chosen is not None and str(chosen.version) == "2.14.1"


def test_jupyterlab_in_a_conda_env_comes_from_the_envs_pip() -> None:
    plan = build_plan(conda_request(jupyter=True), DATA)
    step = plan.step(StepId.INSTALL_JUPYTER)
    py = "/home/ann/miniforge3/envs/course/bin/python"
    assert step is not None and step.raw_progress is True
    assert step.argv == [py, "-m", "pip", "install", "--progress-bar", "raw", "jupyterlab"]
    assert ids(plan)[-1] == StepId.VERIFY


def test_the_estimate_of_a_conda_env_adds_its_python_and_unknown_sizes_add_nothing() -> None:
    from wizard.core.plan import PYTHON_ENV_DOWNLOAD_MB

    assert estimate_download_mb(conda_request(download_mb=900), DATA) == 900 + PYTHON_ENV_DOWNLOAD_MB
    # no size in the data for this build on this system: only what comes with it is counted
    assert DATA.variants["rocm7.2"].download_mb("windows") is None
    unknown = estimate_download_mb(request(variant="rocm7.2", os_name="windows", torchvision=None), DATA)
    assert unknown == DATA.dependencies_download_mb


def test_the_repaired_plan_remembers_the_build_it_installs() -> None:
    """What a retry or the journal reads from the repaired plan is the new build, not the old one."""
    plan = build_plan(request(torch="2.13.0", torchvision="0.28.0"), DATA)
    fixed = repair_plan(plan, DATA, torch="2.14.1", torchvision="0.29.1", variant="cu130", index_url=CU130)
    assert (fixed.request.torch, fixed.request.torchvision) == ("2.14.1", "0.29.1")
    assert "torch==2.14.1" in fixed.steps[0].args and "torchvision==0.29.1" in fixed.steps[0].args


def test_a_new_build_line_in_the_release_data_needs_no_code() -> None:
    """The data file alone describes a build: its kind and CUDA version are read from it, not from
    the look of its name (architecture.md, "Build rule": data first)."""
    from wizard.core.plan import conda_forge_packages, variant_cuda, variant_kind

    gpu = DATA.variants["cu132"]._replace(name="nightly-gpu", cuda="13.2")
    mac = DATA.variants["mps"]._replace(name="apple")
    data = DATA._replace(variants={**DATA.variants, "nightly-gpu": gpu, "apple": mac})
    assert variant_kind("nightly-gpu", data) == "cuda" and variant_cuda("nightly-gpu", data) == "13.2"
    assert variant_kind("apple", data) == "cpu"  # the Mac build installs the CPU wheels
    assert conda_forge_packages("nightly-gpu", "linux", "2.14.1", None, data) == [
        "pytorch-gpu=2.14",
        "cuda-version=13.2",
    ]
    # a build the data does not know is still read from its name, without a crash
    assert (variant_kind("cu999", DATA), variant_cuda("cu999", DATA)) == ("cuda", "99.9")
    assert variant_kind("rocm9.9", DATA) == "rocm" and variant_cuda("rocm9.9", DATA) == ""
