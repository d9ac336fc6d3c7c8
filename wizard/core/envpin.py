"""Keep a new environment's PyTorch as installed.

A learner who later types ``pip install something`` in the environment must not get torch upgraded, or
the CUDA build silently swapped for another one, because ``something`` asks for ``torch``. pip reads a
configuration file inside the environment (``<env>/pip.conf``, ``<env>\\pip.ini`` on Windows: the
"site" configuration of pip's documentation, "Configuration" → "Location"), so the wizard writes one
there that names a constraints file holding the installed versions and, for a build from PyTorch's
index, that index as an extra index (so that pip can still find the same build when it needs to).

To lift the pin, delete ``pip.conf`` (``pip.ini``) in the environment's folder; nothing else depends on it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .secrets import strip_login

CONSTRAINTS = "torch-constraints.txt"


def config_name(os_name: str) -> str:
    return "pip.ini" if os_name == "windows" else "pip.conf"


def pin_files(
    env_dir: str, os_name: str, *, torch: str, torchvision: str = "", index_url: str | None = None
) -> list[tuple[Path, str]]:
    """(path, text) of the files that pin the environment; empty when there is nothing to pin."""
    if not torch:
        return []
    folder = Path(env_dir)
    lines = [
        "# Written by Torch Setup Wizard: keeps PyTorch as it was installed.",
        "# Delete " + config_name(os_name) + " beside this file to lift the pin.",
        f"torch=={torch}",
    ]
    if torchvision:
        lines.append(f"torchvision=={torchvision}")
    # pip reads its configuration file in the system's code page (cp936 on a Chinese Windows), not in
    # UTF-8: a folder with non-ASCII letters is written as a file: address, pure ASCII, which pip also reads.
    constraints = folder / CONSTRAINTS
    where = str(constraints) if str(constraints).isascii() else constraints.absolute().as_uri()
    config = ["[global]", f"constraint = {where}"]
    index = strip_login(index_url)  # a password is never written down
    if index:
        config.append(f"extra-index-url = {index}")
    return [
        (constraints, "\n".join(lines) + "\n"),
        (folder / config_name(os_name), "\n".join(config) + "\n"),
    ]


def write_pins(
    env_dir: str, os_name: str, *, torch: str, torchvision: str = "", index_url: str | None = None
) -> list[Path]:
    """Write the pin files; returns their paths. Raises OSError when the disk refuses."""
    written = []
    for path, text in pin_files(env_dir, os_name, torch=torch, torchvision=torchvision, index_url=index_url):
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def remove_pins(env_dir: str, os_name: str) -> None:
    """Lift the pin (before the wizard itself installs another build into the environment)."""
    for name in (config_name(os_name), CONSTRAINTS):
        with contextlib.suppress(FileNotFoundError):
            (Path(env_dir) / name).unlink()


__all__ = ["CONSTRAINTS", "config_name", "pin_files", "remove_pins", "write_pins"]
