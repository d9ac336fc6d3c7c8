"""The environment every child process gets: UTF-8 output, nothing inherited that belongs to us.

One function for all of them (installs, probes of interpreters, GPU tools), so a fix here fixes all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def child_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for every child process: UTF-8 output, no inherited Python or bundle paths.

    A frozen app (PyInstaller) points ``LD_LIBRARY_PATH``/``DYLD_*`` at its bundle and keeps
    the user's original value in ``*_ORIG``; a child Python must not load the bundle's libraries.
    """
    env = dict(os.environ if base is None else base)
    for key in (
        "PYTHONHOME",
        "PYTHONPATH",
        "PYTHONSTARTUP",
        "PYTHONEXECUTABLE",
        "__PYVENV_LAUNCHER__",
        "PIP_REQUIRE_VIRTUALENV",
        "PIP_USER",
        "VIRTUAL_ENV",
        "CONDA_PREFIX",
    ):
        env.pop(key, None)
    for key in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH"):
        orig = env.pop(key + "_ORIG", None)
        if orig is not None:
            env[key] = orig
        elif getattr(sys, "frozen", False):
            env.pop(key, None)
    if getattr(sys, "frozen", False):
        # PyInstaller's bootloader variables and the Qt paths its PySide6 hook sets point into our bundle;
        # on Windows the bootloader also puts the bundle first on PATH.
        for key in list(env):
            if key.upper().startswith(("_PYI_", "_MEIPASS")) or key in ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH"):
                del env[key]
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle and env.get("PATH"):
            inside = os.path.normcase(os.path.abspath(bundle)) + os.sep
            env["PATH"] = os.pathsep.join(
                p
                for p in env["PATH"].split(os.pathsep)
                if p and not (os.path.normcase(os.path.abspath(p)) + os.sep).startswith(inside)
            )
    env["PYTHONUTF8"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env
