"""Before installing: ask the package index whether the wheel we are about to install exists.

The PyTorch index (``https://download.pytorch.org/whl/<variant>``) and any mirror with the same
layout list a project's files on a PEP 503 "simple" page, ``<index_url>/<project>/``: one anchor per
file, whose text is the file name (the ``href`` carries it URL-encoded, ``%2B`` for ``+``, with a
``#sha256=`` fragment). ``check_wheel`` reads that page and says whether a wheel for this torch
version, Python and computer is there.

Decisions:

* The check never blocks an install on its own doubts: any network failure, timeout, HTTP error other
  than 404/410, or a page that lists no packages at all (a network's login page, say) gives
  ``"unknown"``, and the wizard goes by its data file.
* A 404 (or 410) for ``<index_url>/<project>/`` means the index has no such project: ``"missing"``.
  For a mistyped mirror address this is also the right answer for the learner: nothing can be
  installed from there.
* ``file:`` index URLs (a local mirror on disk) are read like pip does (``<dir>/<project>/index.html``);
  a missing project folder is ``"missing"``.
* A version without a local label matches any local label (``2.13.0`` matches ``2.13.0+cu130``), as pip
  does for ``torch==2.13.0``; a version with an operator (``>=2.13``) is used as a specifier.
* Pages are asked for as HTML; a PEP 691 JSON answer is read too.

Network access happens only in ``check_wheel`` (blocking, with a timeout): call it from a worker thread
in the GUI. Everything else is pure.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Protocol

from packaging.specifiers import SpecifierSet
from packaging.tags import Tag
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from .builds import _platform_label
from .tr import translate

USER_AGENT = "TorchSetupWizard/0.1 (wheel check)"
MAX_PAGE_BYTES = 64 * 1024 * 1024  # the cpu torch page is a few MB; anything far larger is not an index
_ACCEPT = "text/html, application/vnd.pypi.simple.v1+html;q=0.9, application/vnd.pypi.simple.v1+json;q=0.5"

STATUSES = ("found", "missing", "unknown")


class Opener(Protocol):
    """What ``check_wheel`` needs of an opener: ``urllib.request.OpenerDirector`` (the default, built
    with ``build_opener()``, so proxies from the environment apply) or a test double."""

    def open(
        self, fullurl: urllib.request.Request, data: bytes | None = None, timeout: float = ...
    ) -> Any: ...


@dataclass(frozen=True)
class WheelCheck:
    status: str  # "found" | "missing" | "unknown"
    files: tuple[str, ...]  # the matching wheel file names, newest version first
    message: str  # translated, plain words
    url: str = ""  # the page that was read

    @property
    def found(self) -> bool:
        return self.status == "found"

    @property
    def blocks_install(self) -> bool:
        """Only a definite "missing" should stop the wizard; "unknown" never does."""
        return self.status == "missing"


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


class _AnchorParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, str]] = []  # (href, text)
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() == "a":
            self._href = next((v or "" for k, v in attrs if k.lower() == "href"), "")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag.lower() == "a" and self._href is not None:
            self.anchors.append((self._href, "".join(self._text).strip()))
            self._href = None


def _name_from_href(href: str) -> str:
    path = urllib.parse.urlsplit(href).path
    return urllib.parse.unquote(path.rsplit("/", 1)[-1])


def parse_simple_index(html: str) -> list[str]:
    """The file names listed on a PEP 503 project page, decoded (``%2B`` -> ``+``), in page order.

    The anchor text is the file name; where it is empty or not a file name, the last part of the
    ``href`` (without its ``#sha256=`` fragment) is used.
    """
    parser = _AnchorParser()
    parser.feed(html)
    parser.close()
    names: list[str] = []
    for href, text in parser.anchors:
        name = urllib.parse.unquote(text)
        if not _looks_like_file(name):
            name = _name_from_href(href)
        if name and _looks_like_file(name):
            names.append(name)
    return names


def parse_simple_json(text: str) -> list[str]:
    """The file names of a PEP 691 JSON project page."""
    data = json.loads(text)
    files = data.get("files", []) if isinstance(data, dict) else []
    return [str(f["filename"]) for f in files if isinstance(f, dict) and f.get("filename")]


def _looks_like_file(name: str) -> bool:
    return "/" not in name and " " not in name and name.endswith((".whl", ".tar.gz", ".zip"))


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

_ARCH_ALIASES = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64", "i386": "x86", "i686": "x86"}


def macos_tag_min(platform: str) -> tuple[int, int] | None:
    """The oldest macOS a ``macosx_<major>_<minor>_<arch>`` platform tag installs on: (14, 0)."""
    parts = platform.split("_")
    if len(parts) < 4 or parts[0] != "macosx" or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return int(parts[1]), int(parts[2])


def _macos_tuple(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    nums = [int(x) for x in text.split(".")[:2] if x.isdigit()]
    if not nums:
        return None
    return (nums[0], nums[1] if len(nums) > 1 else 0)


def _platform_fits(platform: str, os_name: str, arch: str, macos_version: str | None = None) -> bool:
    """Whether a wheel's platform tag installs here; on macOS also the version in the tag
    (``macosx_14_0_arm64`` needs macOS 14) when ``macos_version`` ("13.6.1") is known."""
    if os_name == "macos" and macos_version:
        need, have = macos_tag_min(platform), _macos_tuple(macos_version)
        if need is not None and have is not None and have < need:
            return False
    arch = _ARCH_ALIASES.get(arch.lower(), arch.lower())
    if platform == "any":
        return arch != "x86"  # no 32-bit PyTorch at all; pure wheels would still be useless without torch
    if arch == "x86":
        return False
    if os_name == "linux":
        machine = {"x86_64": "x86_64", "arm64": "aarch64"}.get(arch)
        return (
            machine is not None
            and (platform.startswith("manylinux") or platform == "linux_" + machine)
            and platform.endswith("_" + machine)
        )
    if os_name == "windows":
        return platform == {"x86_64": "win_amd64", "arm64": "win_arm64"}.get(arch)
    if os_name == "macos":
        if not platform.startswith("macosx_"):
            return False
        if platform.endswith("_universal2"):
            return True
        if arch == "arm64":
            return platform.endswith("_arm64")
        return platform.endswith(("_x86_64", "_intel"))
    return False


def _python_fits(tag: Tag, python: tuple[int, int], free_threaded: bool) -> bool:
    major, minor = python
    xy = f"{major}{minor}"
    interp, abi = tag.interpreter, tag.abi
    if free_threaded:
        if interp in (f"cp{xy}", f"cp{xy}t"):
            return abi == f"cp{xy}t"
        return interp in (f"py{major}", f"py{xy}") and abi == "none"
    if abi.endswith("t") and abi.startswith("cp"):
        return False  # a free-threaded build
    if interp == f"cp{xy}":
        return abi in (f"cp{xy}", f"cp{xy}m", "none", "abi3")
    if interp.startswith(f"cp{major}") and abi == "abi3":
        try:
            return int(interp[2 + len(str(major)) :] or "0") <= minor
        except ValueError:
            return False
    return interp in (f"py{major}", f"py{xy}") and abi == "none"


def _version_matcher(version: str | None) -> SpecifierSet | None:
    if version is None or not version.strip():
        return None
    text = version.strip()
    if text[0] not in "<>=!~":
        text = "==" + text
    return SpecifierSet(text, prereleases=True)  # raises InvalidSpecifier (a ValueError) for nonsense


def _wheels(filenames: Iterable[str], project: str) -> list[tuple[str, Version, frozenset[Tag]]]:
    want = canonicalize_name(project)
    out = []
    for name in filenames:
        try:
            dist, ver, _build, tags = parse_wheel_filename(name)
        except (InvalidWheelFilename, InvalidVersion):
            continue
        if dist == want:
            out.append((name, ver, tags))
    return out


def matching_wheels(
    filenames: Iterable[str],
    project: str,
    version: str | None,
    python: tuple[int, int],
    os_name: str,
    arch: str,
    free_threaded: bool = False,
    macos_version: str | None = None,
) -> list[str]:
    """The wheels in ``filenames`` that pip would accept for ``project==version`` on this Python and
    computer, newest version first. ``version`` None matches any version; ``2.13.0`` matches
    ``2.13.0+cu130``. ``os_name`` is "linux" | "windows" | "macos", ``arch`` "x86_64" | "arm64" | "x86";
    ``macos_version`` ("13.6") rules out wheels tagged for a newer macOS."""
    spec = _version_matcher(version)
    hits = [
        (name, ver)
        for name, ver, tags in _wheels(filenames, project)
        if (spec is None or spec.contains(ver))
        and any(
            _python_fits(t, python, free_threaded)
            and _platform_fits(t.platform, os_name, arch, macos_version)
            for t in tags
        )
    ]
    hits.sort(key=lambda h: h[1], reverse=True)
    return [name for name, _ver in hits]


def pythons_offered(
    filenames: Iterable[str],
    project: str,
    version: str | None,
    os_name: str,
    arch: str,
    free_threaded: bool = False,
) -> list[tuple[int, int]]:
    """The Python versions (major, minor) that have a wheel of ``project==version`` for this computer."""
    spec = _version_matcher(version)
    found: set[tuple[int, int]] = set()
    for _name, ver, tags in _wheels(filenames, project):
        if spec is not None and not spec.contains(ver):
            continue
        for t in tags:
            if not _platform_fits(t.platform, os_name, arch) or not t.interpreter.startswith("cp"):
                continue
            digits = t.interpreter[2:].rstrip("t")
            if len(digits) < 2 or not digits.isdigit():
                continue
            py = (int(digits[0]), int(digits[1:]))
            if _python_fits(t, py, free_threaded):
                found.add(py)
    return sorted(found)


def _versions(filenames: Iterable[str], project: str) -> list[Version]:
    want = canonicalize_name(project)
    versions: set[Version] = set()
    for name in filenames:
        try:
            if name.endswith(".whl"):
                dist, ver, _b, _t = parse_wheel_filename(name)
            else:
                dist, ver = parse_sdist_filename(name)
        except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
            continue
        if dist == want:
            versions.add(ver)
    return sorted(versions, reverse=True)


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


def project_page_url(index_url: str, project: str) -> str:
    """``<index_url>/<normalised project>/`` (PEP 503)."""
    return index_url.rstrip("/") + "/" + canonicalize_name(project) + "/"


class _Missing(Exception):
    pass


def _fetch(url: str, timeout: float, opener: Opener | None) -> tuple[str, str]:
    """(text, content type) of ``url``; raises ``_Missing`` for 404/410 or a missing local folder."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme == "file":
        folder = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
        if not folder.is_dir():
            raise _Missing()
        page = folder / "index.html"
        if page.is_file():
            return page.read_text(encoding="utf-8", errors="replace"), "text/html"
        # a plain folder of files (pip's find-links style) also lists them
        return "".join(f'<a href="{p.name}">{p.name}</a>' for p in sorted(folder.iterdir())), "text/html"
    if scheme not in ("http", "https"):
        raise ValueError(f"unsupported URL scheme {scheme!r}")
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    op: Opener = opener or urllib.request.build_opener()
    deadline = time.monotonic() + max(timeout * 3, timeout + 5)
    try:
        with op.open(req, timeout=timeout) as resp:
            ctype = str(resp.headers.get("Content-Type", "text/html"))
            charset = resp.headers.get_content_charset() or "utf-8"
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = resp.read(256 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise ValueError("the page is too large for a package index page")
                if time.monotonic() > deadline:
                    raise TimeoutError("the page took too long to arrive")
                chunks.append(chunk)
    except urllib.error.HTTPError as exc:
        if exc.code in (404, 410):
            raise _Missing() from exc
        raise
    return b"".join(chunks).decode(charset, errors="replace"), ctype


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError):
        inner = exc.reason
        return str(inner) if not isinstance(inner, BaseException) else _reason(inner)
    if isinstance(exc, TimeoutError):
        return translate("WheelCheck", "no answer in time")
    return str(exc) or type(exc).__name__


def _pyver(py: tuple[int, int], free_threaded: bool = False) -> str:
    return f"{py[0]}.{py[1]}" + ("t" if free_threaded else "")


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.netloc or url


def check_wheel(
    index_url: str,
    project: str,
    version: str | None,
    python: tuple[int, int],
    os_name: str,
    arch: str,
    *,
    free_threaded: bool = False,
    timeout: float = 10.0,
    opener: Opener | None = None,
    macos_version: str | None = None,
) -> WheelCheck:
    """Whether ``index_url`` has a wheel of ``project`` (``==version``; None: any) for this Python and
    computer. Never raises: when the index cannot be asked, the answer is ``"unknown"``."""
    url = project_page_url(index_url, project)
    label = _platform_label(os_name, arch)
    py = _pyver(python, free_threaded)
    what = f"{project} {version}" if version else project
    try:
        _version_matcher(version)
    except ValueError:
        return WheelCheck(
            "unknown",
            (),
            translate(
                "WheelCheck", "“{version}” is not a version number, so the wizard could not check."
            ).format(version=version),
            url,
        )
    try:
        text, ctype = _fetch(url, timeout, opener)
        names = parse_simple_json(text) if "json" in ctype.lower() else parse_simple_index(text)
    except _Missing:
        return WheelCheck(
            "missing",
            (),
            translate(
                "WheelCheck",
                "The package index {index} has no {project} packages (it answered “not found”). Check the "
                "index address, or choose another build.",
            ).format(index=index_url, project=project),
            url,
        )
    except Exception as exc:  # offline, proxy, TLS, timeout, HTTP errors, broken pages: never block
        if isinstance(exc, urllib.error.HTTPError):
            message = translate(
                "WheelCheck",
                "The package index answered with an error ({reason}), so the wizard could not check that "
                "{what} exists there; it goes by its own list of builds.",
            )
        else:
            message = translate(
                "WheelCheck",
                "The wizard could not reach {host} to check that {what} exists there ({reason}); it goes "
                "by its own list of builds.",
            )
        return WheelCheck("unknown", (), message.format(reason=_reason(exc), what=what, host=_host(url)), url)

    if not _versions(names, project):
        return WheelCheck(
            "unknown",
            (),
            translate(
                "WheelCheck",
                "The address {url} sent a page that lists no {project} packages (perhaps a sign-in page of "
                "the network), so the wizard could not check; it goes by its own list of builds.",
            ).format(url=url, project=project),
            url,
        )
    files = matching_wheels(names, project, version, python, os_name, arch, free_threaded, macos_version)
    if (
        not files
        and macos_version
        and matching_wheels(names, project, version, python, os_name, arch, free_threaded)
    ):
        return WheelCheck(
            "missing",
            (),
            translate(
                "WheelCheck",
                "The package index has {what} for Python {py} on {platform}, but only for a newer macOS than "
                "this Mac's {have}.",
            ).format(what=what, py=py, platform=label, have=macos_version),
            url,
        )
    if files:
        return WheelCheck(
            "found",
            tuple(files),
            translate("WheelCheck", "The package index has {what} for Python {py} on {platform}.").format(
                what=what, py=py, platform=label
            ),
            url,
        )
    spec = _version_matcher(version)
    if spec is not None and not any(spec.contains(v) for v in _versions(names, project)):
        newest = _versions(names, project)[0]
        return WheelCheck(
            "missing",
            (),
            translate(
                "WheelCheck",
                "The package index has no {what}; the newest {project} there is {newest}. Choose another "
                "build or check the index address.",
            ).format(what=what, project=project, newest=newest.public),
            url,
        )
    offered = pythons_offered(names, project, version, os_name, arch, free_threaded)
    message = translate(
        "WheelCheck", "The package index has no {what} package for Python {py} on {platform}."
    ).format(what=what, py=py, platform=label)
    if offered:
        message += " " + translate("WheelCheck", "It has packages for Python {pythons}.").format(
            pythons=", ".join(_pyver(p, free_threaded) for p in offered)
        )
    return WheelCheck("missing", (), message, url)


__all__ = [
    "STATUSES",
    "Opener",
    "WheelCheck",
    "check_wheel",
    "matching_wheels",
    "parse_simple_index",
    "parse_simple_json",
    "project_page_url",
    "pythons_offered",
]
