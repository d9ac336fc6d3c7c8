"""The release data file (``resources/torch_releases.json``), loaded into typed objects.

Everything that changes with PyTorch releases (versions, build variants, driver minimums,
GPU architectures, Python ranges, size estimates) lives in that one file; code reads it here.
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


def _release_key(version: str) -> tuple[int, ...]:
    """Sort key for plain release numbers like "2.14.1" (no packaging import on the way to the first page)."""
    return tuple(int(part) for part in version.split("+")[0].split(".") if part.isdigit())


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

    @property
    def version(self) -> Version:
        from packaging.version import Version  # imported when needed: not on the way to the first page

        return Version(self.torch)

    def has_platform(self, os_name: str, arch: str) -> bool:
        return not self.platforms or f"{os_name}-{arch}" in self.platforms

    @property
    def short(self) -> str:
        """ "2.11" for "2.11.0"; the full version when the patch level is not 0."""
        parts = self.torch.split(".")
        if len(parts) == 3 and parts[2] == "0":
            return ".".join(parts[:2])
        return self.torch


class Variant(NamedTuple):
    name: str
    kind: str  # cpu, cuda, rocm, xpu
    label: str
    raw: dict[str, Any] = {}  # noqa: RUF012 - never mutated; a NamedTuple default

    @property
    def cuda(self) -> str | None:
        return self.raw.get("cuda")

    def driver_min(self, os_name: str) -> str | None:
        return (self.raw.get("driver_min") or {}).get(os_name)

    @property
    def compute_capabilities(self) -> tuple[str, ...]:
        return tuple(self.raw.get("compute_capabilities", ()))

    @property
    def ptx(self) -> bool:
        return bool(self.raw.get("ptx", False))

    def ptx_on(self, os_name: str) -> bool:
        """Whether the build carries PTX (JIT-compilable code for newer GPUs) on this OS."""
        if not self.ptx:
            return False
        oses = self.raw.get("ptx_os")
        return oses is None or os_name in oses

    def available_for(self, os_name: str, arch: str) -> bool:
        """Published for this OS and CPU architecture ("archs": {os: [arch, ...]}; missing = x86_64 only
        for GPU builds, any for CPU builds)."""
        if not self.available_on(os_name):
            return False
        archs = (self.raw.get("archs") or {}).get(os_name)
        if archs is None:
            return self.kind == "cpu" or arch == "x86_64"
        return arch in archs

    @property
    def gfx(self) -> tuple[str, ...]:
        return tuple(self.raw.get("gfx", ()))

    def available_on(self, os_name: str) -> bool:
        oses = self.raw.get("os")
        return oses is None or os_name in oses

    def download_mb(self, os_name: str) -> int | None:
        value = (self.raw.get("download_mb") or {}).get(os_name)
        return int(value) if value is not None else None

    def installed_mb(self, os_name: str) -> int | None:
        value = (self.raw.get("installed_mb") or {}).get(os_name)
        return int(value) if value is not None else None

    # -- optional CUDA compiler (data file: "nvcc" per CUDA variant) ------------------------------

    @property
    def nvcc_pip(self) -> tuple[str, ...]:
        """pip requirements that put NVIDIA's nvcc (matching this build's CUDA line) into an environment;
        empty when NVIDIA publishes no pip wheel with nvcc for it."""
        return tuple((self.raw.get("nvcc") or {}).get("pip", ()))

    @property
    def nvcc_conda(self) -> tuple[str, ...]:
        """conda-forge package specs for the same compiler (e.g. "cuda-nvcc", "cuda-version=13.0")."""
        return tuple((self.raw.get("nvcc") or {}).get("conda", ()))

    @property
    def nvcc_cuda_home(self) -> str | None:
        """Where the pip wheels put the toolkit, relative to site-packages ("nvidia/cu13"): CUDA_HOME."""
        value = (self.raw.get("nvcc") or {}).get("cuda_home")
        return str(value) if value else None


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
    # CUDA variants in order of preference when several run (best-tested first within the newest line).
    cuda_preference: tuple[str, ...] = ()
    raw: dict[str, Any] = {}  # noqa: RUF012 - never mutated; a NamedTuple default

    def release(self, torch_version: str | None = None) -> Release:
        wanted = torch_version or self.recommended
        for rel in self.releases:
            if rel.torch == wanted:
                return rel
        raise KeyError(f"torch {wanted} is not in {DATA_FILE}")

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

    def mps_min_macos(self, torch_version: str | None = None) -> str | None:
        """The oldest macOS on which this release can use the Apple GPU (MPS); None when not recorded.
        ``torch_version`` may carry a local label ("2.13.0+cpu"); default: the recommended release."""
        wanted = (torch_version or self.recommended).split("+")[0]
        for rel in self.raw.get("releases", ()):
            if rel.get("torch") == wanted:
                value = rel.get("mps_min_macos")
                return str(value) if value else None
        return None


def parse(data: dict[str, Any]) -> ReleaseData:
    releases = []
    for rel in data["releases"]:
        py = rel["python"]
        releases.append(
            Release(
                torch=rel["torch"],
                torchvision=rel.get("torchvision"),
                torchaudio=rel.get("torchaudio"),
                python=PythonRange(
                    min=_pyver(py["min"]),
                    max=_pyver(py["max"]),
                    experimental=tuple(_pyver(v) for v in py.get("experimental", [])),
                    free_threaded=tuple(_pyver(v) for v in py.get("free_threaded", [])),
                ),
                variants=tuple(rel["variants"]),
                note=rel.get("note", ""),
                platforms=tuple(rel.get("platforms", ())),
                extra_requirements=tuple(rel.get("extra_requirements", ())),
            )
        )
    variants = {
        name: Variant(name=name, kind=v["kind"], label=v.get("label", name), raw=v)
        for name, v in data["variants"].items()
    }
    return ReleaseData(
        index_base=data["index_base"],
        recommended=data["recommended"],
        releases=tuple(sorted(releases, key=lambda r: _release_key(r.torch), reverse=True)),
        variants=variants,
        default_index_serves=dict(data.get("default_index_serves", {})),
        torchvision_download_mb=int(data.get("torchvision_download_mb", 10)),
        dependencies_download_mb=int(data.get("dependencies_download_mb", 40)),
        minutes_per_gb_estimate=float(data.get("minutes_per_gb_estimate", 4)),
        updated=data.get("updated", ""),
        cuda_preference=tuple(data.get("cuda_preference", ())),
        raw=data,
    )


def load(path: Path | None = None) -> ReleaseData:
    if path is None:
        return _load_default()
    return parse(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _load_default() -> ReleaseData:
    return parse(json.loads(resource(DATA_FILE).read_text(encoding="utf-8")))
