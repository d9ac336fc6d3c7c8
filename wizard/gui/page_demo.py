"""Demo: run a first PyTorch program in the new environment and show the code and what it printed."""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from ..core.childio import DEMO_TAG, tagged_json
from ..core.plan import DEMO_TIMEOUT_S, demo_command
from ..core.resources import resource
from ..runner import ProcessResult, ProcessRunner
from .common import Page, wrap_label
from .widgets import mono_font


def lesson_code() -> str:
    """The lesson part of resources/demo.py, as the learner would write it."""
    text = resource("demo.py").read_text(encoding="utf-8")
    m = re.search(r"# --- lesson start ---\n(.*?)\n\s*# --- lesson end ---", text, re.S)
    body = m.group(1) if m else text
    lines = body.splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    code = "\n".join(line[indent:] for line in lines)
    return code.replace("torch.device(device_name)", 'torch.device("{device}")')


class DemoPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.device_label = QLabel()
        self.device = QComboBox()
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_demo)
        row = QHBoxLayout()
        row.addWidget(self.device_label)
        row.addWidget(self.device, 1)
        row.addWidget(self.run_button)
        self.code_label = wrap_label()
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setFont(mono_font())
        self.output_label = wrap_label()
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setFont(mono_font())
        self.output.setMaximumHeight(110)
        self.result = wrap_label()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.output_label)
        layout.addWidget(self.output)
        layout.addWidget(self.result)
        self.runner = ProcessRunner(self)
        self.runner.line.connect(self._on_line)
        self.runner.finished.connect(self._on_finished)
        self.events: dict[str, dict[str, Any]] = {}
        self.finished_once = False
        self.last_result: ProcessResult | None = None
        self.retranslate()

    def initializePage(self) -> None:
        verify = self.state.verify or {}
        names = verify.get("device_names") or {"cpu": "CPU"}
        self.device.clear()
        for dev in verify.get("devices") or ["cpu"]:
            self.device.addItem(f"{dev} — {names.get(dev, dev)}", dev)
        preferred = self.state.demo_device
        for i in range(self.device.count()):
            if str(self.device.itemData(i)).split(":")[0] == preferred:
                self.device.setCurrentIndex(i)
                break
        self.retranslate()
        self.run_demo()

    def isComplete(self) -> bool:
        return self.finished_once and not self.runner.is_running()

    def run_demo(self) -> None:
        if self.runner.is_running() or self.state.plan is None:
            return
        self.events.clear()
        self.output.clear()
        self.last_result = None
        self.run_button.setEnabled(False)
        self.device.setEnabled(False)
        self.retranslate()
        argv = demo_command(self.state.plan.env_python, self.current_device())
        self.runner.start(argv[0], argv[1:], timeout_s=DEMO_TIMEOUT_S)

    def current_device(self) -> str:
        return str(self.device.currentData() or "cpu")

    def _on_line(self, text: str) -> None:
        data = tagged_json(text, DEMO_TAG)
        if data is not None:
            self.events[str(data.get("event"))] = data
        else:
            self.output.appendPlainText(text)

    def _on_finished(self, result: ProcessResult) -> None:
        self.last_result = result
        self.finished_once = True
        self.run_button.setEnabled(True)
        self.device.setEnabled(True)
        self.retranslate()
        self.completeChanged.emit()

    @property
    def succeeded(self) -> bool:
        train = self.events.get("train_step", {})
        return "done" in self.events and bool(train.get("finite"))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your first PyTorch program"))
        self.setSubTitle(
            self.tr(
                "This code ran in your new environment. Read it from top to bottom: each "
                "part is explained in a comment."
            )
        )
        self.device_label.setText(self.tr("Run on:"))
        self.run_button.setText(self.tr("Run again"))
        self.code_label.setText(self.tr("The code:"))
        self.output_label.setText(self.tr("What it printed:"))
        self.code.setPlainText(lesson_code().replace("{device}", self.current_device()))
        if self.runner.is_running():
            self.result.setText(self.tr("Running…"))
            return
        if self.last_result is None:
            self.result.setText("")
            return
        if self.succeeded:
            add, train = self.events["tensor_add"], self.events["train_step"]
            self.result.setText(
                "<span style='color:#1b7f3a'><b>✔ "
                + self.tr("It works!")
                + "</b></span><br>"
                + self.tr("x + y = {z} (on {device})").format(z=add["z"], device=add["device"])
                + "<br>"
                + self.tr(
                    "Loss after the forward pass: {loss:.4f}; after one training step: {after:.4f}. "
                    "Training makes the loss smaller."
                ).format(loss=train["loss"], after=train["loss_after"])
            )
        else:
            err = self.events.get("error", {})
            message = err.get("message") or self.last_result.output[-400:]
            loss = self.events.get("train_step", {}).get("loss")
            if loss is not None and not math.isfinite(loss):
                message = self.tr("The loss is not a finite number.")
            self.result.setText(
                "<span style='color:#a61b1b'><b>✘ "
                + self.tr("The example did not finish.")
                + "</b></span><br>"
                + escape(str(message))
                + "<br>"
                + self.tr("Try running it on the CPU, or go back and check the install.")
            )
