"""The Install page's words: the whole install's progress in one line, and what the end says.
Made when shown, from the session's state (``wizard.session``), in the learner's language."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from ..core.plan import step_title
from ..core.progress import human_size
from ..session import Outcome, OutcomeKind, Progress


def progress_text(p: Progress) -> str:
    """ "Step 3 of 5 · Download and install PyTorch · torch-….whl: 182 of 560 MB · 4.2 MB/s · about 2 minutes left"."""
    step = QCoreApplication.translate("InstallPage", "Step {n} of {count} · {title}").format(
        n=p.step_number, count=p.step_count, title=step_title(p.step_id)
    )
    if p.phase == "downloading" and p.total_bytes:
        detail = QCoreApplication.translate("InstallPage", "{file}: {done} of {total}").format(
            file=p.file, done=human_size(p.done_bytes), total=human_size(p.total_bytes)
        )
        if p.bytes_per_s > 0:
            detail += " · " + QCoreApplication.translate("InstallPage", "{speed}/s").format(
                speed=human_size(int(p.bytes_per_s))
            )
        if p.seconds_left is not None:
            minutes = round(p.seconds_left / 60)
            detail += " · " + (
                QCoreApplication.translate("InstallPage", "about {n} minutes left").format(n=minutes)
                if minutes >= 2
                else QCoreApplication.translate("InstallPage", "less than 2 minutes left")
            )
    elif p.phase == "downloading":
        detail = QCoreApplication.translate("InstallPage", "Downloading {file}…").format(file=p.file)
    elif p.phase == "collecting":
        detail = QCoreApplication.translate("InstallPage", "Getting {file}…").format(file=p.file)
    elif p.phase == "installing":
        detail = QCoreApplication.translate(
            "InstallPage", "Unpacking and installing the packages (this can take a few minutes)…"
        )
    else:
        detail = ""
    return step + (" · " + detail if detail else "")


def result_text(outcome: Outcome | None) -> str:
    """What the end of the install says (rich text): success, stopped, or the diagnosis."""
    if outcome is None:
        return ""
    if outcome.ok:
        return _success_text(outcome)
    if outcome.kind is OutcomeKind.STOPPED:
        removal = outcome.removal
        if outcome.repairing:
            return QCoreApplication.translate("InstallPage", "Stopped. Your environment was kept as it was.")
        if removal is not None and not removal:
            return QCoreApplication.translate("InstallPage", "Stopped.") + " " + removal.message
        return QCoreApplication.translate(
            "InstallPage",
            "Stopped. The unfinished environment was removed; nothing else was changed. Press Retry to start again.",
        )
    d = outcome.diagnosis
    step = outcome.failed_step
    head = (
        QCoreApplication.translate("InstallPage", "This step failed: {step}").format(step=step_title(step))
        if step
        else ""
    )
    title, explanation = (escape(d.title, quote=False), escape(d.explanation, quote=False)) if d is not None else ("", "")
    return f"<span style='color:#a61b1b'><b>✘ {head}</b></span><br><b>{title}</b><br>{explanation}"


def _success_text(outcome: Outcome) -> str:
    v = outcome.verify
    after = outcome.after
    if after is not None and not after.ok:
        return (
            "<span style='color:#9a6700'><b>⚠ "
            + QCoreApplication.translate(
                "InstallPage", "PyTorch {version} is installed and works, but not as expected:"
            ).format(version=v.get("torch", ""))
            + "</b></span><br>"
            + "<br>".join(escape(m, quote=False) for m in after.messages)
        )
    gpu = [n for d, n in (v.get("device_names") or {}).items() if d != "cpu"]
    where = (
        QCoreApplication.translate("InstallPage", "It can use: {devices}.").format(devices=", ".join(gpu))
        if gpu
        else QCoreApplication.translate("InstallPage", "It will run on the processor (CPU).")
    )
    if after is not None and after.messages:
        where = "<br>".join(escape(m, quote=False) for m in after.messages)
    return (
        "<span style='color:#1b7f3a'><b>✔ "
        + QCoreApplication.translate("InstallPage", "PyTorch {version} is installed and works.").format(
            version=v.get("torch", "")
        )
        + "</b></span><br>"
        + where
        + "<br>"
        + QCoreApplication.translate("InstallPage", "Press Next to try it.")
    )
