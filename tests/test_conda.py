"""conda, mamba and micromamba: parsers on recorded formats, discovery, names, plans, routes, progress,
and the stand-in (tests/standins/conda) end to end."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from wizard.core import conda as cd
from wizard.core import releases
from wizard.core.diagnose import diagnose
from wizard.core.plan import PYTHON_ENV_DOWNLOAD_MB, InstallPlan, InstallRequest, Step, build_plan, step_title
from wizard.core.procenv import child_environment

FIXTURES = Path(__file__).parent / "fixtures" / "conda"
STANDINS = Path(__file__).parent / "standins"
STANDIN = STANDINS / "conda"
DATA = releases.load()


def conda_plan(*args: object, **kwargs: object) -> InstallPlan:
    """A conda request (validated by conda.conda_request) planned by the one plan builder."""
    return build_plan(cd.conda_request(*args, **kwargs), DATA)  # type: ignore[arg-type]


def conda_steps(*args: object, **kwargs: object) -> list[Step]:
    return list(conda_plan(*args, **kwargs).steps)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def install_from(name: str, kind: str, exe: str = "/x/bin/conda") -> cd.CondaInstall:
    info = cd.parse_info_json(fixture(name), kind)
    return cd.CondaInstall(
        exe=exe,
        kind=kind,
        version=info.version,
        root_prefix=info.root_prefix,
        envs=info.envs,
        envs_dirs=info.envs_dirs,
        platform=info.platform,
        cuda=info.cuda,
    )


# -- parsers ----------------------------------------------------------------------------------------


def test_conda_25_linux_info() -> None:
    info = cd.parse_info_json(fixture("conda-25.5.1-linux-info.json"), "conda")
    assert info.version == "25.5.1"
    assert info.root_prefix == "/home/ana/miniconda3"
    assert info.envs == (
        "/home/ana/miniconda3",
        "/home/ana/miniconda3/envs/old-torch",
        "/home/ana/miniconda3/envs/tf",
    )
    assert info.envs_listed
    assert info.envs_dirs[0] == "/home/ana/miniconda3/envs"
    assert info.pkgs_dirs[0] == "/home/ana/miniconda3/pkgs"
    assert info.platform == "linux-64"
    assert info.cuda == "12.4"
    assert info.root_writable is True
    assert info.active_prefix == ""
    assert "https://repo.anaconda.com/pkgs/main/linux-64" in info.channels


def test_conda_24_windows_info_read_only_root() -> None:
    info = cd.parse_info_json(fixture("conda-24.11.3-windows-info.json"), "conda")
    assert info.version == "24.11.3"
    assert info.root_prefix == "C:\\ProgramData\\anaconda3"
    assert info.root_writable is False
    assert info.envs_dirs[0] == "C:\\Users\\Ana\\.conda\\envs"
    assert info.cuda == "12.6"
    assert info.platform == "win-64"


def test_mamba_1_prints_condas_info() -> None:
    info = cd.parse_info_json(fixture("mamba-1.5.8-linux-info.json"), "mamba")
    assert info.version == "1.5.8"  # from libmambapy/1.5.8 in the user agent
    assert info.root_prefix == "/home/ana/mambaforge"
    assert info.envs == ("/home/ana/mambaforge", "/home/ana/mambaforge/envs/lab")
    assert info.cuda == ""
    # Read as conda, the same text gives conda's version.
    assert cd.parse_info_json(fixture("mamba-1.5.8-linux-info.json"), "conda").version == "23.11.0"


def test_mamba_2_info_has_label_keys_and_no_envs() -> None:
    info = cd.parse_info_json(fixture("mamba-2.1.1-linux-info.json"), "mamba")
    assert info.version == "2.1.1"
    assert info.root_prefix == "/home/ana/miniforge3"
    assert not info.envs_listed and info.envs == ()
    assert info.envs_dirs == ("/home/ana/miniforge3/envs", "/home/ana/.conda/envs")
    assert info.pkgs_dirs[0] == "/home/ana/miniforge3/pkgs"
    assert info.cuda == "12.8"
    assert info.active_prefix == "/home/ana/miniforge3"
    assert info.root_writable is None


def test_micromamba_2_info() -> None:
    info = cd.parse_info_json(fixture("micromamba-2.0.2-macos-info.json"), "micromamba")
    assert info.version == "2.0.2"
    assert info.root_prefix == "/Users/ana/micromamba"
    assert info.active_prefix == ""  # "env location": "-"
    assert info.envs_dirs == ("/Users/ana/micromamba/envs",)
    assert info.platform == "osx-arm64"
    assert info.cuda == ""


def test_micromamba_1_info_older_keys() -> None:
    info = cd.parse_info_json(fixture("micromamba-1.x-linux-info.json"), "micromamba")
    assert info.version == "1.5.3"
    assert info.envs_dirs == ("/home/ana/micromamba/envs",)
    assert info.pkgs_dirs == ("/home/ana/micromamba/pkgs", "/home/ana/.mamba/pkgs")
    assert info.cuda == "12.2"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "conda-24.11.3-windows-env-list.json",
            ("C:\\ProgramData\\anaconda3", "C:\\Users\\Ana\\.conda\\envs\\vision"),
        ),
        (
            "conda-25.11.0-macos-env-list.json",
            (
                "/Users/ana/miniforge3",
                "/Users/ana/miniforge3/envs/py312",
                "/Users/ana/projects/demo/.conda-env",
            ),
        ),
        ("mamba-2.1.1-linux-env-list.json", ("/home/ana/miniforge3", "/home/ana/miniforge3/envs/gpu")),
        (
            "micromamba-2.0.2-macos-env-list.json",
            ("/Users/ana/micromamba/envs/py311", "/Users/ana/micromamba/envs/torch"),
        ),
    ],
)
def test_env_lists(name: str, expected: tuple[str, ...]) -> None:
    assert cd.parse_env_list_json(fixture(name)) == expected


def test_env_list_variants_and_noise() -> None:
    assert cd.parse_env_list_json('{"envs_details": {"/r": {"name": "base"}, "/r/envs/a": {}}}') == (
        "/r",
        "/r/envs/a",
    )
    assert cd.parse_env_list_json('{"envs": [{"prefix": "/r"}, {"path": "/r/envs/b"}, "/r"]}') == (
        "/r",
        "/r/envs/b",
    )
    noisy = "==> WARNING: A newer version of conda exists. <==\n  current version: 24.1.2\n" + fixture(
        "mamba-2.1.1-linux-env-list.json"
    )
    assert cd.parse_env_list_json(noisy)[0] == "/home/ana/miniforge3"
    with pytest.raises(ValueError):
        cd.parse_env_list_json("Traceback (most recent call last):\n  boom")


def test_info_errors() -> None:
    with pytest.raises(ValueError):
        cd.parse_info_json("", "conda")
    with pytest.raises(ValueError):
        cd.parse_info_json('{"conda_version": "25.5.1"}', "conda")  # no root prefix
    banner = "\n  micromamba banner\n" + fixture("micromamba-2.0.2-macos-info.json")
    assert cd.parse_info_json(banner, "micromamba").root_prefix == "/Users/ana/micromamba"


# -- installs, names and places ---------------------------------------------------------------------


def test_env_names_prefix_and_python() -> None:
    linux = install_from("conda-25.5.1-linux-info.json", "conda")
    assert linux.env_names() == ("base", "old-torch", "tf")
    assert cd.env_prefix(linux, "torch") == "/home/ana/miniconda3/envs/torch"
    assert (
        cd.env_python(cd.env_prefix(linux, "torch"), "linux") == "/home/ana/miniconda3/envs/torch/bin/python"
    )
    win = install_from(
        "conda-24.11.3-windows-info.json", "conda", "C:\\ProgramData\\anaconda3\\Scripts\\conda.exe"
    )
    win = dataclasses.replace(
        win, envs=cd.parse_env_list_json(fixture("conda-24.11.3-windows-env-list.json"))
    )
    assert win.env_names() == ("base", "vision")
    # A read-only root: conda creates named envs in the user's folder, first in envs_dirs.
    assert cd.env_prefix(win, "torch") == "C:\\Users\\Ana\\.conda\\envs\\torch"
    assert (
        cd.env_python("C:\\Users\\Ana\\.conda\\envs\\torch", "windows")
        == "C:\\Users\\Ana\\.conda\\envs\\torch\\python.exe"
    )
    micro = install_from("micromamba-2.0.2-macos-info.json", "micromamba", "/opt/homebrew/bin/micromamba")
    assert cd.env_prefix(micro, "t") == "/Users/ana/micromamba/envs/t"
    bare = cd.CondaInstall("/c/bin/conda", "conda", "25.5.1", "/c", ())
    assert cd.env_prefix(bare, "x") == "/c/envs/x"
    data = linux.to_json()
    assert {"exe", "kind", "version", "root_prefix", "envs"} <= set(data)
    assert data["envs"] == list(linux.envs)
    json.dumps(data)
    assert linux.label == "conda 25.5.1 — /home/ana/miniconda3"


@pytest.mark.parametrize("name", ["torch", "torch-2_13", "Py312", "a", "my_env-1"])
def test_valid_names(name: str) -> None:
    assert cd.validate_env_name(name, ["base", "tf"]) == []


@pytest.mark.parametrize(
    "name",
    ["", "   ", "my env", "torch.2", "café", "a/b", "-torch", "base", "Base", "root", "tf", "TF", "环境"],
)
def test_invalid_names(name: str) -> None:
    problems = cd.validate_env_name(name, ["base", "tf"])
    assert problems and all(isinstance(p, str) and p for p in problems)


def test_existing_env_names_reads_the_envs_folder(tmp_path: Path) -> None:
    (tmp_path / "envs" / "half-made").mkdir(parents=True)
    inst = cd.CondaInstall("/c/bin/conda", "conda", "25.5.1", str(tmp_path), (str(tmp_path),))
    names = cd.existing_env_names(inst)
    assert names == ["base", "half-made"]
    assert cd.validate_env_name("half-made", names)


# -- plans ------------------------------------------------------------------------------------------

LINUX = cd.CondaInstall(
    "/home/ana/miniconda3/bin/conda",
    "conda",
    "25.5.1",
    "/home/ana/miniconda3",
    ("/home/ana/miniconda3", "/home/ana/miniconda3/envs/tf"),
    envs_dirs=("/home/ana/miniconda3/envs", "/home/ana/.conda/envs"),
    platform="linux-64",
    cuda="13.0",
)
PY = "/home/ana/miniconda3/envs/torch/bin/python"


def verify_step(env_dir: str, os_name: str) -> tuple[str, ...]:
    req = InstallRequest("/usr/bin/python3", (3, 12), env_dir, os_name, None, None)
    return build_plan(req, DATA).steps[-1].argv


def test_pip_route_plan_cuda() -> None:
    steps = conda_steps(
        LINUX, "torch", "3.12", "linux", "cu130", "2.13.0", "0.28.0", "pip", DATA, DATA.index_url("cu130")
    )
    assert [s.id for s in steps] == ["conda-create", "upgrade-pip", "install-torch", "verify"]
    assert steps[0].argv == [
        "/home/ana/miniconda3/bin/conda",
        "create",
        "-y",
        "--json",
        "-n",
        "torch",
        "python=3.12",
        "pip",
        "--override-channels",
        "-c",
        "conda-forge",
    ]
    assert steps[1].argv == [PY, "-m", "pip", "install", "--upgrade", "pip>=24.1"]
    assert steps[2].argv == [
        PY,
        "-m",
        "pip",
        "install",
        "--progress-bar",
        "raw",
        "torch==2.13.0",
        "torchvision==0.28.0",
        "--index-url",
        "https://download.pytorch.org/whl/cu130",
    ]
    assert steps[2].raw_progress and not steps[0].raw_progress
    assert steps[3].argv == verify_step("/home/ana/miniconda3/envs/torch", "linux")
    assert {s.id for s in steps if s.id in cd.CONDA_JSON_STEPS} == {"conda-create"}
    assert all(s.env == () for s in steps)


def test_pip_route_macos_without_index_and_windows_paths() -> None:
    mac = cd.CondaInstall("/Users/a/miniforge3/bin/conda", "conda", "25.5.1", "/Users/a/miniforge3", ())
    steps = conda_steps(mac, "t", "3.12", "macos", "mps", None, None, "pip", DATA, None)
    assert steps[2].argv == [
        "/Users/a/miniforge3/envs/t/bin/python",
        "-m",
        "pip",
        "install",
        "--progress-bar",
        "raw",
        "torch",
    ]
    win = cd.CondaInstall(
        "C:\\Users\\Ana\\miniforge3\\Scripts\\conda.exe", "conda", "24.11.3", "C:\\Users\\Ana\\miniforge3", ()
    )
    steps = conda_steps(
        win, "t", "3.11", "windows", "cu126", "2.13.0", None, "pip", DATA, DATA.index_url("cu126")
    )
    assert steps[1].program == "C:\\Users\\Ana\\miniforge3\\envs\\t\\python.exe"
    assert steps[2].argv[-3:] == ["torch==2.13.0", "--index-url", "https://download.pytorch.org/whl/cu126"]


@pytest.mark.parametrize(
    ("variant", "os_name", "torch", "vision", "packages"),
    [
        ("cu130", "linux", "2.13.0", "0.28.0", ["pytorch-gpu=2.13", "torchvision=0.28", "cuda-version=13.0"]),
        ("cu126", "windows", "2.14.1", None, ["pytorch-gpu=2.14", "cuda-version=12.6"]),
        ("cpu", "linux", None, "", ["pytorch-cpu", "torchvision"]),
        ("cpu", "macos", "2.13.0", None, ["pytorch=2.13"]),
        ("mps", "macos", None, None, ["pytorch"]),
    ],
)
def test_conda_forge_route_plan(
    variant: str, os_name: str, torch: str | None, vision: str | None, packages: list[str]
) -> None:
    steps = conda_steps(LINUX, "gpu", "3.12", os_name, variant, torch, vision, "conda-forge", DATA, None)
    assert [s.id for s in steps] == ["conda-create", "conda-install", "verify"]
    assert steps[0].argv == [
        LINUX.exe,
        "create",
        "-y",
        "--json",
        "-n",
        "gpu",
        "python=3.12",
        "--override-channels",
        "-c",
        "conda-forge",
    ]
    assert steps[1].argv == [
        LINUX.exe,
        "install",
        "-y",
        "--json",
        "-n",
        "gpu",
        "--override-channels",
        "-c",
        "conda-forge",
        *packages,
    ]
    assert all(s.id in cd.CONDA_JSON_STEPS for s in steps[:2])


def test_pip_route_from_a_wheel_folder(tmp_path: Path) -> None:
    steps = conda_steps(
        LINUX, "off", "3.11", "linux", "cpu", "2.13.0", None, "pip", DATA, None, wheel_folder=str(tmp_path)
    )
    assert [s.id for s in steps] == ["conda-create", "install-torch", "verify"]  # no pip in the folder
    assert steps[1].argv[-4:] == ["torch==2.13.0", "--no-index", "--find-links", str(tmp_path)]
    (tmp_path / "pip-26.3-py3-none-any.whl").write_bytes(b"")
    steps = conda_steps(
        LINUX, "off", "3.11", "linux", "cpu", "2.13.0", None, "pip", DATA, None, wheel_folder=str(tmp_path)
    )
    assert steps[1].argv[-4:] == ["pip>=24.1", "--no-index", "--find-links", str(tmp_path)]
    plan = conda_plan(
        LINUX, "off", "3.11", "linux", "cpu", None, None, "pip", DATA, None, wheel_folder=str(tmp_path)
    )
    assert plan.request.source.folder == str(tmp_path) and plan.download_mb == PYTHON_ENV_DOWNLOAD_MB


def test_micromamba_plan_passes_its_root_and_proxy() -> None:
    micro = cd.CondaInstall("/home/a/.local/bin/micromamba", "micromamba", "2.1.1", "/home/a/micromamba", ())
    steps = conda_steps(
        micro, "t", "3.12", "linux", "cu130", None, None, "conda-forge", DATA, None, proxy="http://p:3128"
    )
    assert steps[0].argv[-2:] == ["-r", "/home/a/micromamba"]
    assert steps[1].argv[-2:] == ["-r", "/home/a/micromamba"]
    assert steps[2].program == "/home/a/micromamba/envs/t/bin/python"
    assert ("HTTPS_PROXY", "http://p:3128") in steps[0].env and steps[2].env == ()


def test_plan_refuses() -> None:
    with pytest.raises(ValueError):
        conda_steps(LINUX, "tf", "3.12", "linux", "cpu", None, None, "pip", DATA, None)  # exists
    with pytest.raises(ValueError):
        conda_steps(LINUX, "bad name", "3.12", "linux", "cpu", None, None, "pip", DATA, None)
    with pytest.raises(ValueError):
        conda_steps(LINUX, "t", "3.12", "linux", "cpu", None, None, "apt", DATA, None)
    with pytest.raises(ValueError):
        conda_steps(LINUX, "t", "3.12", "linux", "rocm7.2", None, None, "conda-forge", DATA, None)
    with pytest.raises(ValueError):
        conda_steps(LINUX, "t", "3.12", "linux", "xpu", None, None, "conda-forge", DATA, None)


def test_install_plan_wrapper_and_titles() -> None:
    plan = conda_plan(
        LINUX, "torch", "3.12", "linux", "cpu", "2.13.0", None, "pip", DATA, DATA.index_url("cpu")
    )
    assert isinstance(plan, InstallPlan)
    assert plan.env_python == PY
    assert plan.request.env_dir == "/home/ana/miniconda3/envs/torch"
    assert plan.request.python_version == (3, 12)
    assert plan.download_mb > DATA.variants["cpu"].download_mb("linux")
    assert plan.steps[0].id == "conda-create"
    for step_id in cd.STEP_IDS:
        assert step_title(step_id) and step_title(step_id) != step_id


# -- routes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "os_name"),
    [
        ("cpu", "linux"),
        ("cpu", "windows"),
        ("mps", "macos"),
        ("cu130", "linux"),
        ("cu126", "windows"),
        ("rocm7.2", "linux"),
        ("xpu", "linux"),
    ],
)
def test_choose_route_is_pip_with_a_reason(variant: str, os_name: str) -> None:
    route, reason = cd.choose_route(LINUX, variant, os_name, DATA)
    assert route == "pip"
    assert len(reason) > 40


def test_available_routes() -> None:
    assert [r for r, _ in cd.available_routes(LINUX, "cu130", "linux", DATA)] == ["pip", "conda-forge"]
    assert [r for r, _ in cd.available_routes(LINUX, "cpu", "linux", DATA)] == ["pip", "conda-forge"]
    assert [r for r, _ in cd.available_routes(LINUX, "rocm7.2", "linux", DATA)] == ["pip"]
    no_driver = cd.CondaInstall(LINUX.exe, "conda", "25.5.1", LINUX.root_prefix, ())
    assert [r for r, _ in cd.available_routes(no_driver, "cu130", "linux", DATA)] == ["pip"]
    old_driver = cd.CondaInstall(LINUX.exe, "conda", "25.5.1", LINUX.root_prefix, (), cuda="12.4")
    assert [r for r, _ in cd.available_routes(old_driver, "cu130", "linux", DATA)] == ["pip"]
    assert [r for r, _ in cd.available_routes(old_driver, "cu126", "linux", DATA)] == ["pip", "conda-forge"]


# -- progress ---------------------------------------------------------------------------------------


def lines_of(text: str) -> list[str]:
    """What the runner hands on: the output split at newlines (NULs stay inside the lines)."""
    return text.split("\n")


def test_progress_on_recorded_create_stream() -> None:
    stream = fixture("conda-25.5.1-create.stream")
    progress = cd.CondaProgress()
    seen: list[tuple[str, str, float | None]] = []
    for line in lines_of(stream):
        if progress.feed(line):
            seen.append((progress.phase, progress.file, progress.fraction))
    assert ("downloading", "python-3.12.11", 0.114286) in seen
    assert ("installing", "python-3.12.11", None) in seen
    assert seen[-1] == ("done", "", None)
    assert progress.succeeded is True
    assert progress.result is not None and progress.result["prefix"] == "/home/ana/miniconda3/envs/demo"
    assert progress.packages_done == 4
    assert progress.error_message == ""


def test_progress_bytes_from_the_label() -> None:
    progress = cd.CondaProgress()
    progress.feed(
        '{"fetch":"pytorch-2.5.1        | 1.2 GB    | ","finished":false,"maxval":1,"progress":0.500000}\n\0',
        line=False,
    )
    assert progress.file == "pytorch-2.5.1"
    assert progress.total == int(1.2 * 1024**3)
    assert progress.done == progress.total // 2
    assert progress.fraction == 0.5


def test_progress_in_raw_chunks() -> None:
    stream = fixture("conda-25.5.1-create.stream")
    progress = cd.CondaProgress()
    for i in range(0, len(stream), 7):
        progress.feed(stream[i : i + 7], line=False)
    assert progress.phase == "done" and progress.succeeded is True


@pytest.mark.parametrize(
    ("name", "error_name", "code"),
    [
        ("conda-25.5.1-create-tos.json", "CondaToSNonInteractiveError", "conda-tos"),
        ("conda-25.5.1-install-unsatisfiable.json", "LibMambaUnsatisfiableError", "conda-unsatisfiable"),
        ("conda-24.11.3-install-packagesnotfound.json", "PackagesNotFoundError", "conda-unsatisfiable"),
        ("conda-24.11.3-install-http.json", "CondaHTTPError", "conda-http"),
    ],
)
def test_progress_and_diagnosis_on_recorded_errors(name: str, error_name: str, code: str) -> None:
    text = fixture(name)
    progress = cd.CondaProgress()
    for line in ["Channels:", " - conda-forge", *lines_of(text)]:
        progress.feed(line)
    assert progress.phase == "failed" and progress.succeeded is False
    assert progress.error_name == error_name
    assert progress.error_message and "\\n" not in progress.error_message
    assert diagnose(text, 1, step="conda-install").code == code


def test_progress_micromamba_result_and_finish() -> None:
    progress = cd.CondaProgress()
    for line in json.dumps(
        {"success": False, "solver_problems": ["nothing provides __cuda"]}, indent=4
    ).split("\n"):
        progress.feed(line)
    assert progress.phase == "failed" and progress.error_message == "nothing provides __cuda"
    late = cd.CondaProgress()
    late.feed('{"success": true, "prefix": "/x"', line=False)
    assert late.result is None
    late.feed("}", line=False)
    assert late.succeeded is True
    partial = cd.CondaProgress()
    partial.feed("not json at all")
    assert not partial.finish() and partial.result is None


# -- discovery with fake installations ----------------------------------------------------------------


def wrapper(path: Path, kind: str, root: Path | None, **extra: str) -> Path:
    """A program at ``path`` that runs the stand-in as ``kind`` for ``root``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    env = {"STANDIN_CONDA_KIND": kind, **extra}
    if root is not None:
        env["STANDIN_CONDA_ROOT"] = str(root)
    assigns = " ".join(f"{k}='{v}'" for k, v in env.items())
    path.write_text(f"#!/bin/sh\n{assigns} exec '{sys.executable}' '{STANDIN}' \"$@\"\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def make_root(root: Path, *envs: str, condabin: bool = True, meta: bool = True) -> Path:
    (root / "envs").mkdir(parents=True, exist_ok=True)
    (root / "pkgs").mkdir(exist_ok=True)
    if meta:
        (root / "conda-meta").mkdir(exist_ok=True)
        (root / "conda-meta" / "history").write_text("", encoding="utf-8")
    if condabin:
        (root / "condabin").mkdir(exist_ok=True)
    for name in envs:
        (root / "envs" / name / "conda-meta").mkdir(parents=True)
        (root / "envs" / name / "conda-meta" / "history").write_text("", encoding="utf-8")
    return root


def base_env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


@pytest.mark.skipif(sys.platform == "win32", reason="the fake installs use shell wrappers")
def test_find_conda_in_fake_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fs = tmp_path / "fs"
    fs.mkdir()
    mini = make_root(home / "miniconda3", "old-torch")
    wrapper(mini / "bin" / "conda", "conda", mini)
    forge = make_root(home / "miniforge3", "lab")
    wrapper(forge / "bin" / "conda", "conda", forge)
    wrapper(forge / "bin" / "mamba", "mamba", forge)  # same root: one install, asked through conda
    micro = make_root(home / "micromamba", "m1", condabin=False, meta=False)
    wrapper(home / ".local" / "bin" / "micromamba", "micromamba", micro)
    custom = make_root(tmp_path / "tools" / "conda-x", "proj")
    wrapper(custom / "bin" / "conda", "conda", custom)
    (home / ".conda").mkdir()
    (home / ".conda" / "environments.txt").write_text(
        f"{mini}\n{custom / 'envs' / 'proj'}\n/nowhere/envs/gone\n", encoding="utf-8"
    )
    elsewhere = make_root(tmp_path / "shared" / "anaconda", condabin=True)
    exe = wrapper(elsewhere / "bin" / "conda", "conda", elsewhere, STANDIN_CONDA_VERSION="24.11.3")
    env = {**base_env(home), "CONDA_EXE": str(exe)}

    found = cd.find_conda(env=env, home=home, platform="linux", fs_root=fs, timeout=15)
    by_root = {Path(i.root_prefix).name: i for i in found}
    assert set(by_root) == {"miniconda3", "miniforge3", "micromamba", "conda-x", "anaconda"}, found
    assert all(i.ok for i in found), [i.error for i in found]
    assert found[0].root_prefix == str(elsewhere) and found[0].version == "24.11.3"  # CONDA_EXE first
    assert by_root["miniforge3"].kind == "conda"
    assert by_root["micromamba"].kind == "micromamba" and by_root["micromamba"].version == "2.1.1"
    assert str(micro / "envs" / "m1") in by_root["micromamba"].envs  # from env list --json
    assert by_root["miniconda3"].envs == (str(mini), str(mini / "envs" / "old-torch"))
    assert by_root["conda-x"].env_names() == ("base", "proj")
    assert by_root["miniconda3"].envs_dirs[0] == str(mini / "envs")


@pytest.mark.skipif(sys.platform == "win32", reason="the fake installs use shell wrappers")
def test_find_conda_reports_broken_installs(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fs = tmp_path / "fs"
    fs.mkdir()
    broken = make_root(home / "anaconda3")
    (broken / "bin").mkdir()
    (broken / "bin" / "conda").write_text(
        "#!/bin/sh\necho 'Traceback: ImportError: no module named conda' >&2\nexit 1\n"
    )
    (broken / "bin" / "conda").chmod(0o755)
    slow = make_root(home / "miniconda3")
    wrapper(slow / "bin" / "conda", "conda", slow, STANDIN_CONDA_HANG="30")
    good = make_root(home / "miniforge3")
    wrapper(good / "bin" / "mamba", "mamba", good)
    found = cd.find_conda(env=base_env(home), home=home, platform="linux", fs_root=fs, timeout=2)
    assert [Path(i.root_prefix).name for i in found] == ["miniforge3", "anaconda3", "miniconda3"]
    assert found[0].ok and found[0].kind == "mamba" and found[0].version == "2.1.1"
    assert "ImportError" in found[1].error
    assert "2 seconds" in found[2].error
    assert (
        cd.find_conda(
            env={"HOME": str(tmp_path / "empty"), "PATH": ""},
            home=tmp_path / "empty",
            platform="linux",
            fs_root=fs,
        )
        == []
    )


@pytest.mark.skipif(sys.platform == "win32", reason="the fake installs use shell wrappers")
def test_micromamba_from_mamba_exe_and_path(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    fs = tmp_path / "fs"
    fs.mkdir()
    root = make_root(tmp_path / "mm-root", "a", condabin=False, meta=False)
    exe = wrapper(tmp_path / "bin" / "micromamba", "micromamba", None)
    env = {
        **base_env(home),
        "MAMBA_EXE": str(exe),
        "MAMBA_ROOT_PREFIX": str(root),
        "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin",
    }
    found = cd.find_conda(env=env, home=home, platform="linux", fs_root=fs)
    assert len(found) == 1 and found[0].kind == "micromamba" and found[0].root_prefix == str(root)
    assert found[0].envs == (str(root), str(root / "envs" / "a"))


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")
    return path


def test_candidates_windows_layout(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "Ana"
    program_data = tmp_path / "ProgramData"
    local = home / "AppData" / "Local"
    anaconda = make_root(program_data / "anaconda3")
    conda_exe = touch(anaconda / "Scripts" / "conda.exe")
    forge = make_root(home / "miniforge3")
    bat = touch(forge / "condabin" / "conda.bat")
    make_root(home / "micromamba", condabin=False, meta=False)
    micro = touch(local / "micromamba" / "micromamba.exe")
    env = {"USERPROFILE": str(home), "ProgramData": str(program_data), "LOCALAPPDATA": str(local), "Path": ""}
    found = cd.find_conda_candidates(env=env, platform="win32", fs_root=tmp_path / "fs")
    assert (str(conda_exe), "conda", str(anaconda)) in [(c.exe, c.kind, c.root) for c in found]
    assert (str(bat), "conda", str(forge)) in [(c.exe, c.kind, c.root) for c in found]
    assert (str(micro), "micromamba", str(home / "micromamba")) in [(c.exe, c.kind, c.root) for c in found]
    # CONDA_EXE on PATH's condabin and the Scripts program of the same root: one candidate.
    env2 = {**env, "CONDA_EXE": str(conda_exe), "PATH": str(anaconda / "condabin")}
    touch(anaconda / "condabin" / "conda.bat")
    again = cd.find_conda_candidates(env=env2, platform="win32", fs_root=tmp_path / "fs")
    assert [c.root for c in again].count(str(anaconda)) == 1
    assert again[0].source == "CONDA_EXE"
    # A root in no usual place, found only through condabin\conda.bat on PATH (what a GUI usually gets):
    # the real Scripts\conda.exe beside it is run instead.
    tools = make_root(tmp_path / "D" / "tools" / "miniconda3")
    touch(tools / "condabin" / "conda.bat")
    tools_exe = touch(tools / "Scripts" / "conda.exe")
    env3 = {**env, "Path": str(tools / "condabin")}
    only_path = cd.find_conda_candidates(env=env3, platform="win32", fs_root=tmp_path / "fs")
    assert [c.exe for c in only_path if c.root == str(tools)] == [str(tools_exe)]


def test_candidates_macos_caskroom_and_opt(tmp_path: Path) -> None:
    fs = tmp_path / "fs"
    cask = make_root(fs / "opt" / "homebrew" / "Caskroom" / "miniforge" / "base")
    wrapper(cask / "bin" / "conda", "conda", cask)
    opt = make_root(fs / "opt" / "conda")
    wrapper(opt / "bin" / "conda", "conda", opt)
    home = tmp_path / "home"
    home_opt = make_root(home / "opt" / "anaconda3")
    wrapper(home_opt / "bin" / "conda", "conda", home_opt)
    roots = [c.root for c in cd.find_conda_candidates(env={"HOME": str(home)}, platform="darwin", fs_root=fs)]
    assert roots == [str(home_opt), str(opt), str(cask)]


# -- the stand-in end to end -------------------------------------------------------------------------


def run_step(step, env: dict[str, str]) -> tuple[int, str, cd.CondaProgress]:
    r = subprocess.run(
        step.argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**child_environment(env), **dict(step.env)},
        timeout=120,
        check=False,
    )
    progress = cd.CondaProgress()
    for line in lines_of(r.stdout):
        progress.feed(line)
    progress.finish()
    return r.returncode, r.stdout, progress


def fake_torch_wheel(folder: Path) -> Path:
    """A tiny 'torch 2.13.0' wheel with what resources/verify.py reads."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "torch-2.13.0-py3-none-any.whl"
    code = (
        '__version__ = "2.13.0"\n'
        "class version:\n    cuda = None\n    hip = None\n"
        "class cuda:\n    @staticmethod\n    def is_available():\n        return False\n"
    )
    files = {
        "torch/__init__.py": code,
        "torch-2.13.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: torch\nVersion: 2.13.0\n",
        "torch-2.13.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{name},,\n" for name in files) + "torch-2.13.0.dist-info/RECORD,,\n"
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
        z.writestr("torch-2.13.0.dist-info/RECORD", record)
    return path


@pytest.fixture(scope="module")
def standin_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_root(tmp_path_factory.mktemp("conda") / "miniforge3")


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in's envs have bin/python")
def test_standin_end_to_end(standin_root: Path, tmp_path: Path) -> None:
    py = f"{sys.version_info[0]}.{sys.version_info[1]}"
    env = {
        **os.environ,
        "STANDIN_CONDA_ROOT": str(standin_root),
        "STANDIN_CONDA_PYTHON": getattr(sys, "_base_executable", sys.executable),
        "CONDA_EXE": str(STANDIN),
    }
    env.pop("STANDIN_CONDA_WHEELS", None)
    env.pop("STANDIN_CONDA_FAIL", None)
    found = cd.find_conda(env=env, home=tmp_path, platform="linux", fs_root=tmp_path)
    assert len(found) == 1 and found[0].ok and found[0].version == "25.5.1"
    inst = found[0]
    assert inst.root_prefix == str(standin_root)

    steps = conda_steps(inst, "e2e", py, "linux", "cpu", "2.13.0", None, "conda-forge", DATA, None)
    code, out, progress = run_step(steps[0], env)
    assert code == 0, out
    assert progress.succeeded and progress.packages_done == 4
    prefix = Path(cd.env_prefix(inst, "e2e"))
    assert (prefix / "conda-meta" / "history").read_text(encoding="utf-8").startswith("==> ")
    made = subprocess.run(
        [steps[2].program, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, check=True
    )
    assert Path(made.stdout.strip()) == prefix

    # The name is taken now; a second create fails the way conda's did.
    again = cd.find_conda(env=env, home=tmp_path, platform="linux", fs_root=tmp_path)[0]
    assert "e2e" in again.env_names() and cd.validate_env_name("e2e", cd.existing_env_names(again))
    code, out, progress = run_step(steps[0], env)
    assert (
        code == 1
        and progress.error_name == "CondaValueError"
        and "prefix already exists" in progress.error_message
    )

    # Installing pytorch without a wheel folder: PackagesNotFoundError.
    code, out, progress = run_step(steps[1], env)
    assert code == 1 and progress.error_name == "PackagesNotFoundError"
    assert diagnose(out, code, step="conda-install").code == "conda-unsatisfiable"
    for fail, want in (
        ("tos", "conda-tos"),
        ("http", "conda-http"),
        ("unsatisfiable", "conda-unsatisfiable"),
    ):
        code, out, progress = run_step(steps[1], {**env, "STANDIN_CONDA_FAIL": fail})
        assert code == 1 and progress.phase == "failed"
        assert diagnose(out, code, step="conda-install").code == want, out
    gpu = conda_steps(inst, "e2e", py, "linux", "cu130", None, None, "conda-forge", DATA, None)
    code, out, _progress = run_step(gpu[1], {**env, "STANDIN_CONDA_WHEELS": str(tmp_path)})
    assert code == 1 and "__cuda" in out  # no driver seen: the solver refuses pytorch-gpu
    assert diagnose(out, code, step="conda-install").code == "conda-unsatisfiable"

    # With a wheel folder the install is real, and the verify step runs in the env.
    fake_torch_wheel(tmp_path / "wheels")
    code, out, progress = run_step(steps[1], {**env, "STANDIN_CONDA_WHEELS": str(tmp_path / "wheels")})
    assert code == 0, out
    assert progress.succeeded
    code, out, _progress = run_step(steps[2], env)
    assert code == 0, out
    info = json.loads(next(line for line in out.splitlines() if line.startswith("WIZARD-VERIFY "))[14:])
    assert info["ok"] and info["torch"] == "2.13.0" and info["devices"] == ["cpu"]


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is run through its #! line")
def test_standin_kinds_print_their_formats(standin_root: Path) -> None:
    env = {**os.environ, "STANDIN_CONDA_ROOT": str(standin_root), "STANDIN_CONDA_CUDA": "12.8"}
    for kind, key in (
        ("conda", "conda_version"),
        ("mamba", "mamba version"),
        ("micromamba", "micromamba version"),
    ):
        out = subprocess.run(
            [str(STANDINS / kind), "info", "--json"], capture_output=True, text=True, env=env, check=True
        ).stdout
        assert key in json.loads(out)
        info = cd.parse_info_json(out, kind)
        assert info.root_prefix == str(standin_root) and info.cuda == "12.8" and info.version
        listed = subprocess.run(
            [str(STANDINS / kind), "env", "list", "--json"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        assert cd.parse_env_list_json(listed)[0] == str(standin_root)
    version = subprocess.run(
        [str(STANDINS / "micromamba"), "--version"], capture_output=True, text=True, env=env, check=True
    )
    assert version.stdout.strip() == "2.1.1"
    usage = subprocess.run([str(STANDIN), "frobnicate"], capture_output=True, text=True, env=env, check=False)
    assert usage.returncode == 2


def test_the_mac_build_gets_the_mac_reason_not_the_cuda_one() -> None:
    """"mps" is a real variant in the data file (kind "mps"); the route choice treats it as the CPU wheels."""
    mac = cd.CondaInstall("/Users/a/miniforge3/bin/conda", "conda", "25.5.1", "/Users/a/miniforge3", ())
    route, reason = cd.choose_route(mac, "mps", "macos", DATA)
    assert route == cd.ROUTE_PIP and "Mac" in reason
    assert cd.ROUTE_CONDA_FORGE in [r for r, _ in cd.available_routes(mac, "mps", "macos", DATA)]
