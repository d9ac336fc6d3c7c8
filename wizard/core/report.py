"""The diagnostics report a learner can save or copy when asking for help (like torch.utils.collect_env),
with the home folder and the user's name taken out."""

from __future__ import annotations

import getpass
import os
import platform
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import __version__
from .secrets import mask_secrets


def redact(text: str, *, home: str | None = None, user: str | None = None) -> str:
    """Mask passwords in addresses (``https://user:****@host``), replace the home folder with ~ and the user
    name with <user> (Windows paths too). A home folder right after a double quote (a command's quoted path)
    becomes ``$HOME`` or ``%USERPROFILE%``, so that the command still works when pasted."""
    text = mask_secrets(text)
    home = home if home is not None else str(Path.home())
    if user is None:
        try:
            user = getpass.getuser()
        except Exception:  # no user name available (some containers)
            user = ""
    flags = re.IGNORECASE if os.name == "nt" else 0
    windows_home = "\\" in home or re.match(r"[A-Za-z]:", home) is not None
    for variant in {home, home.replace("\\", "/"), home.replace("/", "\\")}:
        if variant and len(variant) > 1:
            # a quoted path stays pasteable: "$HOME/env/bin/python", "%USERPROFILE%\env\Scripts\python.exe"
            var = "%USERPROFILE%" if windows_home else "$HOME"
            text = re.sub('(?<=")' + re.escape(variant), lambda _m, v=var: v, text, flags=flags)
            text = re.sub(re.escape(variant), "~", text, flags=flags)
    if user and len(user) >= 3:
        text = re.sub(rf"(?<![\w]){re.escape(user)}(?![\w])", "<user>", text)
    return text


def build_report(sections: Mapping[str, str | Iterable[str] | None], **redact_args: str) -> str:
    """Plain text: a header with the wizard and OS, then each section (value or lines)."""
    lines = [
        f"Torch Setup Wizard {__version__}",
        f"OS: {platform.platform()} ({platform.machine()})",
        f"Wizard's own Python: {sys.version.split()[0]}",
        "",
    ]
    for title, body in sections.items():
        lines.append(f"== {title}")
        if body is None:
            lines.append("Could not collect")
        elif isinstance(body, str):
            lines.append(body.rstrip() or "(none)")
        else:
            items = [str(x) for x in body]
            lines.extend(items or ["(none)"])
        lines.append("")
    return redact("\n".join(lines), **redact_args)
