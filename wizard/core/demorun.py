"""What resources/demo.py reports, read back; and its lesson parts as the learner sees them.

demo.py prints ``WIZARD-DEMO {json}`` lines (see ``childio``). ``DemoRun`` collects them, line by line, and
decides on its own whether the run taught what it should: the tensors on the device that was asked for, a
finite loss at every step, and a loss that really went down. It does not trust the script's own verdict
alone, so a demo edited by mistake still cannot pass as a success. Pure Python, no Qt widgets.

The lesson parts: demo.py marks them ``# --- part: NAME ---``; lines that start with ``wizard.`` only send
results to the wizard and are hidden. Comments are shown in the learner's language (``comment_text``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .childio import DEMO_TAG, tagged_json
from .tr import translate

# Failure codes (the page words each one).
ERROR = "error"  # the script raised (torch missing, the device does not work, ...)
NOT_FINITE = "not_finite"  # a loss or a learned number became NaN or infinite
NOT_LEARNING = "not_learning"  # 100 training steps did not make the loss smaller
WRONG_DEVICE = "wrong_device"  # the tensors were not on the device that was asked for
INCOMPLETE = "incomplete"  # the script stopped before its last line (killed, timed out, crashed)

# The parts of the lesson, in order, and the ideas each one shows (keys of ``concept_text``).
PART_CONCEPTS: dict[str, tuple[str, ...]] = {
    "device": ("device",),
    "tensors": ("tensor",),
    "data": ("data",),
    "model": ("model", "loss"),
    "one_step": ("backward", "step", "zero_grad"),
    "training": ("training",),
    "speed": ("speed",),
}

_PART = re.compile(r"^\s*# --- part: (\w+) ---\s*$")


def number(value: Any) -> float:
    """A number from a demo line: JSON numbers, or "nan" / "inf" / "-inf" as text (JSON has none)."""
    if isinstance(value, bool):
        return math.nan
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return math.nan


def device_matches(wanted: str, got: str) -> bool:
    """``cuda`` asked and ``cuda:0`` used is a match; ``cuda`` asked and ``cpu`` used is not."""
    w_type, _, w_index = wanted.partition(":")
    g_type, _, g_index = got.partition(":")
    return w_type == g_type and (not w_index or w_index == (g_index or "0"))


@dataclass
class DemoRun:
    """Everything one run of demo.py said, fed a line at a time (``feed``)."""

    device: str = ""  # the device asked for; from the ``start`` line when empty
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # the last line of each event
    losses: list[tuple[int, float]] = field(default_factory=list)  # (step, loss) of the training
    other_lines: list[str] = field(default_factory=list)  # what the lesson printed for the learner

    def feed(self, line: str) -> dict[str, Any] | None:
        """Take one output line; return its event (a dict with ``event``), or None for a plain line."""
        data = tagged_json(line, DEMO_TAG)
        if data is None:
            self.other_lines.append(line)
            return None
        name = str(data.get("event"))
        self.events[name] = data
        if name == "start" and not self.device:
            self.device = str(data.get("device") or "")
        elif name == "progress":
            self.losses.append((int(data.get("step") or len(self.losses) + 1), number(data.get("loss"))))
        return data

    def feed_text(self, text: str) -> DemoRun:
        for line in text.splitlines():
            self.feed(line)
        return self

    # -- what happened ------------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return "done" in self.events

    @property
    def failure(self) -> str | None:
        """None when the run did all it should; else one of the failure codes above."""
        ev = self.events
        if "error" in ev:
            return ERROR
        reported = ev.get("failure", {}).get("code")
        add = ev.get("tensor_add")
        if reported == WRONG_DEVICE or (
            add is not None and self.device and not device_matches(self.device, str(add.get("device", "")))
        ):
            return WRONG_DEVICE
        step = ev.get("train_step")
        fit = ev.get("fit")
        numbers = [loss for _s, loss in self.losses]
        if step is not None:
            numbers += [number(step.get("loss")), number(step.get("loss_after"))]
        if fit is not None:
            numbers += [number(fit.get("weight")), number(fit.get("bias"))]
        if reported == NOT_FINITE or (step is not None and step.get("finite") is False):
            return NOT_FINITE
        if any(not math.isfinite(n) for n in numbers):
            return NOT_FINITE
        if reported == NOT_LEARNING or (self.losses and not self.learned):
            return NOT_LEARNING
        if reported:
            return ERROR
        if not self.finished or step is None:
            return INCOMPLETE
        return None

    @property
    def succeeded(self) -> bool:
        return self.failure is None

    @property
    def learned(self) -> bool:
        """The last loss is under a tenth of the first: training did its work (a run that only repeats
        the same step, gradients wiped before each update, keeps the loss where it was)."""
        if len(self.losses) < 2:
            return False
        first, last = self.losses[0][1], self.losses[-1][1]
        return math.isfinite(first) and math.isfinite(last) and last < 0.1 * first

    @property
    def z(self) -> list[Any] | None:
        add = self.events.get("tensor_add")
        return list(add["z"]) if add and isinstance(add.get("z"), list) else None

    @property
    def used_device(self) -> str:
        return str(self.events.get("tensor_add", {}).get("device", self.device))

    @property
    def fit(self) -> tuple[float, float] | None:
        """The learned (weight, bias) of the line, or None before training finished."""
        fit = self.events.get("fit")
        if fit is None:
            return None
        return number(fit.get("weight")), number(fit.get("bias"))

    @property
    def true_line(self) -> tuple[float, float]:
        fit = self.events.get("fit", {})
        return number(fit.get("true_weight", 2.0)), number(fit.get("true_bias", 1.0))

    @property
    def total_steps(self) -> int:
        last = self.events.get("progress", {})
        return int(last.get("steps") or 100)

    @property
    def speed_ratio(self) -> float | None:
        """How many times faster the device did the same matrix multiply than the CPU (None: not timed)."""
        speed = self.events.get("speed")
        if speed is None:
            return None
        cpu, dev = number(speed.get("cpu_ms")), number(speed.get("device_ms"))
        if not (math.isfinite(cpu) and math.isfinite(dev)) or cpu <= 0 or dev <= 0:
            return None
        return cpu / dev


def speed_words(ratio: float) -> str:
    """``38`` → "38×", ``1.6`` → "1.6×": whole numbers once the ratio is 10 or more."""
    if ratio >= 10:
        return f"{ratio:.0f}×"
    return f"{ratio:.1f}×"


# -- the lesson parts ----------------------------------------------------------------------------
def lesson_parts(source: str, device: str = "") -> list[tuple[str, str]]:
    """(name, code) of each ``# --- part: NAME ---`` in demo.py's source, dedented, without the lines
    that only talk to the wizard; ``torch.device(device_name)`` shows the device that was used."""
    parts: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        m = _PART.match(line)
        if m:
            parts.append((m.group(1), []))
        elif parts and not line.strip().startswith("wizard."):
            parts[-1][1].append(line)
    out: list[tuple[str, str]] = []
    for name, lines in parts:
        if name == "end":
            continue
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        code = "\n".join(x[indent:] for x in lines)
        if device:
            code = code.replace("torch.device(device_name)", f'torch.device("{device}")')
        out.append((name, code))
    return out


def split_comment(line: str) -> tuple[str, str] | None:
    """(code before the comment, the comment's text) for a line with a ``#`` comment outside any string
    (single-line strings, as the lesson writes them), else None."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote and line[i - 1] != "\\":
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            text = line[i + 1 :].strip()
            return (line[:i], text) if text else None
    return None


def comments(code: str) -> list[str]:
    """The English text of every comment in the code."""
    return [found[1] for found in map(split_comment, code.splitlines()) if found is not None]


def translate_comments(code: str) -> str:
    """The code with each comment in the learner's language (a comment without a translation stays)."""
    out = []
    for line in code.splitlines():
        found = split_comment(line)
        if found is not None:
            line = found[0] + "# " + comment_text(found[1])
        out.append(line)
    return "\n".join(out)


def comment_texts() -> dict[str, str]:
    """Each comment of demo.py's lesson and of first_model.py, English → the learner's language."""
    return {
        'where the numbers live: "cpu", "cuda", "mps" or "xpu"': translate(
            "DemoLesson", 'where the numbers live: "cpu", "cuda", "mps" or "xpu"'
        ),
        'the same "random" numbers every time': translate(
            "DemoLesson", 'the same "random" numbers every time'
        ),
        "points near the line y = 2x + 1": translate("DemoLesson", "points near the line y = 2x + 1"),
        "computes w * x + b; w and b start random": translate(
            "DemoLesson", "computes w * x + b; w and b start random"
        ),
        "how wrong the model is: the mean of the squared errors": translate(
            "DemoLesson", "how wrong the model is: the mean of the squared errors"
        ),
        "lr: how big each correction is": translate("DemoLesson", "lr: how big each correction is"),
        "work out how to change w and b to make the loss smaller": translate(
            "DemoLesson", "work out how to change w and b to make the loss smaller"
        ),
        "change w and b a little in that direction": translate(
            "DemoLesson", "change w and b a little in that direction"
        ),
        "forget this step's gradients before the next one": translate(
            "DemoLesson", "forget this step's gradients before the next one"
        ),
        "keep the window open when the file was started by a double-click": translate(
            "DemoLesson", "keep the window open when the file was started by a double-click"
        ),
    }


def comment_text(english: str) -> str:
    return comment_texts().get(english, english)


def concept_text(concept: str) -> tuple[str, str]:
    """(name, one plain sentence) for each idea the lesson shows, in the learner's language."""
    table = {
        "device": (
            translate("DemoLesson", "Device"),
            translate(
                "DemoLesson",
                "Where the numbers live and are computed: the CPU, or a GPU that does thousands of sums at once.",
            ),
        ),
        "tensor": (
            translate("DemoLesson", "Tensor"),
            translate(
                "DemoLesson", "A list (or table) of numbers that PyTorch computes with, here three numbers."
            ),
        ),
        "data": (
            translate("DemoLesson", "Data"),
            translate(
                "DemoLesson",
                "100 points near the line y = 2x + 1. The model is not told the line: it must find it.",
            ),
        ),
        "model": (
            translate("DemoLesson", "Model"),
            translate(
                "DemoLesson", "A tiny model that computes w × x + b. Training finds good numbers for w and b."
            ),
        ),
        "loss": (
            translate("DemoLesson", "Loss"),
            translate(
                "DemoLesson", "One number that says how wrong the model is. Training makes it smaller."
            ),
        ),
        "backward": (
            translate("DemoLesson", "backward()"),
            translate(
                "DemoLesson",
                "Works out which way to change w and b so that the loss gets smaller (the gradient).",
            ),
        ),
        "step": (
            translate("DemoLesson", "Optimizer step"),
            translate("DemoLesson", "Changes w and b a little in that direction."),
        ),
        "zero_grad": (
            translate("DemoLesson", "zero_grad()"),
            translate(
                "DemoLesson", "Clears the gradients, or the next backward() would add to the old ones."
            ),
        ),
        "training": (
            translate("DemoLesson", "Training"),
            translate("DemoLesson", "The same step 100 times. The curve shows the loss after each step."),
        ),
        "speed": (
            translate("DemoLesson", "CPU or GPU?"),
            translate(
                "DemoLesson",
                "The same big multiplication (2048 × 2048 numbers), timed on the CPU and on the GPU.",
            ),
        ),
    }
    return table.get(concept, (concept, ""))
