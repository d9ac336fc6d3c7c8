"""Review (the commit page): exactly what will run, where packages come from, size and free space."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
)

from ..core.plan import (
    InstallRequest,
    PackageSource,
    SourceKind,
    build_plan,
    check_index_url,
    check_wheel_folder,
    display_command,
    scan_wheel_folder,
)
from ..core.precheck import space_checks, where_label
from ..core.progress import human_size
from .common import Page, wrap_label
from .widgets import CopyableText


class ReviewPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
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
        self.custom.textChanged.connect(self._update)
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
        self.torchvision.toggled.connect(self._update)
        self.commands_label = wrap_label()
        self.commands = CopyableText(lines=7)
        self.sizes = wrap_label()
        self.sizes.setTextFormat(Qt.TextFormat.RichText)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.source_box)
        layout.addWidget(self.torchvision)
        layout.addWidget(self.commands_label)
        layout.addWidget(self.commands, 1)
        row = QHBoxLayout()
        row.addWidget(self.sizes, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._ok = False
        self.retranslate()

    def initializePage(self) -> None:
        s = self.wiz().settings
        kind = s.value("source_kind", SourceKind.PYTORCH_INDEX.value)
        self.folder.setText(str(s.value("wheel_folder", "")))
        self.custom.setText(str(s.value("custom_index", "")))
        self.torchvision.setChecked(str(s.value("torchvision", "true")).lower() == "true")
        {SourceKind.WHEEL_FOLDER.value: self.src_folder, SourceKind.CUSTOM_INDEX.value: self.src_custom}.get(
            str(kind), self.src_index
        ).setChecked(True)
        self.wiz().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Install"))
        self.retranslate()

    def _on_source_changed(self, *_args: object) -> None:
        self.folder.setEnabled(self.src_folder.isChecked())
        self.folder_browse.setEnabled(self.src_folder.isChecked())
        self.custom.setEnabled(self.src_custom.isChecked())
        self._update()

    def _on_browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the folder with the wheel files"),
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
        st = self.state
        if st.interpreter is None or st.variant is None:
            return
        problems: list[str] = []
        warnings: list[str] = []
        source = self.source()
        folder = None
        if source.kind is SourceKind.WHEEL_FOLDER:
            folder = scan_wheel_folder(source.folder or "")
            problems += check_wheel_folder(folder, st.python_version, st.os_name)
        elif source.kind is SourceKind.CUSTOM_INDEX:
            p, w = check_index_url(source.index_url or "")
            problems += p
            warnings += w
        req = InstallRequest(
            base_python=st.interpreter.path,
            python_version=st.python_version or (0, 0),
            env_dir=st.env_dir,
            os_name=st.os_name,
            torch=st.torch_version,
            torchvision=st.torchvision_version if self.torchvision.isChecked() else None,
            source=source,
            variant=st.variant,
        )
        plan = build_plan(req, st.data, folder=folder)
        st.plan = plan
        st.source = source
        st.include_torchvision = self.torchvision.isChecked()
        self.commands.setPlainText("\n".join(display_command(step.argv, st.os_name) for step in plan.steps))
        installed_mb = st.data.installed_mb(st.variant, st.os_name)
        size_lines = []
        if plan.download_mb:
            size_lines.append(
                self.tr("Download: about {size}.").format(size=human_size(plan.download_mb * 2**20))
            )
        else:
            size_lines.append(self.tr("Nothing is downloaded: the files come from the folder."))
        size_lines.append(
            self.tr("The new environment needs about {size}.").format(size=human_size(installed_mb * 2**20))
        )
        for check in space_checks(st.env_dir, installed_mb, plan.download_mb, os_name=st.os_name):
            uses = ", ".join(where_label(n.where) for n in check.needs)
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
        self.sizes.setText("<br>".join(size_lines))
        warnings += list(plan.notes)
        msg = [f"<span style='color:#a61b1b'>✘ {p}</span>" for p in problems] + [f"⚠ {w}" for w in warnings]
        self.message.setText("<br>".join(msg))
        ok = not problems
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok

    def validatePage(self) -> bool:
        self._update()
        if not self._ok:
            return False
        s = self.wiz().settings
        s.setValue("source_kind", self.source().kind.value)
        s.setValue("wheel_folder", self.folder.text().strip())
        s.setValue("custom_index", self.custom.text().strip())
        s.setValue("torchvision", "true" if self.torchvision.isChecked() else "false")
        return True

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
            else self.tr("The standard Python package index")
        )
        self.src_folder.setText(self.tr("A folder of wheel files (offline):"))
        self.folder_browse.setText(self.tr("Browse…"))
        self.src_custom.setText(self.tr("Another package index (a mirror):"))
        self.torchvision.setText(
            self.tr("Also install torchvision (images and ready-made datasets for PyTorch)")
        )
        self.commands_label.setText(self.tr("These commands will run, in this order:"))
        if st is not None and st.interpreter is not None:
            interp = st.interpreter
            self.summary.setText(
                self.tr(
                    "Python {version} from {path}<br>New environment: <b>{env}</b><br>"
                    "PyTorch {torch}, build “{variant}”"
                ).format(
                    version=interp.version,
                    path=interp.path,
                    env=st.env_dir,
                    torch=st.torch_version or "",
                    variant=st.variant or "",
                )
            )
            self._on_source_changed()
