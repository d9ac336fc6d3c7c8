"""The install plan as argument lists: what exactly would run, for each package source."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from wizard.core import releases
from wizard.core.plan import (
    InstallRequest,
    Note,
    PackageSource,
    SourceKind,
    activate_commands,
    build_plan,
    check_index_url,
    check_wheel_folder,
    demo_command,
    display_command,
    env_python,
    note_text,
    scan_wheel_folder,
)
from wizard.core.procenv import child_environment
from wizard.core.resources import resource

DATA = releases.load()
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
BOOT = str(resource("bootstrap_pip.py"))


def make_wheel(folder: Path, filename: str) -> Path:
    """A small wheel that is a real archive with its metadata (the plan skips files that are not)."""
    path = folder / filename
    name, version = filename.split("-")[:2]
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n")
        z.writestr(f"{info}/RECORD", f"{info}/METADATA,,\n{info}/WHEEL,,\n{info}/RECORD,,\n")
    return path


def request(**kw: object) -> InstallRequest:
    base = dict(
        base_python="/usr/bin/python3.12",
        python_version=(3, 12),
        env_dir="/home/ann/pytorch-env",
        os_name="linux",
        torch="2.14.1",
        torchvision="0.29.1",
        source=PackageSource(SourceKind.PYTORCH_INDEX, index_url=CPU_INDEX),
        variant="cpu",
    )
    base.update(kw)
    return InstallRequest(**base)  # type: ignore[arg-type]


def test_pytorch_index_plan_linux() -> None:
    plan = build_plan(request(), DATA)
    assert [s.id for s in plan.steps] == ["create-venv", "upgrade-pip", "install-torch", "verify"]
    py = "/home/ann/pytorch-env/bin/python"
    assert plan.env_python == py
    # the venv is made without pip; pip comes straight from Python's bundled wheel, already new
    assert plan.steps[0].argv == [
        "/usr/bin/python3.12",
        "-m",
        "venv",
        "--without-pip",
        "/home/ann/pytorch-env",
    ]
    assert plan.steps[1].argv == [py, BOOT, "install", "--upgrade", "pip>=24.1"]
    assert plan.steps[2].argv == [
        py,
        "-m",
        "pip",
        "install",
        "--progress-bar",
        "raw",
        "torch==2.14.1",
        "torchvision==0.29.1",
        "--index-url",
        CPU_INDEX,
    ]
    assert plan.steps[2].raw_progress
    assert plan.steps[3].argv[0] == py and plan.steps[3].argv[1].endswith("verify.py")
    assert plan.download_mb > 200
    assert all(s.timeout_s > 0 for s in plan.steps)


def test_windows_paths_and_no_torchvision() -> None:
    plan = build_plan(
        request(
            os_name="windows",
            env_dir=r"C:\Users\ann\pytorch-env",
            torchvision=None,
            base_python=r"C:\Python312\python.exe",
        ),
        DATA,
    )
    py = r"C:\Users\ann\pytorch-env\Scripts\python.exe"
    assert plan.env_python == py
    install = plan.steps[2].argv
    assert "torchvision==0.29.1" not in " ".join(install)
    assert install == [
        py,
        "-m",
        "pip",
        "install",
        "--progress-bar",
        "raw",
        "torch==2.14.1",
        "--index-url",
        CPU_INDEX,
    ]


def test_default_index_has_no_index_flag() -> None:
    plan = build_plan(
        request(
            source=PackageSource(SourceKind.PYTORCH_INDEX, index_url=None), variant="cpu", os_name="macos"
        ),
        DATA,
    )
    assert "--index-url" not in plan.steps[2].argv


def test_custom_index_used_for_pip_and_torch() -> None:
    url = "https://mirror.example.edu/simple"
    plan = build_plan(request(source=PackageSource(SourceKind.CUSTOM_INDEX, index_url=url)), DATA)
    assert plan.steps[1].argv == [
        "/home/ann/pytorch-env/bin/python",
        BOOT,
        "install",
        "--upgrade",
        "pip>=24.1",
        "--index-url",
        url,
    ]
    assert plan.steps[2].argv[-2:] == ["--index-url", url]


def test_wheel_folder_pins_what_the_folder_has(tmp_path: Path) -> None:
    make_wheel(tmp_path, "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    make_wheel(tmp_path, "torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl")
    make_wheel(tmp_path, "torchvision-0.28.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    make_wheel(tmp_path, "pip-26.0-py3-none-any.whl")
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src), DATA)
    py = "/home/ann/pytorch-env/bin/python"
    assert plan.steps[1].argv == [
        py,
        BOOT,
        "install",
        "--upgrade",
        "pip>=24.1",
        "--no-index",
        "--find-links",
        str(tmp_path),
    ]
    assert plan.steps[2].argv == [
        py,
        "-m",
        "pip",
        "install",
        "--progress-bar",
        "raw",
        "torch==2.13.0+cpu",
        "torchvision==0.28.0+cpu",
        "--no-index",
        "--find-links",
        str(tmp_path),
    ]
    assert plan.download_mb == 0


def test_wheel_folder_without_new_pip_or_torchvision(tmp_path: Path) -> None:
    make_wheel(tmp_path, "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    make_wheel(tmp_path, "pip-23.2.1-py3-none-any.whl")  # too old for --progress-bar raw
    src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))
    plan = build_plan(request(source=src), DATA)
    assert [s.id for s in plan.steps] == ["create-venv", "upgrade-pip", "install-torch", "verify"]
    # no new pip in the folder: the bundled one, offline, as it is
    assert plan.steps[1].argv[1:] == [BOOT, "install", "--no-index", "--bundled-pip"]
    install = plan.steps[2]
    assert "--progress-bar" not in install.argv  # the bundled pip may be older than 24.1
    assert not any(a.startswith("torchvision") for a in install.argv)
    assert Note.FOLDER_HAS_NO_TORCHVISION in plan.notes
    assert "torchvision" in note_text(Note.FOLDER_HAS_NO_TORCHVISION)


def test_scan_and_check_wheel_folder(tmp_path: Path) -> None:
    assert check_wheel_folder(scan_wheel_folder(tmp_path / "missing"), (3, 12), "linux")
    (tmp_path / "notes.txt").write_text("x")
    make_wheel(tmp_path, "not-a-wheel.whl")
    assert "no PyTorch" in check_wheel_folder(scan_wheel_folder(tmp_path), (3, 12), "linux")[0]
    make_wheel(tmp_path, "torch-2.13.0-cp311-cp311-win_amd64.whl")
    folder = scan_wheel_folder(tmp_path)
    problems = check_wheel_folder(folder, (3, 12), "linux")
    assert problems and "3.12" in problems[0]
    assert check_wheel_folder(folder, (3, 11), "windows") == []


@pytest.mark.parametrize(
    ("url", "problem", "warning"),
    [
        ("https://mirror.example.edu/simple", False, False),
        ("http://10.0.0.5/simple", False, True),
        ("mirror.example.edu", True, False),
        ("", True, False),
        ("https://a b/simple", True, False),
        ("file:///media/usb/simple", False, False),
    ],
)
def test_check_index_url(url: str, problem: bool, warning: bool) -> None:
    problems, warnings = check_index_url(url)
    assert bool(problems) is problem
    assert bool(warnings) is warning


def test_child_environment_is_clean() -> None:
    env = child_environment(
        {
            "PATH": "/usr/bin",
            "PYTHONPATH": "/bundle",
            "PYTHONHOME": "/bundle",
            "LD_LIBRARY_PATH": "/bundle/lib",
            "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
            "VIRTUAL_ENV": "/other",
        }
    )
    assert "PYTHONPATH" not in env and "PYTHONHOME" not in env and "VIRTUAL_ENV" not in env
    assert env["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert env["PYTHONUTF8"] == "1"
    assert env["PATH"] == "/usr/bin"


def test_display_and_activate_commands() -> None:
    argv = ["/home/ann/测试 env/bin/python", "-m", "pip", "install", "torch==2.14.1"]
    shown = display_command(argv, "linux")
    assert shown.startswith("'/home/ann/测试 env/bin/python'")
    assert display_command([r"C:\my env\python.exe", "-V"], "windows") == r'"C:\my env\python.exe" -V'
    assert activate_commands("/home/ann/pytorch-env", "linux") == [
        ("Terminal", "source /home/ann/pytorch-env/bin/activate")
    ]
    win = dict(activate_commands(r"C:\Users\ann\pytorch-env", "windows"))
    assert win["Command Prompt"] == r"C:\Users\ann\pytorch-env\Scripts\activate.bat"
    assert win["PowerShell"] == r"& 'C:\Users\ann\pytorch-env\Scripts\Activate.ps1'"
    assert env_python("/x", "macos") == "/x/bin/python"
    demo = demo_command("/x/bin/python", "cuda")
    assert demo[0] == "/x/bin/python" and demo[1].endswith("demo.py") and demo[2:] == ["--device", "cuda"]


def test_longer_timeout_and_proxy_reach_every_pip_step() -> None:
    plan = build_plan(request(pip_timeout=120, proxy="http://proxy.school.example:8080"), DATA)
    for step in plan.steps[1:3]:
        i = step.argv.index("--timeout")
        assert step.argv[i + 1] == "120"
        assert ("HTTPS_PROXY", "http://proxy.school.example:8080") in step.env
    assert plan.steps[0].env == () and plan.steps[3].env == ()


def test_nvcc_step_and_extra_pins() -> None:
    plan = build_plan(
        request(
            variant="cu130",
            nvcc=True,
            extra=("numpy<2",),
            source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cu130"),
        ),
        DATA,
    )
    assert [s.id for s in plan.steps] == [
        "create-venv",
        "upgrade-pip",
        "install-torch",
        "install-nvcc",
        "verify",
    ]
    assert "numpy<2" in plan.steps[2].argv
    nvcc = plan.steps[3].argv
    assert "nvidia-cuda-nvcc==13.0.*" in nvcc and "--index-url" not in nvcc  # NVIDIA's wheels: default index
    cpu = build_plan(request(nvcc=True), DATA)  # nothing to add for a CPU build
    assert "install-nvcc" not in [s.id for s in cpu.steps]


def test_pinned_version_is_read_from_the_install_command(tmp_path: Path) -> None:
    from wizard.core.plan import pinned_version

    make_wheel(tmp_path, "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    offline = build_plan(request(source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))), DATA)
    assert pinned_version(offline, "torch") == "2.13.0+cpu"  # what the folder has, not the recommendation
    assert pinned_version(build_plan(request(), DATA), "torchvision") == "0.29.1"


def test_a_stray_bigger_number_is_not_pinned_over_the_chosen_version(tmp_path: Path) -> None:
    """A fake torch-9.9.9 beside the real wheel: the version the plan chose is pinned, not the biggest."""
    make_wheel(tmp_path, "torch-2.14.1+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    make_wheel(tmp_path, "torch-9.9.9-cp312-cp312-manylinux_2_28_x86_64.whl")
    plan = build_plan(request(source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))), DATA)
    assert plan.torch == "2.14.1+cpu"


def test_without_the_chosen_version_the_newest_sound_wheel_is_pinned(tmp_path: Path) -> None:
    make_wheel(tmp_path, "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    (tmp_path / "torch-9.9.9-cp312-cp312-manylinux_2_28_x86_64.whl").write_bytes(b"not a wheel")
    plan = build_plan(request(source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))), DATA)
    assert plan.torch == "2.13.0+cpu"
    make_wheel(tmp_path, "torch-2.13.1+cpu-cp312-cp312-manylinux_2_28_x86_64.whl")
    plan = build_plan(request(source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))), DATA)
    assert plan.torch == "2.13.1+cpu"  # the newest that is a real wheel
