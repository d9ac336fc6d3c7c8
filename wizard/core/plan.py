"""The install plan: what the wizard will run, as steps with argument lists.

Pure functions only: nothing here runs a process. The runner (``wizard.runner``) executes the
steps; the Review page shows them; tests check them as argument lists.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath

from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import Version

from .extras import nvcc_requirements
from .releases import ReleaseData
from .resources import resource
from .tr import translate


class SourceKind(str, Enum):
    PYTORCH_INDEX = "pytorch-index"
    WHEEL_FOLDER = "wheel-folder"
    CUSTOM_INDEX = "custom-index"


@dataclass(frozen=True)
class PackageSource:
    kind: SourceKind = SourceKind.PYTORCH_INDEX
    index_url: str | None = (
        None  # PyTorch index for the variant, or the user's URL; None = pip's default index
    )
    folder: str | None = None  # wheel folder (offline)


@dataclass(frozen=True)
class WheelFile:
    name: str  # normalised project name, e.g. "torch"
    version: Version
    filename: str
    interpreters: frozenset[str]  # e.g. {"cp311"} or {"py3"}
    platforms: frozenset[str]

    def fits(self, python: tuple[int, int], os_name: str) -> bool:
        tag = f"cp{python[0]}{python[1]}"
        py_ok = (
            tag in self.interpreters
            or "py3" in self.interpreters
            or f"py{python[0]}{python[1]}" in self.interpreters
        )
        if not py_ok:
            return False
        if "any" in self.platforms:
            return True
        prefixes = {"linux": ("manylinux", "linux", "musllinux"), "windows": ("win",), "macos": ("macosx",)}
        return any(p.startswith(prefixes.get(os_name, ())) for p in self.platforms)


@dataclass(frozen=True)
class WheelFolder:
    path: str
    wheels: tuple[WheelFile, ...]

    def best(self, project: str, python: tuple[int, int], os_name: str) -> WheelFile | None:
        fitting = [w for w in self.wheels if w.name == project and w.fits(python, os_name)]
        return max(fitting, key=lambda w: w.version, default=None)

    def has(self, project: str) -> bool:
        return any(w.name == project for w in self.wheels)

    @property
    def size_bytes(self) -> int:
        total = 0
        for w in self.wheels:
            with contextlib.suppress(OSError):
                total += (Path(self.path) / w.filename).stat().st_size
        return total


def scan_wheel_folder(path: str | os.PathLike[str]) -> WheelFolder:
    """List the wheels in a folder (not recursive). Unreadable folders give an empty list."""
    wheels: list[WheelFile] = []
    try:
        names = sorted(os.listdir(path))
    except OSError:
        names = []
    for filename in names:
        if not filename.endswith(".whl"):
            continue
        try:
            name, version, _build, tags = parse_wheel_filename(filename)
        except (InvalidWheelFilename, ValueError):
            continue
        wheels.append(
            WheelFile(
                name=str(name),
                version=version,
                filename=filename,
                interpreters=frozenset(t.interpreter for t in tags),
                platforms=frozenset(t.platform for t in tags),
            )
        )
    return WheelFolder(path=str(path), wheels=tuple(wheels))


@dataclass(frozen=True)
class Step:
    """One command of the plan. ``id`` names what it does; the GUI shows ``step_title(id)``."""

    id: str  # create-venv | upgrade-pip | install-torch | verify
    program: str
    args: tuple[str, ...]
    timeout_s: float
    raw_progress: bool = False  # pip prints "Progress N of M" lines
    env: tuple[tuple[str, str], ...] = ()  # added to the child environment (a proxy, say)

    @property
    def argv(self) -> list[str]:
        return [self.program, *self.args]


@dataclass(frozen=True)
class InstallRequest:
    base_python: str  # the interpreter that creates the venv
    python_version: tuple[int, int]
    env_dir: str
    os_name: str  # linux | windows | macos
    torch: str | None  # version to pin; None = newest the source has
    torchvision: str | None  # None = do not install torchvision
    source: PackageSource = field(default_factory=PackageSource)
    variant: str = "cpu"
    pip_timeout: int | None = None  # seconds pip waits for the server (pip's default is 15)
    proxy: str | None = None  # e.g. http://proxy.school.edu:8080, given to pip as HTTP(S)_PROXY
    extra: tuple[str, ...] = ()  # pins the build needs besides torch, e.g. ("numpy<2",) for torch 2.2.2
    nvcc: bool = False  # also install NVIDIA's CUDA compiler matching the build (for own extensions)


@dataclass(frozen=True)
class InstallPlan:
    request: InstallRequest
    steps: tuple[Step, ...]
    env_python: str
    download_mb: int  # estimate; 0 for a wheel folder
    notes: tuple[
        str, ...
    ] = ()  # translated remarks for the Review page (e.g. torchvision missing from folder)


RAW_PROGRESS_PIP = Version("24.1")  # first pip with --progress-bar raw

# Timeouts, generous for slow home networks; a stuck step is still stopped in the end.
VENV_TIMEOUT_S = 300.0
PIP_UPGRADE_TIMEOUT_S = 600.0
INSTALL_TIMEOUT_S = 3 * 3600.0
VERIFY_TIMEOUT_S = 300.0
DEMO_TIMEOUT_S = 600.0


def env_python(env_dir: str, os_name: str) -> str:
    """The new environment's own interpreter (we never rely on 'activate')."""
    if os_name == "windows":
        return str(PureWindowsPath(env_dir) / "Scripts" / "python.exe")
    return str(PurePosixPath(env_dir) / "bin" / "python")


def _source_args(source: PackageSource) -> list[str]:
    if source.kind is SourceKind.WHEEL_FOLDER:
        return ["--no-index", "--find-links", str(source.folder)]
    if source.index_url:
        return ["--index-url", source.index_url]
    return []


def build_plan(req: InstallRequest, data: ReleaseData, *, folder: WheelFolder | None = None) -> InstallPlan:
    """Turn the learner's choices into the exact commands, in order."""
    py = env_python(req.env_dir, req.os_name)
    notes: list[str] = []
    steps: list[Step] = [
        Step("create-venv", req.base_python, ("-m", "venv", req.env_dir), VENV_TIMEOUT_S),
    ]
    offline = req.source.kind is SourceKind.WHEEL_FOLDER
    torch_pin = req.torch
    vision_pin = req.torchvision
    if offline:
        if folder is None:
            folder = scan_wheel_folder(req.source.folder or "")
        upgrade_pip = any(w.name == "pip" and w.version >= RAW_PROGRESS_PIP for w in folder.wheels)
        best_torch = folder.best("torch", req.python_version, req.os_name)
        torch_pin = str(best_torch.version) if best_torch else req.torch
        if req.torchvision is not None:
            best_vision = folder.best("torchvision", req.python_version, req.os_name)
            if best_vision is None:
                vision_pin = None
                notes.append(
                    translate(
                        "Plan",
                        "The wheel folder has no torchvision for this Python, so only torch will be installed.",
                    )
                )
            else:
                vision_pin = str(best_vision.version)
    else:
        upgrade_pip = True
    # pip older than 24.1 rejects --progress-bar raw. Asking for "pip>=24.1" (not just "pip") makes the
    # upgrade fail loudly when the index cannot be reached, instead of keeping the old pip and exiting 0.
    raw = upgrade_pip
    net = _network_options(req)
    env = proxy_env(req.proxy)
    if upgrade_pip:
        pip_args = ["-m", "pip", "install", "--upgrade", f"pip>={RAW_PROGRESS_PIP}", *net]
        if offline or req.source.kind is SourceKind.CUSTOM_INDEX:
            pip_args += _source_args(req.source)
        steps.append(Step("upgrade-pip", py, tuple(pip_args), PIP_UPGRADE_TIMEOUT_S, env=env))
    install = ["-m", "pip", "install", *net]
    if raw:
        install += ["--progress-bar", "raw"]
    install.append(_requirement("torch", torch_pin))
    if vision_pin is not None:
        install.append(_requirement("torchvision", vision_pin))
    install += list(req.extra)
    install += _source_args(req.source)
    steps.append(Step("install-torch", py, tuple(install), INSTALL_TIMEOUT_S, raw_progress=raw, env=env))
    nvcc = nvcc_requirements(req.variant, data) if req.nvcc else ()
    if nvcc:
        # NVIDIA's compiler wheels are on the default index (or the learner's mirror or folder), not PyTorch's.
        where = _source_args(req.source) if req.source.kind is not SourceKind.PYTORCH_INDEX else []
        steps.append(
            Step(
                "install-nvcc",
                py,
                ("-m", "pip", "install", *net, *(["--progress-bar", "raw"] if raw else []), *nvcc, *where),
                INSTALL_TIMEOUT_S,
                raw_progress=raw,
                env=env,
            )
        )
    steps.append(Step("verify", py, (str(resource("verify.py")),), VERIFY_TIMEOUT_S))
    return InstallPlan(
        request=req,
        steps=tuple(steps),
        env_python=py,
        download_mb=0 if offline else estimate_download_mb(req, data),
        notes=tuple(notes),
    )


def _network_options(req: InstallRequest) -> list[str]:
    if req.source.kind is SourceKind.WHEEL_FOLDER or not req.pip_timeout:
        return []
    return ["--timeout", str(req.pip_timeout)]


def proxy_env(proxy: str | None) -> tuple[tuple[str, str], ...]:
    """A proxy for pip and conda, as the environment variables both read."""
    if not proxy:
        return ()
    return (("HTTP_PROXY", proxy), ("HTTPS_PROXY", proxy), ("http_proxy", proxy), ("https_proxy", proxy))


def _requirement(name: str, version: str | None) -> str:
    return f"{name}=={version}" if version else name


def estimate_download_mb(req: InstallRequest, data: ReleaseData) -> int:
    variant = data.variants.get(req.variant) or data.variants["cpu"]
    mb = variant.download_mb(req.os_name) or 0
    if req.torchvision is not None:
        mb += data.torchvision_download_mb
    return mb + data.dependencies_download_mb


def demo_command(env_py: str, device: str) -> list[str]:
    return [env_py, str(resource("demo.py")), "--device", device]


def display_command(argv: list[str] | tuple[str, ...], os_name: str) -> str:
    """A command as the learner could type it (for showing and copying only; never run through a shell)."""
    if os_name == "windows":
        return subprocess.list2cmdline(list(argv))
    return shlex.join(list(argv))


def activate_commands(env_dir: str, os_name: str) -> list[tuple[str, str]]:
    """(shell name, command) pairs that activate the environment in a terminal."""
    if os_name == "windows":
        scripts = PureWindowsPath(env_dir) / "Scripts"
        return [
            ("Command Prompt", subprocess.list2cmdline([str(scripts / "activate.bat")])),
            ("PowerShell", "& " + _ps_quote(str(scripts / "Activate.ps1"))),
        ]
    return [("Terminal", "source " + shlex.quote(str(PurePosixPath(env_dir) / "bin" / "activate")))]


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def step_title(step_id: str) -> str:
    titles = {
        "create-venv": translate("Plan", "Create the new environment"),
        "upgrade-pip": translate("Plan", "Update pip, the package installer"),
        "install-torch": translate("Plan", "Download and install PyTorch"),
        "verify": translate("Plan", "Check that PyTorch works"),
        "install-nvcc": translate("Plan", "Install the CUDA compiler (nvcc)"),
        "conda-create": translate("Plan", "Create the new conda environment"),
        "conda-install": translate("Plan", "Download and install PyTorch from conda-forge"),
    }
    return titles.get(step_id, step_id)


def check_index_url(text: str) -> tuple[list[str], list[str]]:
    """(problems, warnings) for an index URL the learner typed (a mirror, a school's server)."""
    from urllib.parse import urlparse

    url = text.strip()
    if not url:
        return [translate("Plan", "Type the address of the package index.")], []
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https", "file") or (parsed.scheme != "file" and not parsed.netloc):
        return [
            translate("Plan", "This is not a web address. It should look like https://example.org/simple")
        ], []
    if any(c.isspace() for c in url):
        return [translate("Plan", "A web address cannot contain spaces.")], []
    if parsed.scheme == "http":
        return [], [
            translate(
                "Plan",
                "This address uses http, not https: downloads are not encrypted and could "
                "be changed on the way. Use it only on a network you trust.",
            )
        ]
    return [], []


def check_wheel_folder(folder: WheelFolder, python: tuple[int, int] | None, os_name: str) -> list[str]:
    """Problems with a folder of wheel files for this Python (empty list: usable)."""
    if not folder.path or not os.path.isdir(folder.path):
        return [translate("Plan", "Choose the folder that holds the wheel files (names ending in .whl).")]
    if not folder.has("torch"):
        return [translate("Plan", "This folder has no PyTorch wheel (a file named torch-….whl).")]
    if python is not None and folder.best("torch", python, os_name) is None:
        found = ", ".join(sorted({w.filename for w in folder.wheels if w.name == "torch"}))
        return [
            translate(
                "Plan",
                "The PyTorch files in this folder are for another Python or another kind of "
                "computer: {found}. This Python is {major}.{minor}.",
            ).format(found=found, major=python[0], minor=python[1])
        ]
    return []


def with_pip_timeout(plan: InstallPlan, seconds: int) -> InstallPlan:
    """The same plan with pip waiting longer for the server (any plan: venv or conda env)."""
    steps = []
    for step in plan.steps:
        args = step.args
        if args[:3] == ("-m", "pip", "install") and "--timeout" not in args and "--no-index" not in args:
            args = (*args[:3], "--timeout", str(seconds), *args[3:])
        steps.append(dataclasses.replace(step, args=args))
    return dataclasses.replace(
        plan, steps=tuple(steps), request=dataclasses.replace(plan.request, pip_timeout=seconds)
    )


def pinned_version(plan: InstallPlan, project: str) -> str | None:
    """The version the plan installs of ``project`` ("torch"), read from its install command."""
    prefix = project + "=="
    for step in plan.steps:
        if step.id in ("install-torch", "conda-install"):
            for arg in step.args:
                if arg.startswith(prefix):
                    return arg[len(prefix) :]
                if arg.startswith(("pytorch=", "pytorch-cpu=", "pytorch-gpu=")) and project == "torch":
                    return arg.split("=", 1)[1]
    return None


def with_proxy(plan: InstallPlan, proxy: str | None) -> InstallPlan:
    """The same plan with a proxy for every step that downloads (or none: the computer's own settings)."""
    env = proxy_env(proxy)
    steps = tuple(dataclasses.replace(s, env=env) if s.id != "verify" else s for s in plan.steps)
    return dataclasses.replace(plan, steps=steps, request=dataclasses.replace(plan.request, proxy=proxy))


def is_conda_plan(plan: InstallPlan) -> bool:
    return bool(plan.steps) and plan.steps[0].id == "conda-create"


def conda_env_name(plan: InstallPlan) -> str:
    """The ``-n NAME`` of a conda plan's create step ("" for a venv plan)."""
    if not is_conda_plan(plan):
        return ""
    args = plan.steps[0].args
    return args[args.index("-n") + 1] if "-n" in args else ""


def check_proxy_url(text: str) -> tuple[str, list[str]]:
    """(normalised proxy URL, problems). 'proxy.school.edu:8080' becomes 'http://proxy.school.edu:8080'."""
    from urllib.parse import urlparse

    url = text.strip()
    if url and "://" not in url:
        url = "http://" + url
    parsed = urlparse(url)
    try:
        port_ok = parsed.port is None or 0 < parsed.port < 65536
    except ValueError:
        port_ok = False
    if (
        parsed.scheme not in ("http", "https", "socks5", "socks5h")
        or not parsed.hostname
        or not port_ok
        or any(c.isspace() for c in url)
    ):
        return url, [
            translate(
                "Plan",
                "This is not a proxy address. It looks like proxy.example.edu:8080 or "
                "http://proxy.example.edu:8080",
            )
        ]
    return url, []
