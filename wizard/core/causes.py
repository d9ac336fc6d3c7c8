"""The one table of causes: for each code, the actions that help and the words that explain it.

``diagnose`` (a failed step) and ``aftercheck`` (PyTorch installed, but not using the expected device) both
decide a *code* and its *parameters*; the words are made here, when they are read, in the language that is
active then. So a language switch never re-runs a diagnosis, and the command line and the window say the
same. Codes the two share (``driver-too-old``, ``cpu-build-on-gpu``, ...) have one entry and one list of
actions.

A new cause: add its code to ``CODES`` (and to ``diagnose.CODES`` when a rule can find it), its actions to
``_ACTIONS_FOR``, its title and explanation to ``_TEXTS`` (literal strings in ``translate`` calls, so that
lupdate finds them; placeholders from the parameters), and a rule in ``diagnose._RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .tr import translate

Params = Mapping[str, str]

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
    "use-arm64-python",
    "open-performance-settings",
    "edit-index-address",
    "choose-another-folder",
)


def action_label(action: str) -> str:
    """The translated button text for an action id (the id itself when unknown)."""
    labels = {
        "retry": lambda: translate("Diagnosis", "Retry"),
        "retry-longer-timeout": lambda: translate("Diagnosis", "Retry and wait longer"),
        "use-wheel-folder": lambda: translate("Diagnosis", "Install from a folder…"),
        "set-proxy": lambda: translate("Diagnosis", "Set a proxy…"),
        "choose-another-build": lambda: translate("Diagnosis", "Choose another build"),
        "free-space": lambda: translate("Diagnosis", "Free up space…"),
        "open-driver-page": lambda: translate("Diagnosis", "Open the driver download page"),
        "copy-report": lambda: translate("Diagnosis", "Copy report"),
        "install-vc-redist": lambda: translate("Diagnosis", "Get the Visual C++ Redistributable"),
        "choose-another-python": lambda: translate("Diagnosis", "Choose another Python"),
        "use-arm64-python": lambda: translate("Diagnosis", "Get Python for Apple Silicon"),
        "open-performance-settings": lambda: translate("Diagnosis", "Open the virtual memory settings"),
        "edit-index-address": lambda: translate("Diagnosis", "Change the address"),
        "choose-another-folder": lambda: translate("Diagnosis", "Choose another folder"),
    }
    label = labels.get(action)
    return label() if label is not None else action


# The actions offered for each code, in the order to show them (diagnose's codes and the after-check's).
_ACTIONS_FOR: dict[str, tuple[str, ...]] = {
    "network-offline": ("retry", "use-wheel-folder", "set-proxy", "copy-report"),
    "network-timeout": ("retry-longer-timeout", "retry", "use-wheel-folder", "copy-report"),
    "download-interrupted": ("retry", "retry-longer-timeout", "use-wheel-folder", "copy-report"),
    "network-proxy": ("set-proxy", "retry", "use-wheel-folder", "copy-report"),
    "network-ssl": ("retry", "set-proxy", "use-wheel-folder", "copy-report"),
    "index-http-error": ("retry", "use-wheel-folder", "copy-report"),
    "index-address-wrong": ("edit-index-address", "retry", "use-wheel-folder", "copy-report"),
    "no-matching-distribution": ("choose-another-build", "choose-another-python", "copy-report"),
    "dependency-conflict": ("choose-another-build", "retry", "copy-report"),
    "disk-full": ("free-space", "retry", "copy-report"),
    "permission-denied": ("retry", "choose-another-python", "copy-report"),
    "file-locked": ("retry", "copy-report"),
    "long-path": ("choose-another-folder", "retry", "copy-report"),
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
    "broken-wheel-file": ("use-wheel-folder", "retry", "copy-report"),
    "wheel-folder-missing": ("use-wheel-folder", "retry", "copy-report"),
    "out-of-memory": ("retry", "copy-report"),
    "paging-file-too-small": ("open-performance-settings", "retry", "choose-another-build", "copy-report"),
    "cpu-unsupported": ("choose-another-build", "copy-report"),
    "conda-tos": ("choose-another-python", "copy-report"),
    "conda-unsatisfiable": ("choose-another-build", "choose-another-python", "copy-report"),
    "conda-http": ("retry", "set-proxy", "copy-report"),
    "numpy-abi": ("choose-another-build", "copy-report"),
    "unknown": ("copy-report", "retry"),
    # only the after-install check finds these
    "import-failed": ("copy-report",),
    "wrong-gpu-build": ("choose-another-build", "copy-report"),
    "driver-not-responding": ("open-driver-page", "copy-report"),
    "no-nvidia-gpu": ("choose-another-build", "copy-report"),
    "cuda-unavailable": ("open-driver-page", "copy-report"),
    "rocm-unavailable": ("copy-report",),
    "xpu-unavailable": ("open-driver-page", "copy-report"),
    "mps-macos-too-old": ("copy-report",),
    "mps-unavailable": ("copy-report",),
}


def actions_for(code: str, params: Params | None = None) -> tuple[str, ...]:
    """The actions for a code; a few depend on the parameters (a Mac is offered the arm64 Python)."""
    params = params or {}
    if code == "cpu-unsupported" and params.get("os") == "macos":
        return ("use-arm64-python", "choose-another-python", "copy-report")
    if code not in _ACTIONS_FOR:
        return ()
    return _ACTIONS_FOR[code]


Words = Callable[[Params], str]

# Title and explanation of each code ``diagnose`` can name.
_TEXTS: dict[str, tuple[Words, Words]] = {
    "network-offline": (
        lambda p: translate("Diagnosis", "No internet connection"),
        lambda p: translate(
            "Diagnosis",
            "The download could not start because this computer seems to be offline, or the "
            "download server could not be reached. Check the internet connection and press Retry, "
            "or install from a folder of wheel files (for example from a USB stick). At school or "
            "work, a proxy may be needed.",
        ),
    ),
    "network-timeout": (
        lambda p: translate("Diagnosis", "The download server stopped answering"),
        lambda p: translate(
            "Diagnosis",
            "The connection is too slow or the server did not answer in time. Press “Retry and wait "
            "longer”; it often works on the second try. On a very slow connection you can install from "
            "a folder of wheel files instead.",
        ),
    ),
    "download-interrupted": (
        lambda p: translate("Diagnosis", "The download broke off"),
        lambda p: translate(
            "Diagnosis",
            "The connection was cut while PyTorch was downloading. PyTorch is a large download "
            "(up to a few gigabytes), so an unsteady connection can break it. Press Retry; a cable "
            "or a steadier Wi-Fi helps. You can also install from a folder of wheel files.",
        ),
    ),
    "network-proxy": (
        lambda p: translate("Diagnosis", "The proxy did not let the download through"),
        lambda p: translate(
            "Diagnosis",
            "This network sends internet traffic through a proxy server, and the proxy refused the "
            "connection or asked for a password. Ask the person who runs the network (at school or work) "
            "for the proxy address, enter it with “Set a proxy”, and press Retry.",
        ),
    ),
    "network-ssl": (
        lambda p: translate("Diagnosis", "The secure connection could not be checked"),
        lambda p: translate(
            "Diagnosis",
            "The download server's certificate could not be verified. This usually happens when an "
            "antivirus program or a school or company firewall inspects secure connections, or when "
            "the computer's date and time are wrong. Check the date and time, then press Retry. "
            "If it keeps failing, ask the network's administrator, or install from a folder of wheel "
            "files.",
        ),
    ),
    "index-http-error": (
        lambda p: translate("Diagnosis", "The download server refused the request"),
        lambda p: translate(
            "Diagnosis",
            "The server answered with an error (for example “403 Forbidden”, “404 Not Found” or a server "
            "error). The server may be busy, or the address of a mirror may be wrong. Wait a few "
            "minutes and press Retry. If it keeps failing, copy the report and ask for help.",
        ),
    ),
    "no-matching-distribution": (
        lambda p: translate("Diagnosis", "No PyTorch package fits this computer"),
        lambda p: translate(
            "Diagnosis",
            "The download server has no PyTorch package for this Python version, this kind of "
            "computer, or the chosen build. PyTorch only publishes packages for 64-bit Python and for "
            "some Python versions. Choose another build, or choose another Python (a 64-bit Python "
            "from python.org works best).",
        ),
    ),
    "dependency-conflict": (
        lambda p: translate("Diagnosis", "The package versions do not fit together"),
        lambda p: translate(
            "Diagnosis",
            "The versions asked for need each other in versions that cannot be installed together "
            "(for example a torchvision made for a different PyTorch). Choose the build again so the "
            "wizard installs matching versions in one go, then press Retry.",
        ),
    ),
    "disk-full": (
        lambda p: translate("Diagnosis", "The disk is full"),
        lambda p: (
            translate(
                "Diagnosis",
                "There is not enough free space. This PyTorch build needs about {size} while it installs, on "
                "the drive of the new environment and on the drive of the temporary folder. Free up space "
                "(empty the recycle bin, delete large downloads), then press Retry.",
            ).format(size=p["size"])
            if p.get("size")
            else translate(
                "Diagnosis",
                "There is not enough free space. PyTorch needs several gigabytes while it installs, on the "
                "drive of the new environment and on the drive of the temporary folder. Free up space (empty "
                "the recycle bin, delete large downloads), then press Retry.",
            )
        ),
    ),
    "permission-denied": (
        lambda p: translate("Diagnosis", "The wizard may not write there"),
        lambda p: translate(
            "Diagnosis",
            "The system refused to let the wizard write to a folder, because it belongs to another user "
            "or to the whole computer, or because it is read-only. Keep the new environment in a folder "
            "of your own (the wizard's suggestion is one), then press Retry. Do not run the wizard as "
            "administrator to get around this.",
        ),
    ),
    "file-locked": (
        lambda p: translate("Diagnosis", "A file is in use by another program"),
        lambda p: translate(
            "Diagnosis",
            "Another program is using a file the wizard needs to change. Close other Python windows, "
            "editors and notebooks that use this environment, wait for the antivirus scan to finish, "
            "then press Retry. Restarting the computer also releases the file.",
        ),
    ),
    "long-path": (
        lambda p: translate("Diagnosis", "A folder path is too long for Windows"),
        lambda p: translate(
            "Diagnosis",
            "Some PyTorch files have very long names, and Windows refuses paths longer than 260 "
            "characters unless long paths are switched on. Choose a short folder for the environment, "
            "such as C:\\torch-env, then press Retry.",
        ),
    ),
    "externally-managed": (
        lambda p: translate("Diagnosis", "This Python is protected by the system"),
        lambda p: translate(
            "Diagnosis",
            "The operating system manages this Python and does not allow installing packages into it. "
            "That is expected: PyTorch belongs in a new environment of its own. Press Retry to let the "
            "wizard create one, or choose another Python.",
        ),
    ),
    "venv-unavailable": (
        lambda p: translate("Diagnosis", "This Python cannot create environments"),
        lambda p: translate(
            "Diagnosis",
            "The part of Python that creates new environments is not installed. On Debian or Ubuntu, "
            "open a terminal, run: sudo apt install {package} and press Retry. Or choose another Python.",
        ).format(package=p.get("package") or "python3-venv"),
    ),
    "store-python-stub": (
        lambda p: translate("Diagnosis", "This “python” is only a shortcut to the Microsoft Store"),
        lambda p: translate(
            "Diagnosis",
            "Windows has a placeholder called python that only opens the Microsoft Store; it is not a "
            "real Python. Choose another Python, or install 64-bit Python from python.org and start the "
            "wizard again.",
        ),
    ),
    "vc-redist-missing": (
        lambda p: translate("Diagnosis", "A Windows component is missing"),
        lambda p: translate(
            "Diagnosis",
            "PyTorch is installed, but Windows could not load one of its files because the Microsoft "
            "Visual C++ Redistributable (x64) is missing or too old. Install it from Microsoft (the "
            "button opens the download page), then press Retry. No need to reinstall PyTorch.",
        ),
    ),
    "cpu-build-on-gpu": (
        lambda p: translate("Diagnosis", "The installed PyTorch cannot use the graphics card"),
        lambda p: translate(
            "Diagnosis",
            "The PyTorch in this environment is the version for the processor (CPU) only, so it "
            "cannot use the NVIDIA graphics card. Choose a CUDA build and install again; the wizard "
            "replaces the CPU version.",
        ),
    ),
    "no-nvidia-driver": (
        lambda p: translate("Diagnosis", "No NVIDIA driver found"),
        lambda p: translate(
            "Diagnosis",
            "PyTorch was built for NVIDIA graphics cards, but no NVIDIA driver is installed, or this "
            "computer has no NVIDIA card. Install the driver from NVIDIA's page and restart the "
            "computer, or choose the CPU build.",
        ),
    ),
    "driver-too-old": (
        lambda p: translate("Diagnosis", "The graphics driver is too old"),
        lambda p: translate(
            "Diagnosis",
            "The NVIDIA driver on this computer is older than this PyTorch build needs. Update the "
            "driver from NVIDIA's page and restart the computer, or choose a build for an older CUDA "
            "version.",
        ),
    ),
    "gpu-arch-unsupported": (
        lambda p: translate("Diagnosis", "This PyTorch build does not support this graphics card"),
        lambda p: translate(
            "Diagnosis",
            "The graphics card is newer (or much older) than the cards this PyTorch build was made for. "
            "Choose another build: new cards need a build for a newer CUDA version.",
        ),
    ),
    "gpu-out-of-memory": (
        lambda p: translate("Diagnosis", "The graphics card ran out of memory"),
        lambda p: translate(
            "Diagnosis",
            "The example needed more memory than the graphics card has free. Close other programs that "
            "use the graphics card (games, video, other notebooks) and press Retry, or run it on the "
            "processor (CPU) instead.",
        ),
    ),
    "hash-mismatch": (
        lambda p: translate("Diagnosis", "A downloaded file was damaged"),
        lambda p: translate(
            "Diagnosis",
            "A downloaded package is not the file it should be, usually because the download was cut "
            "short. Press Retry; the wizard downloads it again without using the saved copy. If it "
            "keeps happening, install from a folder of wheel files.",
        ),
    ),
    "out-of-memory": (
        lambda p: translate("Diagnosis", "The computer ran out of memory"),
        lambda p: translate(
            "Diagnosis",
            "The system stopped the step because the computer's memory (RAM) was full. Close other "
            "programs, especially web browsers, and press Retry.",
        ),
    ),
    "conda-tos": (
        lambda p: translate("Diagnosis", "Anaconda's terms of service have not been accepted"),
        lambda p: translate(
            "Diagnosis",
            "conda will not download from Anaconda's channels until you accept their terms of service. "
            "If you agree to them, run “conda tos accept” in the Anaconda Prompt and press Retry. "
            "Or choose another Python (for example one from python.org), which needs no such terms.",
        ),
    ),
    "conda-unsatisfiable": (
        lambda p: translate("Diagnosis", "conda found no packages that fit"),
        lambda p: translate(
            "Diagnosis",
            "conda could not find the requested packages in its channels, or could not find versions "
            "that fit together and with this Python. Choose another build, or choose another Python; "
            "the wizard can install PyTorch with pip into a plain environment.",
        ),
    ),
    "conda-http": (
        lambda p: translate("Diagnosis", "conda could not download"),
        lambda p: translate(
            "Diagnosis",
            "conda could not reach its download server. Check the internet connection and press Retry. "
            "At school or work, a proxy may be needed: ask for the address and enter it with "
            "“Set a proxy”.",
        ),
    ),
    "numpy-abi": (
        lambda p: translate("Diagnosis", "PyTorch and NumPy versions do not fit"),
        lambda p: translate(
            "Diagnosis",
            "This PyTorch was made for NumPy 1, but NumPy 2 is installed. Choose a newer PyTorch build "
            "and install again; the wizard then installs versions that fit.",
        ),
    ),
    "cpu-unsupported": (
        lambda p: translate("Diagnosis", "The processor cannot run this PyTorch"),
        lambda p: (
            translate(
                "Diagnosis",
                "The program stopped with “illegal instruction”: the processor met an instruction it does "
                "not know. On a Mac with an Apple chip (M1 or newer) this happens when the Python was made for "
                "Intel Macs and runs through Rosetta. Install the Python for Apple Silicon (the macOS "
                "installer from python.org works on both), then start the wizard again and choose it.",
            )
            if p.get("os") == "macos"
            else translate(
                "Diagnosis",
                "The program stopped with “illegal instruction”: this computer's processor lacks an "
                "instruction that this PyTorch needs (very old processors do). Choose another build, or run "
                "PyTorch on a newer computer.",
            )
        ),
    ),
    "paging-file-too-small": (
        lambda p: translate("Diagnosis", "Windows ran out of virtual memory"),
        lambda p: translate(
            "Diagnosis",
            "Windows could not load PyTorch's large files because its page file (virtual memory) is too "
            "small. Open the virtual memory settings (Advanced system settings > Performance > Settings > "
            "Advanced > Virtual memory > Change), tick “Automatically manage paging file size for all "
            "drives”, restart the computer and press Retry. Closing other programs helps too, or choose the "
            "smaller CPU build.",
        ),
    ),
    "broken-wheel-file": (
        lambda p: translate("Diagnosis", "A wheel file is damaged"),
        lambda p: (
            translate(
                "Diagnosis",
                "The file {file} is not a complete wheel: it is damaged, or it was cut short while it was "
                "copied or downloaded. Copy it again from where it came from (or download it again), or "
                "choose another folder, then press Retry.",
            ).format(file=p["file"])
            if p.get("file")
            else translate(
                "Diagnosis",
                "One of the wheel files is not complete: it is damaged, or it was cut short while it was "
                "copied or downloaded. Copy the folder again from where it came from, or choose another "
                "folder, then press Retry.",
            )
        ),
    ),
    "index-address-wrong": (
        lambda p: translate("Diagnosis", "The mirror's address seems wrong"),
        lambda p: translate(
            "Diagnosis",
            "The name {host} in the address of the package index was not found, so the address is "
            "probably mistyped. Check it (“Change the address” goes back to it), or use the PyTorch "
            "download server instead, then press Retry. If no website opens at all, this computer is "
            "offline.",
        ).format(host=p.get("host") or "?"),
    ),
    "wheel-folder-missing": (
        lambda p: translate("Diagnosis", "The folder of wheel files is gone"),
        lambda p: translate(
            "Diagnosis",
            "The folder {folder} cannot be found any more: a USB stick may have been pulled out, or the "
            "folder was moved or renamed. Put it back and press Retry, or choose the folder again.",
        ).format(folder=p.get("folder") or "?"),
    ),
    "unknown": (
        lambda p: translate("Diagnosis", "The wizard does not recognise this problem"),
        lambda p: translate(
            "Diagnosis",
            "The step failed for a reason the wizard does not know. Press Retry once, since some problems "
            "are temporary. If it fails again, copy the report and show it to a teacher or paste it into "
            "a forum question.",
        ),
    ),
}

#: The codes with a title and an explanation (every code ``diagnose`` can return).
TEXT_CODES: tuple[str, ...] = tuple(_TEXTS)


def title(code: str, params: Params | None = None) -> str:
    """The short title of a cause, translated now."""
    return _TEXTS.get(code, _TEXTS["unknown"])[0](params or {})


def explanation(code: str, params: Params | None = None) -> str:
    """The plain explanation with the next step, translated now."""
    return _TEXTS.get(code, _TEXTS["unknown"])[1](params or {})


def format_size(mb: float) -> str:
    """1300 -> "1.3 GB", 450 -> "450 MB" (the same in both languages)."""
    return f"{mb / 1000:.1f} GB" if mb >= 1000 else f"{round(mb)} MB"


__all__ = [
    "ACTIONS",
    "TEXT_CODES",
    "action_label",
    "actions_for",
    "explanation",
    "format_size",
    "title",
]
