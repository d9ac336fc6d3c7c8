"""Optional extras installed along with PyTorch. For now one: the CUDA compiler (nvcc).

PyTorch's CUDA wheels carry the CUDA *runtime*, not the compiler. nvcc is only needed to build your own
CUDA extensions (``torch.utils.cpp_extension``, packages that compile CUDA code on install). The data file
records, per CUDA build, NVIDIA's pip wheels and conda-forge's packages for the matching CUDA line
(``variants.<name>.nvcc``, see ``nvcc_note`` there).

What was found (checked with ``pip download`` / ``pip install --dry-run``, 2026-11-27):

* CUDA 13: ``nvidia-cuda-nvcc==13.X.*`` has ``nvcc`` (Linux x86_64 and aarch64, Windows x86_64) under
  ``site-packages/nvidia/cu13/bin``. It depends on ``nvidia-nvvm``, ``nvidia-cuda-crt`` and
  ``nvidia-cuda-runtime`` *without* versions, so pip would take the newest (13.5) next to a 13.0 torch:
  every part is pinned to the build's line. ``nvidia-cuda-cccl`` (Thrust/CUB headers) is pinned too.
* CUDA 12: the ``nvidia-cuda-nvcc-cu12`` wheels hold ``ptxas`` and headers but no ``nvcc`` program
  (12.6.85, 12.8.93, 12.9.86; Linux and Windows), so pip cannot install the compiler for cu126/cu128:
  ``nvcc_requirements`` is empty there and ``nvcc_unavailable_reason`` says what to do instead.
* conda-forge: ``cuda-nvcc`` with ``cuda-version=X.Y`` for every CUDA line.

Install the pip requirements in their own ``pip install`` after torch, from the default index (they are
not on PyTorch's variant index); torch's own pin of ``nvidia-cuda-runtime`` stays inside the ``X.Y.*``
range. To build extensions with them, set ``CUDA_HOME`` to ``<site-packages>/<nvcc_cuda_home>``.
"""

from __future__ import annotations

from pathlib import Path

from . import releases as _releases
from .releases import ReleaseData, Variant
from .tr import translate


def _cuda_variant(variant: str | None, data: ReleaseData | None) -> Variant | None:
    if not variant:
        return None
    data = data or _releases.load()
    v = data.variants.get(variant)
    return v if v is not None and v.kind == "cuda" else None


def nvcc_requirements(variant: str | None, data: ReleaseData | None = None) -> tuple[str, ...]:
    """pip requirements for nvcc matching the CUDA build ``variant`` ("cu130" -> nvidia-cuda-nvcc==13.0.*,
    ...); () for non-CUDA builds and for CUDA lines without a pip nvcc (CUDA 12)."""
    v = _cuda_variant(variant, data)
    return v.nvcc_pip if v else ()


def nvcc_conda_packages(variant: str | None, data: ReleaseData | None = None) -> tuple[str, ...]:
    """conda-forge specs for nvcc matching ``variant`` (("cuda-nvcc", "cuda-version=13.0")); () when not
    a CUDA build."""
    v = _cuda_variant(variant, data)
    return v.nvcc_conda if v else ()


def nvcc_cuda_home(
    variant: str | None, site_packages: str | Path, data: ReleaseData | None = None
) -> Path | None:
    """The folder to use as ``CUDA_HOME`` after installing the pip nvcc into the environment whose
    site-packages is ``site_packages``; None when there is no pip nvcc for ``variant``."""
    v = _cuda_variant(variant, data)
    if v is None or not v.nvcc_pip or not v.nvcc_cuda_home:
        return None
    return Path(site_packages).joinpath(*v.nvcc_cuda_home.split("/"))


def nvcc_available(variant: str | None, data: ReleaseData | None = None, *, conda: bool = False) -> bool:
    """Whether the wizard can offer nvcc for this build (with pip, or with conda when ``conda``)."""
    return bool(nvcc_conda_packages(variant, data) if conda else nvcc_requirements(variant, data))


def nvcc_option_label() -> str:
    """The text of the checkbox that offers nvcc."""
    return translate(
        "Extras",
        "Also install the CUDA compiler (nvcc) into the environment — only needed to build your own CUDA "
        "extensions",
    )


def nvcc_unavailable_reason(
    variant: str | None, data: ReleaseData | None = None, *, conda: bool = False
) -> str:
    """Why nvcc cannot be offered for ``variant`` (translated), or "" when it can."""
    if nvcc_available(variant, data, conda=conda):
        return ""
    v = _cuda_variant(variant, data)
    if v is None:
        return translate(
            "Extras",
            "The CUDA compiler only goes with an NVIDIA CUDA build of PyTorch; this build does not use CUDA.",
        )
    if conda:
        return translate(
            "Extras", "The wizard knows no conda package of the CUDA compiler for CUDA {cuda}."
        ).format(cuda=v.cuda or "?")
    return translate(
        "Extras",
        "NVIDIA publishes no pip package with the CUDA compiler for CUDA {cuda}. To build CUDA extensions, "
        "install NVIDIA's CUDA Toolkit {cuda} from NVIDIA's website, or use a conda environment with the "
        "conda-forge packages {packages}.",
    ).format(cuda=v.cuda or "?", packages=" ".join(v.nvcc_conda) or "cuda-nvcc")


__all__ = [
    "nvcc_available",
    "nvcc_conda_packages",
    "nvcc_cuda_home",
    "nvcc_option_label",
    "nvcc_requirements",
    "nvcc_unavailable_reason",
]
