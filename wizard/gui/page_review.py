"""Review (the commit page): exactly what will run, where packages come from, size and free space."""

from __future__ import annotations

import dataclasses
import logging
import os
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWizard,
)

from ..core import conda, envdir
from ..core.extras import nvcc_available, nvcc_option_label
from ..core.plan import (
    InstallPlan,
    PackageSource,
    Route,
    SourceKind,
    build_plan,
    check_wheel_folder,
    display_command,
    pinned_version,
    scan_wheel_folder,
)
from ..core.precheck import space_checks, where_label
from ..core.progress import human_size
from ..core.secrets import mask_secrets
from . import review_checks
from .common import Page, size_text, wrap_label
from .review_checks import LatestOnly
from .summary import SummaryCard
from .widgets import CopyableText

log = logging.getLogger(__name__)
MIRROR_PAUSE_MS = 800  # a typed mirror address is checked after this pause, or when the field is left
QUICK_WAIT_S = 0.03  # how long the page waits for a quick answer (a wheel folder's structure) in passing
VISION_WAIT_MS = 3000  # Install waits at most this long for the index's torchvision answer


class LatestOnlyChecker(LatestOnly):
    """Asks the package index whether the chosen wheel exists, one question at a time: a newer question
    replaces one still waiting, and only the newest answer is announced. Never blocks the page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent, "wheel-check")

    def check(self, key: tuple[Any, ...], *, wait_s: float = 0.0) -> Any:
        """The answer for ``key`` = (index_url, version, python, os_name, arch), or None while it is asked."""
        return super().check(key, wait_s=wait_s)

    def _compute(self, key: Any, cancelled: Any, progress: Any) -> Any:
        from ..core import wheelcheck

        index_url, version, python, os_name, arch = key
        try:
            result = wheelcheck.check_wheel(
                index_url, "torch", version, python, os_name, arch, macos_version=_macos(os_name)
            )
        except Exception:  # the check must never stop an install
            log.warning("the wheel check failed", exc_info=True)
            result = None
        return result


def _macos(os_name: str) -> str | None:
    """This Mac's version (wheels need macOS 14 from 2.12); None elsewhere."""
    import platform

    return (platform.mac_ver()[0] or None) if os_name == "macos" else None


class ReviewPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.card = SummaryCard()
        self.summary = wrap_label()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.source_box = QGroupBox()
        self.src_index = QRadioButton()
        self.src_index.setChecked(True)
        self.src_folder = QRadioButton()
        self.src_custom = QRadioButton()
        self.group = QButtonGroup(self)
        for b in (self.src_index, self.src_folder, self.src_custom):
            self.group.addButton(b)
        self.group.buttonToggled.connect(self._on_source_changed)
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self._update)
        self.folder_browse = QPushButton()
        self.folder_browse.clicked.connect(self._on_browse)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("https://…/simple")
        self.custom.textChanged.connect(self._on_mirror_typed)
        self.custom.editingFinished.connect(self._commit_mirror)
        self._mirror_timer = QTimer(self)
        self._mirror_timer.setSingleShot(True)
        self._mirror_timer.setInterval(MIRROR_PAUSE_MS)
        self._mirror_timer.timeout.connect(self._commit_mirror)
        self.mirror_to_check = ""  # the typed address once it is complete and the learner paused
        grid = QGridLayout(self.source_box)
        grid.addWidget(self.src_index, 0, 0, 1, 3)
        grid.addWidget(self.src_folder, 1, 0)
        grid.addWidget(self.folder, 1, 1)
        grid.addWidget(self.folder_browse, 1, 2)
        grid.addWidget(self.src_custom, 2, 0)
        grid.addWidget(self.custom, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.torchvision = QCheckBox()
        self.torchvision.setChecked(True)
        self.torchvision.toggled.connect(self._on_vision_toggled)
        self.torchvision_why = wrap_label()
        self.torchvision_why.setContentsMargins(24, 0, 0, 0)
        self.torchvision_why.setVisible(False)
        self.nvcc = QCheckBox()
        self.nvcc.toggled.connect(self._update)
        self.jupyter = QCheckBox()  # JupyterLab, for the Finish page's "Start Jupyter"
        self.jupyter.toggled.connect(self._update)
        self.route_label = QLabel()
        self.route = QComboBox()
        self.route.currentIndexChanged.connect(self._update)
        self.route_reason = wrap_label()
        self.checker = LatestOnlyChecker(self)
        # a bound method (not a lambda): the answer comes from a worker thread and must be queued to this one
        self.checker.done.connect(self._on_wheel_checked)
        # the wheel folder: a quick look at every file first (Install waits for it), then every byte
        self.quick_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-quick")
        self.deep_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-deep")
        self.vision_checker = LatestOnly(review_checks.check_torchvision, self, "torchvision-check")
        self._kit_data: Any = None  # the release data the kit's target is picked with
        self.kit_checker = LatestOnly(self._check_kit, self, "kit-check")
        self.near_checker = LatestOnly(review_checks.find_kit, self, "kit-near")
        for c in (self.quick_checker, self.deep_checker, self.kit_checker):
            c.done.connect(self._on_wheel_checked)
        self.vision_checker.done.connect(self._on_vision_checked)
        self.near_checker.done.connect(self._on_kit_near)
        self.deep_checker.progress.connect(self._on_check_progress)
        self.kit_checker.progress.connect(self._on_check_progress)
        self.kit: Any = None  # review_checks.KitCheck of the kit in use (None: no kit)
        self.kit_near: str = ""  # a kit found next to the app, chosen for the learner
        self.vision: Any = None  # review_checks.VisionCheck for the plan (None: not asked / asking)
        self._wheel_key: Any = None  # the torch question for the plan shown
        self._vision_key: Any = None  # the torchvision question for the plan shown
        self._vision_asking: Any = None  # the torchvision question still open, when Install was pressed
        self._vision_given_up: set[object] = set()  # questions Install stopped waiting for
        self._vision_timer = QTimer(self)
        self._vision_timer.setSingleShot(True)
        self._vision_timer.setInterval(VISION_WAIT_MS)
        self._vision_timer.timeout.connect(self._on_vision_wait_over)
        self.checking = wrap_label()  # what is being checked in the background, file by file
        self.checking.setVisible(False)
        self.commands_label = wrap_label()
        self.commands_toggle = QToolButton()
        self.commands_toggle.setCheckable(True)
        self.commands_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.commands_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.commands_toggle.toggled.connect(self._on_commands_toggled)
        self.commands = CopyableText(lines=7)
        self.commands.setVisible(False)
        # what to do when something stands in the way: big enough to see, with buttons that work
        self.help_box = QFrame()
        self.help_box.setObjectName("reviewHelp")
        self.help_box.setStyleSheet(
            "#reviewHelp { background: #fff4e5; border: 1px solid #e0a040; border-radius: 6px; }"
            "#reviewHelp QLabel { color: #5a3a00; }"
        )
        self.help_text = wrap_label()
        self.help_text.setTextFormat(Qt.TextFormat.RichText)
        self.switch_python = QPushButton()
        self.switch_python.clicked.connect(self._on_switch_python)
        self.use_folder = QPushButton()
        self.use_folder.clicked.connect(lambda: self.src_folder.setChecked(True))
        self.use_mirror = QPushButton()
        self.use_mirror.clicked.connect(self._on_use_mirror)
        self.use_server = QPushButton()
        self.use_server.clicked.connect(lambda: self.src_index.setChecked(True))
        self.retry = QPushButton()
        self.retry.clicked.connect(self._on_retry)
        self.choose_folder = QPushButton()
        self.choose_folder.clicked.connect(self._on_choose_another_folder)
        help_buttons = QHBoxLayout()
        for button in self._help_buttons():
            help_buttons.addWidget(button)
        help_buttons.addStretch(1)
        help_layout = QVBoxLayout(self.help_box)
        help_layout.addWidget(self.help_text)
        help_layout.addLayout(help_buttons)
        self.help_box.setVisible(False)
        self.switch_target: Any = None  # the Python that fits the wheel folder
        self._vision_wanted = True
        self.sizes = wrap_label()
        self.sizes.setTextFormat(Qt.TextFormat.RichText)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = self.scrolled_layout()
        layout.addWidget(self.card)
        layout.addWidget(self.summary)
        layout.addWidget(self.help_box)
        layout.addWidget(self.source_box)
        route_row = QHBoxLayout()
        route_row.addWidget(self.route_label)
        route_row.addWidget(self.route, 1)
        layout.addLayout(route_row)
        layout.addWidget(self.route_reason)
        layout.addWidget(self.torchvision)
        layout.addWidget(self.torchvision_why)
        layout.addWidget(self.nvcc)
        layout.addWidget(self.jupyter)
        row = QHBoxLayout()
        row.addWidget(self.sizes, 1)
        layout.addLayout(row)
        layout.addWidget(self.checking)
        layout.addWidget(self.message)
        layout.addWidget(self.commands_label)
        layout.addWidget(self.commands_toggle)
        layout.addWidget(self.commands)
        layout.addStretch(1)
        self._ok = False
        self.retranslate()

    def initializePage(self) -> None:
        s = self.wiz().settings
        kind = s.value("source_kind", SourceKind.PYTORCH_INDEX.value)
        self.folder.setText(str(s.value("wheel_folder", "")))
        self.custom.setText(str(s.value("custom_index", "")))
        self.mirror_to_check = self.custom.text().strip()  # remembered, so complete: checked at once
        self._vision_wanted = str(s.value("torchvision", "true")).lower() == "true"
        self.torchvision.setChecked(self._vision_wanted)
        self.jupyter.setChecked(str(s.value("jupyter", "false")).lower() == "true")
        {SourceKind.WHEEL_FOLDER.value: self.src_folder, SourceKind.CUSTOM_INDEX.value: self.src_custom}.get(
            str(kind), self.src_index
        ).setChecked(True)
        self.wiz().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Install"))
        st = self.state
        conda_env = st.manager == "conda" and st.conda_install is not None
        self.route.blockSignals(True)
        self.route.clear()
        if conda_env and st.variant is not None and st.conda_install is not None:
            for route, reason in conda.available_routes(st.conda_install, st.variant, st.os_name, st.data):
                self.route.addItem(self._route_label(route), (route, reason))
        self.route.blockSignals(False)
        for w in (self.route_label, self.route, self.route_reason):
            w.setVisible(conda_env)
        can_nvcc = nvcc_available(st.variant, st.data, conda=conda_env)
        self.nvcc.setVisible(can_nvcc)
        if not can_nvcc:
            self.nvcc.setChecked(False)
        near = review_checks.app_folder()
        if near is not None and not s.contains("source_kind"):  # the learner never chose a source here
            self.near_checker.check((str(near),))  # a kit beside the app: looked for off the GUI thread
        self.retranslate()

    def _on_source_changed(self, *_args: object) -> None:
        self.folder.setEnabled(self.src_folder.isChecked())
        self.folder_browse.setEnabled(self.src_folder.isChecked())
        self.custom.setEnabled(self.src_custom.isChecked())
        self._update()

    def _on_browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the folder with the wheel files, or a kit's folder"),
            self.folder.text() or os.path.expanduser("~"),
        )
        if path:
            self.folder.setText(path)

    def source(self) -> PackageSource:
        if self.src_folder.isChecked():
            return PackageSource(SourceKind.WHEEL_FOLDER, folder=self.folder.text().strip())
        if self.src_custom.isChecked():
            return PackageSource(SourceKind.CUSTOM_INDEX, index_url=self.custom.text().strip())
        return PackageSource(SourceKind.PYTORCH_INDEX, index_url=self.state.source_index_url)

    def _update(self, *_args: object) -> None:
        """Check every field and show the plan. Nothing the learner types may raise out of here: an
        unexpected error becomes a message, and Back (and the other sources) still work."""
        try:
            self._update_checked()
        except Exception:
            log.exception("the Review page could not check the choices")
            self._set_ok(False)
            self.message.setText(
                "<span style='color:#a61b1b'>✘ "
                + self.tr(
                    "The wizard could not check these choices. Change the source above, or go Back and "
                    "choose again; Save report… keeps the details for help."
                )
                + "</span>"
            )

    def _source_problems(self, source: PackageSource) -> tuple[list[str], list[str], Any]:
        """(problems, warnings, scanned wheel folder or None) for the chosen source."""
        st = self.state
        problems: list[str] = []
        warnings: list[str] = []
        folder = None
        if source.kind is SourceKind.WHEEL_FOLDER:
            text = source.folder or ""
            if "\x00" in text:
                problems.append(self.tr("A folder name cannot contain that invisible character (NUL)."))
            else:
                folder = scan_wheel_folder(text)
                problems += check_wheel_folder(folder, st.python_version, st.os_name)
        elif source.kind is SourceKind.CUSTOM_INDEX:
            p, w = envdir.check_index_url(source.index_url or "")
            problems += p
            warnings += w
        return problems, warnings, folder

    def fitting_python(self, folder: Any) -> Any:
        """Another suitable Python on this computer that the wheel folder has PyTorch for (None: none)."""
        from ..core import interpreters

        st = self.state
        if folder is None or not folder.has("torch"):
            return None
        current = getattr(st.interpreter, "path", None)
        fits = []
        for interp in st.interpreters:
            if interp.path == current or not interp.version_info[0]:
                continue
            verdict = interpreters.assess(interp, st.data)
            if verdict.suitable and folder.best("torch", tuple(interp.version_info[:2]), st.os_name):
                fits.append((0 if not interp.is_venv else 1, -verdict.score, interp.path, interp))
        return min(fits, key=lambda f: f[:3])[3] if fits else None

    def _update_checked(self) -> None:
        st = self.state
        if st.interpreter is None or st.variant is None:
            return
        source = self.source()
        self._wheel_key = self._vision_key = None
        kit = self._kit_for(source)
        waiting: list[str] = []  # checks Install waits for (not problems)
        done_lines: list[str] = []  # checks that passed
        help_kind = ""
        self.switch_target = None
        if kit is not None or (source.kind is SourceKind.WHEEL_FOLDER and self._kit_folder(source)):
            problems: list[str] = []
            warnings: list[str] = []
            folder: Any = None
        else:
            problems, warnings, folder = self._source_problems(source)
        pins: tuple[str | None, str | None] | None = None  # (torch, torchvision) that the source decides
        self.kit = kit if isinstance(kit, review_checks.KitCheck) else None
        if kit == "asking":
            waiting.append(self.tr("Checking every file of the kit against its list (kit.json)…"))
        elif self.kit is not None:
            help_kind, pins, source, folder = self._use_kit(self.kit, problems, warnings, done_lines)
        # The index is asked only for a complete mirror address the learner stopped typing.
        check_source: PackageSource | None = source
        if source.kind is SourceKind.CUSTOM_INDEX and self.kit is None:
            typed = (source.index_url or "").strip()
            if problems or typed != self.mirror_to_check or not envdir.is_complete_url(typed):
                check_source = None
        if source.kind is SourceKind.WHEEL_FOLDER and self.kit is None and folder is not None:
            help_kind = self._check_wheel_files(folder, problems, waiting, done_lines) or help_kind
        else:
            self.quick_checker.stop()
            self.deep_checker.stop()
        self.vision = self._vision_check(check_source) if pins is None else None
        if self.vision is not None and self.vision.status == "other":
            pins = (None, self.vision.pin)
        self._set_torchvision_possible(folder, kit=self.kit, vision=self.vision)
        if source.kind is SourceKind.WHEEL_FOLDER and problems and folder is not None and self.kit is None:
            self.switch_target = self.fitting_python(folder)
            if self.switch_target is not None:
                help_kind = "switch"
        try:
            plan = self._make_plan(source, folder, pins)
        except ValueError as exc:  # a conda env name taken since the last page, say
            problems.append(str(exc))
            self._set_ok(False)
            self._show_help(help_kind)
            self.message.setText("<br>".join(f"<span style='color:#a61b1b'>✘ {p}</span>" for p in problems))
            return
        if self.vision is not None and self.vision.status == "other" and plan.request.torchvision:
            warnings.append(
                self.tr(
                    "This package index does not have torchvision {wanted}. It has torchvision {found}, which "
                    "is made for PyTorch {torch}: that one is installed."
                ).format(wanted=self.vision.wanted, found=self.vision.pin, torch=self.vision.torch)
            )
        wheel = self._wheel_check(plan, check_source) if check_source is not None else None
        if wheel is not None and wheel.status == "missing":
            if source.kind is SourceKind.CUSTOM_INDEX and self._one_build() and self.kit is None:
                problems.append(
                    self.tr(
                        "This mirror does not have PyTorch {torch} for this computer yet (mirrors are "
                        "sometimes days behind). Use the PyTorch download server or a folder of wheel "
                        "files instead, or try the mirror again later."
                    ).format(torch=plan.request.torch or "")
                )
                help_kind = help_kind or "mirror-missing"
            else:
                problems.append(escape(mask_secrets(wheel.message)))
        unreachable = (
            wheel is not None and wheel.status == "unknown" and source.kind is not SourceKind.WHEEL_FOLDER
        )
        if unreachable:
            help_kind = help_kind or (
                "server-unreachable" if source.kind is SourceKind.PYTORCH_INDEX else "mirror-unreachable"
            )
        st.plan = plan
        self._show_summary(plan)
        st.source = source
        st.include_torchvision = self.torchvision.isChecked()
        self.commands.setPlainText("\n".join(self._shown_command(step.argv) for step in plan.steps))
        installed_mb = st.data.installed_mb(st.variant, st.os_name)
        size_lines = []
        if plan.download_mb:
            size_lines.append(self.tr("Download: about {size}.").format(size=size_text(plan.download_mb)))
        else:
            size_lines.append(self.tr("Nothing is downloaded: the files come from the folder."))
        size_lines.append(
            self.tr("The new environment needs about {size}.").format(size=size_text(installed_mb))
        )
        for check in space_checks(st.env_dir, installed_mb, plan.download_mb, os_name=st.os_name):
            uses = self.tr(", ").join(where_label(n.where) for n in check.needs)
            if check.free_bytes is not None:
                size_lines.append(
                    self.tr("Free space in {path}: {free} (needed: {need}, for {uses}).").format(
                        path=check.path,
                        free=human_size(check.free_bytes),
                        need=human_size(check.need_bytes),
                        uses=uses,
                    )
                )
            if not check.ok:
                problems.append(
                    self.tr(
                        "There is not enough free space in {path}: free up {size} there, or go back and choose a "
                        "folder on another drive."
                    ).format(path=check.path, size=human_size(check.short_by))
                )
        if wheel is not None and wheel.status == "found":
            size_lines.append("✔ " + escape(mask_secrets(wheel.message)))
        elif unreachable and wheel is not None:
            size_lines.append("⚠ " + escape(mask_secrets(wheel.message)))
        elif check_source is None and source.kind is SourceKind.CUSTOM_INDEX and not problems:
            size_lines.append(self.tr("The mirror is checked when you have finished typing its address."))
        size_lines += ["✔ " + escape(line) for line in done_lines]
        self.sizes.setText("<br>".join(size_lines))
        from ..core.plan import Note, note_text

        warnings += [
            note_text(n)
            for n in plan.notes
            if not (n is Note.FOLDER_HAS_NO_TORCHVISION and self.torchvision_why.isVisibleTo(self))
        ]
        msg = [f"<span style='color:#a61b1b'>✘ {p}</span>" for p in problems]
        msg += [f"⚠ {w}" for w in warnings] + [f"⏳ {escape(w)}" for w in waiting]
        self.message.setText("<br>".join(msg))
        self._show_checking()
        self._show_help(help_kind)
        self._set_ok(not problems and not waiting)

    # -- a folder of wheel files: damaged or cut-short files are found here, not during the install ----
    def _check_wheel_files(
        self, folder: Any, problems: list[str], waiting: list[str], done_lines: list[str]
    ) -> str:
        """Check the wheels the plan may take from ``folder`` (those for this Python and computer) off the
        GUI thread: a quick look first (Install waits for it: milliseconds), then every byte. Returns the
        help to show ("broken-wheel") or ""."""
        st = self.state
        arch = getattr(st.hardware, "arch", None)
        py = st.python_version
        names = [w.filename for w in folder.wheels if py is None or w.fits(py, st.os_name, arch)]
        if not names or not folder.has("torch"):
            self.quick_checker.stop()
            self.deep_checker.stop()
            return ""
        quick = self.quick_checker.check(
            review_checks.folder_key(folder.path, names, deep=False), wait_s=QUICK_WAIT_S
        )
        if quick is None:
            self.deep_checker.stop()
            waiting.append(self.tr("Checking the wheel files in the folder…"))
            return ""
        if quick.problems:
            self.deep_checker.stop()
            problems += [escape(p.message) for p in quick.problems]
            return "broken-wheel"
        deep = self.deep_checker.check(review_checks.folder_key(folder.path, names, deep=True))
        if deep is None:
            return ""  # Install may start meanwhile: the quick look found every file complete
        if deep.problems:
            problems += [escape(p.message) for p in deep.problems]
            return "broken-wheel"
        done_lines.append(
            self.tr("Every wheel file in the folder is complete and undamaged ({count} files).").format(
                count=deep.checked
            )
        )
        return ""

    def _show_checking(self) -> None:
        busy = self.deep_checker.is_busy() and self.deep_checker.latest is not None
        busy = busy or (self.kit_checker.is_busy() and self.kit_checker.latest is not None)
        self.checking.setVisible(busy)
        if not busy:
            self.checking.clear()
        elif not self.checking.text():
            self.checking.setText(self.tr("Checking every byte of the files…"))

    def _on_check_progress(self, key: object, what: object) -> None:
        if not isinstance(what, tuple) or len(what) != 3:
            return
        name, index, count = what
        if key == self.kit_checker.latest:
            text = self.tr("Checking every file of the kit against kit.json: {name} ({n} of {count})…")
        else:
            text = self.tr(
                "Checking every byte of the wheel files: {name} ({n} of {count}). You can press Install "
                "meanwhile; a damaged file is named here."
            )
        self.checking.setText(text.format(name=name, n=int(index) + 1, count=count))
        self.checking.setVisible(True)

    def _on_choose_another_folder(self) -> None:
        self.src_folder.setChecked(True)
        self._on_browse()

    # -- a kit: a folder (or a served address) with kit.json -----------------------------------------
    def _machine(self) -> Any:
        from ..core import builds

        st = self.state
        interp = st.interpreter
        bits = getattr(interp, "bits", 64) or 64
        ft = bool(getattr(interp, "free_threaded", False))
        if st.hardware is None:
            arch = "arm64" if st.os_name == "macos" else "x86_64"
            return builds.Machine(
                os=st.os_name, arch=arch, python=st.python_version, python_bits=bits, free_threaded=ft
            )
        return builds.Machine.from_report(st.hardware, st.python_version, bits, ft)

    def _check_kit(self, key: Any, cancelled: Any, progress: Any) -> Any:
        return review_checks.check_kit(key, cancelled, progress, self._kit_data)

    def _kit_folder(self, source: PackageSource) -> str | None:
        return (
            review_checks.kit_folder_of(source.folder or "")
            if source.kind is SourceKind.WHEEL_FOLDER
            else None
        )

    def _kit_for(self, source: PackageSource) -> Any:
        """The kit the source is (a KitCheck), "asking" while a kit folder is checked, or None: no kit (a
        typed address is a plain mirror until it is known to be a kit)."""
        where: str | None = None
        if source.kind is SourceKind.WHEEL_FOLDER:
            where = self._kit_folder(source)
        elif source.kind is SourceKind.CUSTOM_INDEX:
            typed = (source.index_url or "").strip()
            if typed == self.mirror_to_check and envdir.is_complete_url(typed):
                where = typed if not envdir.check_index_url(typed)[0] else None
        if where is None:
            self.kit_checker.stop()
            return None
        self._kit_data = self.state.data
        result = self.kit_checker.check((where, self._machine()))
        if result is None:
            return "asking" if source.kind is SourceKind.WHEEL_FOLDER else None
        plain = result.error is not None and result.error.code in ("not-a-kit", "kit-unreachable")
        if source.kind is SourceKind.CUSTOM_INDEX and plain:
            return None  # a plain mirror (or one that cannot be reached: the wheel check says so)
        return result

    def _use_kit(
        self, kit: Any, problems: list[str], warnings: list[str], done_lines: list[str]
    ) -> tuple[str, tuple[str | None, str | None] | None, PackageSource, Any]:
        """What the kit means for the plan: (help, pins, source, wheel folder), as the command line's
        ``--source kit:…`` (``core.kit.install_source``)."""
        from ..core.kit import install_source

        source = self.source()
        if kit.error is not None:
            problems.append(escape(kit.error.message()))
            return "kit-broken", None, source, None
        pick = kit.pick
        if pick is None or not pick.ok or pick.target is None:
            problems.append(escape(self._nothing_for_this_computer(kit)))
            return "kit-nothing", None, source, None
        if kit.problems:
            problems += [escape(p.message()) for p in kit.problems]
            return "kit-broken", None, source, None
        source, torch, vision = install_source(kit.kit, pick.target, True)
        folder = scan_wheel_folder(source.folder or "") if source.kind is SourceKind.WHEEL_FOLDER else None
        if pick.code == "cpu-instead":
            warnings.append(escape(pick.message()))
        done_lines.append(
            self.tr(
                "The kit has PyTorch for this computer ({target}), and every file matches kit.json."
            ).format(target=review_checks.target_words(pick.target))
        )
        return "", (torch, vision), source, folder

    def _nothing_for_this_computer(self, kit: Any) -> str:
        """Plain words: the kit has nothing for this computer, and what it has."""
        pick = kit.pick
        has = review_checks.kit_has_words(kit.kit)
        if pick is not None and pick.code == "other-python":
            return self.tr(
                "This kit has nothing for Python {python}, the Python chosen for the new environment. It has: "
                "{has}. Go back and choose that Python, or use another source."
            ).format(python=pick.params.get("python", ""), has=has)
        if pick is not None and pick.code == "no-build-runs":
            return self.tr(
                "This kit has PyTorch for this kind of computer, but none of its builds can run here ({why}). "
                "It has: {has}."
            ).format(why=pick.params.get("why", ""), has=has)
        return self.tr(
            "This kit has nothing for this computer ({computer}). It has: {has}. Ask for a kit made for this "
            "computer, or use another source."
        ).format(computer=review_checks.target_words(self._this_target()), has=has)

    def _this_target(self) -> Any:
        from types import SimpleNamespace

        m = self._machine()
        py = m.python or (0, 0)
        return SimpleNamespace(
            os=m.os,
            arch=m.arch,
            python=f"{py[0]}.{py[1]}",
            free_threaded=m.free_threaded,
            variant=self.state.variant,
        )

    def _on_kit_near(self, _key: object, found: object) -> None:
        """A kit next to the app (a teacher's USB stick): chosen for the learner unless they chose."""
        if not found or not self.src_index.isChecked() or self.folder.text().strip():
            return
        self.kit_near = str(found)
        self.folder.setText(self.kit_near)
        self.src_folder.setChecked(True)

    # -- torchvision on the index ---------------------------------------------------------------
    def _vision_check(self, check_source: PackageSource | None) -> Any:
        """What the index has of the torchvision the plan pins (None: not asked, or being asked)."""
        st = self.state
        if (
            check_source is None
            or check_source.kind is SourceKind.WHEEL_FOLDER
            or not check_source.index_url
            or not st.torchvision_version
            or not st.torch_version
            or not self._vision_wanted
            or st.python_version is None
            or self._conda_forge()
        ):
            self.vision_checker.stop()
            return None
        arch = getattr(st.hardware, "arch", None) or "x86_64"
        key = review_checks.vision_key(
            check_source.index_url,
            st.torch_version,
            st.torchvision_version,
            st.python_version,
            st.os_name,
            arch,
            _macos(st.os_name),
        )
        self._vision_key = key
        return self.vision_checker.check(key)

    def _conda_forge(self) -> bool:
        st = self.state
        if st.manager != "conda" or st.conda_install is None:
            return False
        data = self.route.currentData()
        return bool(data) and data[0] == conda.ROUTE_CONDA_FORGE

    def _on_vision_checked(self, key: object, _result: object) -> None:
        self._on_wheel_checked(key, _result)
        if self._vision_asking is not None and key == self._vision_asking:
            self._install_after_wait()

    def _on_vision_wait_over(self) -> None:
        """The index did not answer in time: Install goes on with the pin (as with the torch check, an
        index that cannot be asked never stops the install; pip then says what it finds)."""
        if self._vision_asking is not None:
            self._vision_given_up.add(self._vision_asking)
            self._install_after_wait()

    def _install_after_wait(self) -> None:
        self._vision_asking = None
        self._vision_timer.stop()
        wiz = self.wizard()
        if wiz is not None and wiz.currentPage() is self:
            wiz.next()

    def _one_build(self) -> bool:
        """Only one build can be chosen for this computer (then "choose another build" helps nobody)."""
        rec = self.state.recommendation
        choices = getattr(rec, "choices", ()) or ()
        return sum(1 for c in choices if getattr(c, "runs_here", False)) <= 1

    def _shown_command(self, argv: Any) -> str:
        """The command as the learner could type it; an empty option value (``--find-links ''``) is left out."""
        args = list(argv)
        shown: list[str] = []
        i = 0
        while i < len(args):
            if args[i].startswith("--") and i + 1 < len(args) and args[i + 1] == "":
                i += 2
                continue
            shown.append(args[i])
            i += 1
        return display_command(shown, self.state.os_name)

    def _set_torchvision_possible(self, folder: Any, *, kit: Any = None, vision: Any = None) -> None:
        """Untick and grey out torchvision when it would not be installed (no version for this build, not
        in the wheel folder or the kit, or not on the index for this torch), and say why; give the
        learner's choice back when it can be installed."""
        st = self.state
        py = st.python_version or (3, 12)
        possible = st.torchvision_version is not None
        why = self.tr("There is no torchvision for this PyTorch build.")
        target = getattr(getattr(kit, "pick", None), "target", None) if kit is not None and kit.ok else None
        if target is not None:
            possible = bool(target.torchvision)
            why = self.tr("The kit has no torchvision for this computer, so it is not installed.")
        elif possible and folder is not None and folder.best("torchvision", py, st.os_name) is None:
            possible = False
            why = self.tr("The wheel folder has no torchvision for this Python, so it is not installed.")
        elif possible and vision is not None and vision.status == "none":
            possible = False
            why = self.tr(
                "The package index has no torchvision {version}, and none made for PyTorch {torch}, so only "
                "PyTorch is installed."
            ).format(version=vision.wanted, torch=vision.torch)
        self.torchvision.blockSignals(True)
        self.torchvision.setEnabled(possible)
        self.torchvision.setChecked(self._vision_wanted if possible else False)
        self.torchvision.setToolTip("" if possible else why)
        self.torchvision.blockSignals(False)
        self.torchvision_why.setText(why)
        self.torchvision_why.setVisible(not possible)

    def _on_vision_toggled(self, on: bool) -> None:
        if self.torchvision.isEnabled():
            self._vision_wanted = on
        self._update()

    # -- mirror address: checked after a pause or when the field is left, never per keystroke ----
    def _on_mirror_typed(self, _text: str) -> None:
        self._mirror_timer.start()
        self._update()

    def _commit_mirror(self) -> None:
        self._mirror_timer.stop()
        text = self.custom.text().strip()
        if text != self.mirror_to_check:
            self.mirror_to_check = text
            self._update()

    # -- the help box: what works instead ---------------------------------------------------------
    def _show_help(self, kind: str) -> None:
        self.help_kind = kind
        self.help_box.setVisible(bool(kind))
        if self.wizard() is not None:
            self.wiz().setButtonText(
                QWizard.WizardButton.CommitButton,
                self.tr("Install anyway") if kind.endswith("unreachable") else self.tr("Install"),
            )
        for b in self._help_buttons():
            b.setVisible(False)
        if not kind:
            return
        if kind == "switch":
            t = self.switch_target
            self.help_text.setText(
                "<b>"
                + self.tr("The files in this folder are for Python {want}, not for Python {have}.").format(
                    want=t.version, have=getattr(self.state.interpreter, "version", "?")
                )
                + "</b><br>"
                + self.tr(
                    "Python {want} is on this computer too ({path}). Use it instead: one click, nothing else "
                    "changes."
                ).format(want=t.version, path=t.path)
            )
            self.switch_python.setText(self.tr("Use Python {version}").format(version=t.version))
            self.switch_python.setVisible(True)
        elif kind in ("server-unreachable", "mirror-unreachable"):
            self.help_text.setText(
                "<b>"
                + (
                    self.tr("The PyTorch download server cannot be reached from this computer right now.")
                    if kind == "server-unreachable"
                    else self.tr("This mirror cannot be reached from this computer right now.")
                )
                + "</b><br>"
                + self.tr(
                    "Installing would most likely fail. Check the internet connection and try again, or use a "
                    "folder of wheel files (for example from a teacher's USB stick) or a mirror."
                )
            )
            self.retry.setVisible(True)
            self.use_folder.setVisible(True)
            self.use_mirror.setVisible(kind == "server-unreachable")
            self.use_server.setVisible(kind == "mirror-unreachable")
        elif kind == "mirror-missing":
            self.help_text.setText(
                "<b>" + self.tr("This mirror is behind: it does not have this PyTorch yet.") + "</b>"
            )
            self.use_server.setVisible(True)
            self.use_folder.setVisible(True)
            self.retry.setVisible(True)
        elif kind == "broken-wheel":
            self.help_text.setText(
                "<b>"
                + self.tr("A file in this folder is damaged, so installing from it would fail.")
                + "</b><br>"
                + self.tr(
                    "Copy the folder again (or download that file again), or choose another folder. The file "
                    "is named below."
                )
            )
            self.choose_folder.setVisible(True)
            self.use_server.setVisible(True)
        elif kind in ("kit-broken", "kit-nothing"):
            self.help_text.setText(
                "<b>"
                + (
                    self.tr("This kit cannot be used on this computer.")
                    if kind == "kit-nothing"
                    else self.tr("This kit cannot be used: it is incomplete or damaged.")
                )
                + "</b><br>"
                + self.tr(
                    "What is wrong is said below. Choose another folder, or use the PyTorch download server."
                )
            )
            self.choose_folder.setVisible(True)
            self.use_server.setVisible(True)
        self.choose_folder.setText(self.tr("Choose another folder…"))
        self.use_folder.setText(self.tr("Use a folder of wheel files"))
        self.use_mirror.setText(self.tr("Use a mirror"))
        self.use_server.setText(self.tr("Use the PyTorch download server"))
        self.retry.setText(self.tr("Try again"))

    def _help_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.switch_python,
            self.choose_folder,
            self.use_folder,
            self.use_mirror,
            self.use_server,
            self.retry,
        )

    def _on_switch_python(self) -> None:
        """Switch to the Python the wheel folder fits, here, before anything starts (no restart)."""
        target = self.switch_target
        if target is None:
            return
        from .window import PageId

        wiz = self.wiz()
        self.state.interpreter = target
        wiz.settings.setValue("python", target.path)
        python_page: Any = wiz.pages.get(PageId.PYTHON)
        if python_page is not None:
            python_page.select(target)
        hardware: Any = wiz.pages.get(PageId.HARDWARE)
        if hardware is not None and getattr(hardware, "_report", None) is not None:
            hardware._decide()  # the build for the new Python (its torch version may differ)
        self.retranslate()
        self._update()

    def _on_use_mirror(self) -> None:
        self.src_custom.setChecked(True)
        self.custom.setFocus()

    def _on_retry(self) -> None:
        """Ask the server again (its earlier answer is forgotten)."""
        for key in list(self.checker.results):
            if (
                self.checker.results.get(key) is None
                or getattr(self.checker.results[key], "status", "") != "found"
            ):
                self.checker.forget(key)
        self._update()

    def _on_commands_toggled(self, on: bool) -> None:
        self.commands.setVisible(on)
        self.commands_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._retranslate_toggle()

    def _retranslate_toggle(self) -> None:
        self.commands_toggle.setText(
            self.tr("Hide the exact commands")
            if self.commands_toggle.isChecked()
            else self.tr("Details: the exact commands")
        )

    def _show_summary(self, plan: InstallPlan) -> None:
        st = self.state
        torch = pinned_version(plan, "torch") or st.torch_version or self.tr("the newest")
        if st.manager == "conda" and st.conda_install is not None:
            python = self.tr("Python {version} from conda-forge").format(version=self._python_text())
        else:
            python = self.tr("Python {version} from {path}").format(
                version=getattr(st.interpreter, "version", "?"), path=getattr(st.interpreter, "path", "?")
            )
        self.summary.setText(
            python + "<br>" + self.tr("New environment: <b>{env}</b>").format(env=escape(st.env_dir))
        )
        self.card.set_facts(
            torch.split("+")[0],  # as pytorch.org writes it: 2.13.0, not 2.13.0+cpu
            st.variant,
            self._python_text(),
            st.os_name,
            "conda" if st.manager == "conda" else "pip",
        )

    def _on_wheel_checked(self, _key: object, _result: object) -> None:
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self._update()

    def _set_ok(self, ok: bool) -> None:
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

    def _route_label(self, route: str) -> str:
        if route == conda.ROUTE_CONDA_FORGE:
            return self.tr("conda-forge's PyTorch packages (conda install)")
        return self.tr("PyTorch's own packages, installed with pip inside the conda environment")

    def _python_text(self) -> str:
        major, minor = self.state.python_version or (3, 12)
        return f"{major}.{minor}"

    def _make_plan(
        self, source: PackageSource, folder: Any, pins: tuple[str | None, str | None] | None = None
    ) -> InstallPlan:
        """The exact commands for the choices so far (pip venv or conda env), from the one plan builder.
        ``pins``: (torch, torchvision) that the source decides (a kit's target; the index's torchvision for
        this torch); None in either place keeps the build's."""
        st = self.state
        route = conda.ROUTE_PIP
        if st.manager == "conda" and st.conda_install is not None:
            route, reason = self.route.currentData() or (conda.ROUTE_PIP, "")
            self.route_reason.setText(reason)
        request = st.make_request(
            source,
            torchvision=self.torchvision.isChecked(),
            nvcc=self.nvcc.isChecked(),
            route=route,
            jupyter=bool(getattr(self, "jupyter", None) and self.jupyter.isChecked()),
        )
        if pins is not None:
            torch, vision = pins
            changes: dict[str, Any] = {}
            if torch is not None:
                changes["torch"] = torch
            if request.torchvision is not None and vision is not None:
                changes["torchvision"] = vision
            elif vision is None and torch is not None:  # a kit without torchvision for this computer
                changes["torchvision"] = None
            request = dataclasses.replace(request, **changes)
        return build_plan(request, st.data, folder=folder)

    def _wheel_check(self, plan: InstallPlan, source: PackageSource) -> Any:
        """Does the index really have torch for this Python and computer? None while asking / not asked."""
        st = self.state
        if source.kind is SourceKind.WHEEL_FOLDER or not source.index_url or st.python_version is None:
            return None
        if plan.request.route is Route.CONDA_FORGE and plan.is_conda:
            return None  # conda-forge: conda's solver decides
        arch = getattr(st.hardware, "arch", None) or "x86_64"
        key = (source.index_url, plan.request.torch, st.python_version, st.os_name, arch)
        self._wheel_key = key
        return self.checker.check(key)

    def isComplete(self) -> bool:
        return self._ok

    def validatePage(self) -> bool:
        self._commit_mirror()
        self._update()
        if not self._ok:
            return False
        if not self._torchvision_answered():
            return False
        s = self.wiz().settings
        s.setValue("source_kind", self.source().kind.value)
        s.setValue("wheel_folder", self.folder.text().strip())
        s.setValue("custom_index", self.custom.text().strip())
        s.setValue("torchvision", "true" if self._vision_wanted else "false")
        s.setValue("jupyter", "true" if self.jupyter.isChecked() else "false")
        return True

    def _torchvision_answered(self) -> bool:
        """Install never starts with a torchvision pin the index does not have: while the index is asked,
        Install waits for the answer (a few milliseconds here, then up to VISION_WAIT_MS in the
        background, after which it goes on as with an index that cannot be asked)."""
        key = self._vision_key
        if key is None or key in self._vision_given_up or key in self.vision_checker.results:
            return True
        if self.vision_checker.check(key, wait_s=QUICK_WAIT_S) is not None:
            self._update()
            return self._ok
        torch = self.checker.results.get(self._wheel_key)
        if getattr(torch, "status", "") != "found":
            return True  # the index has not answered for torch either: it cannot be judged (pip will say)
        if self._vision_asking != key:
            self._vision_asking = key
            self._vision_timer.start()
        self.message.setText(
            self.message.text()
            + ("<br>" if self.message.text() else "")
            + "⏳ "
            + self.tr(
                "Checking that the package index has torchvision {version}… Install starts by itself."
            ).format(version=key[2])
        )
        return False

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check what will happen. Nothing has been changed yet: press Install to start.")
        )
        self.source_box.setTitle(self.tr("Where the packages come from"))
        st = self.state if self.wizard() is not None else None
        url = st.source_index_url if st is not None else None
        self.src_index.setText(
            self.tr("The PyTorch download server ({url})").format(url=url)
            if url
            else self.tr("The usual place pip downloads from (what “pip install torch” uses)")
        )
        self.src_folder.setText(self.tr("A folder of wheel files or a PyTorch kit (offline):"))
        self.folder_browse.setText(self.tr("Browse…"))
        self.src_custom.setText(self.tr("Another package index (a mirror):"))
        self.nvcc.setText(nvcc_option_label())
        from ..core.plan import JUPYTER_DOWNLOAD_MB

        self.jupyter.setText(
            self.tr(
                "Also install JupyterLab (notebooks: write and run code in your web browser, step by step), "
                "about {size} more"
            ).format(size=size_text(JUPYTER_DOWNLOAD_MB))
        )
        self.route_label.setText(self.tr("How PyTorch gets into the conda environment:"))
        self.torchvision.setText(
            self.tr("Also install torchvision (images and ready-made datasets for PyTorch)")
        )
        self.commands_label.setText(
            self.tr(
                "The wizard makes a new folder with its own Python, updates pip (the program that installs "
                "Python packages) there, downloads PyTorch into it, and checks that it works."
            )
        )
        self._retranslate_toggle()
        self._show_help(getattr(self, "help_kind", ""))
        if st is not None and st.interpreter is not None:
            self._on_source_changed()
