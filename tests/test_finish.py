"""The hand-off to real work: commands as argument lists, shortcut files per OS (fake home folders), links,
the lesson file; and the Finish page: its buttons, no Cancel, the terminal commands under Details."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from wizard.core import handoff

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="runs a POSIX sh script")


def target(env: Path | str, os_name: str = "linux", **kw: Any) -> handoff.Target:
    env = str(env)
    if os_name == "windows":
        py = str(
            PureWindowsPath(env) / ("python.exe" if kw.get("manager") == "conda" else "Scripts/python.exe")
        )
    else:
        py = env + "/bin/python"
    return handoff.Target(env_dir=env, env_python=py, os_name=os_name, **kw)


# -- programs ------------------------------------------------------------------------------------------
def test_jupyter_is_offered_only_when_it_is_in_the_environment(tmp_path: Path) -> None:
    env = tmp_path / "env"
    (env / "bin").mkdir(parents=True)
    t = target(env)
    assert handoff.find_jupyter(t) is None
    (env / "bin" / "jupyter").write_text("")
    assert handoff.find_jupyter(t) == [str(env / "bin" / "jupyter"), "lab", f"--notebook-dir={env}"]
    (env / "bin" / "jupyter-lab").write_text("")
    assert handoff.find_jupyter(t) == [str(env / "bin" / "jupyter-lab"), f"--notebook-dir={env}"]


def test_jupyter_on_windows_venv_and_conda() -> None:
    seen: list[str] = []

    def exists(p: str) -> bool:
        seen.append(p)
        return p.endswith("jupyter-lab.exe")

    venv = target(r"C:\Users\Ana\pytorch-env", "windows")
    assert handoff.find_jupyter(venv, exists) == [
        r"C:\Users\Ana\pytorch-env\Scripts\jupyter-lab.exe",
        r"--notebook-dir=C:\Users\Ana\pytorch-env",
    ]
    conda = target(r"C:\Users\Ana\miniforge3\envs\torch", "windows", manager="conda")
    assert handoff.find_jupyter(conda, exists) == [
        r"C:\Users\Ana\miniforge3\envs\torch\Scripts\jupyter-lab.exe",
        r"--notebook-dir=C:\Users\Ana\miniforge3\envs\torch",
    ]


def test_vscode_is_found_on_path_and_where_its_installers_put_it() -> None:
    assert handoff.find_vscode(
        "linux", which=lambda _n: "/usr/bin/code", exists=lambda p: p == "/usr/bin/code"
    ) == ("/usr/bin/code")
    assert handoff.find_vscode("linux", which=lambda _n: None, exists=lambda _p: False) is None
    app = "/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code"
    assert handoff.find_vscode("macos", which=lambda _n: None, exists=lambda p: p == app, environ={}) == app
    # Windows: code.cmd on PATH -> the Code.exe beside its bin folder (no cmd.exe in between)
    cmd = r"C:\Users\Ana\AppData\Local\Programs\Microsoft VS Code\bin\code.cmd"
    exe = r"C:\Users\Ana\AppData\Local\Programs\Microsoft VS Code\Code.exe"
    assert handoff.find_vscode("windows", which=lambda _n: cmd, exists=lambda p: p == exe, environ={}) == exe
    assert (
        handoff.find_vscode(
            "windows",
            which=lambda _n: None,
            exists=lambda p: p == exe,
            environ={"LOCALAPPDATA": r"C:\Users\Ana\AppData\Local"},
        )
        == exe
    )


def test_vscode_opens_the_folder_and_the_lesson_with_the_envs_python(tmp_path: Path) -> None:
    t = target(tmp_path / "测试 env")
    assert handoff.vscode_command("/usr/bin/code", t) == [
        "/usr/bin/code",
        str(tmp_path / "测试 env"),
        str(tmp_path / "测试 env" / "first_model.py"),
    ]
    path, text = handoff.vscode_settings(t)
    assert path == tmp_path / "测试 env" / ".vscode" / "settings.json"
    import json

    assert json.loads(text) == {"python.defaultInterpreterPath": t.env_python}


def test_open_folder_commands() -> None:
    assert handoff.open_folder_command("/x", "linux") == ["xdg-open", "/x"]
    assert handoff.open_folder_command("/x", "macos") == ["open", "/x"]
    assert handoff.open_folder_command(r"C:\x", "windows") == ["explorer", r"C:\x"]


# -- shortcuts -------------------------------------------------------------------------------------------
def _unquote_exec(value: str) -> list[str]:
    """Read an Exec line back as the Desktop Entry spec says (quoted args, backslash escapes, %%)."""
    args = re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', value)
    out = []
    for quoted, plain in args:
        text = re.sub(r"\\(.)", r"\1", quoted) if quoted else plain
        out.append(text.replace("%%", "%"))
    return out


def test_linux_shortcut_is_a_menu_entry_and_a_desktop_icon(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = tmp_path / 'odd "$name" 100% env'
    files = handoff.shortcut_files(target(env), home=home, jupyter=[str(env / "bin" / "jupyter-lab")])
    paths = [f.path for f in files]
    menu = [p for p in paths if p.parent == home / ".local" / "share" / "applications"]
    desk = [p for p in paths if p.parent == home / "Desktop"]
    assert len(menu) == 2 and len(desk) == 2 and all(p.suffix == ".desktop" for p in menu + desk)
    assert env / "open-terminal.sh" in paths and env / "open-jupyter.sh" in paths
    entry = next(f.text for f in files if f.path == menu[0])
    assert entry.startswith("[Desktop Entry]\n") and "Terminal=true" in entry and "Type=Application" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert _unquote_exec(exec_line[len("Exec=") :]) == ["/bin/sh", str(env / "open-terminal.sh")]
    # without a Desktop folder: the menu entry only
    bare = handoff.shortcut_files(target(env), home=tmp_path / "nodesk")
    assert [f.path.suffix for f in bare] == [".sh", ".desktop"]


def test_two_environments_with_chinese_names_get_two_entries(tmp_path: Path) -> None:
    a = handoff.shortcut_files(target(tmp_path / "甲" / "环境"), home=tmp_path)
    b = handoff.shortcut_files(target(tmp_path / "乙" / "环境"), home=tmp_path)
    assert {f.path for f in a if f.path.suffix == ".desktop"}.isdisjoint({f.path for f in b})


@POSIX
def test_the_terminal_script_really_opens_a_shell_inside_the_environment(tmp_path: Path) -> None:
    env = tmp_path / "it's 测试 env"
    (env / "bin").mkdir(parents=True)
    fake_python = env / "bin" / "python"
    fake_python.write_text("#!/bin/sh\necho env-python\n")
    fake_python.chmod(0o755)
    files = handoff.shortcut_files(target(env), home=tmp_path / "home")
    written = handoff.write_files(files)
    script = env / "open-terminal.sh"
    assert script in written and os.stat(script).st_mode & stat.S_IXUSR
    r = subprocess.run(
        ["/bin/sh", str(script)],
        input='echo "VENV=$VIRTUAL_ENV"; pwd; python\nexit\n',
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        env={"PATH": "/usr/bin:/bin", "SHELL": "/bin/sh", "HOME": str(tmp_path)},
    )
    assert r.returncode == 0, r.stderr
    assert "inside your PyTorch environment" in r.stdout
    assert f"VENV={env}" in r.stdout and str(env) in r.stdout.splitlines()
    assert "env-python" in r.stdout  # `python` is the environment's


def test_macos_shortcut_is_an_executable_command_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    files = handoff.shortcut_files(target("/Users/ana/pytorch env", "macos"), home=home)
    (f,) = files
    assert f.path.parent == home / "Desktop" and f.path.suffix == ".command" and f.executable
    assert f.text.startswith("#!/bin/sh\n")
    assert "export VIRTUAL_ENV='/Users/ana/pytorch env'" in f.text
    assert "export PATH='/Users/ana/pytorch env/bin':\"$PATH\"" in f.text


def test_windows_shortcut_is_a_cmd_file_on_the_desktop(tmp_path: Path) -> None:
    desktop = tmp_path / "OneDrive" / "Desktop"
    venv = handoff.shortcut_files(
        target(r"C:\Users\Ana\100% env", "windows"),
        home=tmp_path,
        desktop=desktop,
        jupyter=[r"C:\Users\Ana\100% env\Scripts\jupyter-lab.exe", r"--notebook-dir=C:\Users\Ana\100% env"],
    )
    term, jup = venv
    assert term.path.parent == desktop and term.path.suffix == ".cmd" and jup.path.suffix == ".cmd"
    assert "\r\n" in term.text and term.text.startswith("@echo off\r\n")
    assert r'cd /d "C:\Users\Ana\100%% env"' in term.text  # % doubled: cmd expands it even in quotes
    assert r'set "PATH=C:\Users\Ana\100%% env\Scripts;%PATH%"' in term.text
    assert term.text.rstrip().endswith("cmd /k")
    assert r'"C:\Users\Ana\100%% env\Scripts\jupyter-lab.exe"' in jup.text
    conda = handoff.shortcut_files(
        target(r"C:\Users\Ana\miniforge3\envs\torch", "windows", manager="conda", conda_env_name="torch"),
        home=tmp_path,
        desktop=desktop,
    )
    assert r"C:\Users\Ana\miniforge3\envs\torch\Library\bin" in conda[0].text
    assert 'set "CONDA_PREFIX=' in conda[0].text and "(torch)" in conda[0].path.name


# -- words, links, the lesson file ----------------------------------------------------------------------
def test_tutorial_links_in_the_learners_language() -> None:
    en = handoff.tutorial_links("en")
    assert all(url.startswith("https://pytorch.org/tutorials/") for _t, url in en)
    zh = handoff.tutorial_links("zh_CN")
    assert zh[0][1] == "https://zh.d2l.ai/" and zh[1:] == en


def test_pin_sentence_takes_the_version_and_the_file() -> None:
    text = handoff.pin_sentence("2.13.0+cpu", "linux")
    assert "PyTorch 2.13.0+cpu" in text and "pip.conf" in text
    assert "pip.ini" in handoff.pin_sentence("2.13.0", "windows")


def test_the_lesson_file_is_clean_and_names_itself(tmp_path: Path) -> None:
    text = handoff.lesson_file_text("cuda:0", "/home/ana/env/bin/python")
    assert text.startswith("#!/home/ana/env/bin/python\n")
    assert "WIZARD-DEMO" not in text and "wizard." not in text and "report(" not in text
    doc = text.split('"""')[1]
    assert doc.startswith("first_model.py:")
    assert 'device = torch.device("cuda")' in text
    compile(text, "first_model.py", "exec")  # valid Python (3.8+ syntax)
    # no #! line when the path has a space (the kernel would split it)
    assert not handoff.lesson_file_text("cpu", "/home/ana/测试 env/bin/python").startswith("#!")
    f = handoff.lesson_file(target(tmp_path / "env"), "cpu")
    assert f.path == tmp_path / "env" / "first_model.py" and f.executable


# -- the page ---------------------------------------------------------------------------------------------
@pytest.fixture
def finish(wiz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from wizard.gui.window import PageId

    env = tmp_path / "测试 env"
    (env / "bin").mkdir(parents=True)
    (env / "first_model.py").write_text('WIZARD-DEMO = "the old demo copy"\n', encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    st = wiz.state
    st.os_name, st.env_dir, st.manager = "linux", str(env), "pip"
    st.demo_copy = str(env / "first_model.py")
    st.verify = {"torch": "2.13.0+cpu"}
    page = wiz.pages[PageId.FINISH]
    launched: list[list[str]] = []

    def record(argv: Any, cwd: str) -> bool:
        launched.append(list(argv))
        return True

    page.launcher = record
    page.launched = launched
    return page


def go_to(wiz: Any, pid: Any) -> None:
    wiz.setStartId(int(pid))
    wiz.restart()


def test_no_cancel_on_the_last_page(wiz: Any, finish: Any) -> None:
    from wizard.gui.window import PageId

    go_to(wiz, PageId.FINISH)
    assert wiz.currentId() == PageId.FINISH
    assert not wiz.button(QWizard.WizardButton.CancelButton).isVisible()
    assert wiz.button(QWizard.WizardButton.FinishButton).isVisible()
    go_to(wiz, PageId.WELCOME)
    assert wiz.button(QWizard.WizardButton.CancelButton).isVisible()  # only the last page has none


def test_finish_writes_a_clean_lesson_file_over_the_old_demo_copy(wiz: Any, finish: Any) -> None:
    from wizard.gui.window import PageId

    go_to(wiz, PageId.FINISH)
    lesson = Path(wiz.state.env_dir) / "first_model.py"
    text = lesson.read_text(encoding="utf-8")
    assert "WIZARD-DEMO" not in text and '"""first_model.py:' in text
    assert str(lesson) in finish.lesson.text()
    assert "PyTorch 2.13.0+cpu" in finish.pinned.text()
    assert "pytorch.org/tutorials" in finish.next_label.text()


def test_a_plain_copy_is_made_the_learners_and_an_edited_file_is_kept(wiz: Any, finish: Any) -> None:
    from wizard.core.resources import resource
    from wizard.gui.window import PageId

    lesson = Path(wiz.state.env_dir) / "first_model.py"
    lesson.write_text(resource("first_model.py").read_text(encoding="utf-8"), encoding="utf-8")
    wiz.state.demo_device = "cuda"
    go_to(wiz, PageId.FINISH)
    assert 'torch.device("cuda")' in lesson.read_text(encoding="utf-8")  # the plain copy was personalised
    lesson.write_text("print('my own version')\n", encoding="utf-8")
    go_to(wiz, PageId.FINISH)
    assert lesson.read_text(encoding="utf-8") == "print('my own version')\n"  # the learner's work is kept


def test_buttons_start_the_right_programs(wiz: Any, finish: Any) -> None:
    from wizard.gui.window import PageId

    env = Path(wiz.state.env_dir)
    go_to(wiz, PageId.FINISH)
    assert finish.start_jupyter.isHidden()  # no JupyterLab in the env
    (env / "bin" / "jupyter-lab").write_text("")
    go_to(wiz, PageId.FINISH)
    assert not finish.start_jupyter.isHidden()
    finish.start_jupyter.click()
    assert finish.launched[-1] == [str(env / "bin" / "jupyter-lab"), f"--notebook-dir={env}"]
    assert "Shut Down" in finish.status.text()
    finish.vscode = "/usr/bin/code"
    finish.retranslate()
    assert not finish.open_vscode.isHidden()
    finish.open_vscode.click()
    assert finish.launched[-1] == ["/usr/bin/code", str(env), str(env / "first_model.py")]
    assert (env / ".vscode" / "settings.json").exists()


def test_vscode_button_is_hidden_without_vscode(
    wiz: Any, finish: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.gui.window import PageId

    monkeypatch.setattr(handoff, "find_vscode", lambda _os: None)
    go_to(wiz, PageId.FINISH)
    assert finish.open_vscode.isHidden()


def test_a_program_that_does_not_start_is_said(wiz: Any, finish: Any) -> None:
    from wizard.gui.window import PageId

    go_to(wiz, PageId.FINISH)
    finish.launcher = lambda argv, cwd: False
    finish.vscode = "/nowhere/code"
    finish.on_open_vscode()
    assert "code could not be started" in finish.status.text()


def test_make_shortcut_writes_into_the_fake_home(wiz: Any, finish: Any, tmp_path: Path) -> None:
    from wizard.gui.window import PageId

    go_to(wiz, PageId.FINISH)
    finish.make_shortcut.click()
    entries = list((tmp_path / "home" / ".local" / "share" / "applications").glob("*.desktop"))
    assert len(entries) == 1
    assert str(entries[0]) in finish.status.text()
    assert (Path(wiz.state.env_dir) / "open-terminal.sh").exists()


def test_terminal_commands_are_under_details(wiz: Any, finish: Any) -> None:
    from wizard.gui.window import PageId

    go_to(wiz, PageId.FINISH)
    assert finish.details.isHidden()
    assert (
        "activate" in finish.activate.text.toPlainText() and "测试 env" in finish.activate.text.toPlainText()
    )
    finish.details_toggle.click()
    assert not finish.details.isHidden()
    assert "first_model.py" in finish.run.text.toPlainText()


def test_run_my_first_program_again_goes_back_to_the_demo(
    wiz: Any, finish: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.gui.window import PageId

    demo = wiz.pages[PageId.DEMO]
    runs: list[int] = []
    monkeypatch.setattr(demo, "run_demo", lambda: runs.append(1))
    go_to(wiz, PageId.DEMO)
    wiz.next()
    assert wiz.currentId() == PageId.FINISH
    runs.clear()
    finish.run_again.click()
    assert wiz.currentId() == PageId.DEMO and runs == [1]
