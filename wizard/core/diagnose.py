"""Explain why a step failed: read the output of pip, venv, conda or the verify script and name the cause.

``diagnose(output, exit_code, step=...)`` returns a :class:`Diagnosis`: a code, its parameters and the ids
of the actions the GUI should offer (see ``ACTIONS``). Its ``title`` and ``explanation`` are made when they
are read, in the language active then (the words live in :mod:`causes`, shared with the after-install
check): switching the language never needs a new diagnosis.

How a cause is chosen:

* What the runner knows decides first: a step stopped for taking too long (``timed_out``) is a timeout,
  unless the output shows a proxy or certificate problem; a process killed by a signal (``signal`` 9, or
  ``crashed`` with exit code 9, or 137 / -9) ran out of memory; SIGILL (4, 132, -4) is a processor that
  cannot run the code.
* Then exit codes that are unambiguous (9009: the Microsoft Store stub; 0xC0000135: a DLL is missing).
* Then the text. Rules are tried in priority order over the *whole* output, and the first rule that matches
  any line wins. The true cause beats its symptoms: pip prints "No matching distribution found" both when
  no wheel exists and when the index could not be reached, so the network rules (including pip's
  ``Retrying ... after connection broken by ...`` warnings) come before it.
* Paths never decide: the folders the session names (``env_dir``, ``wheel_folder``, ``paths``) and every
  quoted absolute path are blanked before the rules look at the text, so a folder called "Permission
  denied" says nothing. A few rules look at a path on purpose (a file of ``site-packages\\torch`` that is
  locked, a Windows path of 260 characters or more, a wheel folder that is gone).
* Windows messages arrive in the user's language, so rules match numbers (``[WinError 126]``,
  ``[Errno 28]``) rather than sentences wherever they can.
* Harmless lines ("Ignoring invalid distribution ~", "... which is not on PATH", pip's release notice)
  are removed before matching; they never decide.

Decisions worth knowing:

* "Connection refused" is reported as ``network-offline``: the index could not be reached at all, and the
  learner's next steps (check the connection, retry, use a wheel folder, set a proxy) are the same.
* A name that does not resolve while the source is the learner's own index (``custom_index_url``) is
  ``index-address-wrong``: the address is probably mistyped. A *temporary* failure in name resolution
  stays ``network-offline``.
* A read-only location (``[Errno 30]``) is reported as ``permission-denied``: the wizard cannot write there.
* ``download-interrupted`` (a download that broke off: connection reset, ``IncompleteRead``, pip's
  ``incomplete-download``) is a code of its own, next to ``network-timeout``.
* pip hides why an index page failed unless it retried: with ``--retries 0`` an unreachable index only
  shows "No matching distribution found". Keep pip's retries on (its default is 5) so the cause is printed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import causes
from .causes import ACTIONS, action_label
from .secrets import mask_secrets
from .tr import translate

CODES: tuple[str, ...] = (
    "network-offline",
    "network-timeout",
    "download-interrupted",
    "network-proxy",
    "network-ssl",
    "index-http-error",
    "index-address-wrong",
    "no-matching-distribution",
    "dependency-conflict",
    "disk-full",
    "permission-denied",
    "file-locked",
    "long-path",
    "externally-managed",
    "venv-unavailable",
    "store-python-stub",
    "vc-redist-missing",
    "cpu-build-on-gpu",
    "no-nvidia-driver",
    "driver-too-old",
    "gpu-arch-unsupported",
    "gpu-out-of-memory",
    "hash-mismatch",
    "broken-wheel-file",
    "wheel-folder-missing",
    "out-of-memory",
    "paging-file-too-small",
    "cpu-unsupported",
    "conda-tos",
    "conda-unsatisfiable",
    "conda-http",
    "numpy-abi",
    "unknown",
)

STEPS: tuple[str, ...] = (
    "create-venv",
    "upgrade-pip",
    "install-torch",
    "install-nvcc",
    "install-jupyter",
    "conda-create",
    "conda-install",
    "repair",
    "verify",
    "demo",
)
# Steps that download: one that ran too long is a timeout of the network.
DOWNLOAD_STEPS = frozenset(
    {
        "upgrade-pip",
        "install-torch",
        "install-nvcc",
        "install-jupyter",
        "conda-create",
        "conda-install",
        "repair",
    }
)

SIGKILL, SIGILL = 9, 4


@dataclass(frozen=True)
class Diagnosis:
    """What went wrong (a code and its parameters) and what the GUI can offer next. The words are made
    when read: ``title`` and ``explanation`` translate at access time."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False)
    actions: tuple[str, ...] = ()
    evidence: str = ""  # the line that decided, passwords masked

    @property
    def title(self) -> str:
        return causes.title(self.code, self.params)

    @property
    def explanation(self) -> str:
        return causes.explanation(self.code, self.params)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``--json`` output, words in the language active now; ``evidence`` is always
        present (empty when none)."""
        return {
            "code": self.code,
            "title": self.title,
            "explanation": self.explanation,
            "actions": list(self.actions),
            "evidence": self.evidence,
            "params": dict(self.params),
        }


def diagnosis_for(code: str, evidence: str = "", **params: str) -> Diagnosis:
    """A Diagnosis for a known code (``unknown`` for an unknown one)."""
    if code not in CODES:
        code = "unknown"
    clean = {k: mask_secrets(str(v)) for k, v in params.items() if v is not None and v != ""}
    return Diagnosis(code, clean, causes.actions_for(code, clean), mask_secrets(evidence))


# -- rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What a rule may look at besides the blanked text: the text as it was, and the session's facts."""

    original: str
    os_name: str | None
    custom_host: str | None
    wheel_folder: str | None
    env_dir: str | None


# A check returns the diagnosis's parameters when the match counts, None when it does not.
_Check = Callable[[re.Match[str], _Context], "dict[str, str] | None"]


@dataclass(frozen=True)
class _Rule:
    code: str
    pattern: re.Pattern[str]
    steps: frozenset[str] | None = None  # only for these steps; None: any step
    check: _Check | None = None


def _rule(
    code: str,
    *patterns: str,
    steps: Iterable[str] | None = None,
    flags: int = 0,
    check: _Check | None = None,
) -> _Rule:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return _Rule(code, re.compile(joined, re.MULTILINE | flags), frozenset(steps) if steps else None, check)


_I = re.IGNORECASE
_QUOTED_WIN_PATH = re.compile(r"'((?:[A-Za-z]:|\\\\)[\\/][^'\n]*)'|\"((?:[A-Za-z]:|\\\\)[\\/][^\"\n]*)\"")
WINDOWS_MAX_PATH = 260  # MAX_PATH, with the closing NUL: a path of 260 characters or more fails


def _line_span(text: str, index: int) -> tuple[int, int]:
    """The line a match is on: the line of its first character that is not white space (a pattern such
    as ``^\\s*Killed`` may start on the line break before the line that decided)."""
    while index < len(text) and text[index].isspace():
        index += 1
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, end if end >= 0 else len(text)


def _line_of(m: re.Match[str], ctx: _Context) -> str:
    start, end = _line_span(ctx.original, m.start())
    return ctx.original[start:end]


def _unescape(path: str) -> str:
    """A path as Python's repr shows it ('C:\\\\Users') back as it is (C:\\Users)."""
    return path.replace("\\\\", "\\")


def _too_long_windows_path(m: re.Match[str], ctx: _Context) -> dict[str, str] | None:
    for found in _QUOTED_WIN_PATH.finditer(_line_of(m, ctx)):
        path = _unescape(found.group(1) or found.group(2))
        if len(path) >= WINDOWS_MAX_PATH:
            return {"length": str(len(path))}
    return None


def _locked_in_site_packages(m: re.Match[str], ctx: _Context) -> dict[str, str] | None:
    """Access denied on a file of an installed package in the new environment (or of torch anywhere but
    a system folder): another program has it open."""
    line = _unescape(_line_of(m, ctx)).replace("/", "\\")
    lower = line.lower()
    if ctx.env_dir and ctx.env_dir.replace("/", "\\").lower() in lower and "site-packages\\" in lower:
        return {}
    if re.search(r"site-packages\\torch\\", lower) and not re.search(
        r"\\program files|\\windowsapps\\|\\windows\\", lower
    ):
        return {}
    return None


def _missing_folder(m: re.Match[str], ctx: _Context) -> dict[str, str] | None:
    folder = m.group("folder") if "folder" in m.re.groupindex and m.group("folder") else None
    if folder is not None:
        return {"folder": ctx.original[m.start("folder") : m.end("folder")]}
    wheels = ctx.wheel_folder
    if wheels and wheels in _line_of(m, ctx) and not os.path.isdir(wheels):
        return {"folder": wheels}
    return None


def _broken_wheel(m: re.Match[str], ctx: _Context) -> dict[str, str] | None:
    if "file" in m.re.groupindex and m.group("file"):
        return {"file": ctx.original[m.start("file") : m.end("file")].strip()}
    before = ctx.original[: m.start()]
    processing = re.findall(r"^\s*Processing (\S.*?\.whl)\s*$", before, re.MULTILINE)
    return {"file": processing[-1]} if processing else {}


_NAMED_HOST = re.compile(r"host='([^']+)'|Failed to resolve '([^']+)'|resolve host:?\s*'?([\w.-]+)")


def _wrong_custom_host(m: re.Match[str], ctx: _Context) -> dict[str, str] | None:
    """A name the DNS says does not exist, for the learner's own index: mistyped, not offline."""
    if not ctx.custom_host:
        return None
    named = {g.lower() for found in _NAMED_HOST.finditer(_line_of(m, ctx)) for g in found.groups() if g}
    if named and ctx.custom_host.lower() not in named:
        return None  # another server failed (a dependency's)
    return {"host": ctx.custom_host}


_NO_SUCH_NAME = (
    r"\[Errno -2\]",
    r"\[Errno -5\]",
    r"\[Errno 8\]",
    r"\[Errno 11001\]",
    r"Name or service not known",
    r"No address associated with hostname",
    r"nodename nor servname provided",
    r"getaddrinfo failed",
)

# Priority order: the first rule that matches anywhere in the output wins.
_RULES: tuple[_Rule, ...] = (
    # Definite statements about this Python or this tool.
    _rule("externally-managed", r"externally-managed-environment", r"This environment is externally managed"),
    _rule(
        "store-python-stub",
        r"Python was not found; run without arguments to install from the Microsoft Store",
    ),
    _rule(
        "venv-unavailable",
        r"ensurepip is not\s*(?:available)?$",
        r"ensurepip is not available",
        r"No module named '?(?:venv|ensurepip)'?",
        r"apt install python3[\w.]*-venv",
    ),
    _rule(
        "venv-unavailable",
        r"'-m', 'ensurepip'.*returned non-zero exit status",
        steps=("create-venv",),
    ),
    _rule("conda-tos", r"CondaToSNonInteractiveError", r"Terms of Service have not been accepted"),
    # The processor, and Windows' virtual memory (before the DLL rule: 1455 comes with "DLL load failed").
    _rule("cpu-unsupported", r"illegal (?:hardware )?instruction", r"\bSIGILL\b", flags=_I),
    _rule("paging-file-too-small", r"\[WinError 1455\]", r"paging file is too small", flags=_I),
    # Windows could not load torch's DLLs.
    _rule(
        "vc-redist-missing",
        r"\[WinError 126\]",
        r"\[WinError 1114\]",
        r"DLL load failed",
        r"0xC0000135",
        flags=_I,
    ),
    # The GPU at run time (verify / demo).
    _rule("numpy-abi", r"compiled using NumPy 1\.x cannot be run in", r"_ARRAY_API not found"),
    _rule(
        "driver-too-old",
        r"NVIDIA driver on your system is too old",
        r"CUDA driver version is insufficient for CUDA runtime version",
    ),
    _rule("no-nvidia-driver", r"Found no NVIDIA driver on your system"),
    _rule(
        "gpu-arch-unsupported",
        r"no kernel image is available for execution on the device",
        r"is not compatible with the current PyTorch installation",
    ),
    _rule("gpu-out-of-memory", r"CUDA out of memory", r"\bOutOfMemoryError\b"),
    _rule("cpu-build-on-gpu", r"Torch not compiled with CUDA enabled", r"torch\.version\.cuda is None"),
    # The machine: memory, disk, files.
    _rule("out-of-memory", r"^\s*Killed\b", r"(?<![\w.])MemoryError\b"),
    _rule(
        "disk-full",
        r"\[Errno 28\]",
        r"\[WinError 112\]",
        r"No space left on device",
        r"There is not enough space on the disk",
        r"NoSpaceLeftError",
    ),
    # The wheel folder: gone (a USB stick pulled out), or a file in it damaged.
    _rule(
        "wheel-folder-missing",
        r"Location '(?P<folder>[^'\n]+)' is ignored: it is either a non-existing path",
        check=_missing_folder,
    ),
    _rule(
        "wheel-folder-missing",
        r"\[Errno 2\]",
        r"\[WinError [23]\]",
        r"No such file or directory",
        check=_missing_folder,
    ),
    _rule(
        "broken-wheel-file",
        r"Wheel '[^'\n]+' located at (?P<file>.+?) is invalid",
        r"\bBadZipFile\b",
        r"Bad CRC-32 for file",
        r"has an invalid wheel",
        check=_broken_wheel,
    ),
    _rule(
        "long-path",
        r"does not have Windows Long Path support enabled",
        r"\[WinError 206\]",
        r"enable-long-paths",
    ),
    _rule("long-path", r"\[Errno 2\]", r"\[WinError 3\]", check=_too_long_windows_path),
    _rule("file-locked", r"\[WinError 32\]"),
    _rule("file-locked", r"\[WinError 5\]", check=_locked_in_site_packages),
    _rule(
        "permission-denied",
        r"\[WinError 5\]",
        r"\[Errno 13\]",
        r"\[Errno 30\]",
        r"\bPermissionError\b",
        r"Permission denied",
        r"Read-only file system",
    ),
    _rule("hash-mismatch", r"THESE PACKAGES DO NOT MATCH THE HASHES", r"do not match the hashes"),
    # The network. A proxy or a certificate that fails is the cause, even when pip then also says
    # "timed out" (a proxy that does not answer) or prints a pip 25+ header for the connection.
    _rule("network-proxy", r"^error: proxy-connection-failed"),
    _rule("network-ssl", r"^error: ssl-verification-failed"),
    _rule(
        "network-proxy",
        r"ProxyError",
        r"Cannot connect to proxy",
        r"Unable to connect to proxy",
        r"Tunnel connection failed",
        r"407 Proxy Authentication Required",
    ),
    _rule(
        "network-ssl",
        r"CERTIFICATE_VERIFY_FAILED",
        r"SSLCertVerificationError",
        r"unable to get local issuer certificate",
        r"self[- ]signed certificate",
        r"certificate has expired",
        r"problem confirming the ssl certificate",
        r"CondaSSLError",
    ),
    _rule(
        "download-interrupted",
        r"connection was closed without a reply",
        r"closed connection without response",
    ),
    # The learner's own index whose name does not resolve: a typing mistake, not an offline computer.
    _rule("index-address-wrong", *_NO_SUCH_NAME, check=_wrong_custom_host),
    _rule("network-offline", r"^error: connection-failed"),
    _rule("network-timeout", r"^error: connection-timeout"),
    _rule("download-interrupted", r"^error: incomplete-download"),
    # Older pip (urllib3 tracebacks, "Retrying ... after connection broken by ..."), conda and the rest.
    _rule("conda-http", r"CondaHTTPError", r"HTTP 000 CONNECTION FAILED"),
    _rule(
        "network-offline",
        r"getaddrinfo failed",
        r"\[Errno 1100[12]\]",
        r"\[Errno -[235]\]",
        r"Temporary failure in name resolution",
        r"Name or service not known",
        r"nodename nor servname provided",
        r"NameResolutionError",
        r"Failed to resolve",
        r"Failed to establish a new connection",
        r"NewConnectionError",
        r"Connection refused",
        r"\[WinError 100(?:51|61|65)\]",
        r"\[Errno (?:101|111|113|51|61|65)\]",
        r"Network is unreachable",
        r"No route to host",
    ),
    _rule(
        "network-timeout",
        r"ReadTimeoutError",
        r"ConnectTimeoutError",
        r"Read timed out",
        r"timed out",
        r"\[WinError 10060\]",
        r"\[Errno 110\]",
        r"didn't respond within",
    ),
    _rule("network-ssl", r"\bSSLError\b"),
    _rule(
        "download-interrupted",
        r"ConnectionResetError",
        r"\[WinError 10054\]",
        r"\[Errno 104\]",
        r"IncompleteRead",
        r"Connection broken",
        r"Connection interrupted while downloading",
        r"ChunkedEncodingError",
        r"RemoteDisconnected",
    ),
    _rule(
        "index-http-error",
        r"HTTP error [45]\d\d",
        r"\b[45]\d\d (?:Client|Server) Error",
        r"too many [45]\d\d error responses",
    ),
    # Nothing fits.
    _rule(
        "conda-unsatisfiable",
        r"PackagesNotFoundError",
        r"UnsatisfiableError",
        r"Solving environment: failed",
        r"Could not solve for environment specs",
    ),
    _rule(
        "dependency-conflict",
        r"ResolutionImpossible",
        r"conflicting dependencies",
        r"dependency conflicts",
    ),
    _rule(
        "no-matching-distribution",
        r"No matching distribution found for",
        r"\(from versions: none\)",
        r"Could not find a version that satisfies the requirement",
        r"is not a supported wheel on this platform",
    ),
)

# When the step was stopped for taking too long, only these may say otherwise.
_OVER_A_TIMEOUT = frozenset({"network-proxy", "network-ssl"})

# Lines that never decide anything.
_HARMLESS = re.compile(
    r"Ignoring invalid distribution"
    r"|which is not on PATH"
    r"|Consider adding this directory to PATH"
    r"|A new release of pip is available"
    r"|^\s*\[notice\]"
    r"|There was an error checking the latest version of pip"
    r"|^\s*DEPRECATION:"
    r"|^Progress \d+ of \d+",
)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
_VERIFY_TAG = "WIZARD-VERIFY "
_APT_VENV = re.compile(r"apt(?:-get)? install (python3[\w.]*-venv)")
# An absolute path in quotes, as Python and pip print them: 'C:\\Users\\...', '/home/...', "\\\\server\\..."
_QUOTED_PATH = re.compile(
    r"(?<=')(?:[A-Za-z]:[\\/]|/|\\\\)[^'\n]*(?=')|(?<=\")(?:[A-Za-z]:[\\/]|/|\\\\)[^\"\n]*(?=\")"
)

# Exit codes that decide on their own.
_STATUS_DLL_NOT_FOUND = (0xC0000135, 0xC0000135 - (1 << 32))
_EXIT_CODES: dict[int, tuple[str, str]] = {
    9009: ("store-python-stub", "exit code 9009"),
    _STATUS_DLL_NOT_FOUND[0]: ("vc-redist-missing", "exit code 0xC0000135"),
    _STATUS_DLL_NOT_FOUND[1]: ("vc-redist-missing", "exit code 0xC0000135"),
    137: ("out-of-memory", "exit code 137 (killed)"),
    -9: ("out-of-memory", "exit code -9 (killed)"),
    9: ("out-of-memory", "exit code 9 (killed)"),
    132: ("cpu-unsupported", "exit code 132 (illegal instruction)"),
    -4: ("cpu-unsupported", "exit code -4 (illegal instruction)"),
}
_SIGNALS: dict[int, str] = {SIGKILL: "out-of-memory", SIGILL: "cpu-unsupported"}


def _normalise(output: str) -> str:
    """Drop colour codes, carriage-return redraws and harmless lines; unpack the verify script's JSON."""
    text = _ANSI.sub("", output).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for line in text.split("\n"):
        if _HARMLESS.search(line):
            continue
        info = _verify_info(line)
        if info is None:
            lines.append(line)
        else:  # the verify script's errors, readable (its JSON escapes non-ASCII text)
            lines.extend(str(info[key]) for key in ("error", "cuda_error") if info.get(key))
    return "\n".join(lines)


def _path_variants(path: str) -> set[str]:
    out = {path, path.replace("\\", "/"), path.replace("/", "\\")}
    out |= {p.replace("\\", "\\\\") for p in list(out)}
    return {p for p in out if len(p) > 1}


def _blank_paths(text: str, paths: Iterable[str]) -> str:
    """The text with the given folders and every quoted absolute path replaced by filler of the same
    length (so that positions stay), for the rules to read: words in a folder's name never decide."""
    for path in sorted({v for p in paths if p for v in _path_variants(p)}, key=len, reverse=True):
        text = text.replace(path, "_" * len(path))
    return _QUOTED_PATH.sub(lambda m: "_" * len(m.group(0)), text)


def _verify_info(line: str) -> dict[str, Any] | None:
    if not line.startswith(_VERIFY_TAG):
        return None
    try:
        info = json.loads(line[len(_VERIFY_TAG) :])
    except ValueError:
        return None
    return info if isinstance(info, dict) else None


_EVIDENCE_MAX = 300


def _line_at(text: str, index: int) -> str:
    """The line around ``index``; a long line is cut to a window that shows the match (marked by …)."""
    start, end = _line_span(text, index)
    line = text[start:end]
    if len(line) <= _EVIDENCE_MAX:
        return line.strip()
    column = index - start
    left = max(0, min(column - 100, len(line) - _EVIDENCE_MAX))
    window = line[left : left + _EVIDENCE_MAX].strip()
    return ("…" if left > 0 else "") + window + ("…" if left + _EVIDENCE_MAX < len(line) else "")


def _details(code: str, text: str) -> dict[str, str]:
    if code == "venv-unavailable":
        match = _APT_VENV.search(text)
        if match:
            return {"package": match.group(1)}
    return {}


def _host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url.strip()).hostname or None
    except ValueError:
        return None


def _find(
    rules: Iterable[_Rule], text: str, ctx: _Context, step: str | None
) -> tuple[_Rule, re.Match[str], dict[str, str]] | None:
    for rule in rules:
        if rule.steps is not None and step not in rule.steps:
            continue
        for match in rule.pattern.finditer(text):
            params = rule.check(match, ctx) if rule.check is not None else {}
            if params is not None:
                return rule, match, params
    return None


def diagnose(
    output: str,
    exit_code: int | None = None,
    *,
    step: str | None = None,
    timed_out: bool = False,
    crashed: bool = False,
    signal: int | None = None,
    os_name: str | None = None,
    custom_index_url: str | None = None,
    default_index_resolves: bool | None = None,
    wheel_folder: str | None = None,
    env_dir: str | None = None,
    need_mb: float | None = None,
    paths: Iterable[str] = (),
) -> Diagnosis:
    """Name the cause of a failed step from its output and what the runner knows about its end.

    ``step``: the plan step that failed ("create-venv", "install-torch", "verify", ...) or None.
    ``timed_out``: the runner stopped it for taking too long. ``crashed`` / ``signal``: it was killed by a
    signal (QProcess's CrashExit gives the signal's number as the exit code; Python's convention is a
    negative exit code, e.g. -9). ``os_name``: "windows" | "macos" | "linux" (a Mac is offered the arm64
    Python). ``custom_index_url``: the learner's own index, when that is the source (a name that does not
    resolve is a typing mistake; on Windows an offline computer says the same, so when the session knows
    that the PyTorch server's name does not resolve either, ``default_index_resolves=False`` makes it
    ``network-offline``). ``wheel_folder``: the folder of wheels, when that is the source (gone:
    ``wheel-folder-missing``). ``env_dir``: the new environment. ``need_mb``: what the chosen build needs on
    disk (for ``disk-full``'s words). ``paths``: other folders whose names must not decide.
    """
    os_params = {"os": os_name} if os_name else {}
    size = {"size": causes.format_size(need_mb)} if need_mb else {}
    code_step = str(getattr(step, "value", step)) if step is not None else None
    text = _normalise(output)
    blanked = _blank_paths(text, [p for p in (env_dir, wheel_folder, *paths) if p])
    custom_host = _host_of(custom_index_url) if default_index_resolves is not False else None
    ctx = _Context(text, os_name, custom_host, wheel_folder, env_dir)

    def found(rule: _Rule, match: re.Match[str], params: dict[str, str]) -> Diagnosis:
        extra = {**_details(rule.code, text), **params}
        if rule.code == "disk-full":
            extra.update(size)
        if rule.code == "cpu-unsupported":
            extra.update(os_params)
        return diagnosis_for(rule.code, _line_at(text, match.start()), **extra)

    if timed_out:
        over = _find((r for r in _RULES if r.code in _OVER_A_TIMEOUT), blanked, ctx, code_step)
        if over is not None:
            return found(*over)
        if code_step is None or code_step in DOWNLOAD_STEPS:
            return diagnosis_for("network-timeout", "the step took too long and was stopped")
    killed_by = signal if signal is not None else (exit_code if crashed else None)
    if killed_by is not None and abs(killed_by) in _SIGNALS:
        code = _SIGNALS[abs(killed_by)]
        return diagnosis_for(
            code, f"killed by signal {abs(killed_by)}", **(os_params if code == "cpu-unsupported" else {})
        )
    if exit_code is not None and exit_code in _EXIT_CODES:
        code, evidence = _EXIT_CODES[exit_code]
        return diagnosis_for(code, evidence, **(os_params if code == "cpu-unsupported" else {}))
    if (
        wheel_folder
        and code_step not in ("verify", "demo", "create-venv")
        and not os.path.isdir(wheel_folder)
    ):
        return diagnosis_for("wheel-folder-missing", "", folder=wheel_folder)
    hit = _find(_RULES, blanked, ctx, code_step)
    if hit is not None:
        return found(*hit)
    return diagnosis_for("unknown")


def wheel_folder_gone(folder: str | None) -> Diagnosis | None:
    """Before "Finish installing" from a folder of wheels: the diagnosis when the folder is not there any
    more (a USB stick pulled out), else None."""
    if folder and not os.path.isdir(folder):
        return diagnosis_for("wheel-folder-missing", "", folder=folder)
    return None


class LogNotReadable(OSError):
    """``diagnose_file`` was given something that is not a readable file (missing, a folder)."""


def diagnose_file(path: Path | str, exit_code: int | None = None, *, step: str | None = None) -> Diagnosis:
    """Diagnose a saved log, decoded as UTF-8 with replacement (a log from any Windows code page still
    keeps its ``[WinError N]`` numbers readable). Raises :class:`LogNotReadable` (an ``OSError``) with a
    plain message for a path that is missing, a folder, or unreadable."""
    p = Path(path)
    try:
        if p.is_dir():
            raise LogNotReadable(
                translate("Diagnosis", "{path} is a folder; give the log file inside it.").format(path=p)
            )
        data = p.read_bytes()
    except LogNotReadable:
        raise
    except FileNotFoundError as exc:
        raise LogNotReadable(translate("Diagnosis", "There is no file {path}.").format(path=p)) from exc
    except OSError as exc:
        raise LogNotReadable(
            translate("Diagnosis", "{path} cannot be read: {error}").format(path=p, error=exc.strerror or exc)
        ) from exc
    return diagnose(data.decode("utf-8", errors="replace"), exit_code, step=step)


__all__ = [
    "ACTIONS",
    "CODES",
    "DOWNLOAD_STEPS",
    "STEPS",
    "Diagnosis",
    "LogNotReadable",
    "action_label",
    "diagnose",
    "diagnose_file",
    "diagnosis_for",
    "wheel_folder_gone",
]
