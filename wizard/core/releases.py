"""The release data file (``resources/torch_releases.json``), loaded into typed objects.

Everything that changes with PyTorch releases (versions, build variants, driver minimums,
GPU architectures per release and platform, Python ranges, size estimates) lives in that one file;
code reads it here. The live PyTorch index (``torchindex.py``) can replace the list of releases with
what the index really has; the hardware rules (``Variant``) always come from this file.

Cheap on purpose: ``load()`` is on the way to the first page, so nothing here imports ``packaging``
at module import time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .resources import resource

if TYPE_CHECKING:
    from packaging.version import Version

DATA_FILE = "torch_releases.json"


def release_key(version: str) -> tuple[int, ...]:
    """Sort key for plain release numbers like "2.14.1" (no packaging import on the way to the first page)."""
    out: list[int] = []
    for part in version.split("+")[0].split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        out.append(int(digits))
    return tuple(out)


_release_key = release_key  # the old private name


def _pyver(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor)


class PythonRange(NamedTuple):
    min: tuple[int, int]
    max: tuple[int, int]
    experimental: tuple[tuple[int, int], ...] = ()
    free_threaded: tuple[tuple[int, int], ...] = ()

    def supports(self, version: tuple[int, int], *, free_threaded: bool = False) -> bool:
        if free_threaded:
            return version in self.free_threaded
        return self.min <= version <= self.max


def _parse_range(py: dict[str, Any]) -> PythonRange:
    return PythonRange(
        min=_pyver(py["min"]),
        max=_pyver(py["max"]),
        experimental=tuple(_pyver(v) for v in py.get("experimental", [])),
        free_threaded=tuple(_pyver(v) for v in py.get("free_threaded", [])),
    )


class Release(NamedTuple):
    torch: str
    torchvision: str | None
    python: PythonRange
    variants: tuple[str, ...]
    torchaudio: str | None = None
    note: str = ""
    # "<os>-<arch>" keys (e.g. "linux-x86_64", "macos-arm64") that have wheels; empty = not recorded (any).
    platforms: tuple[str, ...] = ()
    # Extra pins installed together with this release, e.g. "numpy<2" for releases built against NumPy 1.
    extra_requirements: tuple[str, ...] = ()
    date: str = ""
    # The oldest macOS its macOS wheels install on (from the wheel tag: macosx_14_0_arm64 -> "14.0").
    macos_min: str | None = None
    mps_min_macos: str | None = None
    # Python ranges that differ on one platform ("windows-arm64": 3.11-3.13).
    python_by_platform: tuple[tuple[str, PythonRange], ...] = ()
    # The build that plain ``pip install torch`` gets from the standard index, per platform.
    standard_index: tuple[tuple[str, str], ...] = ()
    # Only named in advice (e.g. 2.8.0, the last with Python 3.9); never chosen on its own.
    fallback_only: bool = False
    # From the live index: variant -> the Python keys ("3.12", "3.14t") that have a wheel for the machine's
    # platform (and macOS). Empty: not read from an index; the ranges above decide.
    wheels: tuple[tuple[str, frozenset[str]], ...] = ()
    # From the live index: variant -> torchvision paired by its metadata (overrides ``torchvision``).
    torchvision_by_variant: tuple[tuple[str, str], ...] = ()
    # From the live index: variant -> download size in MB of the torch wheel for this machine.
    size_mb: tuple[tuple[str, int], ...] = ()

    @property
    def version(self) -> Version:
        from packaging.version import Version  # imported when needed: not on the way to the first page

        return Version(self.torch)

    @property
    def key(self) -> tuple[int, ...]:
        return release_key(self.torch)

    @property
    def minor_line(self) -> tuple[int, ...]:
        return self.key[:2]

    def has_platform(self, os_name: str, arch: str) -> bool:
        return not self.platforms or f"{os_name}-{arch}" in self.platforms

    def python_for(self, platform: str) -> PythonRange:
        """The Python range of this release on ``platform`` ("windows-arm64" may differ)."""
        return dict(self.python_by_platform).get(platform, self.python)

    def standard_build(self, platform: str) -> str | None:
        return dict(self.standard_index).get(platform)

    def wheel_pythons(self, variant: str) -> frozenset[str] | None:
        """The Python keys with a wheel of ``variant`` (live index only); None when not known."""
        if not self.wheels:
            return None
        return dict(self.wheels).get(variant, frozenset())

    def torchvision_for(self, variant: str) -> str | None:
        return dict(self.torchvision_by_variant).get(variant, self.torchvision)

    def size_for(self, variant: str) -> int | None:
        return dict(self.size_mb).get(variant)

    @property
    def short(self) -> str:
        """ "2.11" for "2.11.0"; the full version when the patch level is not 0."""
        parts = self.torch.split(".")
        if len(parts) == 3 and parts[2] == "0":
            return ".".join(parts[:2])
        return self.torch


class ArchList(NamedTuple):
    """The GPU architectures one variant holds from release ``first`` on (until the next list)."""

    first: tuple[int, ...]
    per_platform: tuple[tuple[str, tuple[str, ...]], ...]

    def get(self, platform: str) -> tuple[str, ...] | None:
        return dict(self.per_platform).get(platform)


class IntelFamily(NamedTuple):
    family: str
    ids: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()

    def matches(self, pci_device: str | None) -> bool:
        dev = (pci_device or "").lower()
        if not dev:
            return False
        if not dev.startswith("0x"):
            dev = "0x" + dev
        return dev in self.ids or any(dev.startswith(p) for p in self.prefixes)


def _parse_intel(items: Any) -> tuple[IntelFamily, ...]:
    return tuple(
        IntelFamily(
            family=str(it.get("family", "")),
            ids=tuple(str(x).lower() for x in it.get("ids", ())),
            prefixes=tuple(str(x).lower() for x in it.get("prefixes", ())),
        )
        for it in items or ()
    )


def _platform_os(platform: str) -> str:
    return platform.split("-", 1)[0]


class Variant(NamedTuple):
    name: str
    kind: str  # cpu, cuda, rocm, xpu, mps
    label: str
    device: str = "cpu"  # what torch calls it: "cuda" (also ROCm), "xpu", "mps", "cpu"
    cuda: str | None = None
    rocm: str | None = None
    platforms: tuple[str, ...] = ()  # "<os>-<arch>" where the variant is published
    driver_mins: tuple[tuple[str, str], ...] = ()
    arch_lists: tuple[ArchList, ...] = ()
    ptx_platforms: tuple[str, ...] = ()
    download: tuple[tuple[str, int], ...] = ()
    installed: tuple[tuple[str, int], ...] = ()
    nvcc_pip: tuple[str, ...] = ()
    nvcc_conda: tuple[str, ...] = ()
    nvcc_cuda_home: str | None = None
    min_macos: str | None = None  # "mps": the Apple GPU needs this macOS
    wheels_from: str | None = None  # "mps": its wheels are on the cpu index pages
    standard_index: bool = False  # installed from the standard index, not the variant's own
    intel_name_hints: tuple[str, ...] = ()
    intel_devices: tuple[IntelFamily, ...] = ()
    intel_unsupported: tuple[IntelFamily, ...] = ()
    # The file's entry, kept only for callers not yet moved to the parsed fields (aftercheck: ``rocm``).
    raw: dict[str, Any] = {}  # noqa: RUF012 - never mutated; a NamedTuple default

    # -- where it exists ---------------------------------------------------------------------

    def available_for(self, os_name: str, arch: str) -> bool:
        """Published for this OS and CPU architecture."""
        return f"{os_name}-{arch}" in self.platforms

    def available_on(self, os_name: str) -> bool:
        return any(_platform_os(p) == os_name for p in self.platforms)

    def driver_min(self, os_name: str) -> str | None:
        return dict(self.driver_mins).get(os_name)

    # -- architectures per release and platform -------------------------------------------------

    def _list_for(self, torch: str | None) -> ArchList | None:
        if not self.arch_lists:
            return None
        if torch is None:
            return self.arch_lists[-1]
        key = release_key(torch)
        fitting = [a for a in self.arch_lists if a.first <= key]
        return fitting[-1] if fitting else self.arch_lists[0]

    def archs(self, platform: str, torch: str | None = None) -> tuple[str, ...]:
        """Compute capabilities (CUDA) or gfx names (ROCm) that release ``torch`` of this variant holds
        on ``platform``; a release newer than every recorded list uses the newest list."""
        lst = self._list_for(torch)
        if lst is None:
            return ()
        found = lst.get(platform)
        if found is None:  # the platform was not recorded: the Linux x86_64 list is the best guess
            found = lst.get(_platform_os(platform) + "-x86_64") or ()
        return found

    @property
    def compute_capabilities(self) -> tuple[str, ...]:
        """The newest Linux x86_64 list (callers that know the platform use ``archs``)."""
        return self.archs("linux-x86_64") if self.kind == "cuda" else ()

    @property
    def gfx(self) -> tuple[str, ...]:
        return self.archs("linux-x86_64") if self.kind == "rocm" else ()

    @property
    def ptx(self) -> bool:
        return bool(self.ptx_platforms)

    def ptx_for(self, platform: str) -> bool:
        return platform in self.ptx_platforms

    def ptx_on(self, os_name: str) -> bool:
        """Whether the build carries PTX (JIT-compilable code for newer GPUs) on this OS."""
        return any(_platform_os(p) == os_name for p in self.ptx_platforms)

    # -- sizes --------------------------------------------------------------------------------

    def download_mb(self, os_name: str) -> int | None:
        return dict(self.download).get(os_name)

    def installed_mb(self, os_name: str) -> int | None:
        return dict(self.installed).get(os_name)


def _parse_variant(name: str, v: dict[str, Any]) -> Variant:
    nvcc = v.get("nvcc") or {}
    lists = []
    for entry in v.get("arch_lists", ()):
        per = tuple(
            (k, tuple(str(x) for x in val))
            for k, val in entry.items()
            if k != "first" and isinstance(val, list)
        )
        lists.append(ArchList(release_key(str(entry.get("first", "0"))), per))
    lists.sort(key=lambda a: a.first)
    kind = str(v["kind"])
    return Variant(
        name=name,
        kind=kind,
        label=str(v.get("label", name)),
        device=str(v.get("device", {"cuda": "cuda", "rocm": "cuda"}.get(kind, kind))),
        cuda=v.get("cuda"),
        rocm=v.get("rocm"),
        platforms=tuple(v.get("platforms", ())),
        driver_mins=tuple((str(k), str(x)) for k, x in (v.get("driver_min") or {}).items()),
        arch_lists=tuple(lists),
        ptx_platforms=tuple(v.get("ptx_platforms", ())),
        download=tuple((str(k), int(x)) for k, x in (v.get("download_mb") or {}).items()),
        installed=tuple((str(k), int(x)) for k, x in (v.get("installed_mb") or {}).items()),
        nvcc_pip=tuple(nvcc.get("pip", ())),
        nvcc_conda=tuple(nvcc.get("conda", ())),
        nvcc_cuda_home=str(nvcc["cuda_home"]) if nvcc.get("cuda_home") else None,
        min_macos=v.get("min_macos"),
        wheels_from=v.get("wheels_from"),
        standard_index=v.get("index") == "standard",
        intel_name_hints=tuple(v.get("intel_name_hints", ())),
        intel_devices=_parse_intel(v.get("intel_devices")),
        intel_unsupported=_parse_intel(v.get("intel_unsupported")),
        raw=v,
    )


class ReleaseSource(NamedTuple):
    """Where the list of releases came from: the live index, or the bundled file (with why)."""

    source: str = "bundled"  # "index" | "bundled"
    index_base: str = ""
    fetched_at: str = ""  # ISO 8601 UTC time the index pages were read; "" for the bundled file
    reason: str = ""  # why the bundled file was used ("offline", "HTTP 503", ...); untranslated

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "index_base": self.index_base,
            "fetched_at": self.fetched_at or None,
            "reason": self.reason or None,
        }


class ReleaseData(NamedTuple):
    index_base: str
    recommended: str
    releases: tuple[Release, ...]
    variants: dict[str, Variant]
    default_index_serves: dict[str, str]
    torchvision_download_mb: int
    dependencies_download_mb: int
    minutes_per_gb_estimate: float
    updated: str = ""
    # CUDA variants in order of preference when several run (newest line first); see builds.py.
    cuda_preference: tuple[str, ...] = ()
    raw: dict[str, Any] = {}  # noqa: RUF012 - never mutated; a NamedTuple default
    source: ReleaseSource = ReleaseSource()
    python_fallback_minors: int = 1
    index_min_torch: str = ""

    def release(self, torch_version: str | None = None) -> Release:
        wanted = (torch_version or self.recommended).split("+")[0]
        for rel in self.releases:
            if rel.torch == wanted:
                return rel
        raise KeyError(f"torch {wanted} is not in {DATA_FILE}")

    def find(self, torch_version: str) -> Release | None:
        try:
            return self.release(torch_version)
        except KeyError:
            return None

    @property
    def newest(self) -> Release:
        return self.release(self.recommended)

    def index_url(self, variant: str) -> str:
        return self.index_base.rstrip("/") + "/" + variant

    def installed_mb(self, variant_name: str, os_name: str) -> int:
        """Disk space an environment with this build needs (estimate from the data file)."""
        variant = self.variants.get(variant_name) or self.variants["cpu"]
        return variant.installed_mb(os_name) or 0

    def minutes_for(self, download_mb: int) -> int:
        """A rough install time for a typical home connection, downloading included."""
        return max(2, round(download_mb / 1024 * self.minutes_per_gb_estimate) + 2)

    def supported_python_range(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Oldest and newest Python that the recommended release supports."""
        rng = self.newest.python
        return rng.min, rng.max

    def rules_release(self, torch_version: str) -> Release | None:
        """The release whose rules apply to ``torch_version``: itself when known, else the newest known
        release not newer than it (a future release is judged by the newest known one)."""
        key = release_key(torch_version)
        known = [r for r in self.releases if r.key <= key]
        return max(known, key=lambda r: r.key) if known else None

    def mps_min_macos(self, torch_version: str | None = None) -> str | None:
        """The oldest macOS on which this release can use the Apple GPU (MPS); None when not recorded.
        ``torch_version`` may carry a local label ("2.13.0+cpu"); default: the recommended release."""
        rel = self.rules_release(torch_version or self.recommended)
        return rel.mps_min_macos if rel else None


def _parse_release(rel: dict[str, Any]) -> Release:
    return Release(
        torch=rel["torch"],
        torchvision=rel.get("torchvision"),
        torchaudio=rel.get("torchaudio"),
        python=_parse_range(rel["python"]),
        variants=tuple(rel["variants"]),
        note=rel.get("note", ""),
        platforms=tuple(rel.get("platforms", ())),
        extra_requirements=tuple(rel.get("extra_requirements", ())),
        date=str(rel.get("date", "")),
        macos_min=rel.get("macos_min"),
        mps_min_macos=rel.get("mps_min_macos"),
        python_by_platform=tuple(
            (k, _parse_range(v)) for k, v in (rel.get("python_by_platform") or {}).items()
        ),
        standard_index=tuple((str(k), str(v)) for k, v in (rel.get("standard_index") or {}).items()),
        fallback_only=bool(rel.get("fallback_only", False)),
    )


def parse(data: dict[str, Any]) -> ReleaseData:
    releases = tuple(sorted((_parse_release(r) for r in data["releases"]), key=lambda r: r.key, reverse=True))
    variants = {name: _parse_variant(name, v) for name, v in data["variants"].items()}
    recommended = data.get("recommended") or next(r.torch for r in releases if not r.fallback_only)
    newest = next((r for r in releases if r.torch == recommended), releases[0])
    serves = dict(data.get("default_index_serves") or {}) or dict(newest.standard_index)
    cuda = [n for n, v in variants.items() if v.kind == "cuda"]
    cuda.sort(key=lambda n: release_key(variants[n].cuda or "0"), reverse=True)
    return ReleaseData(
        index_base=data["index_base"],
        recommended=recommended,
        releases=releases,
        variants=variants,
        default_index_serves=serves,
        torchvision_download_mb=int(data.get("torchvision_download_mb", 10)),
        dependencies_download_mb=int(data.get("dependencies_download_mb", 40)),
        minutes_per_gb_estimate=float(data.get("minutes_per_gb_estimate", 4)),
        updated=data.get("updated", ""),
        cuda_preference=tuple(data.get("cuda_preference") or cuda),
        raw=data,
        source=ReleaseSource("bundled", str(data["index_base"]), "", ""),
        python_fallback_minors=int(data.get("python_fallback_minors", 1)),
        index_min_torch=str(data.get("index_min_torch", "")),
    )


def load(path: Path | None = None) -> ReleaseData:
    if path is None:
        return _load_default()
    return parse(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _load_default() -> ReleaseData:
    return parse(json.loads(resource(DATA_FILE).read_text(encoding="utf-8")))
