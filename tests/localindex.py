"""A local PyTorch-style index on 127.0.0.1 for tests: PEP 503 pages, small valid fake wheels, PEP 658
metadata files beside them.

The layout and page format reproduce https://download.pytorch.org/whl/ as made by pytorch/test-infra
``s3_management/manage.py`` (checked December 2026): ``<base><variant>/<project>/index.html`` lists
``<a href="/whl/<variant>/<file with + as %2B>#sha256=<hex>" data-dist-info-metadata="sha256=<hex>"
data-core-metadata="sha256=<hex>">file</a><br/>``; the files lie in ``<base><variant>/``, each wheel's
METADATA beside it as ``<wheel>.metadata``. No ``data-requires-python``, no JSON API.

The fake wheels are real wheels pip can install: ``torch/__init__.py`` sets ``__version__`` (with the
local label, e.g. "2.17.0+cpu") and ``cuda`` / ``device`` hints; ``torchvision`` requires
``torch==<version>``. Use::

    from tests.localindex import FakeRelease, serve_index, write_index

    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0")])
    with serve_index(root) as base:   # "http://127.0.0.1:PORT/whl/"
        ...                            # pip install --index-url f"{base}cpu" torch==2.17.0

or the pytest fixture ``local_index`` (a future 2.17.0 with cpu, cu130 and cu132 builds).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import threading
import zipfile
from collections.abc import Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

import pytest

PLATFORMS_ALL = ("manylinux_2_28_x86_64", "manylinux_2_28_aarch64", "win_amd64", "macosx_14_0_arm64")
PYTHONS_ALL = ("3.11", "3.12", "3.13", "3.14", "3.14t", "3.15", "3.15t")
# macOS wheels are only on the cpu index; Windows gets no aarch64-only things; like the real index
CUDA_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_28_aarch64", "win_amd64")


class FakeRelease(NamedTuple):
    """One torch release on the fake index, with its torchvision."""

    torch: str = "2.17.0"
    torchvision: str | None = "0.32.0"
    variants: tuple[str, ...] = ("cpu", "cu130", "cu132")
    pythons: tuple[str, ...] = PYTHONS_ALL  # "3.14t" = free-threaded
    platforms: tuple[str, ...] = PLATFORMS_ALL  # cpu; CUDA variants get those also in CUDA_PLATFORMS
    # torchvision's torch requirement: "==" (per-CPython wheels) or ">=" (one py3-none wheel per platform)
    torchvision_pin: str = "=="
    # per variant, Pythons left out (a variant missing a Python): {"cu130": ("3.15",)}
    missing: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _cp(py: str) -> str:
    digits = py.rstrip("t").replace(".", "")
    return f"cp{digits}-cp{digits}{'t' if py.endswith('t') else ''}"


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def make_wheel(folder: Path, project: str, version: str, tag: str, requires: Iterable[str] = ()) -> Path:
    """A small valid wheel ``<project>-<version>-<tag>.whl``; its METADATA also goes to ``.metadata``."""
    name = f"{project}-{version}-{tag}.whl"
    dist_info = f"{project}-{version}.dist-info"
    meta_lines = ["Metadata-Version: 2.1", f"Name: {project}", f"Version: {version}"]
    meta_lines += [f"Requires-Dist: {r}" for r in requires]
    metadata = ("\n".join(meta_lines) + "\n").encode()
    local = version.split("+", 1)[1] if "+" in version else ""
    digits = local[2:] if local.startswith("cu") and local[2:].isdigit() else ""
    cuda = f'"{digits[:-1]}.{digits[-1]}"' if digits else "None"  # cu130 -> "13.0"
    init = (
        f'"""Fake {project} {version} for the wizard\'s tests (tests/localindex.py)."""\n'
        f'__version__ = "{version}"\n'
        f"FAKE_CUDA = {cuda}\n"
    ).encode()
    wheel_meta = (
        f"Wheel-Version: 1.0\nGenerator: tests.localindex\nRoot-Is-Purelib: false\nTag: {tag}\n"
    ).encode()
    files = {
        f"{project}/__init__.py": init,
        f"{dist_info}/METADATA": metadata,
        f"{dist_info}/WHEEL": wheel_meta,
    }
    record = (
        "".join(f"{p},{_record_hash(d)},{len(d)}\n" for p, d in files.items()) + f"{dist_info}/RECORD,,\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for p, d in files.items():
            zf.writestr(p, d)
        zf.writestr(f"{dist_info}/RECORD", record)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(buf.getvalue())
    (folder / (name + ".metadata")).write_bytes(metadata)
    return path


def _anchor(variant: str, path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    meta = hashlib.sha256((path.parent / (path.name + ".metadata")).read_bytes()).hexdigest()
    href = f"/whl/{variant}/" + path.name.replace("+", "%2B") + "#sha256=" + digest
    return (
        f'<a href="{href}" data-dist-info-metadata="sha256={meta}" data-core-metadata="sha256={meta}">'
        f"{path.name}</a><br/>"
    )


def _page(project: str, anchors: list[str]) -> str:
    lines = ["<!DOCTYPE html>", "<html>", "  <body>", f"    <h1>Links for {project}</h1>"]
    lines += ["    " + a for a in anchors] + ["  </body>", "</html>", ""]
    return "\n".join(lines)


def write_index(root: Path, releases: Iterable[FakeRelease]) -> Path:
    """Write ``root/whl/<variant>/{torch,torchvision}/index.html`` and the wheels; returns ``root``.
    Serve ``root`` (``serve_index``): the index base is ``http://127.0.0.1:PORT/whl/``."""
    anchors: dict[tuple[str, str], list[str]] = {}
    for rel in releases:
        missing = dict(rel.missing)
        for variant in rel.variants:
            folder = root / "whl" / variant
            plats = (
                rel.platforms if variant == "cpu" else tuple(p for p in rel.platforms if p in CUDA_PLATFORMS)
            )
            local = f"{rel.torch}+{variant}"
            for plat in plats:
                version = rel.torch if plat.startswith("macosx") else local  # macOS wheels have no label
                for py in rel.pythons:
                    if py in missing.get(variant, ()):
                        continue
                    wheel = make_wheel(folder, "torch", version, f"{_cp(py)}-{plat}")
                    anchors.setdefault((variant, "torch"), []).append(_anchor(variant, wheel))
                if rel.torchvision is None:
                    continue
                tv_version = rel.torchvision if plat.startswith("macosx") else f"{rel.torchvision}+{variant}"
                req = f"torch{rel.torchvision_pin}{rel.torch}"
                if rel.torchvision_pin == ">=":
                    wheel = make_wheel(folder, "torchvision", tv_version, f"py3-none-{plat}", [req])
                    anchors.setdefault((variant, "torchvision"), []).append(_anchor(variant, wheel))
                    continue
                for py in rel.pythons:
                    if py in missing.get(variant, ()):
                        continue
                    wheel = make_wheel(folder, "torchvision", tv_version, f"{_cp(py)}-{plat}", [req])
                    anchors.setdefault((variant, "torchvision"), []).append(_anchor(variant, wheel))
    for (variant, project), items in anchors.items():
        page = root / "whl" / variant / project / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_page(project, sorted(set(items))), encoding="utf-8")
    # a variant with no torchvision still answers its torchvision page (an empty list), like a real index
    for variant_dir in (root / "whl").iterdir():
        tv_page = variant_dir / "torchvision" / "index.html"
        if not tv_page.exists():
            tv_page.parent.mkdir(parents=True, exist_ok=True)
            tv_page.write_text(_page("torchvision", []), encoding="utf-8")
    return root


class _Handler(SimpleHTTPRequestHandler):
    root = "."
    requests: list[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=self.root, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self.requests.append(self.path)
        super().do_GET()


@contextlib.contextmanager
def serve_index(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port) in a thread; yields the index base
    ``http://127.0.0.1:PORT/whl/``; stops the server on exit. ``serve_index_with_log`` also says
    which paths were asked for."""
    with serve_index_with_log(root) as (base, _log):
        yield base


@contextlib.contextmanager
def serve_index_with_log(root: Path) -> Iterator[tuple[str, list[str]]]:
    """Like ``serve_index``, also yielding the list of request paths (appended as they come)."""
    log: list[str] = []
    handler = type("Handler", (_Handler,), {"root": str(root), "requests": log})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="local-index", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/whl/", log
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


FUTURE = FakeRelease("2.17.0", "0.32.0")


@pytest.fixture
def local_index(tmp_path: Path) -> Iterator[str]:
    """A fake future release (torch 2.17.0 / torchvision 0.32.0, cpu + cu130 + cu132) served on 127.0.0.1;
    yields the index base. Tests that use it should set ``TORCH_WIZARD_INDEX_BASE`` to it and
    clear ``TORCH_WIZARD_OFFLINE``."""
    root = write_index(tmp_path / "local-index", [FUTURE])
    with serve_index(root) as base:
        yield base
