"""What the Finish page hands the learner, as data: commands as argument lists, shortcut files as
(path, text), links, the lesson file's text. Nothing here starts a program or needs a display; the only
file writing is in ``write_files``, which the page calls when the learner asks for it.

Shortcuts (one per OS, each opens a terminal already inside the environment, or JupyterLab):
- Linux: a ``.desktop`` entry (freedesktop Desktop Entry Specification 1.5, ``Terminal=true``) in
  ``~/.local/share/applications`` (the menu) and on the desktop, running a small ``sh`` script kept in the
  environment's folder;
- macOS: a ``.command`` file on the desktop (Finder opens it in Terminal);
- Windows: a ``.cmd`` file on the desktop (no ``.lnk``: that needs COM), which opens Command Prompt.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from . import demorun
from .resources import resource
from .tr import translate

LESSON_FILE = "first_model.py"
TERMINAL_SCRIPT = "open-terminal.sh"  # Linux: what the menu entry runs


@dataclass(frozen=True)
class Target:
    """The new environment, as the Finish page knows it."""

    env_dir: str
    env_python: str
    os_name: str  # "linux" | "macos" | "windows"
    manager: str = "pip"  # or "conda"
    conda_env_name: str = ""

    @property
    def name(self) -> str:
        return self.conda_env_name or _pure(self.env_dir, self.os_name).name or "pytorch"


def _pure(path: str, os_name: str) -> PurePath:
    return PureWindowsPath(path) if os_name == "windows" else PurePosixPath(path)


def scripts_dir(target: Target) -> PurePath:
    """Where the environment's programs live: ``bin`` (Linux, macOS), ``Scripts`` (Windows)."""
    py = _pure(target.env_python, target.os_name)
    if target.os_name == "windows":
        return py.parent if py.parent.name.lower() == "scripts" else py.parent / "Scripts"
    return py.parent


def find_jupyter(target: Target, exists: Callable[[str], bool] = os.path.isfile) -> list[str] | None:
    """The argument list that starts JupyterLab in the environment's folder, or None when JupyterLab is
    not installed there (``jupyter-lab``, else ``jupyter lab``)."""
    folder = scripts_dir(target)
    suffix = ".exe" if target.os_name == "windows" else ""
    notebook_dir = f"--notebook-dir={target.env_dir}"
    lab = str(folder / f"jupyter-lab{suffix}")
    if exists(lab):
        return [lab, notebook_dir]
    jupyter = str(folder / f"jupyter{suffix}")
    if exists(jupyter):
        return [jupyter, "lab", notebook_dir]
    return None


def find_vscode(
    os_name: str,
    *,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.isfile,
    environ: dict[str, str] | None = None,
) -> str | None:
    """VS Code's program: ``code`` on PATH, else where its installers put it. On Windows the ``Code.exe``
    beside ``bin\\code.cmd`` (a .cmd would go through cmd.exe and its quoting)."""
    env = os.environ if environ is None else environ
    found = which("code")
    candidates: list[str] = []
    if os_name == "windows":
        if found and found.lower().endswith((".cmd", ".bat")):
            candidates.append(str(PureWindowsPath(found).parent.parent / "Code.exe"))
        elif found:
            candidates.append(found)
        for var in ("LOCALAPPDATA", "ProgramFiles"):
            if env.get(var):
                base = PureWindowsPath(env[var])
                candidates.append(
                    str(
                        (base / "Programs" if var == "LOCALAPPDATA" else base)
                        / "Microsoft VS Code"
                        / "Code.exe"
                    )
                )
    else:
        if found:
            candidates.append(found)
        if os_name == "macos":
            candidates.append("/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code")
            home = env.get("HOME")
            if home:
                candidates.append(
                    home + "/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code"
                )
        else:
            candidates += ["/usr/bin/code", "/snap/bin/code", "/usr/share/code/bin/code"]
    return next((c for c in candidates if exists(c)), None)


def vscode_command(code: str, target: Target) -> list[str]:
    """Open the environment's folder and the lesson file in VS Code."""
    folder = target.env_dir
    return [code, folder, str(_pure(folder, target.os_name) / LESSON_FILE)]


def vscode_settings(target: Target) -> tuple[Path, str]:
    """``.vscode/settings.json`` in the environment's folder: VS Code's Python extension then runs the
    lesson with the environment's own Python (``python.defaultInterpreterPath``)."""
    path = Path(target.env_dir) / ".vscode" / "settings.json"
    return path, json.dumps({"python.defaultInterpreterPath": target.env_python}, indent=2) + "\n"


def open_folder_command(folder: str, os_name: str) -> list[str]:
    """The file manager on a folder (the page prefers QDesktopServices; this is the fallback)."""
    if os_name == "windows":
        return ["explorer", folder]
    if os_name == "macos":
        return ["open", folder]
    return ["xdg-open", folder]


# -- shortcuts ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShortcutFile:
    path: Path
    text: str
    executable: bool = False


def _slug(name: str, env_dir: str) -> str:
    """A file-name-safe id: the ASCII part of the name and a short hash of the folder (two environments
    named in Chinese must not share one menu entry)."""
    import hashlib

    ascii_part = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-").lower() or "pytorch"
    return ascii_part + "-" + hashlib.sha1(env_dir.encode("utf-8")).hexdigest()[:6]


def _desktop_quote(arg: str) -> str:
    """One argument of a .desktop ``Exec`` line (spec 1.5, "The Exec key"): quoted, with ``"`` `` ` ``
    ``$`` ``\\`` escaped by a backslash, and ``%`` doubled."""
    escaped = re.sub(r'(["`$\\])', r"\\\1", arg).replace("%", "%%")
    return f'"{escaped}"'


def _desktop_value(text: str) -> str:
    """A string value of a .desktop key: no line breaks; backslashes escaped."""
    return text.replace("\\", "\\\\").replace("\n", " ").replace("\r", " ")


def _env_lines_sh(target: Target) -> list[str]:
    q = shlex.quote
    bin_dir = str(scripts_dir(target))
    lines = [f"cd {q(target.env_dir)} || exit 1"]
    if target.manager == "conda":
        lines.append(f"export CONDA_PREFIX={q(target.env_dir)}")
        if target.conda_env_name:
            lines.append(f"export CONDA_DEFAULT_ENV={q(target.conda_env_name)}")
    else:
        lines.append(f"export VIRTUAL_ENV={q(target.env_dir)}")
    lines.append(f'export PATH={q(bin_dir)}:"$PATH"')
    return lines


def terminal_script(target: Target, greeting: str) -> str:
    """A POSIX shell script that opens an interactive shell inside the environment (python and pip are
    the environment's), after one line of greeting."""
    return "\n".join(
        [
            "#!/bin/sh",
            "# Torch Setup Wizard: a terminal inside this PyTorch environment.",
            *_env_lines_sh(target),
            f"printf '%s\\n' {shlex.quote(greeting)}",
            'exec "${SHELL:-/bin/sh}" -i',
            "",
        ]
    )


def jupyter_script(target: Target, jupyter: Sequence[str]) -> str:
    return "\n".join(
        [
            "#!/bin/sh",
            "# Torch Setup Wizard: JupyterLab in this PyTorch environment (close this window to stop it).",
            *_env_lines_sh(target),
            "exec " + shlex.join(list(jupyter)),
            "",
        ]
    )


def _cmd_quote(text: str) -> str:
    """A path inside double quotes in a .cmd file: ``%`` doubled (cmd expands it even inside quotes)."""
    return '"' + text.replace("%", "%%") + '"'


def _env_lines_cmd(target: Target) -> list[str]:
    env = target.env_dir
    win = PureWindowsPath(env)
    lines = ["@echo off", "chcp 65001 >nul", f"cd /d {_cmd_quote(env)}"]
    if target.manager == "conda":
        paths = [
            str(win),
            str(win / "Library" / "mingw-w64" / "bin"),
            str(win / "Library" / "usr" / "bin"),
            str(win / "Library" / "bin"),
            str(win / "Scripts"),
        ]
        lines.append(f'set "CONDA_PREFIX={env.replace("%", "%%")}"')
    else:
        paths = [str(win / "Scripts")]
        lines.append(f'set "VIRTUAL_ENV={env.replace("%", "%%")}"')
    joined = ";".join(p.replace("%", "%%") for p in paths)
    lines.append(f'set "PATH={joined};%PATH%"')
    return lines


def terminal_cmd(target: Target, greeting: str) -> str:
    """A Windows .cmd file that opens Command Prompt inside the environment."""
    safe = re.sub(r"[&|<>^%]", " ", greeting)
    return "\r\n".join([*_env_lines_cmd(target), f"echo {safe}", "cmd /k", ""])


def jupyter_cmd(target: Target, jupyter: Sequence[str]) -> str:
    import subprocess

    return "\r\n".join(
        [*_env_lines_cmd(target), subprocess.list2cmdline(list(jupyter)).replace("%", "%%"), ""]
    )


def shortcut_files(
    target: Target,
    *,
    home: Path,
    desktop: Path | None = None,
    jupyter: Sequence[str] | None = None,
) -> list[ShortcutFile]:
    """The files that make the shortcuts on this OS (``desktop``: the desktop folder, by default
    ``home/Desktop``; a second shortcut for JupyterLab when ``jupyter`` is its argument list)."""
    desktop = desktop or home / "Desktop"
    name = target.name
    title = translate("Handoff", "PyTorch terminal ({name})").format(name=name)
    greeting = translate(
        "Handoff", "This terminal is inside your PyTorch environment {name}: python and pip are its own."
    ).format(name=name)
    jtitle = translate("Handoff", "JupyterLab ({name})").format(name=name)
    slug = _slug(name, target.env_dir)
    files: list[ShortcutFile] = []
    if target.os_name == "windows":
        files.append(ShortcutFile(desktop / f"{title}.cmd", terminal_cmd(target, greeting)))
        if jupyter:
            files.append(ShortcutFile(desktop / f"{jtitle}.cmd", jupyter_cmd(target, jupyter)))
        return files
    if target.os_name == "macos":
        files.append(ShortcutFile(desktop / f"{title}.command", terminal_script(target, greeting), True))
        if jupyter:
            files.append(ShortcutFile(desktop / f"{jtitle}.command", jupyter_script(target, jupyter), True))
        return files
    # Linux: the scripts live in the environment's folder; the entries run them in a terminal.
    env = Path(target.env_dir)
    entries = [(TERMINAL_SCRIPT, terminal_script(target, greeting), title, f"torch-env-{slug}", greeting)]
    if jupyter:
        jcomment = translate("Handoff", "JupyterLab in your PyTorch environment {name}.").format(name=name)
        entries.append(
            (
                "open-jupyter.sh",
                jupyter_script(target, jupyter),
                jtitle,
                f"torch-env-{slug}-jupyter",
                jcomment,
            )
        )
    apps = home / ".local" / "share" / "applications"
    for script_name, script, label, entry_name, comment in entries:
        script_path = env / script_name
        files.append(ShortcutFile(script_path, script, True))
        entry = "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                "Version=1.5",
                f"Name={_desktop_value(label)}",
                f"Comment={_desktop_value(comment)}",
                f"Exec=/bin/sh {_desktop_quote(str(script_path))}",
                f"Path={_desktop_value(str(env))}",
                "Terminal=true",
                "Icon=utilities-terminal",
                "Categories=Development;Education;",
                "",
            ]
        )
        files.append(ShortcutFile(apps / f"{entry_name}.desktop", entry, True))
        if desktop.is_dir():
            files.append(ShortcutFile(desktop / f"{entry_name}.desktop", entry, True))
    return files


def write_files(files: Sequence[ShortcutFile]) -> list[Path]:
    """Write the files (folders made as needed; executable ones get the x bits). Raises OSError."""
    written = []
    for f in files:
        f.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f.path, "w", encoding="utf-8", newline="") as fh:
            fh.write(f.text)
        if f.executable and os.name != "nt":
            mode = f.path.stat().st_mode
            f.path.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        written.append(f.path)
    return written


# -- links and words ---------------------------------------------------------------------------------
def tutorial_links(language: str) -> list[tuple[str, str]]:
    """(title, address) of tutorials to go on with, in the learner's language first."""
    links = []
    if language.startswith("zh"):
        # "Dive into Deep Learning" in Chinese, with PyTorch code for every chapter (online since 2019).
        links.append(
            (
                translate("Handoff", "Dive into Deep Learning (in Chinese, with PyTorch code)"),
                "https://zh.d2l.ai/",
            )
        )
    links += [
        (
            translate("Handoff", "Learn the Basics: PyTorch's own first tutorial"),
            "https://pytorch.org/tutorials/beginner/basics/intro.html",
        ),
        (translate("Handoff", "All PyTorch tutorials"), "https://pytorch.org/tutorials/"),
    ]
    return links


def pin_sentence(version: str, os_name: str) -> str:
    """What keeps the environment's PyTorch, and how to change it (see ``envpin``)."""
    from .envpin import config_name

    return translate(
        "Handoff",
        "This environment keeps PyTorch {version} as installed, so that another package cannot swap it for a "
        "different build. To change it, delete the file {file} in the environment's folder, or make a new "
        "environment with this wizard.",
    ).format(version=version, file=config_name(os_name))


# -- the lesson file ---------------------------------------------------------------------------------
def lesson_file_text(device: str, env_python: str = "", os_name: str = "linux") -> str:
    """resources/first_model.py for this environment: its device, comments and docstring in the learner's
    language, and (when the path allows it) a first line that makes a double-click use the environment's
    Python (``#!``; on Windows the Python launcher reads it too)."""
    source = resource(LESSON_FILE).read_text(encoding="utf-8")
    _empty, _old_doc, body = source.split('"""', 2)
    doc = translate(
        "Handoff",
        "{file}: your first PyTorch program.\n\n"
        "It adds two tensors, then trains a tiny model until it finds the line y = 2x + 1.\n"
        "Run it with a double-click, with Run in VS Code, or in a terminal inside your environment:\n"
        "    python {file}\n"
        "Change a number (the learning rate lr, the number of steps) and run it again to see what happens.\n",
    ).format(file=LESSON_FILE)
    kind = device.split(":")[0] or "cpu"
    body = body.replace('torch.device("cpu")', f'torch.device("{kind}")', 1)
    body = body.replace(
        '"Press Enter to close this window."',
        json.dumps(translate("Handoff", "Press Enter to close this window."), ensure_ascii=False),
    )
    body = demorun.translate_comments(body) + "\n"
    head = ""
    if env_python and not any(ch.isspace() for ch in env_python):
        head = f"#!{env_python}\n"
    return head + '"""' + doc + '"""' + body


def lesson_file(target: Target, device: str) -> ShortcutFile:
    return ShortcutFile(
        Path(target.env_dir) / LESSON_FILE,
        lesson_file_text(device, target.env_python, target.os_name),
        executable=True,
    )
