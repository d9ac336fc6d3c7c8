"""Finish: start real work without a terminal: the folder, VS Code, JupyterLab, the first program again,
a shortcut into the environment, tutorials; the terminal commands under "Details"."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QPushButton, QToolButton, QVBoxLayout, QWidget, QWizard

from ..core import handoff
from ..core.plan import activate_commands, display_command, env_python
from ..core.resources import resource
from ..runner import launch_detached
from .common import Page, wrap_label
from .widgets import CopyableText

log = logging.getLogger(__name__)


class FinishPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.launcher: Callable[[Sequence[str], str], bool] = launch_detached  # tests put a recorder here
        self.vscode: str | None = None
        self.jupyter: list[str] | None = None
        self.lesson_path = ""
        self.shortcuts_made: list[Path] = []
        self.done = wrap_label()
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.pinned = wrap_label()
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(self.on_open_folder)
        self.open_vscode = QPushButton()
        self.open_vscode.clicked.connect(self.on_open_vscode)
        self.start_jupyter = QPushButton()
        self.start_jupyter.clicked.connect(self.on_start_jupyter)
        self.run_again = QPushButton()
        self.run_again.clicked.connect(self.on_run_again)
        self.make_shortcut = QPushButton()
        self.make_shortcut.clicked.connect(self.on_make_shortcut)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.status = wrap_label()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.lesson = wrap_label()
        self.lesson.setTextFormat(Qt.TextFormat.RichText)
        self.next_label = wrap_label()
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setOpenExternalLinks(True)
        # Details: the terminal commands, for those who want them
        self.details_toggle = QToolButton()
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.toggled.connect(self._on_details)
        self.details = QWidget()
        self.activate_label = wrap_label()
        self.activate = CopyableText(lines=3)
        self.run_label = wrap_label()
        self.run = CopyableText(lines=3)
        self.editor_label = wrap_label()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        for w in (self.activate_label, self.activate, self.run_label, self.run, self.editor_label):
            inner.addWidget(w)
        self.details.setVisible(False)
        layout = self.scrolled_layout()
        layout.addWidget(self.done)
        layout.addLayout(self.grid)
        layout.addWidget(self.status)
        layout.addWidget(self.lesson)
        layout.addWidget(self.pinned)
        layout.addWidget(self.next_label)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.retranslate()

    # -- state ------------------------------------------------------------------------------------------
    def target(self) -> handoff.Target:
        st = self.state
        py = st.plan.env_python if st.plan is not None else env_python(st.env_dir, st.os_name)
        return handoff.Target(
            env_dir=st.env_dir,
            env_python=py,
            os_name=st.os_name,
            manager=st.manager,
            conda_env_name=st.conda_env_name,
        )

    def initializePage(self) -> None:
        wiz = self.wizard()
        if wiz is not None:
            wiz.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        target = self.target()
        self.vscode = handoff.find_vscode(target.os_name)
        self.jupyter = handoff.find_jupyter(target)
        self.lesson_path = self.ensure_lesson_file(target)
        self.status.setText("")
        self.retranslate()

    def ensure_lesson_file(self, target: handoff.Target) -> str:
        """The lesson file in the environment's folder, for this learner (their language, their device, a
        ``#!`` line for a double-click): written here when the install left none, left the old demo script
        (its machine-readable lines), or a plain copy of resources/first_model.py. A file the learner has
        changed since is kept as it is."""
        kept = self.state.demo_copy
        if kept and Path(kept).is_file():
            try:
                text = Path(kept).read_text(encoding="utf-8", errors="replace")
                plain = resource(handoff.LESSON_FILE).read_text(encoding="utf-8")
                if "WIZARD-DEMO" not in text and text != plain:
                    return kept
            except OSError:
                log.warning("could not read %s", kept, exc_info=True)
        if not target.env_dir or not Path(target.env_dir).is_dir():
            return ""
        try:
            (path,) = handoff.write_files([handoff.lesson_file(target, self.state.demo_device)])
        except OSError:
            log.warning("could not write the lesson file", exc_info=True)
            return ""
        return str(path)

    # -- buttons ----------------------------------------------------------------------------------------
    def on_open_folder(self) -> None:
        folder = self.state.env_dir
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self._launch(handoff.open_folder_command(folder, self.state.os_name))

    def on_open_vscode(self) -> None:
        if self.vscode is None:
            return
        target = self.target()
        try:
            handoff.write_files([handoff.ShortcutFile(*handoff.vscode_settings(target))])
        except OSError:
            log.warning("could not write VS Code's settings", exc_info=True)
        self._launch(handoff.vscode_command(self.vscode, target))

    def on_start_jupyter(self) -> None:
        if self.jupyter is None:
            return
        if self._launch(self.jupyter):
            self.status.setText(
                self.tr(
                    "JupyterLab is starting and opens in your web browser in a moment. To stop it, choose "
                    "File › Shut Down in JupyterLab."
                )
            )

    def on_run_again(self) -> None:
        """Back to the Demo page, which runs the program again."""
        wiz = self.wizard()
        if wiz is None:
            return
        wiz.back()
        page = wiz.currentPage()
        run = getattr(page, "run_demo", None)
        if callable(run):
            run()

    def on_make_shortcut(self) -> None:
        target = self.target()
        desktop = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation)
        files = handoff.shortcut_files(
            target, home=Path.home(), desktop=Path(desktop) if desktop else None, jupyter=self.jupyter
        )
        try:
            self.shortcuts_made = handoff.write_files(files)
        except OSError as exc:
            self.status.setText(
                self.tr("The shortcut could not be made: {error}").format(error=escape(str(exc)))
            )
            return
        shown = [p for p in self.shortcuts_made if p.suffix in (".desktop", ".cmd", ".command")]
        self.status.setText(
            self.tr(
                "Made: {files}. Open it to get a terminal that is already inside the environment."
            ).format(files=", ".join(escape(str(p)) for p in shown))
        )

    def _launch(self, argv: Sequence[str]) -> bool:
        ok = self.launcher(argv, self.state.env_dir)
        if not ok:
            self.status.setText(
                self.tr("{program} could not be started.").format(program=escape(os.path.basename(argv[0])))
            )
        return ok

    def _on_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.retranslate()

    # -- words ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("All done"))
        self.setSubTitle(self.tr("PyTorch is ready. Here is how to go on, no terminal needed."))
        self.open_folder.setText(self.tr("Open the folder"))
        self.open_vscode.setText(self.tr("Open in VS Code"))
        self.start_jupyter.setText(self.tr("Start Jupyter"))
        self.run_again.setText(self.tr("Run my first program again"))
        self.make_shortcut.setText(self.tr("Make a desktop shortcut"))
        self.details_toggle.setText(
            self.tr("Hide details") if self.details_toggle.isChecked() else self.tr("Details")
        )
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if self.details_toggle.isChecked() else Qt.ArrowType.RightArrow
        )
        self.open_vscode.setVisible(self.vscode is not None)
        self.start_jupyter.setVisible(self.jupyter is not None)
        self._place_buttons()
        links = " · ".join(
            f"<a href='{escape(url)}'>{escape(title)}</a>"
            for title, url in handoff.tutorial_links(self._language())
        )
        self.next_label.setText(self.tr("Next steps:") + " " + links)
        if self.wizard() is None:
            return
        st = self.state
        target = self.target()
        self.done.setText(
            self.tr(
                "Your environment is in <b>{env}</b>. It has its own Python with PyTorch "
                "installed; the rest of your computer was not changed."
            ).format(env=escape(st.env_dir))
        )
        version = str((st.verify or {}).get("torch") or st.torch_version or "")
        self.pinned.setText(handoff.pin_sentence(version, st.os_name) if version else "")
        if self.lesson_path:
            self.lesson.setText(
                self.tr(
                    "Your first program is saved as <b>{file}</b>. Open it in VS Code (or any editor), change a "
                    "number and run it again."
                ).format(file=escape(self.lesson_path))
            )
        else:
            self.lesson.setText("")
        self._fill_details(target)

    def _place_buttons(self) -> None:
        """The buttons that are shown, two to a row with no hole where a program is missing."""
        buttons = (self.open_folder, self.open_vscode, self.start_jupyter, self.run_again, self.make_shortcut)
        for button in buttons:
            self.grid.removeWidget(button)
        shown = [b for b in buttons if not b.isHidden()]
        for i, button in enumerate(shown):
            self.grid.addWidget(button, i // 2, i % 2)
        for button in buttons:
            if button.isHidden():
                self.grid.addWidget(button, len(shown), 0)  # kept in the page, out of sight

    def _fill_details(self, target: handoff.Target) -> None:
        st = self.state
        os_name = st.os_name
        if st.manager == "conda":
            self.activate_label.setText(
                self.tr(
                    "To use it in a terminal, open a terminal where conda works (on Windows: “Anaconda Prompt” or "
                    "“Miniforge Prompt” from the Start menu) and type this line. After that, python and pip use the "
                    "new environment:"
                )
            )
            self.activate.setPlainText(f"conda activate {st.conda_env_name}")
        else:
            if os_name == "windows":
                self.activate_label.setText(
                    self.tr(
                        "To use it in a terminal, open Command Prompt (or PowerShell) and type the matching line. "
                        "After that, the commands python and pip use the new environment:"
                    )
                )
            else:
                self.activate_label.setText(
                    self.tr(
                        "To use it in a terminal, open Terminal and type this line. After that, the commands "
                        "python and pip use the new environment:"
                    )
                )
            self.activate.setPlainText(
                "\n".join(cmd for _shell, cmd in activate_commands(st.env_dir, os_name))
            )
        self.run_label.setText(
            self.tr(
                "Or run its Python directly, without activating: your first program, or Python on its own:"
            )
        )
        commands = (
            [display_command([target.env_python, self.lesson_path], os_name)] if self.lesson_path else []
        )
        commands.append(display_command([target.env_python], os_name))
        self.run.setPlainText("\n".join(commands))
        self.editor_label.setText(
            self.tr(
                "In an editor such as VS Code or PyCharm, choose this Python as the interpreter: {python}"
            ).format(python=escape(target.env_python))
        )

    def _language(self) -> str:
        wiz = self.wizard()
        translations = getattr(wiz, "translations", None) if wiz is not None else None
        return str(getattr(translations, "language", "en") or "en")
