"""Check the wheel files of a folder before installing from it, so that a damaged or cut-short copy (a USB
stick pulled out too early) is named on the Review page, not found by pip in the middle of the install.

For each ``*.whl`` file:

* when a manifest gives its sha256 (a kit's ``kit.json`` beside the folder or one level up, or a
  ``SHA256SUMS`` / ``sha256sums.txt`` file in the folder, or a ``<file>.sha256`` beside it), the whole file is
  hashed and compared (and its size, when the manifest has one, first);
* otherwise the wheel is opened as a zip (a cut-short file has no central directory and fails at once), and
  every member that the wheel's own ``*.dist-info/RECORD`` lists with a hash is read and compared with it
  (reading also checks each member's CRC-32).

Everything is read in 1 MiB pieces (a 200 MB wheel never sits in memory), members are hashed by a few
threads (zlib and hashlib let go of the GIL), and ``cancel()`` is asked between pieces. Pure Python, no Qt:
run it in a worker thread. Problems name the file and carry the code ``broken-wheel-file``; the words are
made when read (``WheelProblem.message``).
"""

from __future__ import annotations

import base64
import concurrent.futures
import csv
import hashlib
import io
import json
import logging
import os
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .tr import translate

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
CODE = "broken-wheel-file"
_SUMS_FILES = ("SHA256SUMS", "sha256sums.txt", "SHA256SUMS.txt")
_HEX = re.compile(r"^[0-9a-fA-F]{64}$")

REASONS = (
    "unreadable",  # the system could not read the file
    "not-a-zip",  # not a zip archive at all, or cut short (no central directory)
    "size-differs",  # the manifest gives another size
    "hash-differs",  # the manifest gives another sha256
    "no-record",  # the wheel has no RECORD
    "member-missing",  # RECORD lists a file that the archive does not have
    "member-damaged",  # a member's content does not match RECORD (or its CRC-32)
)


class Cancelled(Exception):
    """``cancel()`` said stop."""


@dataclass(frozen=True)
class WheelProblem:
    file: str  # the wheel's path
    reason: str  # one of REASONS
    detail: str = ""  # the member, or the system's error
    code: str = CODE

    @property
    def name(self) -> str:
        return os.path.basename(self.file)

    @property
    def message(self) -> str:
        """For the learner, translated now."""
        if self.reason == "unreadable":
            return translate("WheelCheck", "The file {name} cannot be read ({error}).").format(
                name=self.name, error=self.detail
            )
        if self.reason in ("hash-differs", "size-differs"):
            return translate(
                "WheelCheck",
                "The file {name} is not the file the folder's list of checksums describes: it is damaged or "
                "was cut short. Copy it again.",
            ).format(name=self.name)
        return translate(
            "WheelCheck",
            "The file {name} is damaged or was cut short while it was copied (it is not a complete wheel). "
            "Copy it again, or download it again.",
        ).format(name=self.name)


@dataclass
class FolderVerdict:
    folder: str
    checked: list[str] = field(default_factory=list)  # wheels found sound
    problems: list[WheelProblem] = field(default_factory=list)
    seconds: float = 0.0
    bytes_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


# -- manifests ---------------------------------------------------------------------------------


def _kit_manifest(path: Path) -> dict[str, tuple[str, int | None]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, tuple[str, int | None]] = {}
    files = data.get("files") if isinstance(data, dict) else None
    for item in files if isinstance(files, list) else []:
        if (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and _HEX.match(str(item.get("sha256")))
        ):
            size = item.get("size")
            out[item["name"]] = (str(item["sha256"]).lower(), size if isinstance(size, int) else None)
    return out


def _sums_file(path: Path) -> dict[str, tuple[str, int | None]]:
    """``sha256sum`` output: ``<hex>  <name>`` (or ``<hex> *<name>``) per line."""
    out: dict[str, tuple[str, int | None]] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for line in lines:
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and _HEX.match(parts[0]):
            out[os.path.basename(parts[1].lstrip("*").strip())] = (parts[0].lower(), None)
    return out


def manifest_for(folder: str | Path) -> dict[str, tuple[str, int | None]]:
    """{wheel file name: (sha256, size or None)} from what the folder carries; empty when nothing."""
    folder = Path(folder)
    found: dict[str, tuple[str, int | None]] = {}
    for kit in (folder / "kit.json", folder.parent / "kit.json"):
        if kit.is_file():
            found.update(_kit_manifest(kit))
    for name in _SUMS_FILES:
        if (folder / name).is_file():
            found.update(_sums_file(folder / name))
    try:
        singles = list(folder.glob("*.whl.sha256"))
    except OSError:
        singles = []
    for single in singles:
        sums = _sums_file(single)
        wheel = single.name[: -len(".sha256")]
        if sums:
            found[wheel] = next(iter(sums.values()))
        else:
            try:
                text = single.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            if _HEX.match(text):
                found[wheel] = (text.lower(), None)
    return found


# -- one wheel ---------------------------------------------------------------------------------


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled


def sha256_file(path: Path, cancel: Callable[[], bool] | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            _check_cancel(cancel)
    return h.hexdigest()


def _record(zf: zipfile.ZipFile) -> list[tuple[str, str, str]] | None:
    """(member, algorithm, urlsafe-base64 digest) for each RECORD row with a hash; None: no RECORD."""
    names = [n for n in zf.namelist() if re.fullmatch(r"[^/]+\.dist-info/RECORD", n)]
    if not names:
        return None
    text = zf.read(names[0]).decode("utf-8", errors="replace")
    rows = []
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and "=" in row[1]:
            algo, digest = row[1].split("=", 1)
            rows.append((row[0], algo, digest))
    return rows


def _digest_of(data_hash: hashlib._Hash) -> str:
    return base64.urlsafe_b64encode(data_hash.digest()).rstrip(b"=").decode("ascii")


def _hash_members(
    path: Path, members: list[tuple[str, str, str]], cancel: Callable[[], bool] | None
) -> tuple[str | None, int]:
    """The first member that does not match (None: all do), and the bytes read."""
    read = 0
    with zipfile.ZipFile(path) as zf:
        for member, algo, digest in members:
            try:
                h = hashlib.new(algo)
            except ValueError:
                continue  # an algorithm this Python does not know: pip would not check it either
            try:
                with zf.open(member) as f:
                    while chunk := f.read(CHUNK):
                        h.update(chunk)
                        read += len(chunk)
                        _check_cancel(cancel)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:  # CRC, cut short
                log.info("%s: %s unreadable: %s", path, member, exc)
                return member, read
            if _digest_of(h) != digest.strip():
                return member, read
    return None, read


def _split(
    items: list[tuple[str, str, str]], sizes: Mapping[str, int], parts: int
) -> list[list[tuple[str, str, str]]]:
    """Share the members among ``parts`` workers with about the same bytes each (largest first)."""
    buckets: list[list[tuple[str, str, str]]] = [[] for _ in range(parts)]
    load = [0] * parts
    for item in sorted(items, key=lambda it: sizes.get(it[0], 0), reverse=True):
        i = load.index(min(load))
        buckets[i].append(item)
        load[i] += sizes.get(item[0], 0)
    return [b for b in buckets if b]


def _local_headers_sound(path: Path, infos: Iterable[zipfile.ZipInfo]) -> str | None:
    """The quick check: every member's local header is where the central directory says, and its data
    ends inside the file. Returns the first member that is not sound (None: all are)."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        for info in infos:
            f.seek(info.header_offset)
            head = f.read(30)
            if len(head) < 30 or head[:4] != b"PK\x03\x04":
                return info.filename
            name_len, extra_len = struct.unpack("<HH", head[26:30])
            if info.header_offset + 30 + name_len + extra_len + info.compress_size > size:
                return info.filename
    return None


def verify_wheel(
    path: str | Path,
    expected: tuple[str, int | None] | None = None,
    *,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    deep: bool = True,
) -> tuple[WheelProblem | None, int]:
    """(the problem, or None when the wheel is sound; the bytes read). ``expected``: (sha256, size or None)
    from a manifest. ``deep=False`` (without a manifest): only the archive's structure is checked (a copy
    cut short is found, a changed byte inside a member is not); it takes milliseconds."""
    p = Path(path)
    try:
        if expected is not None:
            sha, size = expected
            if size is not None and p.stat().st_size != size:
                return WheelProblem(str(p), "size-differs", f"{p.stat().st_size} != {size}"), 0
            if sha256_file(p, cancel) != sha:
                return WheelProblem(str(p), "hash-differs"), p.stat().st_size
            return None, p.stat().st_size
        try:
            with zipfile.ZipFile(p) as zf:
                rows = _record(zf)
                infos = {i.filename: i for i in zf.infolist()}
        except (zipfile.BadZipFile, EOFError) as exc:
            return WheelProblem(str(p), "not-a-zip", str(exc)), 0
        if rows is None:
            return WheelProblem(str(p), "no-record"), 0
        missing = [m for m, _a, _d in rows if m not in infos]
        if missing:
            return WheelProblem(str(p), "member-missing", missing[0]), 0
        broken = _local_headers_sound(p, infos.values())
        if broken is not None:
            return WheelProblem(str(p), "member-damaged", broken), 0
        if not deep:
            return None, 0
        sizes = {name: info.file_size for name, info in infos.items()}
        n = workers or min(4, os.cpu_count() or 1)
        buckets = _split(rows, sizes, max(1, n))
        if len(buckets) <= 1:
            results = [_hash_members(p, buckets[0] if buckets else [], cancel)]
        else:
            with concurrent.futures.ThreadPoolExecutor(len(buckets)) as pool:
                results = list(pool.map(lambda b: _hash_members(p, b, cancel), buckets))
        read = sum(r[1] for r in results)
        bad = next((r[0] for r in results if r[0] is not None), None)
        if bad is not None:
            return WheelProblem(str(p), "member-damaged", bad), read
        return None, read
    except Cancelled:
        raise
    except OSError as exc:
        return WheelProblem(str(p), "unreadable", exc.strerror or str(exc)), 0


def verify_folder(
    folder: str | Path,
    *,
    names: Iterable[str] | None = None,
    manifest: Mapping[str, tuple[str, int | None]] | None = None,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    deep: bool = True,
) -> FolderVerdict:
    """Check every wheel of ``folder`` (or only ``names``, the files the plan will install). ``manifest``
    defaults to what the folder carries (:func:`manifest_for`). ``progress(file, index, count)`` is called
    before each file. ``deep=False``: see :func:`verify_wheel`. Raises :class:`Cancelled` when ``cancel()``
    returns True."""
    start = time.perf_counter()
    verdict = FolderVerdict(str(folder))
    root = Path(folder)
    try:
        wheels = sorted(p for p in root.iterdir() if p.name.endswith(".whl") and p.is_file())
    except OSError as exc:
        verdict.problems.append(WheelProblem(str(root), "unreadable", exc.strerror or str(exc)))
        return verdict
    if names is not None:
        wanted = set(names)
        wheels = [w for w in wheels if w.name in wanted]
    sums = manifest_for(root) if manifest is None else manifest
    for i, wheel in enumerate(wheels):
        if progress is not None:
            progress(wheel.name, i, len(wheels))
        problem, read = verify_wheel(wheel, sums.get(wheel.name), cancel=cancel, deep=deep)
        verdict.bytes_read += read
        if problem is None:
            verdict.checked.append(wheel.name)
        else:
            verdict.problems.append(problem)
    verdict.seconds = time.perf_counter() - start
    return verdict


__all__ = [
    "CODE",
    "REASONS",
    "Cancelled",
    "FolderVerdict",
    "WheelProblem",
    "manifest_for",
    "sha256_file",
    "verify_folder",
    "verify_wheel",
]
