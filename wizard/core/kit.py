"""A kit: PyTorch wheels for other computers, made once and copied to many (a classroom, a USB stick).

Layout of a kit folder (stable: the ``install`` command and the Review page rely on it)::

    KIT/
      kit.json                     the manifest (below)
      index.html                   a flat list of every file: pip --find-links http://HOST/
      simple/index.html            PEP 503 root: one link per project
      simple/<project>/index.html  PEP 503 project pages: relative links ../../wheels/<file>#sha256=<hex>
      wheels/<file>.whl            the files themselves

Any static web server (``python -m http.server``, nginx, a NAS) serves the folder as an index
(``--index-url http://HOST/simple``) or as find-links (``--find-links http://HOST/``); as a folder it is used
with ``--no-index --find-links KIT/wheels``.

``kit.json``::

    {"kit": 1, "made_at": "2026-12-01T23:59:00Z",
     "made_from": {"source": "default" | "index" | "wheels" | "kit", "location": "<URL without login, or a
                   folder's name>", "wizard": "0.1.0"},
     "torch": ["2.14.1"], "torchvision": ["0.29.1"],          public versions of all targets
     "targets": [{"name": "windows-x86_64-py3.12-cpu", "os": "windows", "arch": "x86_64", "python": "3.12",
                  "free_threaded": false, "variant": "cpu", "torch": "2.14.1+cpu", "torchvision": "0.29.1+cpu",
                  "requirements": ["torch==2.14.1+cpu", "torchvision==0.29.1+cpu"],
                  "files": ["torch-2.14.1+cpu-cp312-cp312-win_amd64.whl", ...], "complete": true}],
     "files": [{"name": "...whl", "size": 123, "sha256": "<hex>", "targets": ["windows-x86_64-py3.12-cpu"],
                "project": "torch", "version": "2.14.1+cpu", "requires_python": ">=3.10"}]}

Target names are ``<os>-<arch>-py<X.Y>[t]-<variant>`` (``linux-x86_64-py3.12-cu130``,
``macos-arm64-py3.12-mps``: the Mac's standard wheel, which includes MPS). The builds are chosen by the
install's rules (``builds.recommend`` for ``auto``; ``builds.choice_for`` for a named variant).

Making a kit is a :class:`KitMaker`: it hands out ``pip download --no-deps`` calls one at a time and is told how
each ended; whoever runs processes (the CLI with ``subprocess``, the dialog with ``ProcessRunner``) drives it.
Dependencies are resolved here, round by round, from each wheel's ``Requires-Dist`` with the markers evaluated
for the *target* (pip evaluates them for the computer it runs on, which would leave Windows-only dependencies
out of a Windows kit made on Linux, and ask for Linux-only ones).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import html
import json
import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from packaging import tags as _tags

from . import releases as _releases
from .builds import Machine, choice_for, recommend
from .diagnose import Diagnosis, diagnose, diagnosis_for
from .gpu import Gpu
from .releases import ReleaseData
from .secrets import has_login, mask_secrets, strip_login
from .tr import translate

log = logging.getLogger(__name__)

SCHEMA = 1
KIT_FILE = "kit.json"
WHEELS_DIR = "wheels"
SIMPLE_DIR = "simple"
MAX_ROUNDS = 25  # dependency levels per target; torch needs 3 or 4
PIP_TIMEOUT_S = 3 * 3600.0
USER_AGENT = "TorchSetupWizard/0.1 (kit)"

OSES = ("linux", "windows", "macos")
ARCHES = ("x86_64", "arm64")
# The oldest OS each kit is for: manylinux_2_28 (what torch's Linux wheels need), macOS 14 on Apple Silicon
# (torch >= 2.12 is tagged macosx_14_0_arm64), macOS 10.15 on Intel (torch 2.2.2 is macosx_10_9).
_LINUX_GLIBC = (2, 28)
_MACOS = {"arm64": (14, 0), "x86_64": (10, 15)}


# --------------------------------------------------------------------------------------------
# Problems and errors: a code, its parameters, and the words made when shown
# --------------------------------------------------------------------------------------------


def _text(code: str, p: Mapping[str, Any]) -> str:
    """The plain-words text of a kit code, translated now. Literal strings for lupdate."""
    if code == "bad-target":
        return translate(
            "Kit",
            "“{target}” is not a target. Write it as system-processor-python-build, for example "
            "windows-x86_64-py3.12-cpu or linux-x86_64-py3.12-cu130, or use “auto” for this computer.",
        ).format(**p)
    if code == "unknown-variant":
        return translate(
            "Kit", "“{variant}” is not a PyTorch build the wizard knows. Known builds: {known}."
        ).format(**p)
    if code == "no-build":
        return translate("Kit", "There is no PyTorch for {target}: {why}").format(**p)
    if code == "no-build-here":
        return translate("Kit", "No PyTorch build can be chosen for this computer: {why}").format(**p)
    if code == "bad-source":
        return translate(
            "Kit",
            "“{source}” is not a package source. Use default, index:URL, wheels:FOLDER or kit:FOLDER.",
        ).format(**p)
    if code == "source-missing":
        return translate("Kit", "The folder {path} does not exist or cannot be read.").format(**p)
    if code == "not-in-folder":
        return translate(
            "Kit",
            "The folder {path} has no {project} wheel for {target}, so that target cannot be made from it.",
        ).format(**p)
    if code == "out-not-kit":
        return translate(
            "Kit",
            "The folder {path} already holds an index.html that is not part of a kit. Choose an empty folder "
            "or a kit folder.",
        ).format(**p)
    if code == "out-not-writable":
        return translate("Kit", "The wizard cannot write to {path}: {why}").format(**p)
    if code == "not-a-kit":
        return translate(
            "Kit", "{where} is not a PyTorch kit: it has no kit.json. Choose the kit's own folder."
        ).format(**p)
    if code == "kit-unreadable":
        return translate("Kit", "The kit's kit.json cannot be read: {why}").format(**p)
    if code == "kit-newer":
        return translate(
            "Kit", "This kit was made by a newer version of the wizard. Use that version to install from it."
        ).format(**p)
    if code == "kit-unreachable":
        return translate(
            "Kit",
            "The kit at {where} could not be reached: {why}. Check the address and that the server is on.",
        ).format(**p)
    if code == "file-missing":
        return translate(
            "Kit", "The kit is incomplete: the file {name} is missing. Copy the kit again."
        ).format(**p)
    if code == "file-size":
        return translate(
            "Kit",
            "The file {name} in the kit has the wrong size (damaged or cut short while copying). Copy the kit "
            "again.",
        ).format(**p)
    if code == "file-damaged":
        return translate(
            "Kit",
            "The file {name} in the kit is damaged: its checksum (sha256) is not the one in kit.json. Copy the "
            "kit again.",
        ).format(**p)
    if code == "file-not-listed":
        return translate(
            "Kit", "The kit's server does not offer the file {name} with the checksum in kit.json."
        ).format(**p)
    if code == "nothing-for-this-computer":
        return translate("Kit", "The kit has nothing for this computer ({computer}). It has: {has}.").format(
            **p
        )
    if code == "other-python":
        return translate(
            "Kit",
            "The kit has nothing for Python {python} on this computer, but it has PyTorch for Python {pythons}. "
            "Choose that Python on the Python page.",
        ).format(**p)
    if code == "no-build-runs":
        return translate(
            "Kit", "The kit has builds for this computer, but none of them can run here: {why}"
        ).format(**p)
    if code == "cpu-instead":
        return translate(
            "Kit",
            "The kit has no {wanted} build, which would use this computer's GPU; it installs the CPU-only build "
            "({target}) instead.",
        ).format(**p)
    if code == "ok":
        return translate("Kit", "The kit has PyTorch for this computer: {target}.").format(**p)
    if code == "file-not-found":
        return translate(
            "Kit", "pip finished but the wizard cannot find the file it fetched for {requirement}."
        ).format(**p)
    if code == "too-deep":
        return translate(
            "Kit",
            "The dependencies of {target} did not settle after {rounds} rounds; the kit is not complete.",
        ).format(**p)
    return code


@dataclass(frozen=True)
class Problem:
    """Something wrong, as a code with parameters; ``message()`` makes the words (in the current language)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        return _text(self.code, self.params)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params), "message": self.message()}


class KitError(Exception):
    """A refused input or a kit that cannot be used: ``problem`` says what, in a code."""

    def __init__(self, code: str, **params: Any) -> None:
        self.problem = Problem(code, params)
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.problem.code

    def message(self) -> str:
        return self.problem.message()


# --------------------------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------------------------

_TARGET = re.compile(
    r"^(?P<os>linux|windows|macos)-(?P<arch>x86_64|amd64|arm64|aarch64)-py(?P<major>\d)\.(?P<minor>\d{1,2})"
    r"(?P<ft>t?)(?:-(?P<variant>[a-z][a-z0-9.]*))?$"
)


@dataclass(frozen=True)
class Target:
    os: str
    arch: str
    python: tuple[int, int]
    variant: str  # a variant of the data file, or "mps" (Apple Silicon's standard wheel)
    free_threaded: bool = False

    @property
    def pyver(self) -> str:
        return f"{self.python[0]}.{self.python[1]}" + ("t" if self.free_threaded else "")

    @property
    def name(self) -> str:
        return f"{self.os}-{self.arch}-py{self.pyver}-{self.variant}"

    @property
    def platform(self) -> str:
        return f"{self.os}-{self.arch}"

    @property
    def abi(self) -> str:
        return f"cp{self.python[0]}{self.python[1]}" + ("t" if self.free_threaded else "")

    def platform_tags(self) -> list[str]:
        """The ``--platform`` values for pip (pip widens a macOS tag to older macOS versions itself, but
        not a ``manylinux_2_28`` tag: every glibc level from 2.28 down is named)."""
        if self.os == "windows":
            return ["win_amd64" if self.arch == "x86_64" else "win_arm64"]
        if self.os == "macos":
            major, minor = _MACOS[self.arch]
            return [f"macosx_{major}_{minor}_{self.arch}"]
        machine = "x86_64" if self.arch == "x86_64" else "aarch64"
        out = [f"manylinux_2_{m}_{machine}" for m in range(_LINUX_GLIBC[1], 16, -1)]
        return [*out, f"manylinux2014_{machine}"]

    def supported_tags(self) -> frozenset[_tags.Tag]:
        """The wheel tags pip accepts for this target (the same set ``--platform``/``--abi`` give it)."""
        if self.os == "macos":
            plats = list(_tags.mac_platforms(_MACOS[self.arch], self.arch))
        elif self.os == "linux":
            machine = "x86_64" if self.arch == "x86_64" else "aarch64"
            plats = [*self.platform_tags(), f"manylinux2010_{machine}", f"manylinux1_{machine}"]
        else:
            plats = self.platform_tags()
        out = set(_tags.cpython_tags(self.python, abis=[self.abi], platforms=plats))
        out.update(_tags.compatible_tags(self.python, f"cp{self.python[0]}{self.python[1]}", plats))
        return frozenset(out)

    def marker_environment(self) -> dict[str, str]:
        """PEP 508 marker values of a computer of this target (for the wheels' ``Requires-Dist``)."""
        full = f"{self.python[0]}.{self.python[1]}.0"
        system = {"linux": "Linux", "windows": "Windows", "macos": "Darwin"}[self.os]
        if self.os == "windows":
            machine = "AMD64" if self.arch == "x86_64" else "ARM64"
        elif self.os == "linux":
            machine = "x86_64" if self.arch == "x86_64" else "aarch64"
        else:
            machine = self.arch
        return {
            "implementation_name": "cpython",
            "implementation_version": full,
            "os_name": "nt" if self.os == "windows" else "posix",
            "platform_machine": machine,
            "platform_release": "",
            "platform_system": system,
            "platform_version": "",
            "python_full_version": full,
            "platform_python_implementation": "CPython",
            "python_version": f"{self.python[0]}.{self.python[1]}",
            "sys_platform": {"linux": "linux", "windows": "win32", "macos": "darwin"}[self.os],
            "extra": "",
        }

    def pip_target_args(self) -> list[str]:
        out: list[str] = ["--only-binary=:all:"]
        for p in self.platform_tags():
            out += ["--platform", p]
        out += [
            "--python-version",
            f"{self.python[0]}.{self.python[1]}",
            "--implementation",
            "cp",
            "--abi",
            self.abi,
        ]
        return out

    def machine(self, data: ReleaseData | None = None) -> Machine:
        """A computer of this target with a GPU that the build is for (so the install's rules choose a
        release of this build; a CPU target has no GPU)."""
        data = data or _releases.load()
        gpus: tuple[Gpu, ...] = ()
        amd: tuple[str, ...] = ()
        state = "absent"
        v = data.variants.get(self.variant)
        if v is not None and v.kind == "cuda":
            gpus = (Gpu("nvidia", "NVIDIA GPU", None, None, None),)
            state = "ok"
        elif v is not None and v.kind == "rocm" and v.gfx:
            amd = (v.gfx[0],)
            gpus = (Gpu("amd", f"AMD {v.gfx[0]}", None, None, None, arch=v.gfx[0]),)
        elif v is not None and v.kind == "xpu":
            hints = list(v.raw.get("intel_name_hints", [])) or ["Arc"]
            gpus = (Gpu("intel", f"Intel {hints[0]}", None, None, None),)
        elif self.variant == "mps":
            gpus = (Gpu("apple", "Apple Silicon GPU", None, None, None),)
        return Machine(
            os=self.os,
            arch=self.arch,
            python=self.python,
            free_threaded=self.free_threaded,
            gpus=gpus,
            amd_gfx=amd,
            nvidia_state=state,
        )


def _default_variant(os_name: str, arch: str) -> str:
    return "mps" if (os_name, arch) == ("macos", "arm64") else "cpu"


def parse_target(text: str, data: ReleaseData | None = None) -> Target:
    """``linux-x86_64-py3.12-cu130`` -> Target; the build may be left out (the CPU build, or "mps" on Apple
    Silicon). ``macos-arm64-…-cpu`` means the same wheels as ``-mps`` and is named so. Raises KitError."""
    data = data or _releases.load()
    t = text.strip().lower()
    m = _TARGET.match(t)
    if not m:
        raise KitError("bad-target", target=text)
    arch = {"amd64": "x86_64", "aarch64": "arm64"}.get(m.group("arch"), m.group("arch"))
    os_name = m.group("os")
    variant = m.group("variant") or _default_variant(os_name, arch)
    if os_name == "macos" and arch == "arm64" and variant == "cpu":
        variant = "mps"
    if variant != "mps" and variant not in data.variants:
        known = ", ".join(sorted([*data.variants, "mps"]))
        raise KitError("unknown-variant", variant=variant, known=known)
    return Target(
        os=os_name,
        arch=arch,
        python=(int(m.group("major")), int(m.group("minor"))),
        variant=variant,
        free_threaded=bool(m.group("ft")),
    )


def target_for_machine(machine: Machine, data: ReleaseData | None = None) -> Target:
    """The target the install would choose for ``machine`` (``--target auto``). Raises KitError."""
    data = data or _releases.load()
    rec = recommend(machine, data)
    if rec.variant is None or machine.python is None:
        why = " ".join((*rec.warnings, *rec.alternatives)) or "?"
        raise KitError("no-build-here", why=why)
    return Target(machine.os, machine.arch, machine.python, rec.variant, machine.free_threaded)


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    kind: str = "default"  # default | index | wheels | kit
    location: str | None = None  # the URL (may carry a login: given to pip only) or the folder

    def describe(self) -> dict[str, Any]:
        """What kit.json keeps: never a login; of a folder only its name (no home folder in a shared kit)."""
        if self.kind == "index":
            return {"source": "index", "location": strip_login(self.location)}
        if self.kind in ("wheels", "kit"):
            return {"source": self.kind, "location": Path(self.location or "").name}
        return {"source": "default", "location": None}

    def shown(self) -> str:
        if self.kind == "default":
            return "default"
        return f"{self.kind}:{mask_secrets(self.location or '')}"

    @property
    def folder(self) -> Path | None:
        if self.kind == "wheels":
            return Path(self.location or "")
        if self.kind == "kit":
            return Path(self.location or "") / WHEELS_DIR
        return None


def install_source(kit: Kit, target: KitTarget, with_torchvision: bool) -> tuple[Any, str | None, str | None]:
    """(PackageSource, torch pin, torchvision pin) for installing a kit's target: its wheel folder
    (``--no-index --find-links KIT/wheels``) or, for a served kit, its index (``--index-url URL/simple``),
    pinned to the target's versions. ``install --source kit:DIR`` and the window's Review page both use
    this, so both install the same."""
    from .plan import PackageSource, SourceKind

    if kit.is_url:
        src = PackageSource(SourceKind.CUSTOM_INDEX, index_url=kit.index_url())
    else:
        src = PackageSource(SourceKind.WHEEL_FOLDER, folder=str(kit.wheel_dir.resolve()))
    return src, target.torch, target.torchvision if with_torchvision else None


def parse_source(text: str | None) -> Source:
    """``default`` | ``index:URL`` | ``wheels:DIR`` | ``kit:DIR``. Raises KitError."""
    t = (text or "default").strip()
    if t in ("", "default", "pytorch"):
        return Source()
    kind, sep, rest = t.partition(":")
    rest = rest.strip()
    if not sep or not rest or kind not in ("index", "wheels", "kit"):
        raise KitError("bad-source", source=mask_secrets(t))
    if kind == "index":
        scheme = urllib.parse.urlsplit(rest).scheme.lower()
        if scheme not in ("http", "https", "file"):
            raise KitError("bad-source", source=mask_secrets(t))
        return Source("index", rest)
    folder = Path(rest).expanduser()
    check = folder / WHEELS_DIR if kind == "kit" else folder
    if not check.is_dir():
        raise KitError("source-missing", path=str(check))
    return Source(kind, str(folder))


# --------------------------------------------------------------------------------------------
# Wheel files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WheelName:
    filename: str
    project: str  # canonical
    version: Version
    tags: frozenset[_tags.Tag]

    @property
    def local(self) -> str:
        return self.version.local or ""


def wheel_name(filename: str) -> WheelName | None:
    try:
        name, version, _build, tags = parse_wheel_filename(filename)
    except (InvalidWheelFilename, InvalidVersion, ValueError):
        return None
    return WheelName(filename, str(name), version, frozenset(tags))


def sha256_of(path: Path, chunk: int = 1024 * 1024) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def read_wheel_metadata(path: Path) -> tuple[list[str], str | None]:
    """(``Requires-Dist`` lines, ``Requires-Python``) from a wheel's ``*.dist-info/METADATA``."""
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
        if not names:
            return [], None
        text = zf.read(names[0]).decode("utf-8", errors="replace")
    msg = HeaderParser().parsestr(text)
    return list(msg.get_all("Requires-Dist") or []), msg.get("Requires-Python")


def requirements_for_target(requires_dist: Iterable[str], target: Target) -> list[Requirement]:
    """The requirements that apply on the target (markers evaluated for it; extras not asked for)."""
    env = target.marker_environment()
    out: list[Requirement] = []
    for line in requires_dist:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            log.warning("ignored a requirement that cannot be read: %r", line)
            continue
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        if req.url:
            log.warning("ignored a requirement by URL, which a kit cannot hold: %s", req.name)
            continue
        out.append(req)
    return out


def _fits(wheel: WheelName, target: Target) -> bool:
    return bool(wheel.tags & target.supported_tags())


def _label_fits(wheel: WheelName, target: Target, data: ReleaseData) -> bool:
    """A torch wheel's local label names its build (``+cu130``); an unlabelled wheel is the standard index's
    build for that platform (the Mac's for "mps")."""
    want = "cpu" if target.variant == "mps" else target.variant
    if wheel.local:
        return wheel.local == want
    if target.variant == "mps":
        return True
    return data.default_index_serves.get(target.platform) == target.variant


# --------------------------------------------------------------------------------------------
# Choosing the build for each target
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetPlan:
    target: Target
    torch: str  # the version to pin (from the data file, or the exact version a folder holds)
    torchvision: str | None
    extra: tuple[str, ...]  # other pins of the release, e.g. "numpy<2"
    index_url: str | None  # what pip reads (may carry a login); None with a folder, or pip's default index
    estimate_bytes: int
    estimate_basis: str  # "files" (exact sizes of files on disk) | "data-file" (the release data's estimate)
    notes: tuple[str, ...] = ()

    def requirements(self) -> list[str]:
        out = [f"torch=={self.torch}"]
        if self.torchvision:
            out.append(f"torchvision=={self.torchvision}")
        return [*out, *self.extra]


def _folder_wheels(folder: Path) -> list[tuple[WheelName, int]]:
    out: list[tuple[WheelName, int]] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return out
    for p in entries:
        w = wheel_name(p.name) if p.name.endswith(".whl") else None
        if w is not None:
            with contextlib.suppress(OSError):
                out.append((w, p.stat().st_size))
    return out


def _data_estimate(target: Target, data: ReleaseData, with_torchvision: bool) -> int:
    v = data.variants.get("cpu" if target.variant == "mps" else target.variant)
    mb = (v.download_mb(target.os) if v else None) or 0
    mb += data.dependencies_download_mb + (data.torchvision_download_mb if with_torchvision else 0)
    return mb * 1_000_000  # the data file writes decimal megabytes, as pip prints them


def plan_target(
    target: Target,
    source: Source,
    data: ReleaseData | None = None,
    *,
    with_torchvision: bool = True,
    base_choice: tuple[str, str | None, str | None] | None = None,
) -> TargetPlan:
    """The build for ``target`` by the install's rules, from ``source``. Raises KitError.

    ``base_choice`` (torch, torchvision, index URL) overrides the data file's choice, e.g. with the answer
    of the live index."""
    data = data or _releases.load()
    if base_choice is None:
        choice = choice_for(target.variant, target.machine(data), data)
        if not choice.runs_here:
            raise KitError("no-build", target=target.name, why=choice.why_not)
        torch, tv, index_url = choice.torch, choice.torchvision, choice.index_url
    else:
        torch, tv, index_url = base_choice
    try:
        extra = data.release(torch).extra_requirements
    except KeyError:
        extra = ()
    if not with_torchvision:
        tv = None
    estimate = _data_estimate(target, data, tv is not None)
    basis = "data-file"
    notes: list[str] = []
    if source.kind == "index":
        index_url = source.location
        torch = _pin_from_index(source.location or "", "torch", torch, target, data) or torch
        if tv:
            tv = _pin_from_index(source.location or "", "torchvision", tv, target, data) or tv
    elif source.folder is not None:
        index_url = None
        wheels = [(w, s) for w, s in _folder_wheels(source.folder) if _fits(w, target)]
        torches = sorted(
            (w for w, _s in wheels if w.project == "torch" and _label_fits(w, target, data)),
            key=lambda w: w.version,
            reverse=True,
        )
        if not torches:
            raise KitError("not-in-folder", path=str(source.folder), project="torch", target=target.name)
        torch = str(torches[0].version)
        if tv:
            tvs = sorted(
                (w for w, _s in wheels if w.project == "torchvision"), key=lambda w: w.version, reverse=True
            )
            if tvs:
                tv = str(tvs[0].version)
            else:
                tv = None
                notes.append(
                    translate(
                        "Kit", "The folder has no torchvision for {target}; the kit is made without it."
                    ).format(target=target.name)
                )
        # every fitting file of the folder: exact, and at most what the target needs
        newest: dict[str, WheelName] = {}
        for w, _s in wheels:
            if w.project == "torch" and w.version != torches[0].version:
                continue
            if w.project not in newest or w.version > newest[w.project].version:
                newest[w.project] = w
        sizes = {w.filename: s for w, s in wheels}
        estimate = sum(sizes[w.filename] for w in newest.values())
        basis = "files"
    return TargetPlan(target, torch, tv, tuple(extra), index_url, estimate, basis, tuple(notes))


def _pin_from_index(
    index_url: str, project: str, version: str, target: Target, data: ReleaseData
) -> str | None:
    """The exact version (with its build label) that a mirror has for the target, or None when unknown."""
    from .wheelcheck import check_wheel  # network: only for an index source

    url, opener = index_url, None
    if has_login(index_url):  # urllib cannot take user:password@ in the address: send it as Basic auth
        parts = urllib.parse.urlsplit(index_url)
        url = strip_login(index_url) or index_url
        mgr = urllib.request.HTTPPasswordMgrWithPriorAuth()
        user, pw = urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")
        mgr.add_password(None, url, user, pw, is_authenticated=True)
        opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(mgr))
    check = check_wheel(
        url,
        project,
        version,
        target.python,
        target.os,
        target.arch,
        free_threaded=target.free_threaded,
        opener=opener,
    )
    if check.status != "found":
        return None
    for filename in check.files:
        w = wheel_name(filename)
        if w is not None and (project != "torch" or _label_fits(w, target, data)):
            return str(w.version)
    return None


# --------------------------------------------------------------------------------------------
# The kit and its manifest
# --------------------------------------------------------------------------------------------


@dataclass
class KitFile:
    name: str
    size: int
    sha256: str
    targets: list[str] = field(default_factory=list)
    project: str = ""
    version: str = ""
    requires_python: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "targets": sorted(self.targets),
            "project": self.project,
            "version": self.version,
            "requires_python": self.requires_python,
        }


@dataclass
class KitTarget:
    name: str
    os: str
    arch: str
    python: str  # "3.12" (free-threaded: free_threaded True)
    variant: str
    torch: str | None = None
    torchvision: str | None = None
    requirements: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    complete: bool = False
    free_threaded: bool = False

    @property
    def python_tuple(self) -> tuple[int, int]:
        major, minor = self.python.split(".")[:2]
        return int(major), int(minor)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "os": self.os,
            "arch": self.arch,
            "python": self.python,
            "free_threaded": self.free_threaded,
            "variant": self.variant,
            "torch": self.torch,
            "torchvision": self.torchvision,
            "requirements": list(self.requirements),
            "files": sorted(self.files),
            "complete": self.complete,
        }


@dataclass
class Kit:
    root: str  # a folder, or a URL ending in "/"
    targets: dict[str, KitTarget] = field(default_factory=dict)
    files: dict[str, KitFile] = field(default_factory=dict)
    made_at: str = ""
    made_from: dict[str, Any] = field(default_factory=dict)
    updated_at: str = ""

    @property
    def is_url(self) -> bool:
        return urllib.parse.urlsplit(self.root).scheme.lower() in ("http", "https")

    @property
    def folder(self) -> Path:
        return Path(self.root)

    @property
    def wheel_dir(self) -> Path:
        return Path(self.root) / WHEELS_DIR

    def index_url(self) -> str:
        """The kit's PEP 503 index (``…/simple``), for ``--index-url``."""
        if self.is_url:
            return self.root.rstrip("/") + "/" + SIMPLE_DIR
        return Path(self.root, SIMPLE_DIR).resolve().as_uri()

    def file_url(self, name: str) -> str:
        return self.root.rstrip("/") + "/" + WHEELS_DIR + "/" + urllib.parse.quote(name)

    def versions(self, project: str) -> list[str]:
        found = {
            str(Version(v).public)
            for t in self.targets.values()
            for v in ([t.torch] if project == "torch" else [t.torchvision])
            if v
        }
        return sorted(found, key=Version, reverse=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "kit": SCHEMA,
            "made_at": self.made_at,
            "updated_at": self.updated_at or self.made_at,
            "made_from": self.made_from,
            "torch": self.versions("torch"),
            "torchvision": self.versions("torchvision"),
            "targets": [self.targets[k].to_json() for k in sorted(self.targets)],
            "files": [self.files[k].to_json() for k in sorted(self.files)],
        }

    @classmethod
    def from_json(cls, root: str, data: Any) -> Kit:
        if not isinstance(data, dict) or "kit" not in data:
            raise KitError("kit-unreadable", why="no “kit” field")
        try:
            schema = int(data["kit"])
        except (TypeError, ValueError) as exc:
            raise KitError("kit-unreadable", why="“kit” is not a number") from exc
        if schema > SCHEMA:
            raise KitError("kit-newer", schema=schema)
        kit = cls(
            root=root,
            made_at=str(data.get("made_at", "")),
            made_from=dict(data.get("made_from") or {}),
            updated_at=str(data.get("updated_at", "")),
        )
        try:
            for t in data.get("targets", []):
                kt = KitTarget(
                    name=str(t["name"]),
                    os=str(t["os"]),
                    arch=str(t["arch"]),
                    python=str(t["python"]),
                    variant=str(t["variant"]),
                    torch=t.get("torch"),
                    torchvision=t.get("torchvision"),
                    requirements=[str(r) for r in t.get("requirements", [])],
                    files=[str(f) for f in t.get("files", [])],
                    complete=bool(t.get("complete", False)),
                    free_threaded=bool(t.get("free_threaded", False)),
                )
                kit.targets[kt.name] = kt
            for f in data.get("files", []):
                name = str(f["name"])
                if "/" in name or "\\" in name or name.startswith("."):
                    raise KitError("kit-unreadable", why=f"a file name with a folder in it: {name!r}")
                kit.files[name] = KitFile(
                    name=name,
                    size=int(f["size"]),
                    sha256=str(f["sha256"]).lower(),
                    targets=[str(x) for x in f.get("targets", [])],
                    project=str(f.get("project", "")),
                    version=str(f.get("version", "")),
                    requires_python=f.get("requires_python"),
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise KitError("kit-unreadable", why=str(exc)) from exc
        return kit

    def save(self) -> None:
        """Write kit.json (atomically: a kit cut short keeps its last good manifest)."""
        path = Path(self.root) / KIT_FILE
        tmp = path.with_name(KIT_FILE + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def write_indexes(self) -> None:
        """The flat ``index.html`` and the PEP 503 ``simple/`` tree, relative links with ``#sha256=``."""
        root = Path(self.root)
        by_project: dict[str, list[KitFile]] = {}
        for f in sorted(self.files.values(), key=lambda f: f.name):
            project = f.project or (w.project if (w := wheel_name(f.name)) else "")
            if project:
                by_project.setdefault(canonicalize_name(project), []).append(f)

        def anchor(prefix: str, f: KitFile) -> str:
            attrs = f'href="{prefix}{urllib.parse.quote(f.name)}#sha256={f.sha256}"'
            if f.requires_python:
                attrs += f' data-requires-python="{html.escape(f.requires_python, quote=True)}"'
            return f"    <a {attrs}>{html.escape(f.name)}</a><br>\n"

        def page(title: str, body: str) -> str:
            return (
                '<!DOCTYPE html>\n<html>\n  <head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title></head>\n  <body>\n{body}  </body>\n</html>\n"
            )

        flat = "".join(anchor(WHEELS_DIR + "/", f) for f in sorted(self.files.values(), key=lambda f: f.name))
        _write_text(root / "index.html", page("PyTorch kit", flat))
        simple = root / SIMPLE_DIR
        simple.mkdir(exist_ok=True)
        links = "".join(f'    <a href="{p}/">{p}</a><br>\n' for p in sorted(by_project))
        _write_text(simple / "index.html", page("Simple index", links))
        for project, files in by_project.items():
            (simple / project).mkdir(exist_ok=True)
            body = "".join(anchor(f"../../{WHEELS_DIR}/", f) for f in files)
            _write_text(simple / project / "index.html", page(f"Links for {project}", body))


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --------------------------------------------------------------------------------------------
# Making a kit
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PipCall:
    """One ``pip download`` to run: ``program`` with ``args``."""

    target: str
    round: int
    program: str
    args: tuple[str, ...]
    requirements: tuple[str, ...]
    timeout_s: float = PIP_TIMEOUT_S

    @property
    def argv(self) -> list[str]:
        return [self.program, *self.args]

    def shown(self) -> list[str]:
        return [mask_secrets(a) for a in self.argv]


def download_args(
    plan: TargetPlan,
    source: Source,
    dest: Path,
    requirements: Iterable[str],
    *,
    raw_progress: bool = False,
) -> list[str]:
    """The arguments after ``python``: ``-m pip download --no-deps --only-binary=:all: --platform … -d DEST``
    and the source (the variant's index, a mirror, or a folder)."""
    args = ["-m", "pip", "download", "--no-deps", *plan.target.pip_target_args(), "--dest", str(dest)]
    if source.folder is not None:
        args += ["--no-index", "--find-links", str(source.folder)]
    elif plan.index_url:
        args += ["--index-url", plan.index_url]
    if raw_progress:
        args += ["--progress-bar", "raw"]
    return [*args, *requirements]


def check_out_dir(out: Path) -> None:
    """Refuse a folder that cannot become a kit (raises KitError)."""
    if out.exists() and not out.is_dir():
        raise KitError("out-not-writable", path=str(out), why=translate("Kit", "it is a file, not a folder"))
    if (out / "index.html").exists() and not (out / KIT_FILE).exists():
        raise KitError("out-not-kit", path=str(out))
    try:
        (out / WHEELS_DIR).mkdir(parents=True, exist_ok=True)
        probe = out / ".kit-write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise KitError("out-not-writable", path=str(out), why=exc.strerror or str(exc)) from exc


@dataclass
class _TargetState:
    plan: TargetPlan
    specs: dict[str, SpecifierSet] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # canonical -> name as written
    chosen: dict[str, str] = field(default_factory=dict)  # canonical -> file name
    pending: list[str] = field(default_factory=list)  # canonical names to fetch next round
    rounds: int = 0


@dataclass(frozen=True)
class CallOutcome:
    ok: bool
    diagnosis: Diagnosis | None = None
    problem: Problem | None = None


class KitMaker:
    """Makes (or resumes, or extends) the kit in ``out`` for ``plans``, one pip call at a time.

    Drive it: ``prepare()``; then ``while (call := next_call()): run it; call_finished(exit_code, output)``
    (stop at the first failed outcome); then ``finish()``. ``on_event`` gets plain dicts (``file``, ``target-
    done``, ``removed``) for progress output. Nothing here starts a process.
    """

    def __init__(
        self,
        out: Path,
        plans: list[TargetPlan],
        source: Source,
        *,
        python: str,
        raw_progress: bool = False,
        on_event: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.out = Path(out)
        self.plans = plans
        self.source = source
        self.python = python
        self.raw_progress = raw_progress
        self.on_event = on_event or (lambda _e: None)
        self.kit = Kit(root=str(self.out))
        self._queue: list[_TargetState] = []
        self._current: _TargetState | None = None
        self._last: PipCall | None = None
        self._hashes: dict[tuple[str, int, int], str] = {}

    # -- setup ------------------------------------------------------------------------------
    def prepare(self) -> list[Problem]:
        """Check the folder, read an existing kit, drop damaged files (so they are fetched again).
        Returns what was found wrong and repaired; raises KitError for a folder that cannot be used."""
        check_out_dir(self.out)
        repaired: list[Problem] = []
        if (self.out / KIT_FILE).exists():
            self.kit = open_kit(str(self.out))
            for problem in verify(self.kit):
                name = str(problem.params.get("name", ""))
                repaired.append(problem)
                with contextlib.suppress(OSError):
                    (self.kit.wheel_dir / name).unlink()
                self.kit.files.pop(name, None)
                for t in self.kit.targets.values():
                    if name in t.files:
                        t.complete = False
        self.kit.root = str(self.out)
        self.kit.made_from = {**self.source.describe(), "wizard": _wizard_version()}
        for plan in self.plans:
            existing = self.kit.targets.get(plan.target.name)
            if existing is not None and existing.complete and _same_pin(plan.torch, existing.torch):
                continue  # already in the kit, every file checked
            self._queue.append(self._start_state(plan))
        self.kit.made_at = self.kit.made_at or _now()
        self.kit.updated_at = _now()
        self.kit.save()
        return repaired

    def _start_state(self, plan: TargetPlan) -> _TargetState:
        t = plan.target
        kt = KitTarget(
            name=t.name,
            os=t.os,
            arch=t.arch,
            python=f"{t.python[0]}.{t.python[1]}",
            variant=t.variant,
            free_threaded=t.free_threaded,
            requirements=[],
        )
        old = self.kit.targets.get(t.name)
        if old is not None:
            for name in old.files:  # the files are chosen again; shared ones stay for other targets
                f = self.kit.files.get(name)
                if f is not None and t.name in f.targets:
                    f.targets.remove(t.name)
        self.kit.targets[t.name] = kt
        st = _TargetState(plan)
        for text in plan.requirements():
            self._add_requirement(st, Requirement(text))
        return st

    @staticmethod
    def _add_requirement(st: _TargetState, req: Requirement) -> None:
        key = canonicalize_name(req.name)
        st.names.setdefault(key, req.name)
        spec = st.specs.get(key, SpecifierSet()) & req.specifier
        st.specs[key] = spec
        chosen = st.chosen.get(key)
        if chosen is not None:
            w = wheel_name(chosen)
            if w is not None and spec.contains(w.version, prereleases=True):
                return
            del st.chosen[key]  # a later requirement excludes the version fetched before
        if key not in st.pending:
            st.pending.append(key)

    # -- the calls --------------------------------------------------------------------------
    def pending_targets(self) -> list[str]:
        return [st.plan.target.name for st in ([self._current] if self._current else []) + self._queue]

    def next_call(self) -> PipCall | None:
        while True:
            if self._current is None:
                if not self._queue:
                    return None
                self._current = self._queue.pop(0)
            st = self._current
            if not st.pending:
                self._target_done(st)
                self._current = None
                continue
            if st.rounds >= MAX_ROUNDS:
                raise KitError("too-deep", target=st.plan.target.name, rounds=st.rounds)
            st.rounds += 1
            reqs = tuple(f"{st.names[k]}{st.specs[k]}" for k in st.pending)
            args = download_args(
                st.plan, self.source, self.kit.wheel_dir, reqs, raw_progress=self.raw_progress
            )
            self._last = PipCall(st.plan.target.name, st.rounds, self.python, tuple(args), reqs)
            return self._last

    def call_finished(self, exit_code: int | None, output: str) -> CallOutcome:
        st = self._current
        if st is None or self._last is None:
            return CallOutcome(True)
        if exit_code != 0:
            self.kit.save()
            return CallOutcome(False, diagnose(output, exit_code, step="install-torch"))
        target = st.plan.target
        asked, st.pending = st.pending, []
        present = {w.filename: w for w, _s in _folder_wheels(self.kit.wheel_dir)}
        said = saved_files(output)
        data = _releases.load()
        for key in asked:
            spec = st.specs[key]
            fits = [
                w
                for w in present.values()
                if w.project == key and spec.contains(w.version, prereleases=True) and _fits(w, target)
            ]
            if key == "torch":
                fits = [w for w in fits if _label_fits(w, target, data)] or fits
            # what pip says it took; else the newest fitting file whose Requires-Python admits the target
            fits = [w for w in fits if w.filename in said] or [
                w for w in fits if _python_ok(self._requires_python(w.filename), target.python)
            ]
            if not fits:
                self.kit.save()
                req = f"{st.names[key]}{spec}"
                return CallOutcome(
                    False, diagnosis_for("unknown"), Problem("file-not-found", {"requirement": req})
                )
            best = max(fits, key=lambda w: w.version)
            try:
                self._record(st, best)
            except (OSError, zipfile.BadZipFile) as exc:
                log.warning("could not read %s: %s", best.filename, exc)
                self.kit.save()
                return CallOutcome(False, diagnosis_for("hash-mismatch", evidence=best.filename))
        self.kit.save()
        return CallOutcome(True)

    def _requires_python(self, filename: str) -> str | None:
        known = self.kit.files.get(filename)
        if known is not None:
            return known.requires_python
        try:
            return read_wheel_metadata(self.kit.wheel_dir / filename)[1]
        except (OSError, zipfile.BadZipFile):
            return None

    def _record(self, st: _TargetState, w: WheelName) -> None:
        path = self.kit.wheel_dir / w.filename
        stat = path.stat()
        key = (w.filename, stat.st_size, int(stat.st_mtime_ns))
        known = self.kit.files.get(w.filename)
        reused = known is not None and known.size == stat.st_size
        digest = self._hashes.get(key) or (known.sha256 if reused and known else None) or sha256_of(path)
        self._hashes[key] = digest
        requires, requires_python = read_wheel_metadata(path)
        f = (
            known
            if known is not None and known.sha256 == digest
            else KitFile(w.filename, stat.st_size, digest)
        )
        f.size, f.project, f.version, f.requires_python = (
            stat.st_size,
            w.project,
            str(w.version),
            requires_python,
        )
        tname = st.plan.target.name
        if tname not in f.targets:
            f.targets.append(tname)
        self.kit.files[w.filename] = f
        st.chosen[w.project] = w.filename
        kt = self.kit.targets[tname]
        if w.filename not in kt.files:
            kt.files.append(w.filename)
        if w.project == "torch":
            kt.torch = str(w.version)
        elif w.project == "torchvision":
            kt.torchvision = str(w.version)
        self.on_event(
            {
                "event": "file",
                "target": tname,
                "name": w.filename,
                "size": f.size,
                "sha256": digest,
                "reused": reused,
            }
        )
        for req in requirements_for_target(requires, st.plan.target):
            self._add_requirement(st, req)

    def _target_done(self, st: _TargetState) -> None:
        kt = self.kit.targets[st.plan.target.name]
        kt.files = sorted(set(st.chosen.values()))
        # a file chosen in an early round and replaced later belongs to the target no more
        for f in self.kit.files.values():
            if kt.name in f.targets and f.name not in kt.files:
                f.targets.remove(kt.name)
        kt.requirements = [f"torch=={kt.torch}"] + (
            [f"torchvision=={kt.torchvision}"] if kt.torchvision else []
        )
        kt.requirements += list(st.plan.extra)
        kt.complete = True
        self._drop_orphans()
        self.kit.save()
        size = sum(self.kit.files[n].size for n in kt.files if n in self.kit.files)
        self.on_event({"event": "target-done", "target": kt.name, "files": len(kt.files), "bytes": size})

    def _drop_orphans(self) -> None:
        for name in [n for n, f in self.kit.files.items() if not f.targets]:
            del self.kit.files[name]
            with contextlib.suppress(OSError):
                (self.kit.wheel_dir / name).unlink()
            self.on_event({"event": "removed", "name": name})

    def finish(self) -> Kit:
        self.kit.write_indexes()
        self.kit.save()
        return self.kit


def _same_pin(pin: str, have: str | None) -> bool:
    """Does the version in the kit satisfy the pin (``2.14.1`` is met by ``2.14.1+cpu``)?"""
    if not have:
        return False
    try:
        return SpecifierSet("==" + pin).contains(Version(have), prereleases=True)
    except (InvalidVersion, ValueError):
        return pin == have


_SAVED = re.compile(r"^\s*(?:Saved|File was already downloaded)\s+(.+?\.whl)\s*$")


def saved_files(output: str) -> set[str]:
    """The wheel files pip says it saved or found already in the folder (``Saved ./wheels/x.whl``)."""
    out: set[str] = set()
    for line in output.splitlines():
        m = _SAVED.match(line)
        if m:
            out.add(re.split(r"[/\\]", m.group(1))[-1])
    return out


def _python_ok(requires_python: str | None, python: tuple[int, int]) -> bool:
    if not requires_python:
        return True
    try:
        return SpecifierSet(requires_python).contains(Version(f"{python[0]}.{python[1]}.0"), prereleases=True)
    except (InvalidVersion, ValueError):
        return True


def _wizard_version() -> str:
    try:
        from .. import __version__

        return __version__
    except ImportError:  # pragma: no cover - the package is always there
        return "?"


def present_bytes(kit_dir: Path, target_name: str) -> tuple[int, bool]:
    """(bytes of a target's files already in a kit, whether kit.json marks the target complete)."""
    try:
        kit = open_kit(str(kit_dir))
    except KitError:
        return 0, False
    t = kit.targets.get(target_name)
    if t is None:
        return 0, False
    have = sum(kit.files[n].size for n in t.files if n in kit.files and (kit.wheel_dir / n).is_file())
    return have, t.complete


# --------------------------------------------------------------------------------------------
# The Python whose pip downloads, and this computer
# --------------------------------------------------------------------------------------------

PROBE_TIMEOUT_S = 60.0
_PROBE = (
    "import sys, sysconfig, pip; "
    "print(sys.version_info[0], sys.version_info[1], 64 if sys.maxsize > 2**32 else 32, "
    "int(bool(sysconfig.get_config_var('Py_GIL_DISABLED'))), pip.__version__)"
)

PythonInfo = tuple[tuple[int, int], int, bool, str]  # version, bits, free-threaded, pip version


def probe_python(python: str) -> PythonInfo | None:
    """(version, bits, free-threaded, pip version) of an interpreter, or None when it has no pip."""
    from .childproc import run as run_child

    r = run_child([python, "-c", _PROBE], timeout=PROBE_TIMEOUT_S)
    parts = r.stdout.split()
    if r.exit_code != 0 or len(parts) != 5:
        log.info("no pip in %s: %s", python, r.describe() if not r.ok else r.stdout[-200:])
        return None
    try:
        return (int(parts[0]), int(parts[1])), int(parts[2]), parts[3] == "1", parts[4]
    except ValueError:
        return None


def default_python() -> str | None:
    """This interpreter when it is a real Python; in the frozen app, the best Python on the computer."""
    import sys

    if not getattr(sys, "frozen", False):
        return sys.executable
    from . import interpreters

    best = interpreters.best(interpreters.detect(), _releases.load())
    return (best.executable or best.path) if best is not None else None


def pip_at_least(version: str, want: tuple[int, int]) -> bool:
    nums = [int(x) for x in re.findall(r"\d+", version)[:2]]
    return tuple(nums + [0] * (2 - len(nums))) >= want


def auto_target(info: PythonInfo) -> Target:
    """``--target auto``: this computer's hardware (detected now) with the Python that ``info`` describes."""
    from .gpu import detect_hardware

    report = detect_hardware()
    machine = Machine.from_report(report, python=info[0], bits=info[1], free_threaded=info[2])
    return target_for_machine(machine)


def release_data_for(source: Source, target: Target, data: ReleaseData) -> ReleaseData:
    """As the install does: PyTorch's live index for the target's platform when the kit comes from it (the
    bundled data file when the index cannot be read, or ``TORCH_WIZARD_OFFLINE=1``); the data file else."""
    if source.kind != "default":
        return data
    from . import torchindex

    return torchindex.load_release_data(target.os, target.arch, cache_dir=torchindex.default_cache_dir())


# --------------------------------------------------------------------------------------------
# Using a kit
# --------------------------------------------------------------------------------------------


def _fetch_text(url: str, timeout: float) -> str:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.build_opener().open(req, timeout=timeout) as resp:
        return bytes(resp.read(16 * 1024 * 1024)).decode("utf-8", errors="replace")


def kit_root_of(where: str) -> str:
    """A kit's root from what a learner may give: the folder, its kit.json, its ``simple`` or ``wheels``
    folder, or the same as URLs."""
    w = where.strip()
    scheme = urllib.parse.urlsplit(w).scheme.lower()
    if scheme in ("http", "https"):
        parts = urllib.parse.urlsplit(w)
        path = parts.path.rstrip("/")
        for tail in ("/" + KIT_FILE, "/index.html", "/" + SIMPLE_DIR, "/" + WHEELS_DIR):
            if path.endswith(tail):
                path = path[: -len(tail)]
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))
    if scheme == "file":
        w = urllib.request.url2pathname(urllib.parse.urlsplit(w).path)
    p = Path(w).expanduser()
    if p.name in (KIT_FILE, "index.html") or (
        p.name in (SIMPLE_DIR, WHEELS_DIR) and not (p / KIT_FILE).exists()
    ):
        p = p.parent
    return str(p)


def open_kit(where: str, *, timeout: float = 15.0) -> Kit:
    """Read a kit from a folder or a URL (``http://HOST:PORT/``, ``…/simple``, ``…/kit.json``). Raises KitError."""
    root = kit_root_of(where)
    if urllib.parse.urlsplit(root).scheme.lower() in ("http", "https"):
        shown = mask_secrets(root)
        try:
            text = _fetch_text(root + KIT_FILE, timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (404, 410):
                raise KitError("not-a-kit", where=shown) from exc
            raise KitError("kit-unreachable", where=shown, why=f"HTTP {exc.code}") from exc
        except (OSError, ValueError) as exc:
            raise KitError("kit-unreachable", where=shown, why=mask_secrets(str(exc))) from exc
    else:
        path = Path(root) / KIT_FILE
        if not path.is_file():
            raise KitError("not-a-kit", where=root)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KitError("kit-unreadable", why=exc.strerror or str(exc)) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise KitError("kit-unreadable", why=str(exc)) from exc
    return Kit.from_json(root, data)


def find_kit_near(folder: str | os.PathLike[str]) -> Path | None:
    """A kit in ``folder`` or one level below it (the USB stick the app runs from), or None."""
    base = Path(folder)
    candidates = [base]
    with contextlib.suppress(OSError):
        candidates += sorted(p for p in base.iterdir() if p.is_dir())
    for c in candidates:
        if (c / KIT_FILE).is_file() and (c / WHEELS_DIR).is_dir():
            return c
    return None


def verify(
    kit: Kit,
    target: str | None = None,
    *,
    on_file: Callable[[str, int, int], None] | None = None,
    timeout: float = 15.0,
) -> list[Problem]:
    """What is wrong with the kit's files (empty: all good). A folder kit: every file (of ``target``, or all)
    is checked against kit.json, size and sha256, and a missing one is named. A URL kit: its ``simple`` pages
    must offer each file with kit.json's sha256 (pip then checks every byte it downloads against them, see
    :func:`requirements_with_hashes`). ``on_file(name, i, n)`` is called before each file."""
    names = sorted(kit.targets[target].files) if target and target in kit.targets else sorted(kit.files)
    problems: list[Problem] = []
    if kit.is_url:
        pages: dict[str, str] = {}
        for i, name in enumerate(names):
            if on_file:
                on_file(name, i, len(names))
            f = kit.files.get(name)
            if f is None:
                problems.append(Problem("file-missing", {"name": name}))
                continue
            project = canonicalize_name(f.project or name.split("-")[0])
            if project not in pages:
                try:
                    pages[project] = _fetch_text(f"{kit.root.rstrip('/')}/{SIMPLE_DIR}/{project}/", timeout)
                except (OSError, ValueError) as exc:
                    log.info("kit page for %s not readable: %s", project, exc)
                    pages[project] = ""
            href = f"{urllib.parse.quote(name)}#sha256={f.sha256}"
            if href not in pages[project] and f"{name}#sha256={f.sha256}" not in pages[project]:
                problems.append(Problem("file-not-listed", {"name": name}))
        return problems
    for i, name in enumerate(names):
        if on_file:
            on_file(name, i, len(names))
        f = kit.files.get(name)
        path = kit.wheel_dir / name
        if f is None or not path.is_file():
            problems.append(Problem("file-missing", {"name": name}))
            continue
        try:
            size = path.stat().st_size
            if size != f.size:
                problems.append(Problem("file-size", {"name": name}))
                continue
            if sha256_of(path) != f.sha256:
                problems.append(Problem("file-damaged", {"name": name}))
        except OSError as exc:
            log.warning("cannot read %s: %s", path, exc)
            problems.append(Problem("file-missing", {"name": name}))
    return problems


@dataclass(frozen=True)
class TargetPick:
    """The kit's target for a computer, or why there is none (``code``; ``message()`` makes the words)."""

    code: str  # ok | cpu-instead | other-python | nothing-for-this-computer | no-build-runs
    target: KitTarget | None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.target is not None

    def message(self) -> str:
        return _text(self.code, self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "target": self.target.name if self.target else None,
            "params": dict(self.params),
            "message": self.message(),
        }


def _machine_name(m: Machine) -> str:
    py = f"-py{m.python[0]}.{m.python[1]}{'t' if m.free_threaded else ''}" if m.python else ""
    return f"{m.os}-{m.arch}{py}"


def pick_target(kit: Kit, machine: Machine, data: ReleaseData | None = None) -> TargetPick:
    """The kit's target for ``machine`` by the install's rules: the build ``recommend`` chooses when the kit has
    it; else the best one of the kit's builds that runs here (GPU builds before the CPU build)."""
    data = data or _releases.load()
    complete = [t for t in kit.targets.values() if t.complete]
    has = ", ".join(sorted(t.name for t in complete)) or "-"
    same = [t for t in complete if t.os == machine.os and t.arch == machine.arch]
    fitting = [
        t
        for t in same
        if machine.python is None
        or (t.python_tuple == tuple(machine.python) and t.free_threaded == machine.free_threaded)
    ]
    if not fitting:
        if same and machine.python is not None:
            pys = sorted({t.python + ("t" if t.free_threaded else "") for t in same})
            py = f"{machine.python[0]}.{machine.python[1]}" + ("t" if machine.free_threaded else "")
            return TargetPick("other-python", None, {"python": py, "pythons": ", ".join(pys), "has": has})
        return TargetPick("nothing-for-this-computer", None, {"computer": _machine_name(machine), "has": has})
    rec = recommend(machine, data)
    for t in fitting:
        if rec.variant is not None and t.variant == rec.variant:
            return TargetPick("ok", t, {"target": t.name})
    runs: list[KitTarget] = []
    why = ""
    for t in fitting:
        base = Version(t.torch).public if t.torch else None
        try:
            choice = choice_for(t.variant, machine, data, torch=base)
        except KeyError:  # a release newer than the data file: judge by the newest release with this build
            choice = choice_for(t.variant, machine, data)
        if choice.runs_here:
            runs.append(t)
        else:
            why = why or choice.why_not
    if not runs:
        return TargetPick("no-build-runs", None, {"why": why or "?", "has": has})
    pref = list(data.cuda_preference)

    def rank(t: KitTarget) -> tuple[int, int]:
        gpu = 0 if t.variant not in ("cpu",) else 1
        return gpu, pref.index(t.variant) if t.variant in pref else len(pref)

    best = min(runs, key=rank)
    if best.variant == "cpu" and rec.variant not in (None, "cpu"):
        return TargetPick("cpu-instead", best, {"target": best.name, "wanted": rec.variant})
    return TargetPick("ok", best, {"target": best.name})


def requirements_with_hashes(kit: Kit, target: str) -> list[str]:
    """A requirements file's lines for ``pip install --require-hashes -r FILE``: every file of the target
    pinned to its version and kit.json's sha256, so pip refuses any byte that is not the kit's."""
    t = kit.targets[target]
    lines: list[str] = []
    for name in sorted(t.files):
        f = kit.files[name]
        w = wheel_name(name)
        if w is None:
            continue
        lines.append(f"{w.project}=={w.version} --hash=sha256:{f.sha256}")
    return lines


def install_source_args(kit: Kit) -> list[str]:
    """pip's source options for installing from the kit: its folder (``--no-index --find-links KIT/wheels``)
    or its URL (``--index-url URL/simple``)."""
    if kit.is_url:
        return ["--index-url", kit.index_url()]
    return ["--no-index", "--find-links", str(kit.wheel_dir)]


__all__ = [
    "KIT_FILE",
    "SIMPLE_DIR",
    "WHEELS_DIR",
    "CallOutcome",
    "Kit",
    "KitError",
    "KitFile",
    "KitMaker",
    "KitTarget",
    "PipCall",
    "Problem",
    "PythonInfo",
    "Source",
    "Target",
    "TargetPick",
    "TargetPlan",
    "auto_target",
    "default_python",
    "download_args",
    "find_kit_near",
    "install_source_args",
    "open_kit",
    "parse_source",
    "parse_target",
    "pick_target",
    "pip_at_least",
    "plan_target",
    "present_bytes",
    "probe_python",
    "read_wheel_metadata",
    "release_data_for",
    "requirements_for_target",
    "requirements_with_hashes",
    "saved_files",
    "sha256_of",
    "target_for_machine",
    "verify",
]
