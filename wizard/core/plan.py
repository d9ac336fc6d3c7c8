"""The install plan: what the wizard will run, as steps with argument lists.

Pure functions only: nothing here runs a process. :func:`build_plan` is the ONE plan builder: it turns an
:class:`InstallRequest` into the steps of either manager (a new venv with pip, or a new conda env by
either route: pip inside the env, or conda-forge's packages). Extra pins of a release (``numpy<2``),
the CUDA compiler, the wheel-folder pin, the proxy and pip's timeout are added here and nowhere else.
A plan carries its manager, its pins and its step ids explicitly: nothing downstream reads a plan back
from its command strings. The install session (``wizard.session``) runs the steps through the runner;
the Review page shows them; tests check them as argument lists.
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
from packaging.version import InvalidVersion, Version

from .extras import nvcc_conda_packages, nvcc_requirements
from .releases import ReleaseData
from .resources import resource
from .tr import translate


class _StrEnum(str, Enum):
    """A ``str`` enum whose ``str()`` and f-string are its value on every Python (3.11 changed that)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class SourceKind(_StrEnum):
    PYTORCH_INDEX = "pytorch-index"
    WHEEL_FOLDER = "wheel-folder"
    CUSTOM_INDEX = "custom-index"


class Manager(_StrEnum):
    PIP = "pip"  # a new venv, pip inside it
    CONDA = "conda"  # a new conda env (conda, mamba or micromamba)


class Route(_StrEnum):
    """How PyTorch gets into a new conda env (a venv always uses pip)."""

    PIP = "pip"  # pip inside the env, from PyTorch's index (or a mirror / wheel folder)
    CONDA_FORGE = "conda-forge"  # conda-forge's pytorch / pytorch-cpu / pytorch-gpu packages


class StepId(_StrEnum):
    """What a step does. A ``str`` enum: it compares equal to its value ("verify") and is stored as it."""

    CREATE_VENV = "create-venv"
    UPGRADE_PIP = "upgrade-pip"  # puts a current pip into the new env (venv: straight from pip's wheel)
    INSTALL_TORCH = "install-torch"
    INSTALL_NVCC = "install-nvcc"
    INSTALL_JUPYTER = "install-jupyter"
    CONDA_CREATE = "conda-create"
    CONDA_INSTALL = "conda-install"
    REPAIR = "repair"  # the after-install check's fix: the right build over the installed one
    VERIFY = "verify"


#: Steps that download and print pip's (or conda's) progress; the proxy and pip's timeout go to these.
DOWNLOAD_STEPS = frozenset(
    {
        StepId.UPGRADE_PIP,
        StepId.INSTALL_TORCH,
        StepId.INSTALL_NVCC,
        StepId.INSTALL_JUPYTER,
        StepId.CONDA_CREATE,
        StepId.CONDA_INSTALL,
        StepId.REPAIR,
    }
)
#: Steps whose output is conda's NUL-separated JSON (``CondaProgress`` reads it).
CONDA_JSON_STEPS = frozenset({StepId.CONDA_CREATE, StepId.CONDA_INSTALL})
CONDA_FORGE = "conda-forge"
PYTHON_ENV_DOWNLOAD_MB = 60  # conda's new env: Python and its libraries from conda-forge
JUPYTER_DOWNLOAD_MB = 45  # jupyterlab and what it pulls (measured with pip download, Python 3.11, 2026-11)


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

    def fits(self, python: tuple[int, int], os_name: str, arch: str | None = None) -> bool:
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
        # musllinux is Linux with musl (Alpine): pip on the usual glibc Linux refuses it, and PyTorch
        # publishes none, so it never fits ("musllinux" does not start with "linux" or "manylinux").
        prefixes = {"linux": ("manylinux", "linux_"), "windows": ("win",), "macos": ("macosx",)}
        on_os = [p for p in self.platforms if p.startswith(prefixes.get(os_name, ()))]
        if not on_os:
            return False
        if arch is None:
            return True
        names = _ARCH_TAGS.get(arch, (arch,))
        return any(p.endswith(names) for p in on_os)


# The platform-tag endings of each CPU kind (platform.machine() names as the probe reports them).
_ARCH_TAGS: dict[str, tuple[str, ...]] = {
    "x86_64": ("x86_64", "amd64", "universal2", "intel"),
    "AMD64": ("x86_64", "amd64"),
    "arm64": ("arm64", "aarch64", "universal2"),
    "aarch64": ("aarch64", "arm64"),
}


@dataclass(frozen=True)
class WheelFolder:
    path: str
    wheels: tuple[WheelFile, ...]

    def best(
        self, project: str, python: tuple[int, int], os_name: str, arch: str | None = None
    ) -> WheelFile | None:
        """The newest wheel of ``project`` that fits this Python and computer."""
        fitting = [w for w in self.wheels if w.name == project and w.fits(python, os_name, arch)]
        return max(fitting, key=lambda w: w.version, default=None)

    def choose(
        self,
        project: str,
        wanted: str | None,
        python: tuple[int, int],
        os_name: str,
        arch: str | None = None,
    ) -> WheelFile | None:
        """The wheel to pin: the version the plan chose when the folder has it for this computer,
        else the newest that fits. A file is never picked just because its number is biggest when the
        chosen version is there too (a stray ``torch-9.9.9`` beside the real wheel)."""
        fitting = [w for w in self.wheels if w.name == project and w.fits(python, os_name, arch)]
        if wanted:
            want = _version(wanted)
            for w in fitting:  # "2.14.1" is the folder's "2.14.1+cpu" too
                if want is not None and (
                    w.version == want or (not want.local and w.version.public == want.public)
                ):
                    return w
        # else the newest whose file is really a wheel (a quick look at the archive: milliseconds)
        for w in sorted(fitting, key=lambda w: w.version, reverse=True):
            if self._sound(w):
                return w
        return None

    def _sound(self, wheel: WheelFile) -> bool:
        from .wheelverify import verify_wheel

        problem, _read = verify_wheel(Path(self.path) / wheel.filename, deep=False)
        return problem is None

    def has(self, project: str) -> bool:
        return any(w.name == project for w in self.wheels)

    @property
    def size_bytes(self) -> int:
        total = 0
        for w in self.wheels:
            with contextlib.suppress(OSError):
                total += (Path(self.path) / w.filename).stat().st_size
        return total


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def scan_wheel_folder(path: str | os.PathLike[str]) -> WheelFolder:
    """List the wheels in a folder (not recursive). Unreadable folders give an empty list."""
    wheels: list[WheelFile] = []
    try:
        names = sorted(os.listdir(path))
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
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

    id: StepId
    program: str
    args: tuple[str, ...]
    timeout_s: float
    raw_progress: bool = False  # pip prints "Progress N of M" lines
    env: tuple[tuple[str, str], ...] = ()  # added to the child environment (a proxy, say)
    conda_json: bool = False  # conda --json prints NUL-separated progress records (CondaProgress)

    @property
    def argv(self) -> list[str]:
        return [self.program, *self.args]


@dataclass(frozen=True)
class CondaTarget:
    """The conda installation and the new env's name (``request.env_dir`` is the env's prefix)."""

    exe: str  # conda, mamba or micromamba program
    kind: str  # "conda" | "mamba" | "micromamba"
    name: str  # the new env's name (-n NAME)
    root_prefix: str = ""  # micromamba gets -r ROOT so that -n NAME lands where the prefix says


@dataclass(frozen=True)
class InstallRequest:
    base_python: str  # the interpreter that creates the venv (conda: the conda program)
    python_version: tuple[int, int]
    env_dir: str  # the new venv's folder, or the new conda env's prefix
    os_name: str  # linux | windows | macos
    torch: str | None  # version to pin; None = newest the source has
    torchvision: str | None  # None = do not install torchvision; "" = torchvision without a pin
    source: PackageSource = field(default_factory=PackageSource)
    variant: str = "cpu"
    pip_timeout: int | None = None  # seconds pip waits for the server (pip's default is 15)
    proxy: str | None = None  # e.g. http://proxy.school.edu:8080, given to pip as HTTP(S)_PROXY
    extra: tuple[str, ...] = ()  # pins the build needs besides torch, e.g. ("numpy<2",) for torch 2.2.2
    nvcc: bool = False  # also install NVIDIA's CUDA compiler matching the build (for own extensions)
    manager: Manager = Manager.PIP
    conda: CondaTarget | None = None  # set when manager is CONDA
    route: Route = Route.PIP  # conda only: pip inside the env, or conda-forge's packages
    jupyter: bool = False  # also install JupyterLab into the new environment
    download_mb: int | None = None  # the chosen build's download as shown on the Hardware page
    arch: str | None = None  # the CPU kind (x86_64, arm64, aarch64): picks the right wheel of a folder
    bundled_pip: bool = False  # the index has no pip (a kit served by http.server): keep the env's own pip


class Note(_StrEnum):
    """Remarks for the Review page; the text is made when shown (:func:`note_text`)."""

    FOLDER_HAS_NO_TORCHVISION = "folder-has-no-torchvision"
    FOLDER_HAS_OTHER_TORCH = "folder-has-other-torch"


@dataclass(frozen=True)
class InstallPlan:
    request: InstallRequest
    steps: tuple[Step, ...]
    env_python: str
    download_mb: int  # estimate; what pip or conda will fetch from the network
    notes: tuple[Note, ...] = ()
    torch: str | None = None  # the version pinned (the wheel folder's, when it differs from the request)
    torchvision: str | None = None  # None: no torchvision; "" unpinned

    @property
    def manager(self) -> Manager:
        return self.request.manager

    @property
    def is_conda(self) -> bool:
        return self.request.manager is Manager.CONDA

    def step(self, step_id: StepId) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def index_of(self, step_id: str) -> int:
        """The position of a step by its id (-1 when the plan has none)."""
        return next((i for i, s in enumerate(self.steps) if s.id == step_id), -1)


RAW_PROGRESS_PIP = Version("24.1")  # first pip with --progress-bar raw

# Timeouts, generous for slow home networks; a stuck step is still stopped in the end.
VENV_TIMEOUT_S = 300.0
PIP_UPGRADE_TIMEOUT_S = 600.0
INSTALL_TIMEOUT_S = 3 * 3600.0
CREATE_TIMEOUT_S = 1800.0
VERIFY_TIMEOUT_S = 300.0
DEMO_TIMEOUT_S = 600.0


def env_python(env_dir: str, os_name: str, manager: Manager = Manager.PIP) -> str:
    """The new environment's own interpreter (we never rely on 'activate')."""
    if os_name == "windows":
        win = PureWindowsPath(env_dir)
        return str(win / "python.exe" if manager is Manager.CONDA else win / "Scripts" / "python.exe")
    return str(PurePosixPath(env_dir) / "bin" / "python")


def _source_args(source: PackageSource) -> list[str]:
    if source.kind is SourceKind.WHEEL_FOLDER:
        return ["--no-index", "--find-links", str(source.folder)]
    if source.index_url:
        return ["--index-url", source.index_url]
    return []


def _pip_source_args(source: PackageSource) -> list[str]:
    """Where pip itself (and nvcc, JupyterLab) come from: PyTorch's index has none of them, so the
    default index, or the learner's mirror or wheel folder."""
    return _source_args(source) if source.kind is not SourceKind.PYTORCH_INDEX else []


def _network_options(req: InstallRequest) -> list[str]:
    """pip's options for the network: none at all for a wheel folder (it never goes online)."""
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


@dataclass(frozen=True)
class _Pins:
    torch: str | None
    torchvision: str | None
    notes: tuple[Note, ...]
    pip_in_folder: bool  # the wheel folder has a pip new enough for --progress-bar raw


def _resolve_pins(req: InstallRequest, folder: WheelFolder | None) -> _Pins:
    """The versions to install: the request's, or for a wheel folder the wheel that really fits
    (the chosen version when the folder has it)."""
    if req.source.kind is not SourceKind.WHEEL_FOLDER:
        return _Pins(req.torch, req.torchvision, (), False)
    if folder is None:
        folder = scan_wheel_folder(req.source.folder or "")
    notes: list[Note] = []
    torch = folder.choose("torch", req.torch, req.python_version, req.os_name, req.arch)
    torch_pin = str(torch.version) if torch else req.torch
    if torch is not None and req.torch and torch_pin != req.torch:
        notes.append(Note.FOLDER_HAS_OTHER_TORCH)
    vision_pin = req.torchvision
    if req.torchvision is not None:
        vision = folder.choose(
            "torchvision", req.torchvision or None, req.python_version, req.os_name, req.arch
        )
        if vision is None:
            vision_pin = None
            notes.append(Note.FOLDER_HAS_NO_TORCHVISION)
        else:
            vision_pin = str(vision.version)
    pip_ok = any(w.name == "pip" and w.version >= RAW_PROGRESS_PIP for w in folder.wheels)
    return _Pins(torch_pin, vision_pin, tuple(notes), pip_ok)


def build_plan(req: InstallRequest, data: ReleaseData, *, folder: WheelFolder | None = None) -> InstallPlan:
    """Turn the learner's choices into the exact commands, in order (a venv or a conda env)."""
    pins = _resolve_pins(req, folder)
    steps = _conda_steps(req, data, pins) if req.manager is Manager.CONDA else _venv_steps(req, data, pins)
    steps.append(
        Step(
            StepId.VERIFY,
            env_python(req.env_dir, req.os_name, req.manager),
            (str(resource("verify.py")),),
            VERIFY_TIMEOUT_S,
        )
    )
    return InstallPlan(
        request=req,
        steps=tuple(_with_download_env(s, req) for s in steps),
        env_python=env_python(req.env_dir, req.os_name, req.manager),
        download_mb=estimate_download_mb(req, data),
        notes=pins.notes,
        torch=pins.torch,
        torchvision=pins.torchvision,
    )


def _with_download_env(step: Step, req: InstallRequest) -> Step:
    """The proxy goes to every step that downloads, and only to those."""
    if step.id not in DOWNLOAD_STEPS or not req.proxy:
        return step
    return dataclasses.replace(step, env=step.env + proxy_env(req.proxy))


def _torch_args(req: InstallRequest, pins: _Pins, *, raw: bool) -> list[str]:
    """``pip install`` arguments for torch, torchvision and the release's extra pins, from the source."""
    args = ["-m", "pip", "install", *_network_options(req)]
    if raw:
        args += ["--progress-bar", "raw"]
    args.append(_requirement("torch", pins.torch))
    if pins.torchvision is not None:
        args.append(_requirement("torchvision", pins.torchvision or None))
    args += list(req.extra)
    args += _source_args(req.source)
    return args


def _venv_steps(req: InstallRequest, data: ReleaseData, pins: _Pins) -> list[Step]:
    py = env_python(req.env_dir, req.os_name)
    offline = req.source.kind is SourceKind.WHEEL_FOLDER
    # The venv is made without pip; pip is then installed straight from the wheel that Python bundles
    # (resources/bootstrap_pip.py): half the time of ensurepip followed by pip's self-upgrade.
    steps = [
        Step(
            StepId.CREATE_VENV, req.base_python, ("-m", "venv", "--without-pip", req.env_dir), VENV_TIMEOUT_S
        )
    ]
    boot = str(resource("bootstrap_pip.py"))
    # A pip of at least 24.1 prints --progress-bar raw. Asking for "pip>=24.1" (not just "pip") makes the
    # step fail loudly when the index cannot be reached, instead of keeping the old pip and exiting 0.
    raw = (not offline or pins.pip_in_folder) and not req.bundled_pip
    if raw:
        pip_args = (
            boot,
            "install",
            "--upgrade",
            f"pip>={RAW_PROGRESS_PIP}",
            *_network_options(req),
            *_pip_source_args(req.source),
        )
    else:  # offline, and the folder has no new pip: the bundled one, as it is
        pip_args = (boot, "install", "--no-index", "--bundled-pip")
    steps.append(Step(StepId.UPGRADE_PIP, py, pip_args, PIP_UPGRADE_TIMEOUT_S))
    steps.append(
        Step(
            StepId.INSTALL_TORCH,
            py,
            tuple(_torch_args(req, pins, raw=raw)),
            INSTALL_TIMEOUT_S,
            raw_progress=raw,
        )
    )
    nvcc = nvcc_requirements(req.variant, data) if req.nvcc else ()
    if nvcc:
        # NVIDIA's compiler wheels are on the default index (or the learner's mirror or folder), not PyTorch's.
        steps.append(_pip_extra_step(StepId.INSTALL_NVCC, py, req, nvcc, raw=raw))
    if req.jupyter:
        steps.append(_pip_extra_step(StepId.INSTALL_JUPYTER, py, req, ("jupyterlab",), raw=raw))
    return steps


def _pip_extra_step(
    step_id: StepId, py: str, req: InstallRequest, packages: tuple[str, ...], *, raw: bool
) -> Step:
    args = (
        "-m",
        "pip",
        "install",
        *_network_options(req),
        *(["--progress-bar", "raw"] if raw else []),
        *packages,
        *_pip_source_args(req.source),
    )
    return Step(step_id, py, args, INSTALL_TIMEOUT_S, raw_progress=raw)


def _conda_steps(req: InstallRequest, data: ReleaseData, pins: _Pins) -> list[Step]:
    target = req.conda
    if target is None:
        raise ValueError("a conda plan needs the conda installation and the env's name")
    py = env_python(req.env_dir, req.os_name, Manager.CONDA)
    root = ("-r", target.root_prefix) if target.kind == "micromamba" and target.root_prefix else ()
    channel = ("--override-channels", "-c", CONDA_FORGE)
    python = f"{req.python_version[0]}.{req.python_version[1]}"
    # pip comes with conda-forge's python anyway (add_pip_as_python_dependency); naming it makes sure.
    specs = (f"python={python}", *(("pip",) if req.route is Route.PIP else ()))
    steps = [
        Step(
            StepId.CONDA_CREATE,
            target.exe,
            ("create", "-y", "--json", "-n", target.name, *specs, *channel, *root),
            CREATE_TIMEOUT_S,
            conda_json=True,
        )
    ]
    if req.route is Route.CONDA_FORGE:
        packages = conda_forge_packages(req.variant, req.os_name, pins.torch, pins.torchvision, data)
        steps.append(
            Step(
                StepId.CONDA_INSTALL,
                target.exe,
                ("install", "-y", "--json", "-n", target.name, *channel, *packages, *req.extra, *root),
                INSTALL_TIMEOUT_S,
                conda_json=True,
            )
        )
    else:
        offline = req.source.kind is SourceKind.WHEEL_FOLDER
        # Offline, pip is updated only when the folder has a new one; conda-forge's pip (solved when the
        # env was made) already knows --progress-bar raw.
        if (not offline or pins.pip_in_folder) and not req.bundled_pip:
            steps.append(
                Step(
                    StepId.UPGRADE_PIP,
                    py,
                    (
                        "-m",
                        "pip",
                        "install",
                        "--upgrade",
                        f"pip>={RAW_PROGRESS_PIP}",
                        *_network_options(req),
                        *_pip_source_args(req.source),
                    ),
                    PIP_UPGRADE_TIMEOUT_S,
                )
            )
        steps.append(
            Step(
                StepId.INSTALL_TORCH,
                py,
                tuple(_torch_args(req, pins, raw=True)),
                INSTALL_TIMEOUT_S,
                raw_progress=True,
            )
        )
    nvcc_packages = nvcc_conda_packages(req.variant, data) if req.nvcc else ()
    if nvcc_packages:
        steps.append(
            Step(
                StepId.INSTALL_NVCC,
                target.exe,
                ("install", "-y", "--json", "-n", target.name, *channel, *nvcc_packages, *root),
                INSTALL_TIMEOUT_S,
                conda_json=True,
            )
        )
    if req.jupyter:
        steps.append(_pip_extra_step(StepId.INSTALL_JUPYTER, py, req, ("jupyterlab",), raw=True))
    return steps


def variant_kind(variant: str, data: ReleaseData) -> str:
    v = data.variants.get(variant)
    if v is not None:
        return "cpu" if v.kind == "mps" else v.kind  # the Mac build: the CPU wheels, which use the Apple GPU
    if variant in ("mps", "cpu"):
        return "cpu"
    if variant.startswith("cu"):
        return "cuda"
    if variant.startswith("rocm"):
        return "rocm"
    return variant


def variant_cuda(variant: str, data: ReleaseData) -> str:
    v = data.variants.get(variant)
    if v is not None and getattr(v, "cuda", None):
        return str(v.cuda)
    digits = variant[2:] if variant.startswith("cu") else ""
    return f"{digits[:-1]}.{digits[-1]}" if digits.isdigit() and len(digits) >= 2 else ""


def _minor(version: str) -> str:
    """conda pin for a release line: "2.13.0" -> "2.13" (conda's "=2.13" matches every 2.13.x)."""
    parts = version.split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else version


def conda_forge_packages(
    variant: str, os_name: str, torch: str | None, torchvision: str | None, data: ReleaseData
) -> list[str]:
    """conda-forge specs for a build: ``pytorch-gpu=2.13``, ``torchvision=0.28``, ``cuda-version=13.0``."""
    kind = variant_kind(variant, data)
    if kind == "cuda":
        if os_name not in ("linux", "windows"):
            raise ValueError(f"conda-forge has no CUDA build of PyTorch for {os_name}")
        main = "pytorch-gpu"
    elif kind == "cpu":
        main = "pytorch" if os_name == "macos" else "pytorch-cpu"
    else:
        raise ValueError(f"conda-forge has no {variant} build of PyTorch")
    specs = [f"{main}={_minor(torch)}" if torch else main]
    if torchvision is not None:
        specs.append(f"torchvision={_minor(torchvision)}" if torchvision else "torchvision")
    if kind == "cuda":
        cuda = variant_cuda(variant, data)
        if cuda:
            specs.append(f"cuda-version={cuda}")
    return specs


def estimate_download_mb(req: InstallRequest, data: ReleaseData) -> int:
    """What will be fetched from the network: nothing for a wheel folder (but a conda env's Python);
    the chosen build's size as the Hardware page showed it, else the data file's estimate."""
    conda_env = PYTHON_ENV_DOWNLOAD_MB if req.manager is Manager.CONDA else 0
    jupyter = JUPYTER_DOWNLOAD_MB if req.jupyter else 0
    if req.source.kind is SourceKind.WHEEL_FOLDER:
        return conda_env
    if req.download_mb is not None:
        return req.download_mb + conda_env + jupyter
    variant = data.variants.get("cpu" if req.variant == "mps" else req.variant) or data.variants["cpu"]
    mb = variant.download_mb(req.os_name) or 0
    if req.torchvision is not None:
        mb += data.torchvision_download_mb
    return mb + data.dependencies_download_mb + conda_env + jupyter


def replan(plan: InstallPlan, data: ReleaseData, **changes: object) -> InstallPlan:
    """The plan for the same request with some fields changed (a proxy, a longer timeout, a wheel
    folder): always rebuilt by :func:`build_plan`, never patched, so both managers get every change.
    A plan restored from an old journal that has no conda details is kept as it is."""
    req = dataclasses.replace(plan.request, **changes)  # type: ignore[arg-type]
    if req.manager is Manager.CONDA and req.conda is None:
        return dataclasses.replace(plan, request=req)
    return build_plan(req, data)


def with_pip_timeout(plan: InstallPlan, seconds: int, data: ReleaseData) -> InstallPlan:
    """The same plan with pip waiting longer for the server (any plan: venv or conda env)."""
    return replan(plan, data, pip_timeout=seconds)


def with_proxy(plan: InstallPlan, proxy: str | None, data: ReleaseData) -> InstallPlan:
    """The same plan with a proxy for every step that downloads (or none: the computer's own settings)."""
    return replan(plan, data, proxy=proxy)


def with_login(plan: InstallPlan, user: str, password: str, data: ReleaseData) -> InstallPlan:
    """The same plan with the package index's login put back (the journal never stores it): into the
    request's index address and its extra requirements, then rebuilt by :func:`build_plan` like every
    other change, so each step gets it. Only in memory."""
    from .secrets import put_login

    url = plan.request.source.index_url
    if not url:
        return plan
    source = dataclasses.replace(plan.request.source, index_url=put_login(url, url, user, password))
    extra = tuple(put_login(x, url, user, password) for x in plan.request.extra)
    return replan(plan, data, source=source, extra=extra)


def repair_plan(
    plan: InstallPlan,
    data: ReleaseData,
    *,
    torch: str | None,
    torchvision: str | None,
    variant: str,
    index_url: str | None,
) -> InstallPlan:
    """The after-install check's fix: the right build installed over the working one
    (``--force-reinstall``), then the check again. Built here like every other step."""
    req = dataclasses.replace(
        plan.request,
        torch=torch,
        torchvision=torchvision if plan.torchvision is not None else None,
        variant=variant,
        source=PackageSource(SourceKind.PYTORCH_INDEX, index_url=index_url),
    )
    pins = _Pins(torch, req.torchvision, (), False)
    args = _torch_args(req, pins, raw=True)
    args.insert(3, "--force-reinstall")
    py = env_python(req.env_dir, req.os_name, req.manager)
    steps = (
        _with_download_env(Step(StepId.REPAIR, py, tuple(args), INSTALL_TIMEOUT_S, raw_progress=True), req),
        Step(StepId.VERIFY, py, (str(resource("verify.py")),), VERIFY_TIMEOUT_S),
    )
    return InstallPlan(
        request=req,
        steps=steps,
        env_python=py,
        download_mb=estimate_download_mb(req, data),
        torch=torch,
        torchvision=req.torchvision,
    )


def pinned_version(plan: InstallPlan, project: str) -> str | None:
    """The version the plan installs of ``project`` ("torch" or "torchvision")."""
    if project == "torch":
        return plan.torch
    if project == "torchvision":
        return plan.torchvision or None
    return None


def is_conda_plan(plan: InstallPlan) -> bool:
    return plan.is_conda


def conda_env_name(plan: InstallPlan) -> str:
    """The name of a conda plan's new env ("" for a venv plan)."""
    return plan.request.conda.name if plan.is_conda and plan.request.conda else ""


def demo_command(env_py: str, device: str) -> list[str]:
    return [env_py, str(resource("demo.py")), "--device", device]


def display_command(argv: list[str] | tuple[str, ...], os_name: str) -> str:
    """A command as the learner could type it (for showing and copying only; never run through a shell)."""
    from .secrets import mask_secrets

    if os_name == "windows":
        return mask_secrets(subprocess.list2cmdline(list(argv)))
    return mask_secrets(shlex.join(list(argv)))


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
        StepId.CREATE_VENV: translate("Plan", "Create the new environment"),
        StepId.UPGRADE_PIP: translate("Plan", "Update pip, the package installer"),
        StepId.INSTALL_TORCH: translate("Plan", "Download and install PyTorch"),
        StepId.VERIFY: translate("Plan", "Check that PyTorch works"),
        StepId.INSTALL_NVCC: translate("Plan", "Install the CUDA compiler (nvcc)"),
        StepId.INSTALL_JUPYTER: translate("Plan", "Install JupyterLab (notebooks in the browser)"),
        StepId.CONDA_CREATE: translate("Plan", "Create the new conda environment"),
        StepId.CONDA_INSTALL: translate("Plan", "Download and install PyTorch from conda-forge"),
        StepId.REPAIR: translate("Plan", "Install the right build of PyTorch"),
    }
    return titles.get(step_id, str(step_id))  # type: ignore[call-overload]


def note_text(note: Note) -> str:
    if note is Note.FOLDER_HAS_NO_TORCHVISION:
        return translate(
            "Plan", "The wheel folder has no torchvision for this Python, so only torch will be installed."
        )
    return translate(
        "Plan",
        "The wheel folder holds another version of PyTorch than the one chosen: the folder's version is installed.",
    )


def check_index_url(text: str) -> tuple[list[str], list[str]]:
    """(problems, warnings) for an index URL the learner typed (a mirror, a school's server); never raises."""
    from .envdir import check_index_url as check

    return check(text)


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


def check_proxy_url(text: str) -> tuple[str, list[str]]:
    """(normalised proxy URL, problems). 'proxy.school.edu:8080' becomes 'http://proxy.school.edu:8080'."""
    from .envdir import check_proxy_url as check

    return check(text)
