"""“Prepare PyTorch for other computers…”: make a kit (``wizard/core/kit.py``) from the window.

The learner (or teacher) ticks the computers the kit is for and sees each one's download size before
anything is fetched; Start runs ``pip download`` through :class:`wizard.runner.ProcessRunner`, one call at a
time as :class:`wizard.core.kit.KitMaker` hands them out, with a progress bar and a log; Stop ends pip and its
children. A folder that already holds a kit is resumed (damaged files are fetched again) or extended.
Work that may take seconds (reading the folder, hashing a 2 GB wheel, detecting this computer) runs in a
thread; its results come back as queued signals.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import kit as _kit
from ..core import releases
from ..core.progress import PipProgress, human_size
from ..core.secrets import mask_secrets
from ..runner import ProcessResult, ProcessRunner
from .common import variant_text, wrap_label
from .widgets import LogView

log = logging.getLogger(__name__)

AUTO = "auto"
# (platform, build) offered as ticks; the Python version comes from the combo box
PRESETS: tuple[tuple[str, str], ...] = (
    ("windows-x86_64", "cpu"),
    ("windows-x86_64", "cu130"),
    ("linux-x86_64", "cpu"),
    ("linux-x86_64", "cu130"),
    ("macos-arm64", "mps"),
)
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
ROLE_TARGET = 256  # Qt.ItemDataRole.UserRole


class _Worker(QObject):
    """Runs one function in a thread; ``done(ok, value)`` arrives in the GUI thread."""

    done = Signal(bool, object)

    def run(self, fn: Callable[[], Any]) -> None:
        def work() -> None:
            try:
                value = fn()
            except Exception as exc:  # shown in the dialog; never a traceback for the learner
                log.exception("kit work failed")
                self.done.emit(False, exc)
                return
            self.done.emit(True, value)

        threading.Thread(target=work, name="kit-work", daemon=True).start()


class KitDialog(QDialog):
    finished_kit = Signal(str)  # the kit's folder, when it is complete

    def __init__(self, parent: QWidget | None = None, *, data: releases.ReleaseData | None = None) -> None:
        super().__init__(parent)
        self.data = data or releases.load()
        self.folder = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.python = QComboBox()
        for py in PYTHONS:
            self.python.addItem(py, py)
        self.python.setCurrentIndex(PYTHONS.index("3.12"))
        self.python.currentIndexChanged.connect(self._fill_targets)
        self.targets = QListWidget()
        self.targets.itemChanged.connect(lambda _i: self._refresh_sizes())
        self.other = QLineEdit()
        self.other.setPlaceholderText("linux-arm64-py3.12-cpu")
        self.add_other = QPushButton()
        self.add_other.clicked.connect(self._add_other)
        self.source = QComboBox()
        for key in ("default", "index", "wheels"):
            self.source.addItem("", key)
        self.source.currentIndexChanged.connect(self._on_source)
        self.source_text = QLineEdit()
        self.source_text.setVisible(False)
        self.source_text.editingFinished.connect(self._refresh_sizes)
        self.total = wrap_label()
        self.status = wrap_label()
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.log_view = LogView()
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.start.clicked.connect(self.begin)
        self.stop.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.stop.setEnabled(False)

        self.intro = wrap_label()
        self.folder_label, self.python_label, self.source_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form.addRow(self.folder_label, row)
        form.addRow(self.python_label, self.python)
        src = QHBoxLayout()
        src.addWidget(self.source)
        src.addWidget(self.source_text, 1)
        form.addRow(self.source_label, src)
        other = QHBoxLayout()
        other.addWidget(self.other, 1)
        other.addWidget(self.add_other)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.targets, 1)
        layout.addLayout(other)
        layout.addWidget(self.total)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.log_view, 1)
        layout.addWidget(self.buttons)

        self.runner = ProcessRunner(self, idle_s=900.0)
        self.runner.line.connect(self._on_line)
        self.runner.finished.connect(self._on_pip_finished)
        self.worker = _Worker(self)
        self._then: Callable[[bool, Any], None] = lambda _ok, _v: None
        self.worker.done.connect(lambda ok, value: self._then(ok, value))
        self.maker: _kit.KitMaker | None = None
        self.progress = PipProgress()
        self.python_exe: str | None = None
        self.state = "idle"  # idle | preparing | running | stopping | done | failed | stopped
        self._others: list[str] = []
        self.resize(640, 640)
        self.retranslate()
        self._fill_targets()

    # -- choices ------------------------------------------------------------------------------
    def _fill_targets(self) -> None:
        presets = {f"{p}-{v}" for p, v in PRESETS}
        ticked = {_preset_key(n) if _preset_key(n) in presets else n for n in self.checked_names()}
        self.targets.blockSignals(True)
        self.targets.clear()
        names = [AUTO] + [f"{p}-py{self.python.currentData()}-{v}" for p, v in PRESETS] + self._others
        for name in names:
            item = QListWidgetItem()
            item.setData(ROLE_TARGET, name)
            item.setCheckState(_check(name in ticked or _preset_key(name) in ticked & presets))
            self.targets.addItem(item)
        self.targets.blockSignals(False)
        self._refresh_sizes()

    def checked_names(self) -> list[str]:
        out = []
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            if item.checkState() == _check(True):
                out.append(str(item.data(ROLE_TARGET)))
        return out

    def set_checked(self, names: list[str]) -> None:
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            item.setCheckState(_check(str(item.data(ROLE_TARGET)) in names))

    def _add_other(self) -> None:
        text = self.other.text().strip()
        try:
            name = _kit.parse_target(text, self.data).name
        except _kit.KitError as exc:
            self.status.setText(exc.message())
            return
        if name not in self._others:
            self._others.append(name)
        self._fill_targets()
        self.set_checked([*self.checked_names(), name])
        self.other.clear()

    def _on_source(self) -> None:
        key = self.source.currentData()
        self.source_text.setVisible(key != "default")
        self.source_text.setPlaceholderText(
            "https://mirror.example.edu/whl/cpu" if key == "index" else self.tr("a folder of .whl files")
        )
        self._refresh_sizes()

    def source_spec(self) -> str:
        key = self.source.currentData()
        return "default" if key == "default" else f"{key}:{self.source_text.text().strip()}"

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the kit"), self.folder.text())
        if path:
            self.folder.setText(path)
            self._refresh_sizes()

    def _size_source(self) -> _kit.Source:
        """The source for the size shown before starting: a folder's real sizes; for an index, the data file's
        estimate (reading a mirror's pages waits until Start)."""
        try:
            src = _kit.parse_source(self.source_spec())
        except _kit.KitError:
            return _kit.Source()
        return src if src.folder is not None else _kit.Source()

    def _refresh_sizes(self) -> None:
        src = self._size_source()
        out = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        total = 0
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            name = str(item.data(ROLE_TARGET))
            if name == AUTO:
                item.setText(self.tr("This computer (found when you press Start)"))
                continue
            label = self._target_label(name)
            try:
                plan = _kit.plan_target(_kit.parse_target(name, self.data), src, self.data)
            except _kit.KitError as exc:
                item.setText(f"{label} — {exc.message()}")
                continue
            have, complete = _kit.present_bytes(out, plan.target.name) if out else (0, False)
            need = 0 if complete else max(0, plan.estimate_bytes - have)
            if complete:
                item.setText(self.tr("{target} — already in the kit").format(target=label))
            else:
                item.setText(
                    self.tr("{target} — PyTorch {torch}, about {size}").format(
                        target=label, torch=plan.torch, size=human_size(need)
                    )
                )
            if item.checkState() == _check(True):
                total += need
        self.total.setText(
            self.tr("To download for the ticked computers: about {size}.").format(size=human_size(total))
        )

    def _target_label(self, name: str) -> str:
        try:
            t = _kit.parse_target(name, self.data)
        except _kit.KitError:
            return name
        system = {
            "windows": self.tr("Windows"),
            "linux": self.tr("Linux"),
            "macos": self.tr("Mac"),
        }[t.os]
        cpu = {"x86_64": self.tr("Intel/AMD"), "arm64": self.tr("ARM")}[t.arch]
        return self.tr("{system} ({cpu}), Python {python}, {build}").format(
            system=system, cpu=cpu, python=t.pyver, build=variant_text(t.variant)
        )

    # -- running -------------------------------------------------------------------------------
    def begin(self) -> None:
        folder = self.folder.text().strip()
        names = self.checked_names()
        if not folder:
            self.status.setText(
                self.tr("Choose a folder for the kit first (an empty folder or a kit to add to).")
            )
            return
        if not names:
            self.status.setText(self.tr("Tick at least one computer the kit is for."))
            return
        spec = self.source_spec()
        self._set_running("preparing")
        self.status.setText(self.tr("Getting ready: choosing the builds and checking the folder…"))

        def prepare() -> tuple[_kit.KitMaker, list[_kit.Problem], str]:
            source = _kit.parse_source(spec)
            python = _kit.default_python()
            info = _kit.probe_python(python) if python else None
            if python is None or info is None:
                raise RuntimeError(self.tr("No Python with pip was found to download with."))
            targets: list[_kit.Target] = []
            for name in names:
                t = _kit.auto_target(info) if name == AUTO else _kit.parse_target(name, self.data)
                if t.name not in {x.name for x in targets}:
                    targets.append(t)
            plans = [
                _kit.plan_target(t, source, _kit.release_data_for(source, t, self.data)) for t in targets
            ]
            maker = _kit.KitMaker(
                Path(folder),
                plans,
                source,
                python=python,
                raw_progress=_kit.pip_at_least(info[3], (24, 1)),
            )
            repaired = maker.prepare()
            total = sum(p.estimate_bytes - _kit.present_bytes(Path(folder), p.target.name)[0] for p in plans)
            return maker, repaired, human_size(max(0, total))

        self._work(prepare, self._prepared)

    def _work(self, fn: Callable[[], Any], then: Callable[[bool, Any], None]) -> None:
        self._then = then
        self.worker.run(fn)

    def _prepared(self, ok: bool, value: Any) -> None:
        if not ok:
            self._fail(value.message() if isinstance(value, _kit.KitError) else str(value))
            return
        if self.state == "stopping":
            self._stopped()
            return
        self.maker, repaired, size = value
        self.state = "running"
        for problem in repaired:
            self.log_view.append(problem.message())
        self.status.setText(self.tr("Downloading about {size}…").format(size=size))
        self._next()

    def _next(self) -> None:
        assert self.maker is not None
        if self.state == "stopping":
            self._stopped()
            return
        try:
            call = self.maker.next_call()
        except _kit.KitError as exc:
            self._fail(exc.message())
            return
        if call is None:
            self._work(self.maker.finish, self._finished)
            return
        self.progress = PipProgress()
        self.status.setText(
            self.tr("{target}: fetching {what}").format(target=call.target, what=", ".join(call.requirements))
        )
        self.log_view.append("$ " + " ".join(call.shown()))
        self.runner.start(call.program, list(call.args), timeout_s=call.timeout_s)

    def _on_line(self, text: str) -> None:
        self.log_view.append(mask_secrets(text))
        if self.progress.feed(text):
            frac = self.progress.fraction
            if frac is None:
                self.bar.setRange(0, 0)
            else:
                self.bar.setRange(0, 1000)
                self.bar.setValue(int(frac * 1000))
                self.bar.setFormat(
                    f"{self.progress.file} — {human_size(self.progress.done)} / {human_size(self.progress.total)}"
                )

    def _on_pip_finished(self, result: ProcessResult) -> None:
        if result.cancelled or self.state == "stopping":
            self._stopped()
            return
        maker = self.maker
        assert maker is not None
        code = None if (result.timed_out or result.start_error or result.crashed) else result.exit_code
        output = result.output
        if result.timed_out:
            output += "\nRead timed out."
        if result.start_error:
            output += "\n" + result.start_error
        self._work(lambda: maker.call_finished(code, output), self._call_done)

    def _call_done(self, ok: bool, value: Any) -> None:
        if not ok:
            self._fail(str(value))
            return
        outcome: _kit.CallOutcome = value
        if not outcome.ok:
            if outcome.problem is not None:
                self._fail(outcome.problem.message())
            elif outcome.diagnosis is not None:
                self._fail(f"{outcome.diagnosis.title}. {outcome.diagnosis.explanation}")
            else:
                self._fail("?")
            return
        self._next()

    def _finished(self, ok: bool, value: Any) -> None:
        if not ok:
            self._fail(str(value))
            return
        kit: _kit.Kit = value
        self.state = "done"
        self._set_running(None)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.bar.setFormat("")
        size = human_size(sum(f.size for f in kit.files.values()))
        self.status.setText(
            self.tr(
                "The kit is ready: {targets} ({size}). Copy the whole folder to the other computers (a USB stick "
                "works), or serve it to a classroom with “python -m http.server” in the folder."
            ).format(targets=", ".join(sorted(kit.targets)), size=size)
        )
        self._refresh_sizes()
        self.finished_kit.emit(str(kit.folder))

    def cancel(self) -> None:
        if self.state not in ("preparing", "running"):
            return
        was = self.state
        self.state = "stopping"
        self.stop.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))
        if was == "running" and self.runner.is_running():
            self.runner.cancel()

    def _stopped(self) -> None:
        self.state = "stopped"
        self._set_running(None)
        self.status.setText(
            self.tr("Stopped. What was finished stays in the folder; press Start again to go on from there.")
        )

    def _fail(self, message: str) -> None:
        self.state = "failed"
        self._set_running(None)
        self.status.setText(
            self.tr(
                "The kit could not be finished: {why} What was finished stays in the folder; press Start to try again."
            ).format(why=mask_secrets(message))
        )

    def _set_running(self, state: str | None) -> None:
        """``state`` "preparing" or "running" locks the choices; None unlocks them."""
        running = state is not None
        if state is not None:
            self.state = state
        for w in (
            self.folder,
            self.browse,
            self.python,
            self.targets,
            self.other,
            self.add_other,
            self.source,
            self.source_text,
        ):
            w.setEnabled(not running)
        self.start.setEnabled(not running)
        self.stop.setEnabled(running)
        if running:
            self.bar.setVisible(True)
            self.bar.setRange(0, 0)

    def reject(self) -> None:
        if self.state in ("preparing", "running"):
            self.cancel()
            return  # closes once pip has ended (press Close again)
        super().reject()

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prepare PyTorch for other computers"))
        self.intro.setText(
            self.tr(
                "Download PyTorch once for many computers, for example a classroom or a friend with a slow "
                "connection. Tick the computers it is for; the wizard chooses the right build for each, as it "
                "does for an install. Then copy the folder (a USB stick works) and choose it on the other "
                "computers' Review page."
            )
        )
        self.folder_label.setText(self.tr("Kit folder:"))
        self.browse.setText(self.tr("Browse…"))
        self.python_label.setText(self.tr("Python on those computers:"))
        self.source_label.setText(self.tr("Download from:"))
        self.source.setItemText(0, self.tr("PyTorch's download server"))
        self.source.setItemText(1, self.tr("A mirror (address)"))
        self.source.setItemText(2, self.tr("A folder of wheel files"))
        self.add_other.setText(self.tr("Add"))
        self.other.setToolTip(self.tr("Another computer, written as system-processor-python-build"))
        self.start.setText(self.tr("Start"))
        self.stop.setText(self.tr("Stop"))
        if self.targets.count():
            self._refresh_sizes()


def _preset_key(name: str) -> str:
    """``windows-x86_64-py3.12-cpu`` -> ``windows-x86_64-cpu``: a tick that follows the Python chosen."""
    return re.sub(r"-py\d+\.\d+t?-", "-", name)


def _check(on: bool) -> Any:
    from PySide6.QtCore import Qt

    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


__all__ = ["KitDialog"]
