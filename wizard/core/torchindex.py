"""Read the live PyTorch index: which torch versions really exist for this computer, today.

The data file (``resources/torch_releases.json``) holds the hardware rules and a list of releases
that goes stale with every PyTorch release. Before choosing, the wizard reads the index pages that
matter for this computer, ``<index-base><variant>/torch/`` and ``<variant>/torchvision/``: static
PEP 503 HTML made by pytorch/test-infra ``s3_management/manage.py`` (absolute hrefs with
``#sha256=``, a PEP 658 ``data-dist-info-metadata`` / ``data-core-metadata`` attribute: the wheel's
METADATA lies beside it as ``<wheel>.metadata``). From the wheel tags it decides which versions
exist for this OS, processor, Python (free-threaded ``cp314t`` too) and macOS version, and pairs
torchvision by its metadata (``Requires-Dist: torch==...`` or ``>=``), not by a table.

Decisions:

* All pages are fetched in parallel (threads, ``urllib``, a few seconds per page); the torchvision
  metadata files in a second parallel round. Blocking: call ``load_release_data`` from a worker thread.
* Pages are cached under the caller's cache folder (the GUI: QStandardPaths CacheLocation; the CLI:
  ``~/.cache/torch-setup-wizard``) for a day.
* A 404/403/410 for a variant's page means that index does not have that variant (a mirror may carry
  only some); when the cpu pages are missing or any page fails otherwise (offline, timeout, HTTP 5xx,
  a sign-in page), the bundled data file is used, with ``ReleaseSource.reason`` saying why.
* ``TORCH_WIZARD_OFFLINE=1`` forces the bundled data with no network at all; ``TORCH_WIZARD_INDEX_BASE``
  overrides the index base (default ``https://download.pytorch.org/whl/``).
* A mirror that lags gets the newest version it really has. A release the data file never heard of
  is judged by the rules of the newest known release (``ReleaseData.rules_release``, and per variant
  the newest arch list).
* Pre-releases and development builds are ignored; releases older than the data file's
  ``index_min_torch`` are kept only when the data file names them (fallbacks such as 2.8.0).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from . import releases as _releases
from .releases import PythonRange, Release, ReleaseData, ReleaseSource
from .secrets import strip_login
from .wheelcheck import _platform_fits, macos_tag_min

log = logging.getLogger(__name__)

DEFAULT_INDEX_BASE = "https://download.pytorch.org/whl/"
ENV_INDEX_BASE = "TORCH_WIZARD_INDEX_BASE"
ENV_OFFLINE = "TORCH_WIZARD_OFFLINE"
CACHE_SECONDS = 24 * 3600
PAGE_TIMEOUT = 4.0
MAX_PAGE_BYTES = 64 * 1024 * 1024
MAX_METADATA_BYTES = 1024 * 1024
TORCHVISION_CANDIDATES = 8  # newest torchvision versions per variant whose metadata is read
USER_AGENT = "TorchSetupWizard/0.1 (release check)"

Fetcher = Callable[[str, float], bytes]


class PageMissing(Exception):
    """The index answered 404/403/410: it does not have this page."""


class IndexUnavailable(Exception):
    """The index could not be read; ``reason`` is short and untranslated."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------
# Where to read from
# --------------------------------------------------------------------------------------------


def default_cache_dir() -> Path:
    """The CLI's cache folder (the GUI passes QStandardPaths' CacheLocation instead)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "torch-setup-wizard" / "cache"
    return (Path(xdg) if xdg else Path.home() / ".cache") / "torch-setup-wizard"


def index_base(override: str | None = None) -> str:
    """The index base: ``override``, else ``$TORCH_WIZARD_INDEX_BASE``, else PyTorch's; ends with "/"."""
    base = (override or os.environ.get(ENV_INDEX_BASE) or DEFAULT_INDEX_BASE).strip()
    return base if base.endswith("/") else base + "/"


def offline_forced() -> bool:
    return os.environ.get(ENV_OFFLINE, "").strip().lower() in ("1", "true", "yes", "on")


# --------------------------------------------------------------------------------------------
# Parsing a PEP 503 page
# --------------------------------------------------------------------------------------------


class IndexFile(NamedTuple):
    filename: str
    url: str  # absolute, without the #sha256 fragment
    metadata_url: str | None  # PEP 658: <url>.metadata when the page says it exists
    size: int | None  # bytes, when the page gives it (data-size; PyTorch's pages do not)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], str]] = []
        self._attrs: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() == "a":
            self._attrs = {k.lower(): (v or "") for k, v in attrs}
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._attrs is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag.lower() == "a" and self._attrs is not None:
            self.links.append((self._attrs, "".join(self._text).strip()))
            self._attrs = None


def parse_page(html: str, page_url: str) -> list[IndexFile]:
    """The wheel files listed on a project page, with absolute URLs (hrefs resolved against the page)."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    out: list[IndexFile] = []
    for attrs, text in parser.links:
        href = attrs.get("href", "")
        if not href:
            continue
        url = urllib.parse.urljoin(page_url, href).split("#", 1)[0]
        name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
        if not name.endswith(".whl"):
            name = urllib.parse.unquote(text)
            if not name.endswith(".whl"):
                continue
        meta = attrs.get("data-core-metadata") or attrs.get("data-dist-info-metadata") or ""
        has_meta = meta.lower() not in ("", "false")
        size_text = attrs.get("data-size", "")
        out.append(
            IndexFile(
                name,
                url,
                url + ".metadata" if has_meta else None,
                int(size_text) if size_text.isdigit() else None,
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Wheel tags -> versions for this computer
# --------------------------------------------------------------------------------------------


def python_key(interpreter: str, abi: str) -> str | None:
    """ "3.12" for cp312/cp312, "3.14t" for cp314/cp314t (and cp314t/cp314t), "any" for py3/none;
    None for tags no CPython here can use."""
    if interpreter in ("py3", "py2.py3") and abi == "none":
        return "any"
    m = re.fullmatch(r"cp(\d)(\d+)(t?)", interpreter)
    if not m:
        return None
    ver = f"{m.group(1)}.{m.group(2)}"
    digits = m.group(1) + m.group(2)
    if abi == f"cp{digits}t":
        return ver + "t"
    if abi in (f"cp{digits}", f"cp{digits}m", "none", "abi3"):
        return ver
    return None


class WheelFacts(NamedTuple):
    version: Version
    pythons: frozenset[str]  # keys: "3.12", "3.14t", "any"
    macos_min: tuple[int, int] | None
    size: int | None  # bytes of the largest wheel seen for this version here
    files: tuple[IndexFile, ...]


def versions_for(files: Iterable[IndexFile], project: str, os_name: str, arch: str) -> dict[str, WheelFacts]:
    """Public version ("2.15.0") -> what the wheels of ``project`` for this OS and processor offer
    (any macOS version; ``macos_min`` says which one the tags need). Pre-releases are skipped."""
    want = canonicalize_name(project)
    found: dict[str, dict[str, Any]] = {}
    for f in files:
        try:
            dist, ver, _build, tags = parse_wheel_filename(f.filename)
        except (InvalidWheelFilename, InvalidVersion):
            continue
        if dist != want or ver.is_prerelease or ver.is_devrelease:
            continue
        keys: set[str] = set()
        mac: tuple[int, int] | None = None
        for t in tags:
            if not _platform_fits(t.platform, os_name, arch):
                continue
            key = python_key(t.interpreter, t.abi)
            if key is None:
                continue
            keys.add(key)
            need = macos_tag_min(t.platform)
            if need is not None:
                mac = need if mac is None else min(mac, need)
        if not keys:
            continue
        entry = found.setdefault(
            ver.public,
            {"version": Version(ver.public), "pythons": set(), "mac": None, "size": None, "files": []},
        )
        entry["pythons"] |= keys
        if mac is not None:
            entry["mac"] = mac if entry["mac"] is None else min(entry["mac"], mac)
        if f.size is not None:
            entry["size"] = max(entry["size"] or 0, f.size)
        entry["files"].append(f)
    return {
        k: WheelFacts(v["version"], frozenset(v["pythons"]), v["mac"], v["size"], tuple(v["files"]))
        for k, v in found.items()
    }


def torch_requirement(metadata: str) -> SpecifierSet | None:
    """The ``Requires-Dist: torch ...`` specifier of a METADATA file (None when it has none)."""
    for line in metadata.splitlines():
        if not line.lower().startswith("requires-dist:"):
            continue
        req = line.split(":", 1)[1].split(";", 1)[0].strip()
        m = re.match(r"([A-Za-z0-9_.\-]+)\s*(\[[^\]]*\])?\s*\(?([^)]*)\)?", req)
        if not m or canonicalize_name(m.group(1)) != "torch":
            continue
        try:
            return SpecifierSet(m.group(3).strip(), prereleases=True)
        except InvalidSpecifier:
            log.warning("unreadable torch requirement in torchvision metadata: %r", req)
            return None
    return None


def _pins_exactly(spec: SpecifierSet) -> bool:
    return any(s.operator in ("==", "===") and "*" not in s.version for s in spec)


def pair_torchvision(torch_version: str, requirements: dict[str, SpecifierSet]) -> str | None:
    """The torchvision (of ``requirements``: version -> its torch specifier) for ``torch_version``:
    the newest that pins it exactly (``torch==2.14.1``), else the newest whose range allows it
    (``torch>=2.14.0``)."""
    tv = Version(torch_version)
    allowing = [v for v, spec in requirements.items() if spec.contains(tv, prereleases=True)]
    exact = [v for v in allowing if _pins_exactly(requirements[v])]
    pool = exact or allowing
    return max(pool, key=Version) if pool else None


# --------------------------------------------------------------------------------------------
# Fetching, with a cache
# --------------------------------------------------------------------------------------------


def urllib_fetch(url: str, timeout: float) -> bytes:
    """GET ``url`` (proxies from the environment apply); raises ``PageMissing`` for 403/404/410."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, */*;q=0.5"})
    deadline = time.monotonic() + timeout * 3
    try:
        with urllib.request.build_opener().open(req, timeout=timeout) as resp:
            chunks: list[bytes] = []
            size = 0
            while chunk := resp.read(256 * 1024):
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise ValueError("the page is too large for an index page")
                if time.monotonic() > deadline:
                    raise TimeoutError("the page took too long to arrive")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        if exc.code in (403, 404, 410):
            raise PageMissing(url) from exc
        raise


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError):
        inner = exc.reason
        return _reason(inner) if isinstance(inner, BaseException) else str(inner)
    if isinstance(exc, TimeoutError):
        return "timeout"
    return str(exc) or type(exc).__name__


class _Cache:
    def __init__(self, folder: Path | None, base: str, max_age: float) -> None:
        self.folder = (
            (folder / ("index-" + hashlib.sha256(base.encode()).hexdigest()[:16])) if folder else None
        )
        self.max_age = max_age
        self.oldest: float | None = None

    def _path(self, url: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / hashlib.sha256(url.encode()).hexdigest()

    def get(self, url: str) -> bytes | PageMissing | None:
        path = self._path(url)
        if path is None:
            return None
        for candidate, missing in ((path, False), (path.with_suffix(".missing"), True)):
            try:
                age = time.time() - candidate.stat().st_mtime
            except OSError:
                continue
            if age > self.max_age or age < -60:
                continue
            mtime = candidate.stat().st_mtime
            self.oldest = mtime if self.oldest is None else min(self.oldest, mtime)
            return PageMissing(url) if missing else candidate.read_bytes()
        return None

    def put(self, url: str, body: bytes | None) -> None:
        path = self._path(url)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            target = path.with_suffix(".missing") if body is None else path
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(body or b"")
            tmp.replace(target)
            (path if body is None else path.with_suffix(".missing")).unlink(missing_ok=True)
        except OSError as exc:  # a read-only or full cache folder only costs speed
            log.warning("could not write the index cache %s: %s", path, exc)


def _fetch_all(
    urls: list[str], fetch: Fetcher, timeout: float, cache: _Cache
) -> dict[str, bytes | PageMissing | Exception]:
    """Every URL at once (cached answers first); each value is the body, ``PageMissing`` or the error."""
    out: dict[str, bytes | PageMissing | Exception] = {}
    todo: list[str] = []
    for url in urls:
        hit = cache.get(url)
        if hit is None:
            todo.append(url)
        else:
            out[url] = hit
    if not todo:
        return out
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(16, len(todo))) as pool:
        futures = {pool.submit(fetch, url, timeout): url for url in todo}
        for fut in concurrent.futures.as_completed(futures):
            url = futures[fut]
            try:
                body = fut.result()
            except PageMissing as exc:
                out[url] = exc
                cache.put(url, None)
            except Exception as exc:  # offline, proxy, TLS, timeout, HTTP errors: the caller decides
                log.info("index page %s: %s", strip_login(url), _reason(exc))
                out[url] = exc
            else:
                out[url] = body
                cache.put(url, body)
    return out


# --------------------------------------------------------------------------------------------
# What the index has for one computer
# --------------------------------------------------------------------------------------------


class VariantIndex(NamedTuple):
    variant: str
    torch: dict[str, WheelFacts]
    torchvision: dict[str, WheelFacts]
    torchvision_requires: dict[str, SpecifierSet]  # torchvision version -> its torch specifier


class IndexFacts(NamedTuple):
    base: str
    os: str
    arch: str
    variants: dict[str, VariantIndex]  # only the variants the index has
    fetched_at: str


def page_url(base: str, variant: str, project: str) -> str:
    return f"{base}{variant}/{canonicalize_name(project)}/"


def _decode(body: bytes) -> str:
    return body.decode("utf-8", errors="replace")


def read_index(
    base: str,
    os_name: str,
    arch: str,
    variants: Iterable[str],
    *,
    cache_dir: Path | None = None,
    timeout: float = PAGE_TIMEOUT,
    fetch: Fetcher | None = None,
    max_age: float = CACHE_SECONDS,
) -> IndexFacts:
    """Read ``<base><variant>/torch/`` and ``/torchvision/`` for every variant (in parallel) and the
    metadata of the newest torchvision wheels; raises ``IndexUnavailable`` when the index cannot be used."""
    fetch = fetch or urllib_fetch
    cache = _Cache(cache_dir, base, max_age)
    names = list(dict.fromkeys(variants))
    urls = [page_url(base, v, p) for v in names for p in ("torch", "torchvision")]
    started = time.time()
    pages = _fetch_all(urls, fetch, timeout, cache)
    for url in urls:
        answer = pages[url]
        if isinstance(answer, PageMissing):
            continue
        if isinstance(answer, Exception):
            raise IndexUnavailable(_reason(answer))
    cpu_url = page_url(base, "cpu", "torch")
    if cpu_url in pages and isinstance(pages[cpu_url], PageMissing):
        raise IndexUnavailable("no cpu/torch page")
    found: dict[str, VariantIndex] = {}
    meta_urls: dict[tuple[str, str], str] = {}
    any_torch_files = False
    for v in names:
        t_body = pages[page_url(base, v, "torch")]
        if not isinstance(t_body, bytes):
            continue
        t_files = parse_page(_decode(t_body), page_url(base, v, "torch"))
        any_torch_files = any_torch_files or any(f.filename.startswith("torch-") for f in t_files)
        tv_body = pages[page_url(base, v, "torchvision")]
        tv_files = (
            parse_page(_decode(tv_body), page_url(base, v, "torchvision"))
            if isinstance(tv_body, bytes)
            else []
        )
        torch_facts = versions_for(t_files, "torch", os_name, arch)
        tv_facts = versions_for(tv_files, "torchvision", os_name, arch)
        found[v] = VariantIndex(v, torch_facts, tv_facts, {})
        newest_tv = sorted(tv_facts.values(), key=lambda w: w.version, reverse=True)[:TORCHVISION_CANDIDATES]
        for w in newest_tv:
            meta = next((f.metadata_url for f in w.files if f.metadata_url), None)
            if meta:
                meta_urls[(v, str(w.version))] = meta
    if not any_torch_files:
        raise IndexUnavailable("the index pages list no torch wheels")
    metas = _fetch_all(sorted(set(meta_urls.values())), fetch, timeout, cache) if meta_urls else {}
    for (v, tv_version), url in meta_urls.items():
        body = metas.get(url)
        if not isinstance(body, bytes):
            log.info("no torchvision metadata at %s", strip_login(url))
            continue
        spec = torch_requirement(_decode(body)[:MAX_METADATA_BYTES])
        if spec is not None:
            found[v].torchvision_requires[tv_version] = spec
    when = cache.oldest if cache.oldest is not None else started
    fetched_at = datetime.fromtimestamp(min(when, started), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return IndexFacts(base, os_name, arch, found, fetched_at)


# --------------------------------------------------------------------------------------------
# Index facts + bundled rules -> ReleaseData
# --------------------------------------------------------------------------------------------


def _range(keys: Iterable[str], rules: Release | None) -> PythonRange:
    plain = sorted({_releases.release_key(k)[:2] for k in keys if not k.endswith("t") and k != "any"})
    free = sorted({_releases.release_key(k[:-1])[:2] for k in keys if k.endswith("t")})
    if not plain:
        if rules is not None:
            return rules.python
        return PythonRange((3, 0), (3, 0))
    lo, hi = plain[0], plain[-1]
    return PythonRange((lo[0], lo[1]), (hi[0], hi[1]), (), tuple((f[0], f[1]) for f in free))


def merge(data: ReleaseData, facts: IndexFacts) -> ReleaseData:
    """The releases the index has for this computer, judged by the data file's rules."""
    platform = f"{facts.os}-{facts.arch}"
    min_key = _releases.release_key(data.index_min_torch or "0")
    versions: set[str] = set()
    for vi in facts.variants.values():
        versions |= set(vi.torch)
    releases: list[Release] = []
    for version in versions:
        key = _releases.release_key(version)
        known = data.find(version)
        if key < min_key and known is None:
            continue  # old releases only where the data file names them (advice fallbacks)
        rules = known or data.rules_release(version)
        wheels: list[tuple[str, frozenset[str]]] = []
        tvs: list[tuple[str, str]] = []
        sizes: list[tuple[str, int]] = []
        mac: tuple[int, int] | None = None
        all_keys: set[str] = set()
        for name, vi in facts.variants.items():
            w = vi.torch.get(version)
            if w is None:
                continue
            wheels.append((name, w.pythons))
            all_keys |= w.pythons
            if w.macos_min is not None:
                mac = w.macos_min if mac is None else min(mac, w.macos_min)
            if w.size:
                sizes.append((name, max(1, round(w.size / 1_000_000))))
            paired = pair_torchvision(version, vi.torchvision_requires)
            if paired is None and known is not None and known.torchvision in vi.torchvision:
                paired = (
                    known.torchvision
                )  # metadata unreadable: the data file's pairing, if the index has it
            if paired is not None:
                tvs.append((name, paired))
        if not wheels:
            continue
        order = list(data.variants)
        wheels.sort(key=lambda p: order.index(p[0]) if p[0] in order else len(order))
        names = tuple(n for n, _p in wheels)
        if facts.os == "macos" and facts.arch == "arm64" and "mps" in data.variants:
            names = (*names, "mps")
        releases.append(
            Release(
                torch=version,
                torchvision=dict(tvs).get("cpu") or (tvs[0][1] if tvs else None),
                python=_range(all_keys, rules),
                variants=names,
                torchaudio=known.torchaudio if known else None,
                note=known.note if known else "",
                platforms=(platform,),
                extra_requirements=known.extra_requirements if known else (),
                date=known.date if known else "",
                macos_min=f"{mac[0]}.{mac[1]}" if mac else None,
                mps_min_macos=rules.mps_min_macos if rules else None,
                python_by_platform=(),
                standard_index=rules.standard_index if rules else (),
                fallback_only=known.fallback_only if known else False,
                wheels=tuple(wheels),
                torchvision_by_variant=tuple(tvs),
                size_mb=tuple(sizes),
            )
        )
    releases.sort(key=lambda r: r.key, reverse=True)
    regular = [r for r in releases if not r.fallback_only]
    if not regular:
        raise IndexUnavailable(f"the index has no PyTorch release for {platform}")
    return data._replace(
        index_base=facts.base,
        recommended=regular[0].torch,
        releases=tuple(releases),
        source=ReleaseSource("index", facts.base, facts.fetched_at, ""),
    )


def variants_to_read(data: ReleaseData, os_name: str, arch: str) -> list[str]:
    """The variants whose pages matter here (macOS: the cpu pages hold the standard wheels)."""
    names = ["cpu"]
    for name, v in data.variants.items():
        if v.kind in ("cpu", "mps"):
            continue  # cpu first; the mps wheels are on the cpu pages
        if v.available_for(os_name, arch):
            names.append(name)
    return names


def bundled(data: ReleaseData, base: str, reason: str) -> ReleaseData:
    """The bundled data, saying why it is used; the index addresses follow the chosen base."""
    return data._replace(index_base=base, source=ReleaseSource("bundled", base, "", reason))


def load_release_data(
    os_name: str,
    arch: str,
    *,
    cache_dir: Path | None = None,
    base: str | None = None,
    offline: bool = False,
    timeout: float = PAGE_TIMEOUT,
    fetch: Fetcher | None = None,
    data: ReleaseData | None = None,
) -> ReleaseData:
    """The release data for this computer: from the live index when it can be read, else the bundled
    file (``source.source == "bundled"``, ``source.reason`` says why). Never raises; blocking."""
    data = data or _releases.load()
    base = index_base(base)
    if offline or offline_forced():
        return bundled(data, base, "offline")
    if os_name not in ("linux", "windows", "macos") or arch == "x86":
        return bundled(data, base, "no wheels for this platform")
    try:
        facts = read_index(
            base,
            os_name,
            arch,
            variants_to_read(data, os_name, arch),
            cache_dir=cache_dir,
            timeout=timeout,
            fetch=fetch,
        )
        return merge(data, facts)
    except IndexUnavailable as exc:
        log.info("release data from the bundled file: %s (%s)", exc.reason, strip_login(base))
        return bundled(data, base, exc.reason)
    except Exception as exc:  # a broken page must never take the wizard down
        log.exception("reading the index %s failed", strip_login(base))
        return bundled(data, base, _reason(exc))



def mirror_versions(
    index_url: str,
    project: str,
    os_name: str,
    arch: str,
    python: str,
    *,
    timeout: float = PAGE_TIMEOUT,
    fetch: Fetcher | None = None,
) -> list[str]:
    """The versions of ``project`` that a plain (PEP 503) index — a mirror, a kit served by a web server —
    really has for this computer and Python ("3.12"), newest first, with their local labels
    ("2.13.0+cpu"). An empty list when it has none; raises ``OSError``/``ValueError`` when the page cannot
    be read (the caller then lets pip find out)."""
    url = index_url.rstrip("/") + "/" + canonicalize_name(project) + "/"
    try:
        body = (fetch or urllib_fetch)(url, timeout)
    except PageMissing:  # the index has no such project at all
        return []
    found: dict[str, Version] = {}
    for f in parse_page(_decode(body), url):
        try:
            dist, ver, _build, tags = parse_wheel_filename(f.filename)
        except (InvalidWheelFilename, InvalidVersion):
            continue
        if dist != canonicalize_name(project) or ver.is_prerelease:
            continue
        if any(
            _platform_fits(t.platform, os_name, arch) and python_key(t.interpreter, t.abi) in (python, "any")
            for t in tags
        ):
            found[str(ver)] = ver
    return [str(v) for v in sorted(found.values(), reverse=True)]

__all__ = [
    "DEFAULT_INDEX_BASE",
    "ENV_INDEX_BASE",
    "ENV_OFFLINE",
    "IndexFacts",
    "IndexFile",
    "IndexUnavailable",
    "PageMissing",
    "default_cache_dir",
    "index_base",
    "load_release_data",
    "merge",
    "mirror_versions",
    "pair_torchvision",
    "parse_page",
    "python_key",
    "read_index",
    "torch_requirement",
    "variants_to_read",
    "versions_for",
]
