"""Explain why a step failed: read the output of pip, venv, conda or the verify script and name the cause.

``diagnose(output, exit_code, step=...)`` returns a :class:`Diagnosis`: a code, a short title, a plain
explanation with the next step, and the ids of the actions the GUI should offer (see ``ACTIONS``).

How a cause is chosen:

* The exit code decides first where it is unambiguous (9009: the Microsoft Store stub; 0xC0000135: a DLL
  is missing; 137 / -9: the process was killed, usually for lack of memory).
* Then the text. Rules are tried in priority order over the *whole* output, and the first rule that matches
  any line wins. The true cause beats its symptoms: pip prints "No matching distribution found" both when
  no wheel exists and when the index could not be reached, so the network rules (including pip's
  ``Retrying ... after connection broken by ...`` warnings) come before it.
* Windows messages arrive in the user's language, so rules match numbers (``[WinError 126]``,
  ``[Errno 28]``) rather than sentences wherever they can.
* Harmless lines ("Ignoring invalid distribution ~", "... which is not on PATH", pip's release notice)
  are removed before matching; they never decide.

Decisions worth knowing:

* "Connection refused" is reported as ``network-offline``: the index could not be reached at all, and the
  learner's next steps (check the connection, retry, use a wheel folder, set a proxy) are the same.
* A read-only location (``[Errno 30]``) is reported as ``permission-denied``: the wizard cannot write there.
* ``download-interrupted`` (a download that broke off: connection reset, ``IncompleteRead``, pip's
  ``incomplete-download``) is a code of its own, next to ``network-timeout``.
* pip hides why an index page failed unless it retried: with ``--retries 0`` an unreachable index only
  shows "No matching distribution found". Keep pip's retries on (its default is 5) so the cause is printed.

All user-visible text is translated at call time, so call ``diagnose()`` again after a language switch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tr import translate

ACTIONS: tuple[str, ...] = (
    "retry",
    "retry-longer-timeout",
    "use-wheel-folder",
    "set-proxy",
    "choose-another-build",
    "free-space",
    "open-driver-page",
    "copy-report",
    "install-vc-redist",
    "choose-another-python",
)

CODES: tuple[str, ...] = (
    "network-offline",
    "network-timeout",
    "download-interrupted",
    "network-proxy",
    "network-ssl",
    "index-http-error",
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
    "out-of-memory",
    "conda-tos",
    "conda-unsatisfiable",
    "conda-http",
    "numpy-abi",
    "unknown",
)

STEPS: tuple[str, ...] = ("create-venv", "upgrade-pip", "install-torch", "verify", "demo")

# The actions offered for each code, in the order to show them.
_ACTIONS_FOR: dict[str, tuple[str, ...]] = {
    "network-offline": ("retry", "use-wheel-folder", "set-proxy", "copy-report"),
    "network-timeout": ("retry-longer-timeout", "retry", "use-wheel-folder", "copy-report"),
    "download-interrupted": ("retry", "retry-longer-timeout", "use-wheel-folder", "copy-report"),
    "network-proxy": ("set-proxy", "retry", "use-wheel-folder", "copy-report"),
    "network-ssl": ("retry", "set-proxy", "use-wheel-folder", "copy-report"),
    "index-http-error": ("retry", "use-wheel-folder", "copy-report"),
    "no-matching-distribution": ("choose-another-build", "choose-another-python", "copy-report"),
    "dependency-conflict": ("choose-another-build", "retry", "copy-report"),
    "disk-full": ("free-space", "retry", "copy-report"),
    "permission-denied": ("retry", "choose-another-python", "copy-report"),
    "file-locked": ("retry", "copy-report"),
    "long-path": ("retry", "copy-report"),
    "externally-managed": ("retry", "choose-another-python", "copy-report"),
    "venv-unavailable": ("choose-another-python", "retry", "copy-report"),
    "store-python-stub": ("choose-another-python", "copy-report"),
    "vc-redist-missing": ("install-vc-redist", "retry", "copy-report"),
    "cpu-build-on-gpu": ("choose-another-build", "copy-report"),
    "no-nvidia-driver": ("open-driver-page", "choose-another-build", "copy-report"),
    "driver-too-old": ("open-driver-page", "choose-another-build", "copy-report"),
    "gpu-arch-unsupported": ("choose-another-build", "copy-report"),
    "gpu-out-of-memory": ("retry", "choose-another-build", "copy-report"),
    "hash-mismatch": ("retry", "use-wheel-folder", "copy-report"),
    "out-of-memory": ("retry", "copy-report"),
    "conda-tos": ("choose-another-python", "copy-report"),
    "conda-unsatisfiable": ("choose-another-build", "choose-another-python", "copy-report"),
    "conda-http": ("retry", "set-proxy", "copy-report"),
    "numpy-abi": ("choose-another-build", "copy-report"),
    "unknown": ("copy-report", "retry"),
}


@dataclass(frozen=True)
class Diagnosis:
    """What went wrong, in words for a learner, and what the GUI can offer next."""

    code: str
    title: str
    explanation: str
    actions: tuple[str, ...]
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``--json`` output; ``evidence`` is always present (empty when none)."""
        return {
            "code": self.code,
            "title": self.title,
            "explanation": self.explanation,
            "actions": list(self.actions),
            "evidence": self.evidence,
        }


def action_label(action: str) -> str:
    """The translated button text for an action id (the id itself when unknown)."""
    labels = {
        "retry": translate("Diagnosis", "Retry"),
        "retry-longer-timeout": translate("Diagnosis", "Retry and wait longer"),
        "use-wheel-folder": translate("Diagnosis", "Install from a folder…"),
        "set-proxy": translate("Diagnosis", "Set a proxy…"),
        "choose-another-build": translate("Diagnosis", "Choose another build"),
        "free-space": translate("Diagnosis", "Free up space…"),
        "open-driver-page": translate("Diagnosis", "Open the driver download page"),
        "copy-report": translate("Diagnosis", "Copy report"),
        "install-vc-redist": translate("Diagnosis", "Get the Visual C++ Redistributable"),
        "choose-another-python": translate("Diagnosis", "Choose another Python"),
    }
    return labels.get(action, action)


def _texts(code: str, details: dict[str, str]) -> tuple[str, str]:
    """Title and explanation for a code, translated now. Literal strings so that lupdate finds them."""
    if code == "network-offline":
        return (
            translate("Diagnosis", "No internet connection"),
            translate(
                "Diagnosis",
                "The download could not start because this computer seems to be offline, or the "
                "download server could not be reached. Check the internet connection and press Retry, "
                "or install from a folder of wheel files (for example from a USB stick). At school or "
                "work, a proxy may be needed.",
            ),
        )
    if code == "network-timeout":
        return (
            translate("Diagnosis", "The download server stopped answering"),
            translate(
                "Diagnosis",
                "The connection is too slow or the server did not answer in time. Press “Retry and wait "
                "longer”; it often works on the second try. On a very slow connection you can install from "
                "a folder of wheel files instead.",
            ),
        )
    if code == "download-interrupted":
        return (
            translate("Diagnosis", "The download broke off"),
            translate(
                "Diagnosis",
                "The connection was cut while PyTorch was downloading. PyTorch is a large download "
                "(up to a few gigabytes), so an unsteady connection can break it. Press Retry; a cable "
                "or a steadier Wi-Fi helps. You can also install from a folder of wheel files.",
            ),
        )
    if code == "network-proxy":
        return (
            translate("Diagnosis", "The proxy did not let the download through"),
            translate(
                "Diagnosis",
                "This network sends internet traffic through a proxy server, and the proxy refused the "
                "connection or asked for a password. Ask the person who runs the network (at school or work) "
                "for the proxy address, enter it with “Set a proxy”, and press Retry.",
            ),
        )
    if code == "network-ssl":
        return (
            translate("Diagnosis", "The secure connection could not be checked"),
            translate(
                "Diagnosis",
                "The download server's certificate could not be verified. This usually happens when an "
                "antivirus program or a school or company firewall inspects secure connections, or when "
                "the computer's date and time are wrong. Check the date and time, then press Retry. "
                "If it keeps failing, ask the network's administrator, or install from a folder of wheel "
                "files.",
            ),
        )
    if code == "index-http-error":
        return (
            translate("Diagnosis", "The download server refused the request"),
            translate(
                "Diagnosis",
                "The server answered with an error (for example “403 Forbidden”, “404 Not Found” or a server "
                "error). The server may be busy, or the address of a mirror may be wrong. Wait a few "
                "minutes and press Retry. If it keeps failing, copy the report and ask for help.",
            ),
        )
    if code == "no-matching-distribution":
        return (
            translate("Diagnosis", "No PyTorch package fits this computer"),
            translate(
                "Diagnosis",
                "The download server has no PyTorch package for this Python version, this kind of "
                "computer, or the chosen build. PyTorch only publishes packages for 64-bit Python and for "
                "some Python versions. Choose another build, or choose another Python (a 64-bit Python "
                "from python.org works best).",
            ),
        )
    if code == "dependency-conflict":
        return (
            translate("Diagnosis", "The package versions do not fit together"),
            translate(
                "Diagnosis",
                "The versions asked for need each other in versions that cannot be installed together "
                "(for example a torchvision made for a different PyTorch). Choose the build again so the "
                "wizard installs matching versions in one go, then press Retry.",
            ),
        )
    if code == "disk-full":
        return (
            translate("Diagnosis", "The disk is full"),
            translate(
                "Diagnosis",
                "There is not enough free space. PyTorch with GPU support needs about 3 to 6 GB while it "
                "installs, on the drive of the new environment and on the drive of the temporary folder. "
                "Free up space (empty the recycle bin, delete large downloads), then press Retry.",
            ),
        )
    if code == "permission-denied":
        return (
            translate("Diagnosis", "The wizard may not write there"),
            translate(
                "Diagnosis",
                "The system refused to let the wizard write to a folder, because it belongs to another user "
                "or to the whole computer, or because it is read-only. Keep the new environment in a folder "
                "of your own (the wizard's suggestion is one), then press Retry. Do not run the wizard as "
                "administrator to get around this.",
            ),
        )
    if code == "file-locked":
        return (
            translate("Diagnosis", "A file is in use by another program"),
            translate(
                "Diagnosis",
                "Another program is using a file the wizard needs to change. Close other Python windows, "
                "editors and notebooks that use this environment, wait for the antivirus scan to finish, "
                "then press Retry. Restarting the computer also releases the file.",
            ),
        )
    if code == "long-path":
        return (
            translate("Diagnosis", "A folder path is too long for Windows"),
            translate(
                "Diagnosis",
                "Some PyTorch files have very long names, and Windows refuses paths longer than 260 "
                "characters unless long paths are switched on. Choose a short folder for the environment, "
                "such as C:\\torch-env, then press Retry.",
            ),
        )
    if code == "externally-managed":
        return (
            translate("Diagnosis", "This Python is protected by the system"),
            translate(
                "Diagnosis",
                "The operating system manages this Python and does not allow installing packages into it. "
                "That is expected: PyTorch belongs in a new environment of its own. Press Retry to let the "
                "wizard create one, or choose another Python.",
            ),
        )
    if code == "venv-unavailable":
        package = details.get("package") or "python3-venv"
        return (
            translate("Diagnosis", "This Python cannot create environments"),
            translate(
                "Diagnosis",
                "The part of Python that creates new environments is not installed. On Debian or Ubuntu, "
                "open a terminal, run: sudo apt install {package} and press Retry. Or choose another Python.",
            ).format(package=package),
        )
    if code == "store-python-stub":
        return (
            translate("Diagnosis", "This “python” is only a shortcut to the Microsoft Store"),
            translate(
                "Diagnosis",
                "Windows has a placeholder called python that only opens the Microsoft Store; it is not a "
                "real Python. Choose another Python, or install 64-bit Python from python.org and start the "
                "wizard again.",
            ),
        )
    if code == "vc-redist-missing":
        return (
            translate("Diagnosis", "A Windows component is missing"),
            translate(
                "Diagnosis",
                "PyTorch is installed, but Windows could not load one of its files because the Microsoft "
                "Visual C++ Redistributable (x64) is missing or too old. Install it from Microsoft (the "
                "button opens the download page), then press Retry. No need to reinstall PyTorch.",
            ),
        )
    if code == "cpu-build-on-gpu":
        return (
            translate("Diagnosis", "The installed PyTorch cannot use the graphics card"),
            translate(
                "Diagnosis",
                "The PyTorch in this environment is the version for the processor (CPU) only, so it "
                "cannot use the NVIDIA graphics card. Choose a CUDA build and install again; the wizard "
                "replaces the CPU version.",
            ),
        )
    if code == "no-nvidia-driver":
        return (
            translate("Diagnosis", "No NVIDIA driver found"),
            translate(
                "Diagnosis",
                "PyTorch was built for NVIDIA graphics cards, but no NVIDIA driver is installed, or this "
                "computer has no NVIDIA card. Install the driver from NVIDIA's page and restart the "
                "computer, or choose the CPU build.",
            ),
        )
    if code == "driver-too-old":
        return (
            translate("Diagnosis", "The graphics driver is too old"),
            translate(
                "Diagnosis",
                "The NVIDIA driver on this computer is older than this PyTorch build needs. Update the "
                "driver from NVIDIA's page and restart the computer, or choose a build for an older CUDA "
                "version.",
            ),
        )
    if code == "gpu-arch-unsupported":
        return (
            translate("Diagnosis", "This PyTorch build does not support this graphics card"),
            translate(
                "Diagnosis",
                "The graphics card is newer (or much older) than the cards this PyTorch build was made for. "
                "Choose another build: new cards need a build for a newer CUDA version.",
            ),
        )
    if code == "gpu-out-of-memory":
        return (
            translate("Diagnosis", "The graphics card ran out of memory"),
            translate(
                "Diagnosis",
                "The example needed more memory than the graphics card has free. Close other programs that "
                "use the graphics card (games, video, other notebooks) and press Retry, or run it on the "
                "processor (CPU) instead.",
            ),
        )
    if code == "hash-mismatch":
        return (
            translate("Diagnosis", "A downloaded file was damaged"),
            translate(
                "Diagnosis",
                "A downloaded package is not the file it should be, usually because the download was cut "
                "short. Press Retry; the wizard downloads it again without using the saved copy. If it "
                "keeps happening, install from a folder of wheel files.",
            ),
        )
    if code == "out-of-memory":
        return (
            translate("Diagnosis", "The computer ran out of memory"),
            translate(
                "Diagnosis",
                "The system stopped the step because the computer's memory (RAM) was full. Close other "
                "programs, especially web browsers, and press Retry.",
            ),
        )
    if code == "conda-tos":
        return (
            translate("Diagnosis", "Anaconda's terms of service have not been accepted"),
            translate(
                "Diagnosis",
                "conda will not download from Anaconda's channels until you accept their terms of service. "
                "If you agree to them, run “conda tos accept” in the Anaconda Prompt and press Retry. "
                "Or choose another Python (for example one from python.org), which needs no such terms.",
            ),
        )
    if code == "conda-unsatisfiable":
        return (
            translate("Diagnosis", "conda found no packages that fit"),
            translate(
                "Diagnosis",
                "conda could not find the requested packages in its channels, or could not find versions "
                "that fit together and with this Python. Choose another build, or choose another Python; "
                "the wizard can install PyTorch with pip into a plain environment.",
            ),
        )
    if code == "conda-http":
        return (
            translate("Diagnosis", "conda could not download"),
            translate(
                "Diagnosis",
                "conda could not reach its download server. Check the internet connection and press Retry. "
                "At school or work, a proxy may be needed: ask for the address and enter it with "
                "“Set a proxy”.",
            ),
        )
    if code == "numpy-abi":
        return (
            translate("Diagnosis", "PyTorch and NumPy versions do not fit"),
            translate(
                "Diagnosis",
                "This PyTorch was made for NumPy 1, but NumPy 2 is installed. Choose a newer PyTorch build "
                "and install again; the wizard then installs versions that fit.",
            ),
        )
    return (
        translate("Diagnosis", "The wizard does not recognise this problem"),
        translate(
            "Diagnosis",
            "The step failed for a reason the wizard does not know. Press Retry once, since some problems "
            "are temporary. If it fails again, copy the report and show it to a teacher or paste it into "
            "a forum question.",
        ),
    )


def diagnosis_for(code: str, evidence: str = "", **details: str) -> Diagnosis:
    """A Diagnosis for a known code, with text translated now (``unknown`` for an unknown code)."""
    if code not in _ACTIONS_FOR:
        code = "unknown"
    title, explanation = _texts(code, details)
    return Diagnosis(code, title, explanation, _ACTIONS_FOR[code], evidence)


# -- rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    code: str
    pattern: re.Pattern[str]
    steps: frozenset[str] | None = None  # only for these steps; None: any step


def _rule(code: str, *patterns: str, steps: Iterable[str] | None = None, flags: int = 0) -> _Rule:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return _Rule(code, re.compile(joined, re.MULTILINE | flags), frozenset(steps) if steps else None)


_I = re.IGNORECASE

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
    _rule(
        "long-path",
        r"does not have Windows Long Path support enabled",
        r"\[WinError 206\]",
        r"enable-long-paths",
    ),
    _rule("file-locked", r"\[WinError 32\]"),
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
    # The network. pip >= 25 prints a header "error: <reference>"; it is the final verdict.
    _rule("network-proxy", r"^error: proxy-connection-failed"),
    _rule("network-ssl", r"^error: ssl-verification-failed"),
    _rule(
        "download-interrupted",
        r"connection was closed without a reply",
        r"closed connection without response",
    ),
    _rule("network-offline", r"^error: connection-failed"),
    _rule("network-timeout", r"^error: connection-timeout"),
    _rule("download-interrupted", r"^error: incomplete-download"),
    # Older pip (urllib3 tracebacks, "Retrying ... after connection broken by ..."), conda and the rest.
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
        r"problem confirming the ssl certificate",
        r"\bSSLError\b",
        r"CondaSSLError",
    ),
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

# Exit codes that decide on their own.
_STATUS_DLL_NOT_FOUND = (0xC0000135, 0xC0000135 - (1 << 32))
_EXIT_CODES: dict[int, tuple[str, str]] = {
    9009: ("store-python-stub", "exit code 9009"),
    _STATUS_DLL_NOT_FOUND[0]: ("vc-redist-missing", "exit code 0xC0000135"),
    _STATUS_DLL_NOT_FOUND[1]: ("vc-redist-missing", "exit code 0xC0000135"),
    137: ("out-of-memory", "exit code 137 (killed)"),
    -9: ("out-of-memory", "exit code -9 (killed)"),
}


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
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = text[start : end if end >= 0 else len(text)]
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


def diagnose(output: str, exit_code: int | None = None, *, step: str | None = None) -> Diagnosis:
    """Name the cause of a failed step from its output and exit code.

    ``step`` is the plan step that failed ("create-venv", "upgrade-pip", "install-torch", "verify",
    "demo") or None. A process killed by a signal should be passed as a negative exit code (Python's
    convention), e.g. -9.
    """
    if exit_code is not None and exit_code in _EXIT_CODES:
        code, evidence = _EXIT_CODES[exit_code]
        return diagnosis_for(code, evidence)
    text = _normalise(output)
    for rule in _RULES:
        if rule.steps is not None and step not in rule.steps:
            continue
        match = rule.pattern.search(text)
        if match:
            return diagnosis_for(rule.code, _line_at(text, match.start()), **_details(rule.code, text))
    return diagnosis_for("unknown")


def diagnose_file(path: Path | str, exit_code: int | None = None, *, step: str | None = None) -> Diagnosis:
    """Diagnose a saved log, decoded as UTF-8 with replacement (a log from any Windows code page still
    keeps its ``[WinError N]`` numbers readable)."""
    data = Path(path).read_bytes()
    return diagnose(data.decode("utf-8", errors="replace"), exit_code, step=step)


__all__ = [
    "ACTIONS",
    "CODES",
    "STEPS",
    "Diagnosis",
    "action_label",
    "diagnose",
    "diagnose_file",
    "diagnosis_for",
]
