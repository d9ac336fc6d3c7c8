"""Which PyTorch build to install on a machine: the decision, in plain words for a learner.

Facts come from the release data (``releases.ReleaseData``): the bundled ``resources/torch_releases.json``
or, when it could be read, the live index (``torchindex.py``: which releases really exist for this
platform, Python and macOS, torchvision paired by metadata). This module only holds the rules:

1. 32-bit Python or OS: no PyTorch at all. An NVIDIA Jetson board: explained, nothing installed
   (PyTorch's aarch64 CUDA wheels are for servers; NVIDIA publishes Jetson builds).
2. Release: the newest release that has wheels for this OS and processor ("platforms") and whose
   macOS wheel tag fits this Mac (``macos_min``: macOS 13 gets at most 2.11.0); Intel Macs get 2.2.2.
   Releases marked ``fallback_only`` (2.8.0 for Python 3.9, 2.7.1 for cu118) are only named in advice
   and offered in the list of builds, never chosen on their own.
3. Python: the release must support this Python (per platform: Windows on ARM 3.11-3.13; free-threaded
   "t" builds only where listed; with index data, the wheels decide, per variant). When the newest
   release dropped this Python, the newest release of the previous minor line that has it is chosen
   (``python_fallback_minors``) with the notice "the last PyTorch release for Python 3.10"; further
   back no build is chosen and the alternatives name the real older release (2.12.0 for 3.13t).
4. Accelerator, first that applies: NVIDIA (not on macOS) -> the CUDA build that covers the most
   NVIDIA GPUs (all of them, ideally) and whose driver minimum the driver meets; ties go to the
   newer GPU generation, then the newest release, then the CUDA order (newest line first; within a
   line the build the standard index ships for this platform, then the newer minor). Older releases
   are used only when the newest one has no build for the GPU with this driver (Blackwell with a driver
   below 580 -> 2.11 cu128); when no newer release has code for the GPU at all, the notice "the last
   PyTorch release for your GPU" says so (Maxwell/Pascal/Volta: 2.14 cu126). Coverage: a build
   compiled for sm_X.Y runs on X.Z with Z >= Y (same major), per release and platform
   (``Variant.archs``: the same variant name changes its list between releases; Linux aarch64 has its
   own); PTX (Linux cu13x) JIT-compiles for newer GPUs only with a driver that knows the PTX's CUDA.
   A driver too old for every current build: update it, or the real older 2.7.1 cu118.
   AMD on Linux -> the ROCm build (newest ROCm first, an older release when the newest has none) whose
   gfx list has the GPU (device "cuda"); AMD on Windows -> CPU, naming AMD's own Windows wheels.
   Intel GPUs listed by PCI id or named "Arc" -> xpu (Meteor Lake-U "Intel Graphics" is not validated).
   Apple Silicon -> the standard wheel, variant "mps", device "mps" (CPU below the release's
   ``mps_min_macos``). Otherwise the CPU build.
5. Index: the variant's own index (``<index-base><variant>``) everywhere except macOS (the standard
   index); the reasons say why (on Linux the standard index would install a CUDA build with GBs of
   NVIDIA libraries, also on aarch64; on Windows it serves the same CPU build).

Messages added since the release data moved to the index are kept as codes with parameters
(``Notice``, worded by ``word`` when shown) as well as in the reasons/warnings/alternatives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from . import releases as _releases
from .gpu import Gpu, HardwareReport
from .releases import Release, ReleaseData, ReleaseSource, Variant
from .tr import translate

# --------------------------------------------------------------------------------------------
# Data types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Machine:
    os: str  # "linux" | "windows" | "macos"
    arch: str  # "x86_64" | "arm64" | "x86" (x86 = 32-bit Python/OS)
    python: tuple[int, int] | None  # None = unknown yet
    python_bits: int = 64
    free_threaded: bool = False
    gpus: tuple[Gpu, ...] = ()
    nvidia_driver: str | None = None
    amd_gfx: tuple[str, ...] = ()
    # From HardwareReport.nvidia_state ("ok", "driver-not-responding", ...); "unknown" when described by hand.
    nvidia_state: str = "unknown"
    nvidia_cuda_max: str | None = None
    macos_version: str | None = None  # "13.6.1"; None = unknown (taken as new enough)
    jetson: bool = False  # an NVIDIA Jetson board (L4T)

    @classmethod
    def from_report(
        cls,
        report: HardwareReport,
        python: tuple[int, int] | None,
        bits: int = 64,
        free_threaded: bool = False,
        macos_version: str | None = None,
    ) -> Machine:
        if macos_version is None and report.os == "macos":
            macos_version = getattr(report, "macos_version", None) or _this_macos()
        return cls(
            os=report.os,
            arch=report.arch,
            python=python,
            python_bits=bits,
            free_threaded=free_threaded,
            gpus=report.gpus,
            nvidia_driver=report.nvidia_driver,
            amd_gfx=tuple(g.arch for g in report.gpus if g.vendor == "amd" and g.arch),
            nvidia_state=report.nvidia_state,
            nvidia_cuda_max=report.nvidia_cuda_max,
            macos_version=macos_version,
            jetson=bool(getattr(report, "jetson", False)),
        )

    @property
    def python_key(self) -> str | None:
        """ "3.12", or "3.14t" for a free-threaded Python; None when unknown."""
        if self.python is None:
            return None
        return f"{self.python[0]}.{self.python[1]}" + ("t" if self.free_threaded else "")

    @property
    def nvidia_gpus(self) -> tuple[Gpu, ...]:
        return tuple(g for g in self.gpus if g.vendor == "nvidia")

    @property
    def amd_gpus(self) -> tuple[Gpu, ...]:
        return tuple(g for g in self.gpus if g.vendor == "amd")

    @property
    def intel_gpus(self) -> tuple[Gpu, ...]:
        return tuple(g for g in self.gpus if g.vendor == "intel")

    @property
    def all_amd_gfx(self) -> tuple[str, ...]:
        """gfx names from ``amd_gfx`` and from the AMD GPUs (deduplicated, order kept)."""
        names: list[str] = []
        for n in (*self.amd_gfx, *(g.arch for g in self.amd_gpus if g.arch)):
            if n and n not in names:
                names.append(n)
        return tuple(names)

    @property
    def is_32bit(self) -> bool:
        return self.python_bits != 64 or self.arch == "x86"

    @property
    def platform(self) -> str:
        return f"{self.os}-{self.arch}"


def _this_macos() -> str | None:
    import platform
    import sys

    return (platform.mac_ver()[0] or None) if sys.platform == "darwin" else None


class Notice(NamedTuple):
    """A message kept as a code and its parameters, worded when shown (``word``), so that it follows
    the language the learner picks later. ``kind``: "reason" | "warning" | "alternative"."""

    kind: str
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")

    def text(self) -> str:
        return word(self)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "params": dict(self.params), "text": self.text()}


def notice(kind: str, code: str, **params: object) -> Notice:
    return Notice(kind, code, tuple((k, str(v)) for k, v in params.items()))


_BUNDLED = ReleaseSource()

# Codes of notices a page may want to show on their own (e.g. as a banner).
LAST_RELEASE_FOR_GPU = "last-release-gpu"
LAST_RELEASE_FOR_PYTHON = "last-release-python"


@dataclass(frozen=True)
class Choice:
    """One build the GUI can offer in its "advanced" list."""

    variant: str
    torch: str
    torchvision: str | None
    index_url: str | None
    runs_here: bool
    label: str
    why_not: str  # translated; "" when it runs here
    download_mb: int | None = None  # torch + torchvision + dependencies: the one size shown for it

    def to_json(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "torch": self.torch,
            "torchvision": self.torchvision,
            "index_url": self.index_url,
            "runs_here": self.runs_here,
            "label": self.label,
            "why_not": self.why_not,
            "download_mb": self.download_mb,
        }


@dataclass(frozen=True)
class Recommendation:
    torch: str | None
    torchvision: str | None
    variant: str | None
    index_url: str | None
    device: str  # "cuda" | "mps" | "xpu" | "cpu": what the demo should use
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    alternatives: tuple[str, ...]
    choices: tuple[Choice, ...]
    download_mb: int | None  # torch + torchvision + their dependencies (index size or data file)
    extra_requirements: tuple[str, ...] = ()  # pins to install along, e.g. ("numpy<2",) for torch 2.2.2
    # The messages added in this version as codes (also worded into reasons/warnings/alternatives).
    notices: tuple[Notice, ...] = ()
    release_data: ReleaseSource = _BUNDLED
    # Where each notice's text sits: (kind, position in that list, index in ``notices``).
    notice_slots: tuple[tuple[str, int, int], ...] = ()

    def worded(self, kind: str) -> tuple[str, ...]:
        """``reasons`` / ``warnings`` / ``alternatives`` (``kind`` "reason" | "warning" | "alternative")
        with the notices worded now, in the current language."""
        items = list(
            {"reason": self.reasons, "warning": self.warnings, "alternative": self.alternatives}[kind]
        )
        for k, pos, idx in self.notice_slots:
            if k == kind and pos < len(items) and idx < len(self.notices):
                items[pos] = self.notices[idx].text()
        return tuple(items)

    @property
    def ok(self) -> bool:
        return self.variant is not None

    def has_notice(self, code: str) -> bool:
        return any(n.code == code for n in self.notices)

    @property
    def last_release(self) -> Notice | None:
        """The "this is the last PyTorch release for your GPU / your Python" notice, when it applies."""
        return next(
            (n for n in self.notices if n.code in (LAST_RELEASE_FOR_GPU, LAST_RELEASE_FOR_PYTHON)), None
        )

    def requirements(self) -> tuple[str, ...]:
        """``torch==X``, ``torchvision==Y`` and the extra pins; empty when nothing can be installed."""
        if not self.torch:
            return ()
        reqs = [f"torch=={self.torch}"]
        if self.torchvision:
            reqs.append(f"torchvision=={self.torchvision}")
        return (*reqs, *self.extra_requirements)

    def to_json(self) -> dict[str, Any]:
        return {
            "torch": self.torch,
            "torchvision": self.torchvision,
            "variant": self.variant,
            "index_url": self.index_url,
            "device": self.device,
            "download_mb": self.download_mb,
            "extra_requirements": list(self.extra_requirements),
            "reasons": list(self.reasons),
            "warnings": list(self.warnings),
            "alternatives": list(self.alternatives),
            "choices": [c.to_json() for c in self.choices],
            "notices": [n.to_json() for n in self.notices],
            "last_release": self.last_release.code if self.last_release else None,
            "release_data": self.release_data.to_json(),
        }


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def version_tuple(text: str | None) -> tuple[int, ...]:
    """ "575.64.03" -> (575, 64, 3); padded comparisons are done by ``version_at_least``."""
    parts: list[int] = []
    for piece in (text or "").strip().split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def version_at_least(have: str, need: str) -> bool:
    a, b = version_tuple(have), version_tuple(need)
    width = max(len(a), len(b), 1)
    return a + (0,) * (width - len(a)) >= b + (0,) * (width - len(b))


def _cc(text: str) -> tuple[int, int] | None:
    t = version_tuple(text)
    if len(t) < 2:
        return (t[0], 0) if t else None
    return t[0], t[1]


def cc_coverage(cc: str | None, build_ccs: Iterable[str], ptx: bool) -> str:
    """How a build with ``build_ccs`` runs on a GPU of compute capability ``cc``.

    "native": compiled for the same major and a lower-or-equal minor (8.9 runs 8.6 code);
    "ptx": newer than every compiled architecture, JIT-compiled from the PTX the build carries;
    "unknown": the GPU's capability is unknown; "": the build has no code for it.
    """
    if cc is None:
        return "unknown"
    gpu = _cc(cc)
    if gpu is None:
        return "unknown"
    built = [c for c in (_cc(b) for b in build_ccs) if c is not None]
    if any(b[0] == gpu[0] and b[1] <= gpu[1] for b in built):
        return "native"
    if ptx and built and gpu > max(built):
        return "ptx"
    return ""


def _pyver(v: tuple[int, int]) -> str:
    return f"{v[0]}.{v[1]}"


def _platform_label(os_name: str, arch: str) -> str:
    key = f"{os_name}-{arch}"
    labels = {
        "linux-x86_64": translate("Builds", "Linux (64-bit Intel/AMD processor)"),
        "linux-arm64": translate("Builds", "Linux on ARM"),
        "windows-x86_64": translate("Builds", "Windows (64-bit)"),
        "windows-arm64": translate("Builds", "Windows on ARM"),
        "macos-x86_64": translate("Builds", "Intel Macs"),
        "macos-arm64": translate("Builds", "Apple Silicon Macs"),
    }
    return labels.get(key, key)


def _os_label(os_name: str) -> str:
    return {
        "linux": translate("Builds", "Linux"),
        "windows": translate("Builds", "Windows"),
        "macos": translate("Builds", "macOS"),
    }.get(os_name, os_name)


def _gpu_names(gpus: Iterable[Gpu]) -> str:
    return ", ".join(g.name for g in gpus)


def _variant_label(data: ReleaseData, name: str) -> str:
    if name == "mps":
        return translate("Builds", "Apple GPU (MPS)")
    v = data.variants.get(name)
    return v.label if v else name


def _index_url(data: ReleaseData, machine: Machine, variant: str) -> str | None:
    v = data.variants.get(variant)
    if machine.os == "macos" or variant == "mps" or (v is not None and v.standard_index):
        return None  # macOS wheels come from the standard index (the CPU index serves the same files)
    return data.index_url(variant)


def _wheel_variant(data: ReleaseData, variant: str) -> str:
    """The variant whose index pages hold ``variant``'s wheels ("mps" -> "cpu")."""
    v = data.variants.get(variant)
    return (v.wheels_from if v is not None and v.wheels_from else None) or variant


def _download_mb(
    data: ReleaseData, machine: Machine, variant: str | None, release: Release | None = None
) -> int | None:
    """torch + torchvision + their dependencies: the torch wheel's size from the index when it gave one,
    else the data file's estimate. The one size shown for a build, on every page."""
    if variant is None:
        return None
    wheel_variant = _wheel_variant(data, variant)
    size = release.size_for(wheel_variant) if release is not None else None
    if size is None:
        v = data.variants.get(variant) or data.variants.get(wheel_variant)
        size = v.download_mb(machine.os) if v else None
        if size is None and v is not None and v.kind == "mps":
            cpu = data.variants.get("cpu")
            size = cpu.download_mb(machine.os) if cpu else None
    if size is None:
        return None
    return size + data.torchvision_download_mb + data.dependencies_download_mb


def _python_fits(release: Release, machine: Machine) -> tuple[bool, bool]:
    """(fits, experimental). Unknown Python fits. With index data: some build has a wheel for it."""
    py = machine.python
    if py is None:
        return True, False
    if release.wheels:
        key = machine.python_key
        return any(key in pys for _v, pys in release.wheels), False
    rng = release.python_for(machine.platform)
    if machine.free_threaded:
        return rng.supports(py, free_threaded=True), False
    if rng.supports(py):
        return True, False
    if py in rng.experimental:
        return True, True
    return False, False


def _macos_fits(release: Release, machine: Machine) -> bool:
    if machine.os != "macos" or not machine.macos_version or not release.macos_min:
        return True
    return version_at_least(machine.macos_version, release.macos_min)


def _usable_releases(data: ReleaseData, *, fallbacks: bool = False) -> list[Release]:
    """Releases up to the recommended one, newest first (a newer entry may be a pre-release);
    releases kept only for advice ("fallback_only") only when ``fallbacks``."""
    rec = data.newest.key
    return [r for r in data.releases if r.key <= rec and (fallbacks or not r.fallback_only)]


def _cuda_order(
    data: ReleaseData, names: Iterable[str], release: Release | None = None, platform: str = ""
) -> list[str]:
    """Newest CUDA line first; within a line the build the standard index ships here, then newer."""
    standard = release.standard_build(platform) if release is not None else None

    def key(n: str) -> tuple[int, int, tuple[int, ...]]:
        v = data.variants.get(n)
        cuda = version_tuple(v.cuda if v else "") or (0,)
        return (-cuda[0], 0 if n == standard else 1, tuple(-x for x in cuda))

    return sorted(names, key=key)


def _intel_family(gpu: Gpu, families: Iterable[_releases.IntelFamily]) -> str | None:
    return next((f.family for f in families if f.matches(gpu.pci_device)), None)


def _intel_xpu_capable(gpu: Gpu, xpu: Variant | None) -> bool:
    if xpu is None:
        return False
    if _intel_family(gpu, xpu.intel_unsupported):
        return False
    if _intel_family(gpu, xpu.intel_devices):
        return True
    name = gpu.name.lower()
    return any(h.lower() in name for h in xpu.intel_name_hints)


# --------------------------------------------------------------------------------------------
# Does one build run here?
# --------------------------------------------------------------------------------------------


@dataclass
class _Eval:
    release: Release
    variant: str
    runs: bool
    why_not: str = ""
    covered: tuple[Gpu, ...] = ()
    via_ptx: tuple[Gpu, ...] = ()
    uncovered: tuple[Gpu, ...] = ()
    driver_short: bool = False  # the only obstacle is the driver version
    driver_min: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> tuple[int, int]:
        return len(self.covered), len(self.covered) - len(self.via_ptx)


def _blocked_by_python_or_platform(release: Release, machine: Machine) -> str:
    if machine.is_32bit:
        return translate(
            "Builds",
            "PyTorch has no packages for 32-bit Python or 32-bit systems; a 64-bit Python is needed.",
        )
    if not release.has_platform(machine.os, machine.arch):
        return translate("Builds", "PyTorch {torch} has no packages for {platform}.").format(
            torch=release.torch, platform=_platform_label(machine.os, machine.arch)
        )
    if not _macos_fits(release, machine):
        return word(
            notice(
                "warning",
                "macos-too-old",
                torch=release.torch,
                need=release.macos_min,
                have=machine.macos_version,
            )
        )
    fits, _exp = _python_fits(release, machine)
    if not fits and machine.python is not None:
        if machine.free_threaded:
            return translate(
                "Builds", "PyTorch {torch} has no packages for the free-threaded Python {py}t."
            ).format(torch=release.torch, py=_pyver(machine.python))
        rng = release.python_for(machine.platform)
        return translate(
            "Builds", "PyTorch {torch} supports Python {low} to {high}; this Python is {py}."
        ).format(
            torch=release.torch,
            low=_pyver(rng.min),
            high=_pyver(rng.max),
            py=_pyver(machine.python),
        )
    return ""


def _missing_python(release: Release, name: str, machine: Machine, data: ReleaseData) -> str:
    """With index data: why this build has no wheel for this Python (another build may have one)."""
    pys = release.wheel_pythons(_wheel_variant(data, name))
    key = machine.python_key
    if pys is None or key is None or key in pys:
        return ""
    offered = sorted(pys, key=lambda k: (k.endswith("t"), release_key_py(k)))
    return word(
        notice(
            "warning",
            "variant-missing-python",
            torch=release.torch,
            build=_variant_label(data, name),
            py=key,
            pythons=", ".join(offered),
        )
    )


def release_key_py(key: str) -> tuple[int, ...]:
    return version_tuple(key.rstrip("t"))


def _evaluate(data: ReleaseData, release: Release, name: str, machine: Machine) -> _Eval:
    blocked = _blocked_by_python_or_platform(release, machine)
    if blocked:
        return _Eval(release, name, False, blocked)
    variant = data.variants.get(name)
    if name == "mps" or (variant is not None and variant.kind == "mps"):
        if not (machine.os == "macos" and machine.arch == "arm64"):
            return _Eval(
                release,
                name,
                False,
                translate("Builds", "The MPS build is for Macs with Apple Silicon only."),
            )
        need = (variant.min_macos if variant else None) or release.mps_min_macos
        if machine.macos_version and need and not version_at_least(machine.macos_version, need):
            return _Eval(
                release,
                name,
                False,
                word(notice("warning", "mps-needs-macos", need=need, have=machine.macos_version)),
            )
        missing = _missing_python(release, name, machine, data)
        if missing:
            return _Eval(release, name, False, missing)
        return _Eval(release, name, True)
    if variant is None or name not in release.variants:
        return _Eval(
            release,
            name,
            False,
            translate("Builds", "PyTorch {torch} has no {variant} build.").format(
                torch=release.torch, variant=name
            ),
        )
    if not variant.available_for(machine.os, machine.arch):
        return _Eval(
            release,
            name,
            False,
            translate("Builds", "The {label} build is not made for {platform}.").format(
                label=variant.label, platform=_platform_label(machine.os, machine.arch)
            ),
        )
    missing = _missing_python(release, name, machine, data)
    if missing:
        return _Eval(release, name, False, missing)
    if variant.kind == "cpu":
        return _Eval(release, name, True)
    if variant.kind == "cuda":
        return _evaluate_cuda(release, variant, machine)
    if variant.kind == "rocm":
        return _evaluate_rocm(release, variant, machine)
    if variant.kind == "xpu":
        capable = tuple(g for g in machine.intel_gpus if _intel_xpu_capable(g, variant))
        if capable:
            return _Eval(release, name, True, covered=capable)
        unsupported = [
            (g, fam) for g in machine.intel_gpus if (fam := _intel_family(g, variant.intel_unsupported))
        ]
        if unsupported:
            g, fam = unsupported[0]
            return _Eval(
                release,
                name,
                False,
                word(notice("warning", "intel-not-validated", gpu=g.name, family=fam)),
            )
        if machine.intel_gpus:
            return _Eval(
                release,
                name,
                False,
                translate(
                    "Builds",
                    "The Intel GPU found ({gpu}) is not one the XPU build supports (it needs an Intel Arc "
                    "GPU or Core Ultra graphics).",
                ).format(gpu=_gpu_names(machine.intel_gpus)),
            )
        return _Eval(release, name, False, translate("Builds", "No Intel GPU was found."))
    return _Eval(release, name, False, translate("Builds", "Unknown kind of build."))


def _evaluate_cuda(release: Release, variant: Variant, machine: Machine) -> _Eval:
    gpus = machine.nvidia_gpus
    name = variant.name
    if not gpus:
        if machine.nvidia_state == "driver-not-responding":
            why = translate("Builds", "The NVIDIA driver is not responding, so no NVIDIA GPU can be used.")
        else:
            why = translate(
                "Builds",
                "No NVIDIA GPU was found (without one this build only adds a large download).",
            )
        return _Eval(release, name, False, why)
    ptx = variant.ptx_for(machine.platform)
    archs = variant.archs(machine.platform, release.torch)
    covered: list[Gpu] = []
    via_ptx: list[Gpu] = []
    uncovered: list[Gpu] = []
    for g in gpus:
        how = cc_coverage(g.compute_capability, archs, ptx)
        # PTX from a newer CUDA than the driver knows cannot be JIT-compiled
        if (
            how == "ptx"
            and machine.nvidia_cuda_max
            and variant.cuda
            and not version_at_least(machine.nvidia_cuda_max, variant.cuda)
        ):
            how = ""
        if how in ("native", "unknown"):
            covered.append(g)
        elif how == "ptx":
            covered.append(g)
            via_ptx.append(g)
        else:
            uncovered.append(g)
    need = variant.driver_min(machine.os)
    driver = machine.nvidia_driver or next((g.driver_version for g in gpus if g.driver_version), None)
    driver_ok = need is None or driver is None or version_at_least(driver, need)
    ev = _Eval(
        release,
        name,
        bool(covered) and driver_ok,
        covered=tuple(covered),
        via_ptx=tuple(via_ptx),
        uncovered=tuple(uncovered),
        driver_min=need,
    )
    if not covered:
        g = uncovered[0]
        ev.why_not = translate(
            "Builds",
            "This build has no code for the {gpu} (compute capability {cc}).",
        ).format(gpu=g.name, cc=g.compute_capability)
    elif not driver_ok:
        ev.driver_short = True
        ev.why_not = translate(
            "Builds", "It needs NVIDIA driver {need} or newer; this computer has {driver}."
        ).format(need=need, driver=driver)
    return ev


def _evaluate_rocm(release: Release, variant: Variant, machine: Machine) -> _Eval:
    name = variant.name
    if not machine.amd_gpus and not machine.amd_gfx:
        return _Eval(release, name, False, translate("Builds", "No AMD GPU was found."))
    gfx = machine.all_amd_gfx
    if not gfx:
        return _Eval(
            release,
            name,
            False,
            translate(
                "Builds",
                "The AMD GPU's model (its gfx name) could not be read, so the wizard cannot tell whether "
                "ROCm supports it.",
            ),
        )
    holds = variant.archs(machine.platform, release.torch)
    supported = [g for g in gfx if g in holds]
    if not supported:
        return _Eval(
            release,
            name,
            False,
            translate("Builds", "ROCm does not support this AMD GPU ({gfx}).").format(gfx=", ".join(gfx)),
        )
    covered = tuple(g for g in machine.amd_gpus if g.arch in supported) or tuple(
        Gpu("amd", s, None, None, None, arch=s) for s in supported
    )
    uncovered = tuple(g for g in machine.amd_gpus if g.arch and g.arch not in supported)
    return _Eval(release, name, True, covered=covered, uncovered=uncovered)


# --------------------------------------------------------------------------------------------
# Choices
# --------------------------------------------------------------------------------------------


def _make_choice(data: ReleaseData, ev: _Eval, machine: Machine) -> Choice:
    label = translate("Builds", "PyTorch {torch} · {build}").format(
        torch=ev.release.torch, build=_variant_label(data, ev.variant)
    )
    return Choice(
        variant=ev.variant,
        torch=ev.release.torch,
        torchvision=ev.release.torchvision_for(_wheel_variant(data, ev.variant)),
        index_url=_index_url(data, machine, ev.variant),
        runs_here=ev.runs,
        label=label,
        why_not="" if ev.runs else ev.why_not,
        download_mb=_download_mb(data, machine, ev.variant, ev.release),
    )


def _kind(data: ReleaseData, name: str) -> str:
    if name == "mps":
        return "mps"
    v = data.variants.get(name)
    return v.kind if v else name


def _variant_names(release: Release, machine: Machine) -> list[str]:
    if machine.os == "macos":
        if machine.arch != "arm64":
            return ["cpu"]
        if machine.macos_version and not version_at_least(
            machine.macos_version, release.mps_min_macos or "0"
        ):
            return ["cpu"]  # the same wheel, but without the Apple GPU
        return ["mps"]
    return list(release.variants)


def _base_release(data: ReleaseData, machine: Machine) -> Release | None:
    """The newest release with wheels for this platform and macOS version (ignoring Python)."""
    for r in _usable_releases(data):
        if r.has_platform(machine.os, machine.arch) and _macos_fits(r, machine):
            return r
    return None


def _choices(data: ReleaseData, machine: Machine, base: Release) -> tuple[Choice, ...]:
    out: list[Choice] = []
    names_in_base = _variant_names(base, machine)
    for name in names_in_base:
        out.append(_make_choice(data, _evaluate(data, base, name, machine), machine))
    kinds_running = {_kind(data, c.variant) for c in out if c.runs_here}
    for older in _usable_releases(data, fallbacks=True):
        if older.key >= base.key:
            continue
        for name in _variant_names(older, machine):
            ev = _evaluate(data, older, name, machine)
            if not ev.runs:
                continue
            if _kind(data, name) in kinds_running:
                continue  # the newest release already has a working build of this kind
            if any(c.variant == name and c.runs_here and c.torch != base.torch for c in out):
                continue  # one older fallback per variant is enough
            out.append(_make_choice(data, ev, machine))
    return tuple(out)


def choice_for(
    variant: str, machine: Machine, data: ReleaseData | None = None, *, torch: str | None = None
) -> Choice:
    """The build ``variant`` (of release ``torch``; default: the release the recommendation would
    use, or the newest older release that has this variant) with whether it runs here and why not."""
    data = data or _releases.load()
    if torch is not None:
        release = data.release(torch)
        return _make_choice(data, _evaluate(data, release, variant, machine), machine)
    candidates = [
        r for r in _usable_releases(data, fallbacks=True) if r.has_platform(machine.os, machine.arch)
    ] or list(_usable_releases(data, fallbacks=True))
    has = [r for r in candidates if variant in r.variants or variant == "mps"] or candidates
    evals = [_evaluate(data, r, variant, machine) for r in has]
    best = next((e for e in evals if e.runs), evals[0])
    return _make_choice(data, best, machine)


# --------------------------------------------------------------------------------------------
# recommend
# --------------------------------------------------------------------------------------------


@dataclass
class _Builder:
    data: ReleaseData
    machine: Machine
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    slots: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, kind: str, code: str, **params: object) -> Notice:
        """A new-style message: kept as a code (for ``Recommendation.notices``) and worded now into the
        reasons, warnings or alternatives (for the callers that show those)."""
        n = notice(kind, code, **params)
        target = {"reason": self.reasons, "warning": self.warnings, "alternative": self.alternatives}[kind]
        self.slots.append((kind, len(target), len(self.notices)))
        self.notices.append(n)
        target.append(n.text())
        return n

    def has(self, code: str) -> bool:
        return any(n.code == code for n in self.notices)

    def done(
        self,
        release: Release | None,
        variant: str | None,
        device: str,
        choices: tuple[Choice, ...],
    ) -> Recommendation:
        if release is None or variant is None:
            return Recommendation(
                torch=None,
                torchvision=None,
                variant=None,
                index_url=None,
                device="cpu",
                reasons=tuple(self.reasons),
                warnings=tuple(self.warnings),
                alternatives=tuple(self.alternatives),
                choices=choices,
                download_mb=None,
                notices=tuple(self.notices),
                release_data=self.data.source,
                notice_slots=tuple(self.slots),
            )
        return Recommendation(
            torch=release.torch,
            torchvision=release.torchvision_for(_wheel_variant(self.data, variant)),
            variant=variant,
            index_url=_index_url(self.data, self.machine, variant),
            device=device,
            reasons=tuple(self.reasons),
            warnings=tuple(self.warnings),
            alternatives=tuple(self.alternatives),
            choices=choices,
            download_mb=_download_mb(self.data, self.machine, variant, release),
            extra_requirements=release.extra_requirements,
            notices=tuple(self.notices),
            release_data=self.data.source,
            notice_slots=tuple(self.slots),
        )


def recommend(machine: Machine, data: ReleaseData | None = None) -> Recommendation:
    """The build to install on ``machine``, with reasons, warnings and alternatives in plain words."""
    data = data or _releases.load()
    b = _Builder(data, machine)
    newest = data.newest

    # 1. 32-bit ------------------------------------------------------------------------------
    if machine.is_32bit:
        b.warnings.append(
            translate(
                "Builds",
                "This Python is a 32-bit program (or this is a 32-bit system). PyTorch only exists for "
                "64-bit Python, so it cannot be installed here.",
            )
        )
        b.alternatives.append(
            translate(
                "Builds",
                'Install the 64-bit Python from python.org (on Windows: the "Windows installer (64-bit)") '
                "and choose it in the wizard.",
            )
        )
        return b.done(None, None, "cpu", ())
    if data.source.source == "bundled" and data.source.reason not in ("", "offline"):
        b.add("warning", "bundled-data", updated=data.updated)

    # 1b. Jetson: PyTorch's aarch64 CUDA wheels are for servers ---------------------------------
    if machine.jetson:
        b.add("warning", "jetson")
        b.add("alternative", "jetson-nvidia")
        return b.done(None, None, "cpu", ())

    # 2. Release for this platform ------------------------------------------------------------
    base = _base_release(data, machine)
    if base is None:
        b.warnings.append(
            translate("Builds", "PyTorch has no packages for {platform}.").format(
                platform=_platform_label(machine.os, machine.arch)
            )
        )
        if machine.os == "windows" and machine.arch == "arm64":
            b.alternatives.append(
                translate(
                    "Builds",
                    "Use PyTorch on another computer, or in a Linux environment (WSL) on this one.",
                )
            )
        return b.done(None, None, "cpu", ())
    if base.torch != newest.torch and not _macos_fits(newest, machine):
        b.add(
            "warning",
            "macos-newest-needs",
            newest=newest.torch,
            need=newest.macos_min or "?",
            have=machine.macos_version or "?",
            torch=base.torch,
        )
        b.add("alternative", "macos-update", need=newest.macos_min or "?")
    elif base.torch != newest.torch:
        b.reasons.append(
            translate(
                "Builds",
                "PyTorch {newest} has no packages for {platform}; {torch} is the newest version that does.",
            ).format(
                newest=newest.torch, platform=_platform_label(machine.os, machine.arch), torch=base.torch
            )
        )
        if newest.key[:1] != base.key[:1] or newest.key[1] - base.key[1] > 3:
            b.warnings.append(
                translate(
                    "Builds",
                    "PyTorch {torch} is old: newer tutorials may use features it does not have.",
                ).format(torch=base.torch)
            )
        if machine.os == "macos" and machine.arch == "x86_64":
            b.alternatives.append(
                translate(
                    "Builds",
                    "For current PyTorch, use a Mac with Apple Silicon, a Linux or Windows PC, or an online "
                    "notebook service such as Google Colab.",
                )
            )
    # 3. Python ------------------------------------------------------------------------------
    fits, experimental = _python_fits(base, machine)
    if not fits and machine.python is not None:
        previous = _previous_release_for_python(data, machine, base)
        if previous is not None:
            b.add(
                "warning",
                LAST_RELEASE_FOR_PYTHON,
                torch=_line(previous),
                py=machine.python_key,
                newest=base.torch,
            )
            b.add(
                "alternative", "newer-python-for-newest", newest=base.torch, **_py_range_params(base, machine)
            )
            base = previous
            fits, experimental = _python_fits(base, machine)
    choices = _choices(data, machine, base)
    if not fits:
        _explain_python(b, base, choices)
        return b.done(None, None, "cpu", choices)
    rng = base.python_for(machine.platform)
    if machine.python is None:
        b.reasons.append(
            translate("Builds", "PyTorch {torch} needs a 64-bit Python {low} to {high}.").format(
                torch=base.torch, low=_pyver(rng.min), high=_pyver(rng.max)
            )
        )
    elif experimental:
        b.warnings.append(
            translate(
                "Builds",
                "PyTorch {torch} supports Python {py} only experimentally: some things may not work yet. "
                "Python {high} is the safer choice.",
            ).format(torch=base.torch, py=_pyver(machine.python), high=_pyver(rng.max))
        )
    if machine.free_threaded and machine.python is not None:
        b.warnings.append(
            translate(
                "Builds",
                "This is a free-threaded Python ({py}t). PyTorch supports it, but many other packages do "
                "not have builds for it yet; a regular Python is the safer choice for learning.",
            ).format(py=_pyver(machine.python))
        )
    if base.extra_requirements:
        b.reasons.append(
            translate(
                "Builds",
                "PyTorch {torch} was built for an older NumPy, so the wizard also installs: {pins}.",
            ).format(torch=base.torch, pins=", ".join(base.extra_requirements))
        )

    # 4. Accelerator -------------------------------------------------------------------------
    if machine.os == "macos":
        return _recommend_mac(b, base, choices)
    older = [
        r
        for r in _usable_releases(data)
        if r.key < base.key and r.has_platform(machine.os, machine.arch) and _python_fits(r, machine)[0]
    ]
    if machine.nvidia_gpus:
        rec = _recommend_nvidia(b, base, older, choices)
        if rec is not None:
            return rec
    elif machine.nvidia_state in ("driver-not-responding", "no-driver", "smi-missing"):
        _explain_nvidia_state(b)
    if machine.amd_gpus or machine.amd_gfx:
        rec = _recommend_amd(b, base, older, choices)
        if rec is not None:
            return rec
    if machine.intel_gpus:
        rec = _recommend_intel(b, base, choices)
        if rec is not None:
            return rec
    return _recommend_cpu(b, base, choices)


def _line(release: Release) -> str:
    """ "2.14" for the 2.14.x releases."""
    return ".".join(str(x) for x in release.minor_line)


def _py_range_params(release: Release, machine: Machine) -> dict[str, str]:
    if release.wheels:
        keys = sorted(
            {k for _v, pys in release.wheels for k in pys if not k.endswith("t")}, key=release_key_py
        )
        if keys:
            return {"low": keys[0], "high": keys[-1]}
    rng = release.python_for(machine.platform)
    return {"low": _pyver(rng.min), "high": _pyver(rng.max)}


def _previous_release_for_python(data: ReleaseData, machine: Machine, base: Release) -> Release | None:
    """The newest release of the previous minor line(s) (``python_fallback_minors``) that still has
    this Python, e.g. 2.14.1 for Python 3.10 when 2.15 dropped it; further back the learner should
    rather pick another Python (the alternatives name the release)."""
    for r in _usable_releases(data):
        if r.key >= base.key or r.key[:1] != base.key[:1]:
            continue
        if base.key[1] - r.key[1] > data.python_fallback_minors:
            break
        if (
            r.has_platform(machine.os, machine.arch)
            and _macos_fits(r, machine)
            and _python_fits(r, machine)[0]
        ):
            return r
    return None


def _explain_python(b: _Builder, base: Release, choices: tuple[Choice, ...]) -> None:
    m = b.machine
    assert m.python is not None
    py = _pyver(m.python)
    rng = base.python_for(m.platform)
    base = base._replace(python=rng)
    if m.free_threaded:
        b.warnings.append(
            translate(
                "Builds",
                'PyTorch {torch} has no packages for the free-threaded Python {py}t (the "t" build without '
                "the global interpreter lock).",
            ).format(torch=base.torch, py=py)
        )
        if base.python.free_threaded:
            b.alternatives.append(
                translate(
                    "Builds",
                    "Use a regular (not free-threaded) Python {low} to {high}; PyTorch {torch} also supports "
                    "the free-threaded Python {ft}.",
                ).format(
                    low=_pyver(base.python.min),
                    high=_pyver(base.python.max),
                    torch=base.torch,
                    ft=", ".join(_pyver(v) + "t" for v in base.python.free_threaded),
                )
            )
        else:
            b.alternatives.append(
                translate("Builds", "Use a regular (not free-threaded) Python {low} to {high}.").format(
                    low=_pyver(base.python.min), high=_pyver(base.python.max)
                )
            )
    else:
        if m.python < base.python.min:
            b.warnings.append(
                translate(
                    "Builds",
                    "This Python ({py}) is too old for PyTorch {torch}, which needs Python {low} to {high}.",
                ).format(py=py, torch=base.torch, low=_pyver(base.python.min), high=_pyver(base.python.max))
            )
        else:
            b.warnings.append(
                translate(
                    "Builds",
                    "This Python ({py}) is too new for PyTorch {torch}, which supports Python {low} to "
                    "{high}.",
                ).format(py=py, torch=base.torch, low=_pyver(base.python.min), high=_pyver(base.python.max))
            )
            if base.torch == b.data.newest.torch:
                b.warnings.append(
                    translate(
                        "Builds", "PyTorch usually supports a new Python a few months after it comes out."
                    )
                )
        b.alternatives.append(
            translate(
                "Builds",
                "Choose or install a Python {low} to {high} (64-bit); the wizard makes a new environment "
                "with "
                "it.",
            ).format(low=_pyver(base.python.min), high=_pyver(base.python.max))
        )
    older = [c for c in choices if c.runs_here and c.torch != base.torch]
    if older:
        rel = b.data.release(older[0].torch)
        b.alternatives.append(
            translate(
                "Builds", "Or install the older PyTorch {torch}, which still supports this combination."
            ).format(torch=rel.torch)
        )


def _explain_nvidia_state(b: _Builder) -> None:
    state = b.machine.nvidia_state
    if state == "driver-not-responding":
        b.warnings.append(
            translate(
                "Builds",
                "The NVIDIA driver is installed but not responding, so the GPU cannot be used right now. "
                "The CPU build is chosen.",
            )
        )
        b.alternatives.append(
            translate(
                "Builds",
                "Restart the computer (or reinstall the NVIDIA driver), then let the wizard check again to "
                "get the GPU build.",
            )
        )
    elif state == "no-driver":
        b.warnings.append(
            translate(
                "Builds",
                "This computer has an NVIDIA GPU, but no NVIDIA driver is installed, so PyTorch cannot use "
                "it. The CPU build is chosen.",
            )
        )
        b.alternatives.append(
            translate("Builds", "Install the NVIDIA driver, then let the wizard check again.")
        )


def _recommend_mac(b: _Builder, base: Release, choices: tuple[Choice, ...]) -> Recommendation:
    m = b.machine
    if m.nvidia_gpus or m.amd_gpus:
        b.warnings.append(
            translate(
                "Builds",
                "PyTorch cannot use NVIDIA (CUDA) or AMD (ROCm) graphics cards on macOS.",
            )
        )
    if m.arch == "arm64" and _variant_names(base, m) == ["cpu"]:
        b.add("warning", "mps-needs-macos", need=base.mps_min_macos or "14.0", have=m.macos_version or "?")
        b.add("reason", "mac-cpu", torch=base.torch)
        return b.done(base, "cpu", "cpu", choices)
    if m.arch == "arm64":
        b.reasons.append(
            translate(
                "Builds",
                "This Mac has Apple Silicon. The usual PyTorch package (the one “pip install torch” gets) "
                "includes MPS (Metal Performance Shaders), which lets PyTorch use the Mac's GPU.",
            )
        )
        return b.done(base, "mps", "mps", choices)
    b.reasons.append(
        translate(
            "Builds",
            "Intel Macs have no GPU support in PyTorch, so PyTorch runs on the processor (CPU).",
        )
    )
    return b.done(base, "cpu", "cpu", choices)


def _gpu_reason(b: _Builder, gpus: Iterable[Gpu], label: str) -> None:
    for g in gpus:
        if g.compute_capability:
            b.reasons.append(
                translate(
                    "Builds",
                    "Your {gpu} has compute capability (the GPU's generation) {cc}; the {build} build "
                    "includes "
                    "code for it.",
                ).format(gpu=g.name, cc=g.compute_capability, build=label)
            )
        else:
            b.reasons.append(
                translate("Builds", "Your {gpu} can be used by the {build} build.").format(
                    gpu=g.name, build=label
                )
            )


def _recommend_nvidia(
    b: _Builder, base: Release, older: list[Release], choices: tuple[Choice, ...]
) -> Recommendation | None:
    data, m = b.data, b.machine
    gpus = m.nvidia_gpus
    releases = [base, *older]
    evals: list[tuple[int, _Eval]] = []
    for ri, rel in enumerate(releases):
        names = [n for n in rel.variants if (v := data.variants.get(n)) is not None and v.kind == "cuda"]
        for n in _cuda_order(data, names, rel, m.platform):
            evals.append((ri, _evaluate(data, rel, n, m)))
    pref = {id(ev): i for i, (_ri, ev) in enumerate(evals)}

    def best_cc(ev: _Eval) -> tuple[int, int]:
        ccs = [c for c in (_cc(g.compute_capability or "") for g in ev.covered) if c]
        return max(ccs) if ccs else (0, 0)

    running = [(ri, ev) for ri, ev in evals if ev.runs]
    base_evals = [ev for ri, ev in evals if ri == 0]
    if not running:
        _explain_no_cuda(b, [ev for _ri, ev in evals])
        return None
    ri, chosen = max(running, key=lambda p: (*p[1].score, best_cc(p[1]), -p[0], -pref[id(p[1])]))
    variant = data.variants[chosen.variant]
    label = variant.label
    driver = m.nvidia_driver or next((g.driver_version for g in gpus if g.driver_version), None)

    b.reasons.append(
        translate(
            "Builds",
            "PyTorch can use your NVIDIA GPU through CUDA (NVIDIA's system for running programs on the GPU); "
            "the {build} build was chosen.",
        ).format(build=label)
    )
    _gpu_reason(b, chosen.covered, label)
    for g in chosen.via_ptx:
        b.warnings.append(
            translate(
                "Builds",
                "The {gpu} is newer than the GPUs this build was compiled for; PyTorch will translate its "
                "code "
                "for it (PTX), so the first run of each operation is slow.",
            ).format(gpu=g.name)
        )
    if any(g.compute_capability is None for g in chosen.covered):
        b.warnings.append(
            translate(
                "Builds",
                "The GPU's generation (compute capability) could not be read, so the wizard cannot be sure "
                "this build has code for it.",
            )
        )
    if driver and chosen.driver_min:
        b.reasons.append(
            translate(
                "Builds", "Your NVIDIA driver {driver} is new enough for it (it needs {need} or newer)."
            ).format(driver=driver, need=chosen.driver_min)
        )
    elif chosen.driver_min:
        b.warnings.append(
            translate(
                "Builds",
                "The NVIDIA driver version is unknown; this build needs driver {need} or newer.",
            ).format(need=chosen.driver_min)
        )
    if chosen.uncovered:
        for g in chosen.uncovered:
            b.warnings.append(
                translate(
                    "Builds",
                    "No single build supports all your NVIDIA GPUs: PyTorch will not be able to use the "
                    "{gpu} "
                    "(compute capability {cc}) with this build.",
                ).format(gpu=g.name, cc=g.compute_capability)
            )
    elif len(gpus) > 1:
        b.reasons.append(
            translate("Builds", "This build supports all {n} of your NVIDIA GPUs.").format(n=len(gpus))
        )

    release = releases[ri]
    if release is not base and _last_release_for_gpus(data, m, release, chosen.covered):
        b.add(
            "warning",
            LAST_RELEASE_FOR_GPU,
            torch=_line(release),
            gpu=_gpu_names(chosen.covered),
            cc=", ".join(g.compute_capability or "?" for g in chosen.covered),
            newest=base.torch,
        )
    # A better build that only a driver update would allow
    better = [
        ev
        for ev in base_evals
        if ev.driver_short
        and ev.score >= chosen.score
        and version_tuple(data.variants[ev.variant].cuda) > version_tuple(variant.cuda)
    ]
    if release is not base and not b.has(LAST_RELEASE_FOR_GPU):
        obstacle = next((ev for ev in base_evals if ev.driver_short), None)
        b.warnings.append(
            translate(
                "Builds",
                "The newest PyTorch ({newest}) has no build for this GPU that works with your driver "
                "{driver}; "
                "PyTorch {torch} still has one ({build}).",
            ).format(newest=base.torch, driver=driver or "?", torch=release.torch, build=label)
        )
        if obstacle:
            b.alternatives.append(
                translate(
                    "Builds",
                    "Update the NVIDIA driver to {need} or newer to use the newest PyTorch {newest} "
                    "({build}).",
                ).format(
                    need=obstacle.driver_min,
                    newest=base.torch,
                    build=data.variants[obstacle.variant].label,
                )
            )
    elif better:
        order = _cuda_order(data, [ev.variant for ev in better])
        top = next(ev for ev in better if ev.variant == order[0])
        b.alternatives.append(
            translate(
                "Builds",
                "Update the NVIDIA driver to {need} or newer to use the newest build (CUDA {cuda}).",
            ).format(need=top.driver_min, cuda=data.variants[top.variant].cuda)
        )
    if chosen.uncovered:
        others = [
            ev for _ri2, ev in running if ev is not chosen and not set(ev.covered) <= set(chosen.covered)
        ]
        for ev in others[:1]:
            if ev.release.torch == release.torch:
                b.alternatives.append(
                    translate("Builds", "The {build} build would use the {gpu} instead.").format(
                        build=data.variants[ev.variant].label, gpu=_gpu_names(ev.covered)
                    )
                )
            else:
                b.add(
                    "alternative",
                    "other-release-other-gpu",
                    torch=ev.release.torch,
                    build=data.variants[ev.variant].label,
                    gpu=_gpu_names(ev.covered),
                )
    b.alternatives.append(
        translate(
            "Builds", "The CPU-only build is a much smaller download ({mb} MB) but does not use the GPU."
        ).format(mb=_download_mb(data, m, "cpu", release) or "?")
    )
    return b.done(release, chosen.variant, "cuda", choices)


def _last_release_for_gpus(data: ReleaseData, m: Machine, release: Release, gpus: tuple[Gpu, ...]) -> bool:
    """No newer release (whatever the driver) has a CUDA build with code for all of ``gpus``:
    ``release``'s line is the last one for them (e.g. 2.14 for Pascal: 2.15 has cu130/cu132 only)."""
    newer = [r for r in _usable_releases(data) if r.key[:2] > release.key[:2]]
    if not newer or not gpus or any(g.compute_capability is None for g in gpus):
        return False
    for r in newer:
        if not r.has_platform(m.os, m.arch):
            continue
        for n in r.variants:
            v = data.variants.get(n)
            if v is None or v.kind != "cuda" or not v.available_for(m.os, m.arch):
                continue
            archs = v.archs(m.platform, r.torch)
            if all(cc_coverage(g.compute_capability, archs, v.ptx_for(m.platform)) for g in gpus):
                return False
    return True


def _old_driver_fallback(b: _Builder) -> None:
    """A driver too old for every current build: name the real older release that still works with it
    (2.7.1 with CUDA 11.8, drivers from 450), when the data file has one."""
    data, m = b.data, b.machine
    for r in _usable_releases(data, fallbacks=True):
        if not r.fallback_only or not r.has_platform(m.os, m.arch) or not _python_fits(r, m)[0]:
            continue
        for n in _cuda_order(data, [n for n in r.variants if data.variants.get(n, None) is not None]):
            v = data.variants[n]
            if v.kind != "cuda":
                continue
            ev = _evaluate(data, r, n, m)
            if ev.runs and not ev.uncovered:
                b.add(
                    "alternative",
                    "old-driver-release",
                    torch=r.torch,
                    cuda=v.cuda or "?",
                    need=ev.driver_min or "?",
                )
                return


def _driver_major(driver: str) -> str:
    return driver.split(".")[0] if driver else "?"


def _explain_no_cuda(b: _Builder, base_evals: list[_Eval]) -> None:
    data, m = b.data, b.machine
    gpus = m.nvidia_gpus
    if not base_evals:
        return
    driver_short = [ev for ev in base_evals if ev.driver_short]
    no_code = all(not ev.covered for ev in base_evals)
    if no_code:
        b.warnings.append(
            translate(
                "Builds",
                "Your {gpu} (compute capability {cc}) is too old for the current PyTorch GPU builds, so "
                "PyTorch will run on the processor (CPU).",
            ).format(gpu=_gpu_names(gpus), cc=", ".join(g.compute_capability or "?" for g in gpus))
        )
        return
    if driver_short:
        lowest = min(driver_short, key=lambda ev: version_tuple(ev.driver_min))
        driver = m.nvidia_driver or next((g.driver_version for g in gpus if g.driver_version), "?")
        b.add("warning", "driver-too-old-any", driver=_driver_major(driver), need=lowest.driver_min or "?")
        _old_driver_fallback(b)
        b.alternatives.append(
            translate(
                "Builds",
                "Update the NVIDIA driver to {need} or newer to use the GPU ({build}), then let the wizard "
                "check "
                "again.",
            ).format(need=lowest.driver_min, build=data.variants[lowest.variant].label)
        )


def _rocm_names(data: ReleaseData, release: Release) -> list[str]:
    names = [n for n in release.variants if (v := data.variants.get(n)) is not None and v.kind == "rocm"]
    return sorted(names, key=lambda n: version_tuple(data.variants[n].rocm), reverse=True)


def _recommend_amd(
    b: _Builder, base: Release, older: list[Release], choices: tuple[Choice, ...]
) -> Recommendation | None:
    data, m = b.data, b.machine
    names = m.all_amd_gfx
    gpu_text = _gpu_names(m.amd_gpus) or ", ".join(names)
    rocm_names = _rocm_names(data, base)
    if m.os != "linux":
        b.warnings.append(
            translate(
                "Builds",
                "PyTorch's builds for AMD GPUs (ROCm) are made for Linux only, so on {os} PyTorch cannot use "
                "the {gpu}. The CPU build is chosen.",
            ).format(os=_os_label(m.os), gpu=gpu_text)
        )
        b.alternatives.append(
            translate(
                "Builds",
                "To use the AMD GPU, run PyTorch on Linux (installed alongside {os}), where ROCm builds "
                "exist.",
            ).format(os=_os_label(m.os))
        )
        if m.os == "windows":
            b.add("alternative", "amd-windows-wheels")
        return None
    evals = [_evaluate(data, base, n, m) for n in rocm_names]
    running = [ev for ev in evals if ev.runs]
    release = base
    if not running:
        # the newest release may have no (recorded) ROCm build: the newest older one that runs
        for rel in older:
            found = [ev for n in _rocm_names(data, rel) if (ev := _evaluate(data, rel, n, m)).runs]
            if found:
                running, release = found, rel
                if not rocm_names:
                    b.add("reason", "rocm-older-release", newest=base.torch, torch=rel.torch)
                break
    if not running and not evals:
        with_rocm = next((r for r in older if _rocm_names(data, r)), None)
        if with_rocm is not None:
            evals = [_evaluate(data, with_rocm, n, m) for n in _rocm_names(data, with_rocm)]
    if not running:
        if evals:
            b.warnings.append(
                translate("Builds", "{why} The CPU build is chosen.").format(why=evals[0].why_not)
            )
            if names:
                b.alternatives.append(
                    translate(
                        "Builds",
                        "Some AMD GPUs that ROCm does not list work anyway when the environment variable "
                        "HSA_OVERRIDE_GFX_VERSION is set; AMD does not support this, so it is for "
                        "experienced "
                        "users.",
                    )
                )
        return None
    chosen = running[0]
    label = data.variants[chosen.variant].label
    b.reasons.append(
        translate(
            "Builds",
            "PyTorch can use your AMD GPU ({gpu}) through ROCm (AMD's system for running programs on the "
            "GPU); the {build} build was chosen.",
        ).format(gpu=_gpu_names(chosen.covered), build=label)
    )
    b.reasons.append(
        translate(
            "Builds",
            'ROCm builds use PyTorch\'s "cuda" device name, so programs written for NVIDIA GPUs work '
            "unchanged.",
        )
    )
    for g in chosen.uncovered:
        b.warnings.append(
            translate(
                "Builds",
                "ROCm does not support the {gpu} ({gfx}); if PyTorch has trouble, hide it with "
                "HIP_VISIBLE_DEVICES.",
            ).format(gpu=g.name, gfx=g.arch)
        )
    return b.done(release, chosen.variant, "cuda", choices)


def _recommend_intel(b: _Builder, base: Release, choices: tuple[Choice, ...]) -> Recommendation | None:
    data, m = b.data, b.machine
    xpu_names = [n for n in base.variants if (v := data.variants.get(n)) is not None and v.kind == "xpu"]
    for n in xpu_names:
        ev = _evaluate(data, base, n, m)
        if ev.runs:
            b.reasons.append(
                translate(
                    "Builds",
                    'PyTorch can use your Intel GPU ({gpu}) through its XPU build; the demo uses the "xpu" '
                    "device.",
                ).format(gpu=_gpu_names(ev.covered))
            )
            return b.done(base, n, "xpu", choices)
    unsupported = [
        (g, fam)
        for n in xpu_names
        if (v := data.variants.get(n)) is not None
        for g in m.intel_gpus
        if (fam := _intel_family(g, v.intel_unsupported))
    ]
    if unsupported:
        g, fam = unsupported[0]
        b.add("warning", "intel-not-validated", gpu=g.name, family=fam)
        return None
    if xpu_names:
        b.alternatives.append(
            translate(
                "Builds",
                "If your Intel GPU is an Arc model, you can try the Intel GPU (XPU) build from the list of "
                "builds.",
            )
        )
    return None


def _recommend_cpu(b: _Builder, base: Release, choices: tuple[Choice, ...]) -> Recommendation:
    data, m = b.data, b.machine
    if not m.gpus and m.nvidia_state not in ("driver-not-responding", "no-driver", "smi-missing"):
        b.reasons.append(
            translate(
                "Builds",
                "No GPU that PyTorch can use was found, so the CPU-only build is chosen. It runs everything "
                "in "
                "the tutorials, just more slowly than a GPU.",
            )
        )
    elif not b.warnings:
        b.reasons.append(translate("Builds", "The CPU-only build is chosen."))
    served = base.standard_build(m.platform) or data.default_index_serves.get(m.platform)
    if served and served != "cpu":
        size = _download_mb(data, m, served)
        b.reasons.append(
            translate(
                "Builds",
                "On {platform}, a plain “pip install torch” would download the {build} build (about {mb} MB, "
                "mostly NVIDIA files that are no use without an NVIDIA GPU). The wizard gets the much smaller "
                "CPU-only build from PyTorch's own download server instead.",
            ).format(
                platform=_platform_label(m.os, m.arch), build=_variant_label(data, served), mb=size or "?"
            )
        )
    elif served == "cpu":
        b.reasons.append(
            translate(
                "Builds",
                "On {platform}, a plain “pip install torch” also gets the CPU-only build; the wizard still "
                "gets it from PyTorch's own download server, so that you get exactly this build.",
            ).format(platform=_platform_label(m.os, m.arch))
        )
    return b.done(base, "cpu", "cpu", choices)


__all__ = [
    "Choice",
    "Machine",
    "Recommendation",
    "cc_coverage",
    "choice_for",
    "recommend",
    "version_at_least",
    "version_tuple",
]


# --------------------------------------------------------------------------------------------
# Wording of the notices (made when shown)
# --------------------------------------------------------------------------------------------


def word(n: Notice) -> str:
    """The notice in the current language (call it when showing the text)."""
    p = dict(n.params)
    code = n.code
    if code == LAST_RELEASE_FOR_GPU:
        text = translate(
            "Builds",
            "This is the last PyTorch release for your GPU: PyTorch {torch} is the newest version with code "
            "for the {gpu} (compute capability {cc}); PyTorch {newest} and later support only newer GPUs. "
            "It keeps working, but will not get new features.",
        )
    elif code == LAST_RELEASE_FOR_PYTHON:
        text = translate(
            "Builds",
            "This is the last PyTorch release for Python {py}: PyTorch {torch} is the newest version for it; "
            "PyTorch {newest} needs a newer Python.",
        )
    elif code == "newer-python-for-newest":
        text = translate(
            "Builds", "To get the newest PyTorch {newest}, choose a Python {low} to {high} instead."
        )
    elif code == "bundled-data":
        text = translate(
            "Builds",
            "The wizard could not read the list of versions from the PyTorch download server, so it used "
            "its own list (from {updated}). The list of versions may be out of date.",
        )
    elif code == "jetson":
        text = translate(
            "Builds",
            "This is an NVIDIA Jetson board. PyTorch's own packages for ARM computers are made for servers, "
            "not for Jetson, so their GPU builds cannot use its GPU. The wizard does not install them here.",
        )
    elif code == "jetson-nvidia":
        text = translate(
            "Builds",
            "Install PyTorch for Jetson from NVIDIA: NVIDIA publishes builds for each JetPack version (see "
            "“NVIDIA Jetson Platforms” in PyTorch's README).",
        )
    elif code == "macos-too-old":
        text = translate("Builds", "PyTorch {torch} needs macOS {need} or newer; this Mac has macOS {have}.")
    elif code == "macos-newest-needs":
        text = translate(
            "Builds",
            "PyTorch {newest} needs macOS {need} or newer, and this Mac has macOS {have}; PyTorch {torch} is "
            "the newest version that installs on it.",
        )
    elif code == "macos-update":
        text = translate(
            "Builds", "Update macOS to {need} or newer to get the newest PyTorch and use the Mac's GPU (MPS)."
        )
    elif code == "mac-cpu":
        text = translate(
            "Builds",
            "PyTorch {torch} is the usual package (the one “pip install torch” gets), the same as for newer "
            "Macs; here it runs on the processor (CPU).",
        )
    elif code == "mps-needs-macos":
        text = translate(
            "Builds",
            "PyTorch can use the Mac's GPU (MPS) only on macOS {need} or newer; this Mac has macOS {have}, so "
            "PyTorch runs on the processor (CPU).",
        )
    elif code == "variant-missing-python":
        text = translate(
            "Builds", "PyTorch {torch} has no {build} package for Python {py}; it has Python {pythons}."
        )
    elif code == "intel-not-validated":
        text = translate(
            "Builds",
            "Your {gpu} ({family}) is not one of the Intel GPUs that PyTorch's XPU build supports, so "
            "PyTorch runs on the processor (CPU).",
        )
    elif code == "amd-windows-wheels":
        text = translate(
            "Builds",
            "AMD publishes its own PyTorch packages for Windows for some Radeon cards (RDNA3 and RDNA4, "
            "Python 3.12; see AMD's “PyTorch via PIP” page). The wizard does not install those.",
        )
    elif code == "rocm-older-release":
        text = translate(
            "Builds",
            "PyTorch {newest} has no AMD ROCm build in the wizard's list, so PyTorch {torch} is chosen.",
        )
    elif code == "other-release-other-gpu":
        text = translate("Builds", "PyTorch {torch} with the {build} build would use the {gpu} instead.")
    elif code == "driver-too-old-any":
        text = translate(
            "Builds",
            "Your NVIDIA driver {driver} is too old for any current PyTorch GPU build, so the CPU build is "
            "chosen for now. Update the driver to {need} or newer.",
        )
    elif code == "old-driver-release":
        text = translate(
            "Builds",
            "Without updating the driver: the older PyTorch {torch} (CUDA {cuda}) still works with drivers "
            "from {need}; choose it in the list of builds.",
        )
    else:
        return code
    return text.format(**p)


__all__ += ["LAST_RELEASE_FOR_GPU", "LAST_RELEASE_FOR_PYTHON", "Notice", "word"]
