"""Hardware: the GPU and driver found, the PyTorch build chosen for them, and why."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import builds
from .common import Page, size_text, variant_text, wrap_label


class HardwarePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.found_box = QGroupBox()
        self.found = wrap_label()
        self.found.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.found_box).addWidget(self.found)
        self.choice_box = QGroupBox()
        self.choice = wrap_label()
        self.choice.setTextFormat(Qt.TextFormat.RichText)
        self.advanced = QCheckBox()
        self.advanced.toggled.connect(self._on_advanced)
        self.builds = QComboBox()
        self.builds.setVisible(False)
        self.builds.currentIndexChanged.connect(self._on_build)
        self.build_warning = wrap_label()
        self.build_warning.setVisible(False)
        # Details: the exact address and packages behind the plain words, for those who want them
        self.details_toggle = QToolButton()
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.toggled.connect(lambda _on: self.retranslate())
        self.details = wrap_label()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        box = QVBoxLayout(self.choice_box)
        box.addWidget(self.choice)
        box.addWidget(self.details_toggle)
        box.addWidget(self.details)
        box.addWidget(self.advanced)
        box.addWidget(self.builds)
        box.addWidget(self.build_warning)
        box.addStretch(1)
        layout = self.scrolled_layout()
        layout.addWidget(self.busy)
        layout.addWidget(self.found_box)
        layout.addWidget(self.choice_box)
        layout.addStretch(1)
        self._report: Any = None
        self.recommendation: builds.Recommendation | None = None
        self.retranslate()

    def initializePage(self) -> None:
        detector = self.wiz().hardware_detector
        # connect first, then look: a report that arrives in between is not missed
        detector.done.connect(self._on_report, Qt.ConnectionType.UniqueConnection)
        if detector.report is None:
            self.busy.setVisible(True)
            detector.start()
        else:
            self._on_report(detector.report)
        self.retranslate()

    def _on_report(self, report: Any) -> None:
        self.busy.setVisible(False)
        self._report = report
        self.state.hardware = report
        self._decide()
        self.completeChanged.emit()
        self._read_index(report)

    def _read_index(self, report: Any) -> None:
        """The newest versions from the PyTorch index, in a thread; until they come (or if they never
        do) the bundled list decides. An answer that came before the learner reached this page (a
        language switch on the Welcome page remakes the report, and so starts the reading early) is
        used when they arrive."""
        reader = getattr(self, "_index_reader", None)
        if reader is not None:
            if (
                reader.result is not None
                and self.state.data is not reader.result
                and not self.advanced.isChecked()
            ):
                self.state.data = reader.result
                self._decide()
            return
        if report is None:
            return
        from .index_worker import ReleaseDataReader

        self._index_reader = ReleaseDataReader(self)
        self._index_reader.done.connect(self._on_release_data)
        self._index_reader.start(report.os, report.arch, self.state.data)

    def _on_release_data(self, data: Any) -> None:
        wiz = self.wizard()
        if data is None or wiz is None or wiz.currentPage() is not self or self.advanced.isChecked():
            return  # the learner moved on or chose a build: keep what they saw
        self.state.data = data
        self._decide()

    def _machine(self) -> builds.Machine:
        interp = self.state.interpreter
        python = self.state.python_version
        bits = getattr(interp, "bits", 64) or 64
        ft = bool(getattr(interp, "free_threaded", False))
        if self._report is None:
            return builds.Machine(
                os=self.state.os_name, arch="x86_64", python=python, python_bits=bits, free_threaded=ft
            )
        return builds.Machine.from_report(self._report, python, bits, ft)

    def _decide(self) -> None:
        """The build for this machine, with its reasons worded now (``recommend`` is pure and takes a few
        milliseconds, so a language switch simply decides again: nothing is detected twice)."""
        picked = self._selected_choice()
        keep = (picked.variant, picked.torch) if picked is not None else None
        self.recommendation = builds.recommend(self._machine(), self.state.data)
        self.state.recommendation = self.recommendation
        self.builds.blockSignals(True)
        self.builds.clear()
        for choice in self.recommendation.choices:
            mark = "✔" if choice.runs_here else "⚠"
            self.builds.addItem(f"{mark} PyTorch {choice.torch} — {variant_text(choice.variant)}", choice)
        if keep is not None:  # the build the learner picked stays picked (e.g. after a language switch)
            for i in range(self.builds.count()):
                c = self.builds.itemData(i)
                if (c.variant, c.torch) == keep:
                    self.builds.setCurrentIndex(i)
        elif self.recommendation.variant is not None:
            for i in range(self.builds.count()):
                c = self.builds.itemData(i)
                if c.variant == self.recommendation.variant and c.torch == self.recommendation.torch:
                    self.builds.setCurrentIndex(i)
        self.builds.blockSignals(False)
        self._apply_choice()
        self.retranslate()

    def _selected_choice(self) -> builds.Choice | None:
        if self.advanced.isChecked() and self.builds.currentIndex() >= 0:
            return self.builds.currentData()
        return None

    def _apply_choice(self) -> None:
        rec = self.recommendation
        choice = self._selected_choice()
        if choice is not None:
            self.state.variant, self.state.torch_version = choice.variant, choice.torch
            self.state.torchvision_version = choice.torchvision
            self.state.source_index_url = choice.index_url
            self.build_warning.setVisible(not choice.runs_here)
            self.build_warning.setText("⚠ " + choice.why_not)
        elif rec is not None:
            self.state.variant, self.state.torch_version = rec.variant, rec.torch
            self.state.torchvision_version = rec.torchvision
            self.state.source_index_url = rec.index_url
            self.build_warning.setVisible(False)
        self.state.demo_device = (
            rec.device
            if rec is not None and choice is None
            else ("cpu" if choice is None or not choice.runs_here else _device_of(choice.variant))
        )
        self.completeChanged.emit()

    def _on_advanced(self, on: bool) -> None:
        self.builds.setVisible(on)
        self._apply_choice()
        self._retranslate_details(self.recommendation)

    def _on_build(self, _index: int) -> None:
        self._apply_choice()
        self._retranslate_details(self.recommendation)

    def isComplete(self) -> bool:
        return self.recommendation is not None and self.state.variant is not None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.recommendation is not None:
            # The reasons and the builds list are words of the decision: decide again, in the new
            # language, at once (the hardware notes are codes, worded in ``retranslate``).
            self._decide()
            QWidget.changeEvent(self, event)  # (Page's own changeEvent would only retranslate again)
            return
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your graphics card (GPU)"))
        self.setSubTitle(
            self.tr(
                "A GPU makes training much faster. The wizard checks which one you have and "
                "picks the PyTorch build that really runs on it."
            )
        )
        self.found_box.setTitle(self.tr("What was found"))
        self.choice_box.setTitle(self.tr("The PyTorch build for this computer"))
        self.advanced.setText(self.tr("Choose another build myself (advanced)"))
        report = self._report
        if self.busy.isVisible() and report is None:
            self.found.setText(self.tr("Checking the graphics card…"))
        elif report is None or not report.gpus:
            lines = [
                self.tr(
                    "No supported GPU was found, so PyTorch will use the processor (CPU). "
                    "That is fine for learning: small models train in seconds."
                )
            ]
            if report is not None:
                lines += [escape(n) for n in report.worded_notes()]
            self.found.setText("<br>".join(lines))
        else:
            rows = []
            for g in report.gpus:
                parts = [f"<b>{escape(g.name)}</b>"]
                if g.memory_mb:
                    parts.append(self.tr("{gb:.0f} GB memory").format(gb=g.memory_mb / 1024))
                if g.compute_capability:
                    parts.append(self.tr("compute capability {cc}").format(cc=g.compute_capability))
                if g.arch:
                    parts.append(g.arch)
                if g.driver_version:
                    parts.append(self.tr("driver {version}").format(version=g.driver_version))
                rows.append(" · ".join(parts))
            if report.nvidia_cuda_max:
                rows.append(
                    self.tr("The NVIDIA driver supports CUDA up to {v}.").format(v=report.nvidia_cuda_max)
                )
            rows += [escape(n) for n in report.worded_notes()]
            self.found.setText("<br>".join(rows))
        rec = self.recommendation
        self._retranslate_details(rec)
        if rec is None:
            self.choice.setText("")
            return
        if rec.variant is None:
            head = "<b>" + self.tr("No PyTorch build can run with this Python on this computer.") + "</b>"
        else:
            head = (
                "<b>"
                + self.tr("PyTorch {torch} for {build}").format(
                    torch=rec.torch, build=variant_text(rec.variant)
                )
                + "</b>"
            )
            if rec.download_mb:
                head += "<br>" + self.tr("Download: about {size}").format(size=size_text(rec.download_mb))
        last = rec.last_release.text() if rec.last_release is not None else ""
        if last:
            head += f"<br><b>⚠ {escape(last)}</b>"
        parts = [head]
        if rec.reasons:
            parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in rec.reasons) + "</ul>")
        warnings = [w for w in rec.worded("warning") if w != last]
        if warnings:
            parts.append("<ul>" + "".join(f"<li>⚠ {escape(w)}</li>" for w in warnings) + "</ul>")
        if rec.alternatives:
            parts.append(
                self.tr("Other options:")
                + "<ul>"
                + "".join(f"<li>{escape(a)}</li>" for a in rec.alternatives)
                + "</ul>"
            )
        self.choice.setText("".join(parts))

    def _retranslate_details(self, rec: builds.Recommendation | None) -> None:
        on = self.details_toggle.isChecked()
        self.details_toggle.setText(
            self.tr("Hide details") if on else self.tr("Details: where it comes from")
        )
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.details_toggle.setVisible(rec is not None and rec.variant is not None)
        self.details.setVisible(on and self.details_toggle.isVisibleTo(self))
        if rec is None or rec.variant is None:
            self.details.setText("")
            return
        choice = self._selected_choice()
        url = choice.index_url if choice is not None else rec.index_url
        packages = (
            [f"torch=={choice.torch}"]
            + ([f"torchvision=={choice.torchvision}"] if choice.torchvision else [])
            if choice is not None
            else list(rec.requirements())
        )
        where = (
            self.tr("Download address: {url}").format(url=f"<tt>{escape(url)}</tt>")
            if url
            else self.tr(
                "Download address: none given, so pip uses its usual one (what “pip install torch” uses)."
            )
        )
        what = self.tr("Packages: {packages}").format(packages="<tt>" + escape(" ".join(packages)) + "</tt>")
        self.details.setText(where + "<br>" + what)


def _device_of(variant: str) -> str:
    if variant.startswith(("cu", "rocm")):
        return "cuda"
    if variant in ("mps", "xpu"):
        return variant
    return "cpu"
