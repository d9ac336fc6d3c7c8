"""``python -m wizard kit``: make a kit of PyTorch wheels for other computers (see ``wizard/core/kit.py``).

    python -m wizard kit --out DIR --target linux-x86_64-py3.12-cu130 --target windows-x86_64-py3.12-cpu
    python -m wizard kit --out DIR --target auto --source wheels:FOLDER --yes --json

Exit codes: 0 the kit is complete; 2 refused input (a target, a source, the folder, no pip); 3 a download
failed (the result names a diagnosis code from ``wizard/core/diagnose.py``); 4 stopped (Ctrl+C, or the
process was told to end). With ``--json`` every line of output is one JSON object: ``plan`` (targets with
their sizes), ``repaired``, ``step``, ``download``, ``file``, ``target-done`` and finally ``result``.

pip runs as a child in its own process group (session); Ctrl+C ends pip and everything it started, and the
kit keeps what was finished: the next run resumes it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .core import childproc, releases
from .core import kit as _kit
from .core.diagnose import diagnosis_for
from .core.procenv import child_environment
from .core.progress import PipProgress, human_size
from .core.secrets import mask_secrets
from .core.tr import translate

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_FAILED = 3
EXIT_STOPPED = 4
TAIL_LINES = 400


class Stopped(Exception):
    """Ctrl+C or SIGTERM while working."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="the kit's folder (made, resumed or extended)"
    )
    parser.add_argument(
        "--target",
        action="append",
        required=True,
        metavar="TARGET",
        help="OS-ARCH-pyX.Y-BUILD, e.g. linux-x86_64-py3.12-cu130, windows-x86_64-py3.12-cpu, "
        "macos-arm64-py3.12; 'auto' for this computer (repeatable)",
    )
    parser.add_argument(
        "--source",
        default="default",
        metavar="SOURCE",
        help="default (PyTorch's index), index:URL (a mirror), wheels:DIR (a folder of wheels), kit:DIR",
    )
    parser.add_argument("--python", metavar="PATH", help="the Python whose pip downloads (default: this one)")
    parser.add_argument("--no-torchvision", action="store_true", help="only torch and its dependencies")
    parser.add_argument("--yes", action="store_true", help="no questions")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


class Out:
    def __init__(self, as_json: bool) -> None:
        self.json = as_json

    def event(self, obj: dict[str, Any], text: str | None = None) -> None:
        if self.json:
            line = json.dumps(obj, ensure_ascii=False)
            sys.stdout.write(mask_secrets(line) + "\n")
        elif text is not None:
            sys.stdout.write(mask_secrets(text) + "\n")
        sys.stdout.flush()

    def result(self, exit_code: int, ok: bool, code: str, message: str, **extra: Any) -> int:
        self.event(
            {"event": "result", "ok": ok, "exit_code": exit_code, "code": code, "message": message, **extra},
            message,
        )
        return exit_code


# --------------------------------------------------------------------------------------------
# The Python that runs pip
# --------------------------------------------------------------------------------------------

# --------------------------------------------------------------------------------------------
# Running pip
# --------------------------------------------------------------------------------------------


def _kill_tree(proc: subprocess.Popen[bytes], token: str, since: float) -> None:
    """End pip and every process it started (its session, and whatever carries its token)."""
    childproc.stop_tree(proc.pid, token=token, since=since, grace_s=2.0)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=childproc.KILL_WAIT_S)


def run_pip(call: _kit.PipCall, on_line: Callable[[str], None]) -> tuple[int | None, str]:
    """Run one pip call; (exit code, last lines). Raises Stopped on Ctrl+C after ending the child tree."""
    token = childproc.new_token()
    env = child_environment()
    env[childproc.TOKEN_ENV] = token
    since = time.time()
    try:
        proc = subprocess.Popen(
            call.argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            **childproc.popen_options(),
        )
    except OSError as exc:
        return None, f"could not start {call.program}: {exc}"
    lines: queue.Queue[str | None] = queue.Queue()

    def reader() -> None:
        stream = proc.stdout
        assert isinstance(stream, io.BufferedReader)
        pending = b""
        while chunk := stream.read1(65536):
            pending += chunk
            *done, pending = re.split(rb"\r\n|\r|\n", pending)
            for raw in done:
                lines.put(raw.decode("utf-8", errors="replace"))
        if pending:
            lines.put(pending.decode("utf-8", errors="replace"))
        lines.put(None)

    thread = threading.Thread(target=reader, name="pip-output", daemon=True)
    thread.start()
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    deadline = time.monotonic() + call.timeout_s
    timed_out = False
    try:
        while True:
            try:
                item = lines.get(timeout=0.25)
            except queue.Empty:
                if time.monotonic() > deadline:
                    timed_out = True
                    _kill_tree(proc, token, since)
                    break
                continue
            if item is None:
                break
            tail.append(item)
            on_line(item)
        code = proc.wait(timeout=30)
    except (KeyboardInterrupt, Stopped) as exc:
        _kill_tree(proc, token, since)
        raise Stopped() from exc
    thread.join(timeout=5)
    if timed_out:
        tail.append("Read timed out: the download took longer than the wizard waits.")
        return None, "\n".join(tail)
    return code, "\n".join(tail)


@contextlib.contextmanager
def _stop_on_term() -> Iterator[None]:
    """SIGTERM (a script or the system ending us) stops like Ctrl+C."""

    def handler(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt()

    old = None
    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
        old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        if old is not None:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signal.SIGTERM, old)


# --------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------


def _confirm(out: Out, total: int) -> bool:
    if out.json or not sys.stdin.isatty():
        return True
    answer = input(
        translate("KitCli", "Download about {size}? [y/N] ").format(size=human_size(total))
    ).strip()
    return answer.lower() in ("y", "yes", "j", "是", "好")


def run(args: argparse.Namespace) -> int:
    out = Out(bool(args.json))
    try:
        with _stop_on_term():
            return _run(args, out)
    except (KeyboardInterrupt, Stopped):
        return out.result(
            EXIT_STOPPED,
            False,
            "stopped",
            translate(
                "KitCli", "Stopped. What was finished stays in the kit; run the same command to go on."
            ),
        )


def _run(args: argparse.Namespace, out: Out) -> int:
    data = releases.load()
    out_dir = Path(args.out).expanduser()
    try:
        source = _kit.parse_source(args.source)
    except _kit.KitError as exc:
        return out.result(EXIT_REFUSED, False, exc.code, exc.message(), problem=exc.problem.to_json())
    python = args.python or _kit.default_python()
    info = _kit.probe_python(python) if python else None
    if python is None or info is None:
        msg = translate(
            "KitCli", "No Python with pip was found to download with. Name one with --python PATH."
        )
        return out.result(EXIT_REFUSED, False, "no-pip", msg)
    targets: list[_kit.Target] = []
    try:
        for text in args.target:
            t = _kit.auto_target(info) if text.strip().lower() == "auto" else _kit.parse_target(text, data)
            if t.name not in {x.name for x in targets}:
                targets.append(t)
        plans = [
            _kit.plan_target(
                t, source, _kit.release_data_for(source, t, data), with_torchvision=not args.no_torchvision
            )
            for t in targets
        ]
        _kit.check_out_dir(out_dir)
    except _kit.KitError as exc:
        return out.result(EXIT_REFUSED, False, exc.code, exc.message(), problem=exc.problem.to_json())

    rows: list[dict[str, Any]] = []
    total = 0
    for p in plans:
        have, complete = _kit.present_bytes(out_dir, p.target.name)
        need = 0 if complete else max(0, p.estimate_bytes - have)
        total += need
        rows.append(
            {
                "target": p.target.name,
                "torch": p.torch,
                "torchvision": p.torchvision,
                "index_url": mask_secrets(p.index_url) if p.index_url else None,
                "estimate_bytes": p.estimate_bytes,
                "estimate_basis": p.estimate_basis,
                "present_bytes": have,
                "complete": complete,
                "download_bytes": need,
                "notes": list(p.notes),
            }
        )
    text = "\n".join(
        translate(
            "KitCli", "{target}: torch {torch}, about {size} to download ({have} already in the kit)"
        ).format(target=r["target"], torch=r["torch"], size=human_size(float(n)), have=human_size(float(h)))
        for r in rows
        for n, h in [(r["download_bytes"], r["present_bytes"])]
    )
    out.event(
        {
            "event": "plan",
            "kit": str(out_dir),
            "source": source.shown(),
            "targets": rows,
            "download_bytes": total,
        },
        text,
    )
    if not args.yes and not _confirm(out, total):
        return out.result(EXIT_REFUSED, False, "declined", translate("KitCli", "Nothing was downloaded."))

    def on_event(e: dict[str, Any]) -> None:
        if e.get("event") == "file":
            out.event(e, f"  {e['name']} ({human_size(e['size'])})")
        elif e.get("event") == "target-done":
            out.event(
                e,
                translate("KitCli", "{target}: ready ({files} files, {size})").format(
                    target=e["target"], files=e["files"], size=human_size(e["bytes"])
                ),
            )
        else:
            out.event(e)

    maker = _kit.KitMaker(
        out_dir,
        plans,
        source,
        python=python,
        raw_progress=_kit.pip_at_least(info[3], (24, 1)),
        on_event=on_event,
    )
    try:
        for problem in maker.prepare():
            out.event({"event": "repaired", **problem.to_json()}, problem.message())
        while True:
            try:
                call = maker.next_call()
            except _kit.KitError as exc:  # the dependencies never settled: the kit is not complete
                diag = diagnosis_for("dependency-conflict", exc.code)
                return out.result(
                    EXIT_FAILED,
                    False,
                    diag.code,
                    exc.message(),
                    diagnosis=diag.to_json(),
                    problem=exc.problem.to_json(),
                )
            if call is None:
                break
            out.event(
                {"event": "step", "target": call.target, "round": call.round, "argv": call.shown()},
                translate("KitCli", "{target}: fetching {what}").format(
                    target=call.target, what=", ".join(call.requirements)
                ),
            )
            progress = PipProgress()
            last = [0.0]

            def on_line(
                line: str,
                call: _kit.PipCall = call,
                progress: PipProgress = progress,
                last: list[float] = last,
            ) -> None:
                log.debug("pip: %s", mask_secrets(line))
                if progress.feed(line) and progress.phase == "downloading":
                    now = time.monotonic()
                    if now - last[0] >= 0.5 or progress.done == progress.total:
                        last[0] = now
                        out.event(
                            {
                                "event": "download",
                                "target": call.target,
                                "file": progress.file,
                                "done": progress.done,
                                "total": progress.total,
                            }
                        )

            code, output = run_pip(call, on_line)
            outcome = maker.call_finished(code, output)
            if not outcome.ok:
                diag = outcome.diagnosis or diagnosis_for("unknown")
                message = (
                    outcome.problem.message() if outcome.problem else f"{diag.title}. {diag.explanation}"
                )
                return out.result(
                    EXIT_FAILED,
                    False,
                    diag.code,
                    message,
                    target=call.target,
                    diagnosis=diag.to_json(),
                    problem=outcome.problem.to_json() if outcome.problem else None,
                )
        kit = maker.finish()
    except _kit.KitError as exc:
        return out.result(EXIT_REFUSED, False, exc.code, exc.message(), problem=exc.problem.to_json())
    except OSError as exc:
        diag = diagnosis_for("disk-full" if getattr(exc, "errno", 0) == 28 else "permission-denied", str(exc))
        return out.result(
            EXIT_FAILED, False, diag.code, f"{diag.title}. {diag.explanation}", diagnosis=diag.to_json()
        )
    size = sum(f.size for f in kit.files.values())
    return out.result(
        EXIT_OK,
        True,
        "done",
        translate("KitCli", "The kit is ready in {path}: {targets} ({size}).").format(
            path=str(out_dir), targets=", ".join(sorted(kit.targets)), size=human_size(size)
        ),
        kit=str(out_dir),
        targets=sorted(kit.targets),
        files=len(kit.files),
        bytes=size,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wizard kit", description="Make a kit of PyTorch wheels.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
