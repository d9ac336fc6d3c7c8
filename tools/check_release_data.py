"""Compare the bundled release data (resources/torch_releases.json) with a PyTorch index; print every difference.

For whoever updates the data file after a PyTorch release::

    python tools/check_release_data.py                      # https://download.pytorch.org/whl/
    python tools/check_release_data.py --index-base URL     # a mirror, or a local index
    python tools/check_release_data.py --platform linux-arm64 --json

Per platform it reads the same pages the wizard reads (``<base><variant>/torch/`` and ``/torchvision/``
for every variant in the data file, the torchvision metadata) and compares, release by release: releases
only one side has, the variants, the Python range and free-threaded Pythons, torchvision's pairing and
the macOS version in the wheel tags. Releases older than the data file's ``index_min_torch`` are compared
only where the data file names them.

Exit status: 0 no differences, 1 differences (printed), 2 the index could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wizard.core import releases, torchindex  # noqa: E402
from wizard.core.releases import PythonRange, Release, ReleaseData  # noqa: E402
from wizard.core.secrets import strip_login  # noqa: E402

PLATFORMS = ("linux-x86_64", "linux-arm64", "windows-x86_64", "windows-arm64", "macos-arm64", "macos-x86_64")


class Difference(NamedTuple):
    platform: str
    torch: str
    what: str  # "release", "variants", "python", "free-threaded", "torchvision", "macos"
    data_says: str  # what the data file says ("-" = nothing)
    index_has: str  # what the index has ("-" = nothing)

    def line(self) -> str:
        return f"{self.platform:15} {self.torch:8} {self.what:13} data: {self.data_says:32} index: {self.index_has}"


def _py(rng: PythonRange) -> str:
    return f"{rng.min[0]}.{rng.min[1]}-{rng.max[0]}.{rng.max[1]}"


def _ft(rng: PythonRange) -> str:
    return ", ".join(f"{v[0]}.{v[1]}t" for v in rng.free_threaded) or "-"


def _data_variants(data: ReleaseData, rel: Release, platform: str) -> set[str]:
    os_name, arch = platform.split("-", 1)
    return {
        n
        for n in rel.variants
        if (v := data.variants.get(n)) is not None and v.kind != "mps" and v.available_for(os_name, arch)
    }


def compare(data: ReleaseData, live: ReleaseData, platform: str) -> list[Difference]:
    """The differences between the data file and the index's releases for one platform."""
    os_name, arch = platform.split("-", 1)
    out: list[Difference] = []
    mine = {r.torch: r for r in data.releases if r.has_platform(os_name, arch)}
    theirs = {r.torch: r for r in live.releases}
    for version in sorted(set(mine) | set(theirs), key=releases.release_key, reverse=True):
        d, i = mine.get(version), theirs.get(version)
        if d is None and i is not None:
            out.append(
                Difference(platform, version, "release", "-", "on the index: " + ", ".join(i.variants))
            )
            continue
        if i is None and d is not None:
            out.append(
                Difference(
                    platform, version, "release", ", ".join(sorted(_data_variants(data, d, platform))), "-"
                )
            )
            continue
        assert d is not None and i is not None
        dv = _data_variants(data, d, platform)
        iv = {n for n in i.variants if n != "mps"}
        if dv != iv:
            out.append(
                Difference(
                    platform, version, "variants", ", ".join(sorted(dv)) or "-", ", ".join(sorted(iv)) or "-"
                )
            )
        drng, irng = d.python_for(platform), i.python
        if (drng.min, drng.max) != (irng.min, irng.max):
            out.append(Difference(platform, version, "python", _py(drng), _py(irng)))
        if set(drng.free_threaded) != set(irng.free_threaded):
            out.append(Difference(platform, version, "free-threaded", _ft(drng), _ft(irng)))
        for name in sorted(iv):
            tv = i.torchvision_for(name)
            if tv and d.torchvision and tv != d.torchvision:
                out.append(Difference(platform, version, "torchvision", f"{d.torchvision}", f"{tv} ({name})"))
        if os_name == "macos" and i.macos_min and d.macos_min and i.macos_min != d.macos_min:
            out.append(Difference(platform, version, "macos", d.macos_min, i.macos_min))
    return out


def check(
    base: str, platforms: tuple[str, ...], data: ReleaseData | None = None, timeout: float = 10.0
) -> tuple[list[Difference], dict[str, str]]:
    """(differences, platform -> why it could not be read)."""
    data = data or releases.load()
    diffs: list[Difference] = []
    failed: dict[str, str] = {}
    for platform in platforms:
        os_name, arch = platform.split("-", 1)
        try:
            facts = torchindex.read_index(
                base, os_name, arch, torchindex.variants_to_read(data, os_name, arch), timeout=timeout
            )
            live = torchindex.merge(data, facts)
        except torchindex.IndexUnavailable as exc:
            if "no PyTorch release" in exc.reason:  # the index has nothing for this platform
                live = data._replace(releases=())
            else:
                failed[platform] = exc.reason
                continue
        diffs += compare(data, live, platform)
    return diffs, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--index-base", help="root of the index (default: $TORCH_WIZARD_INDEX_BASE or PyTorch's)"
    )
    parser.add_argument(
        "--platform", action="append", choices=PLATFORMS, help="only this platform (repeatable)"
    )
    parser.add_argument("--data", type=Path, help="another release data file to compare")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per page (default 10)")
    parser.add_argument("--json", action="store_true", help="print the differences as JSON")
    args = parser.parse_args(argv)
    base = torchindex.index_base(args.index_base)
    data = releases.load(args.data) if args.data else releases.load()
    diffs, failed = check(base, tuple(args.platform or PLATFORMS), data, args.timeout)
    shown = strip_login(base) or base
    if args.json:
        doc: dict[str, Any] = {
            "index_base": shown,
            "differences": [d._asdict() for d in diffs],
            "unreadable": failed,
        }
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        print(f"Comparing {data.updated or 'the data file'} with {shown}")
        for platform, why in failed.items():
            print(f"{platform:15} could not read the index: {why}")
        for d in diffs:
            print(d.line())
        print(f"{len(diffs)} difference(s)" if diffs else "No differences.")
    if failed and not diffs:
        return 2
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
