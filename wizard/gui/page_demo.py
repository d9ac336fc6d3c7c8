"""Demo: run a first PyTorch program in the new environment; draw its loss curve live, show the code that
ran part by part with a plain explanation of each, what it printed and what it learned."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
)

from ..core import demorun
from ..core.plan import DEMO_TIMEOUT_S, demo_command
from ..core.resources import resource
from ..runner import ProcessResult, ProcessRunner
from .common import Page, wrap_label
from .losscurve import LossCurve
from .widgets import mono_font

OK_COLOR = "#1b7f3a"
BAD_COLOR = "#a61b1b"


def demo_source() -> str:
    return resource("demo.py").read_text(encoding="utf-8")


def lesson_code(device: str = "cpu") -> str:
    """The lesson as the learner reads it (all parts, English comments): the code that runs."""
    return "\n\n".join(code for _name, code in demorun.lesson_parts(demo_source(), device))


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
        self.result = wrap_label()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.curve = LossCurve()
        self.code_label = wrap_label()
        self.code = QTextBrowser()
        self.code.setOpenExternalLinks(False)
        self.device.currentIndexChanged.connect(lambda _i: self.code.setHtml(self.lesson_html()))
        self.output_label = wrap_label()
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setFont(mono_font())
        self.output.setMaximumHeight(96)
        self.output.setMinimumHeight(56)  # three lines, also when the page scrolls
        # the lesson keeps room to read it on a small screen: the page scrolls instead of squeezing it
        # (its own size wish is ignored: a scrolled page is as tall as its parts wish, and that pushed the
        # page into scrolling on a 1024×768 screen; it takes what is left, and at least nine lines)
        self.code.setMinimumHeight(self.code.fontMetrics().lineSpacing() * 9)
        self.code.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout = self.scrolled_layout()
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.curve)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.output_label)
        layout.addWidget(self.output)
        self.runner = ProcessRunner(self)
        self.runner.line.connect(self._on_line)
        self.runner.finished.connect(self._on_finished)
        self.run = demorun.DemoRun()
        self.finished_once = False
        self.last_result: ProcessResult | None = None
        self.retranslate()

    # -- what the wizard state gives --------------------------------------------------------------
    def initializePage(self) -> None:
        verify = self.state.verify or {}
        names = verify.get("device_names") or {"cpu": "CPU"}
        self.device.clear()
        for dev in verify.get("devices") or ["cpu"]:
            self.device.addItem(f"{dev} — {names.get(dev, dev)}", dev)
        preferred = self.state.demo_device
        for i in range(self.device.count()):
            if str(self.device.itemData(i)).split(":")[0] == preferred.split(":")[0]:
                self.device.setCurrentIndex(i)
                break
        self.retranslate()
        self.run_demo()

    def isComplete(self) -> bool:
        return self.finished_once and not self.runner.is_running()

    @property
    def events(self) -> dict[str, dict[str, Any]]:
        """The last line of each event demo.py reported (``tensor_add``, ``train_step``, ``fit``, ...)."""
        return self.run.events

    def current_device(self) -> str:
        return str(self.device.currentData() or "cpu")

    # -- running ------------------------------------------------------------------------------------
    def run_demo(self) -> None:
        if self.runner.is_running() or self.state.plan is None:
            return
        self.start(demo_command(self.state.plan.env_python, self.current_device()))

    def start(self, argv: list[str]) -> None:
        """Run demo.py (``argv``: the env's Python, the script, ``--device D``) through the runner."""
        self.run = demorun.DemoRun(device=self.current_device())
        self.curve.clear()
        self.output.clear()
        self.last_result = None
        self.run_button.setEnabled(False)
        self.device.setEnabled(False)
        self.runner.start(argv[0], argv[1:], timeout_s=DEMO_TIMEOUT_S)
        self.retranslate()

    def _on_line(self, text: str) -> None:
        event = self.run.feed(text)
        if event is None:
            self.output.appendPlainText(text)
        elif event.get("event") == "progress":
            self.curve.total_steps = self.run.total_steps
            step, loss = self.run.losses[-1]
            self.curve.add(step, loss)
            if step % 10 == 0:
                self.result.setText(self.result_html())  # "Training… step 40 of 100"
        elif event.get("event") in ("tensor_add", "fit", "failure", "error"):
            self.retranslate()

    def _on_finished(self, result: ProcessResult) -> None:
        self.last_result = result
        self.finished_once = True
        self.run_button.setEnabled(True)
        self.device.setEnabled(True)
        self.retranslate()
        self.completeChanged.emit()

    def show_recorded(self, text: str, exit_code: int = 0) -> None:
        """Show a finished run from its saved output (the same path as a live run, without a process)."""
        self.run = demorun.DemoRun(device=self.current_device())
        self.curve.clear()
        self.output.clear()
        for line in text.splitlines():
            self._on_line(line)
        self._on_finished(
            ProcessResult(program="python", args=[], exit_code=exit_code, tail=text.splitlines())
        )

    @property
    def failure(self) -> str | None:
        """A failure code of ``demorun`` (or ``incomplete`` when the process itself did not end well)."""
        if self.last_result is None:
            return None
        code = self.run.failure
        if code is None and not self.last_result.ok:
            return demorun.INCOMPLETE
        return code

    @property
    def succeeded(self) -> bool:
        return self.last_result is not None and self.failure is None

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Your first PyTorch program"))
        self.setSubTitle(
            self.tr(
                "This code ran in your new environment: it adds numbers, then trains a tiny model. "
                "Read it from top to bottom; each part is explained in plain words."
            )
        )
        self.device_label.setText(self.tr("Run on:"))
        self.run_button.setText(self.tr("Run again"))
        self.code_label.setText(
            self.tr("The code that ran (lines that only send results to this window are left out):")
        )
        self.output_label.setText(self.tr("What it printed:"))
        self.code.setHtml(self.lesson_html())
        self.result.setText(self.result_html())

    def lesson_html(self) -> str:
        parts = demorun.lesson_parts(demo_source(), self.current_device())
        timed = "speed" in self.run.events or self.current_device().split(":")[0] != "cpu"
        html = []
        for name, code in parts:
            if name == "speed" and not timed:
                continue
            for concept in demorun.PART_CONCEPTS.get(name, ()):
                title, sentence = demorun.concept_text(concept)
                html.append(f"<p style='margin:8px 0 2px 0'><b>{escape(title)}</b> — {escape(sentence)}</p>")
            shown = demorun.translate_comments(code)
            html.append(
                "<pre style='background:#f4f4f4; color:#1a1a1a; padding:4px; margin:0 0 4px 0'>"
                + escape(shown)
                + "</pre>"
            )
        return "".join(html)

    def result_html(self) -> str:
        if self.runner.is_running():
            done = len(self.run.losses)
            if done:
                return self.tr("Training… step {step} of {total}").format(
                    step=done, total=self.run.total_steps
                )
            return self.tr("Running…")
        if self.last_result is None:
            return ""
        if self.succeeded:
            return self._success_html()
        return self._failure_html()

    def _success_html(self) -> str:
        run = self.run
        lines = [f"<span style='color:{OK_COLOR}'><b>✔ " + self.tr("It works!") + "</b></span>"]
        lines.append(self.tr("x + y = {z} (on {device})").format(z=run.z, device=escape(run.used_device)))
        step = run.events.get("train_step", {})
        fit = run.fit
        if fit is not None and run.losses:
            w, b = fit
            tw, tb = run.true_line
            lines.append(
                self.tr(
                    "After {steps} training steps the model found the line y = {w:.2f}x + {b:.2f} "
                    "(the points were made from y = {tw:g}x + {tb:g}). The loss went from {first:.3f} to {last:.3f}."
                ).format(
                    steps=len(run.losses),
                    w=w,
                    b=b,
                    tw=tw,
                    tb=tb,
                    first=run.losses[0][1],
                    last=run.losses[-1][1],
                )
            )
        elif step:
            lines.append(
                self.tr(
                    "Loss after the forward pass: {loss:.4f}; after one training step: {after:.4f}."
                ).format(loss=demorun.number(step.get("loss")), after=demorun.number(step.get("loss_after")))
            )
        ratio = run.speed_ratio
        timed_on = str(run.events.get("speed", {}).get("device", ""))
        if ratio is not None and timed_on.split(":")[0] not in ("", "cpu"):  # the CPU against itself: no news
            lines.append(self.speed_sentence(ratio))
        return "<br>".join(lines)

    def speed_sentence(self, ratio: float) -> str:
        words = demorun.speed_words(ratio)
        if ratio >= 1.5:
            return self.tr(
                "Your GPU did this {ratio} faster than the CPU (the same multiplication of 2048 × 2048 numbers)."
            ).format(ratio=words)
        if ratio >= 1 / 1.5:
            return self.tr(
                "Here the GPU was about as fast as the CPU ({ratio}). A GPU pays off when the work is big."
            ).format(ratio=words)
        return self.tr(
            "Here the CPU was faster than the GPU ({ratio} of the CPU's speed). A GPU pays off when the work is big."
        ).format(ratio=words)

    def _failure_html(self) -> str:
        run, code = self.run, self.failure
        head = (
            f"<span style='color:{BAD_COLOR}'><b>✘ " + self.tr("The example did not finish.") + "</b></span>"
        )
        fail = run.events.get("failure", {})
        nxt = self.tr("Try running it on the CPU, or go back and check the install.")
        if code == demorun.NOT_FINITE:
            step = fail.get("step", run.losses[-1][0] if run.losses else 0)
            why = self.tr(
                "The loss became “not a number” (NaN) or infinite at step {step}: the numbers blew up, so the "
                "training failed."
            ).format(step=step)
            nxt = self.tr("Run it again on the CPU. If it happens there too, save a report and ask for help.")
        elif code == demorun.NOT_LEARNING:
            first = run.losses[0][1] if run.losses else demorun.number(fail.get("loss_first"))
            last = run.losses[-1][1] if run.losses else demorun.number(fail.get("loss_last"))
            why = self.tr(
                "Training did not make the loss smaller (it went from {first:.4f} to {last:.4f}), so the model "
                "learned nothing."
            ).format(first=first, last=last)
            nxt = self.tr("Run it again. If it happens again, save a report and ask for help.")
        elif code == demorun.WRONG_DEVICE:
            why = self.tr("The numbers were computed on {got}, not on {wanted} as asked.").format(
                got=escape(str(fail.get("got") or run.used_device)),
                wanted=escape(str(fail.get("wanted") or run.device)),
            )
        elif code == demorun.ERROR:
            err = run.events.get("error", {})
            why = escape(
                str(err.get("message") or (self.last_result.output[-400:] if self.last_result else ""))
            )
        elif self.last_result is not None and self.last_result.timed_out:
            why = self.tr("It took too long and was stopped.")
        else:
            why = escape(self.last_result.output[-400:] if self.last_result else "") or self.tr(
                "It stopped before the end."
            )
        return head + "<br>" + why + "<br>" + nxt
