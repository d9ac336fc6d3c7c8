"""``python -m wizard install`` and ``python -m wizard unfinished``: the window's install session without
the window, for lab admins and scripts.

The same session (``wizard.session.InstallSession``) runs here as behind the Install page, on a
``QCoreApplication`` (no display). Exit codes (README, "Without a window"):

==  =====================================================================================
0   installed and verified (the demo too, with ``--demo``)
2   refused input: a Python, folder, build or source that cannot be used (nothing was changed)
3   a step failed; the diagnosis is printed (``--json``: its code and actions)
4   stopped (Ctrl+C, or the learner said no); the unfinished environment was removed
5   installed and working, but not as it should (e.g. PyTorch cannot use the GPU): the after-check says why
==  =====================================================================================
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from .core.secrets import mask_secrets
from .core.tr import translate

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_FAILED, EXIT_STOPPED, EXIT_NOT_AS_EXPECTED = 0, 2, 3, 4, 5


class Refused(Exception):
    """Input that cannot be used; the message is for the user, already in their language."""


class Out:
    """Where the command speaks: plain lines, or one JSON object per line (``--json``)."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def event(self, kind: str, text: str = "", **data: Any) -> None:
        if self.as_json:
            print(
                mask_secrets(
                    json.dumps(
                        {"event": kind, **data, **({"message": text} if text else {})}, ensure_ascii=False
                    )
                ),
                flush=True,
            )
        elif text:
            print(mask_secrets(text), flush=True)


# ------------------------------------------------------------------------------------------------
# Arguments
# ------------------------------------------------------------------------------------------------


def add_install_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--python", default="auto", help="the Python that makes the environment (a path, or auto)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--env", help="folder of the new virtual environment (must not exist, or be empty)")
    where.add_argument("--conda-env", help="name of a new conda environment")
    p.add_argument(
        "--build", default="auto", help="auto, or a build such as cpu, cu130, cu126, rocm7.2, xpu, mps"
    )
    p.add_argument(
        "--source",
        default="default",
        help="default (the PyTorch index), index:URL (a mirror), wheels:DIR (a wheel folder), kit:DIR|URL",
    )
    tv = p.add_mutually_exclusive_group()
    tv.add_argument("--with-torchvision", dest="torchvision", action="store_true", default=True)
    tv.add_argument("--no-torchvision", dest="torchvision", action="store_false")
    p.add_argument("--nvcc", action="store_true", help="also install NVIDIA's CUDA compiler for the build")
    p.add_argument("--jupyter", action="store_true", help="also install JupyterLab")
    p.add_argument("--proxy", help="a proxy for the downloads, e.g. http://proxy.example.edu:8080")
    p.add_argument("--offline", action="store_true", help="use only the bundled list of PyTorch releases")
    p.add_argument("--index-base", help="root of a PyTorch index or mirror (default: PyTorch's own)")
    p.add_argument("--demo", action="store_true", help="run the first-model demo after the install")
    p.add_argument("--yes", "-y", action="store_true", help="ask nothing")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


def add_unfinished_arguments(p: argparse.ArgumentParser) -> None:
    act = p.add_mutually_exclusive_group()
    act.add_argument("--finish", metavar="DIR", help="finish the cut-short install into DIR")
    act.add_argument("--remove", metavar="DIR", help="remove what the wizard made in DIR (only that)")
    p.add_argument("--yes", "-y", action="store_true", help="ask nothing")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


# ------------------------------------------------------------------------------------------------
# Common
# ------------------------------------------------------------------------------------------------


def _app() -> Any:
    from PySide6.QtCore import QCoreApplication

    from .appinfo import set_names

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "wizard"])
    set_names(app)
    return app


def _confirm(question: str, args: argparse.Namespace) -> bool:
    if getattr(args, "yes", False) or getattr(args, "json", False) or not sys.stdin.isatty():
        return True
    answer = input(question + " [y/N] ").strip().lower()
    return answer in ("y", "yes", "j", "是", "好")


def _choose_python(spec: str, data: Any) -> Any:
    from .core import interpreters

    if spec == "auto":
        found = interpreters.detect()
        best = interpreters.best(found, data)
        if best is None:
            raise Refused(
                translate("InstallCli", "No Python on this computer can run PyTorch. {hint}").format(
                    hint=interpreters.install_hint(data=data)
                )
            )
        return best
    interp = interpreters.probe(interpreters.manual_candidate(spec))
    if interp.error:
        raise Refused(
            translate("InstallCli", "{path} cannot be used: {reason}").format(path=spec, reason=interp.error)
        )
    verdict = interpreters.assess(interp, data)
    if not verdict.suitable:
        raise Refused(
            translate("InstallCli", "{path} cannot run PyTorch: {reason}").format(
                path=spec, reason=" ".join(verdict.reasons)
            )
        )
    return interp


def _machine(interp: Any) -> tuple[Any, Any]:
    from .core import builds, gpu

    report = gpu.detect_hardware()
    py = (int(interp.version_info[0]), int(interp.version_info[1]))
    machine = builds.Machine.from_report(
        report, py, getattr(interp, "bits", 64) or 64, bool(getattr(interp, "free_threaded", False))
    )
    return machine, report


def _build(rec: Any, wanted: str) -> Any:
    """The recommendation, or the learner's named build (refused when it does not run here)."""
    if wanted in ("auto", "", None):
        if not rec.variant or not rec.torch:
            raise Refused(
                " ".join(rec.reasons) or translate("InstallCli", "No PyTorch build runs on this computer.")
            )
        return rec
    if rec.variant == wanted:
        return rec
    for choice in rec.choices:
        if choice.variant == wanted:
            if not getattr(choice, "runs", True) and getattr(choice, "ok", True) is False:
                break
            return choice
    names = ", ".join(c.variant for c in rec.choices) or "cpu"
    raise Refused(
        translate(
            "InstallCli", "The build {build} is not one this computer can use. It can use: {names}."
        ).format(build=wanted, names=names)
    )


def _source(spec: str, build: Any, machine: Any, data: Any, out: Out) -> tuple[Any, str | None, str | None]:
    """(PackageSource, torch pin, torchvision pin) for --source; a kit is checked file by file first."""
    from .core import kit as kits
    from .core.envdir import check_index_url
    from .core.plan import PackageSource, SourceKind, scan_wheel_folder

    kind, _, value = spec.partition(":")
    torch, vision = build.torch, build.torchvision
    if kind == "default":
        return PackageSource(SourceKind.PYTORCH_INDEX, index_url=build.index_url), torch, vision
    if kind == "index" and value:
        problems, _warnings = check_index_url(value)
        if problems:
            raise Refused(problems[0])
        torch, vision = _what_the_mirror_has(value, build, machine, out)
        return PackageSource(SourceKind.CUSTOM_INDEX, index_url=value), torch, vision
    if kind == "wheels" and value:
        folder = scan_wheel_folder(value)
        if not folder.has("torch"):
            raise Refused(
                translate("InstallCli", "{folder} holds no PyTorch wheel (a file named torch-….whl).").format(
                    folder=value
                )
            )
        return PackageSource(SourceKind.WHEEL_FOLDER, folder=str(Path(value).resolve())), None, vision
    if kind == "kit" and value:
        try:
            kit = kits.open_kit(value)
        except kits.KitError as exc:
            raise Refused(exc.message()) from exc
        pick = kits.pick_target(kit, machine, data)
        if not pick.ok or pick.target is None:
            raise Refused(pick.message())
        if pick.code != "ok":
            out.event("kit-note", pick.message(), code=pick.code)
        out.event(
            "kit-check", translate("InstallCli", "Checking every file of the kit…"), target=pick.target.name
        )
        kit_problems = kits.verify(kit, pick.target.name)
        if kit_problems:
            raise Refused("\n".join(p.message() for p in kit_problems))
        return kits.install_source(kit, pick.target, vision is not None)
    raise Refused(
        translate(
            "InstallCli", "--source must be default, index:URL, wheels:DIR or kit:DIR (got {value})."
        ).format(value=spec)
    )


def _pick(have: list[str], wanted: str | None, variant: str) -> str | None:
    """The build's version when the index has it (its own local label, "+cpu"), else its newest of this
    variant (a mirror that lags gets the newest it really has)."""
    from packaging.version import Version

    def fits(v: str) -> bool:
        local = Version(v).local
        return local in (None, variant) or (variant == "mps" and local is None)

    mine = [v for v in have if fits(v)]
    if wanted:
        same = [v for v in mine if Version(v).public == Version(wanted).public]
        if same:
            return same[0]
    return mine[0] if mine else None


def _what_the_mirror_has(url: str, build: Any, machine: Any, out: Out) -> tuple[str | None, str | None]:
    """(torch, torchvision) to pin from a mirror or a served kit: read its pages, as the window's Review
    page does; when they cannot be read, the build's versions, and pip will say."""
    from .core import torchindex

    py = f"{machine.python[0]}.{machine.python[1]}" + ("t" if machine.free_threaded else "")
    try:
        torches = torchindex.mirror_versions(url, "torch", machine.os, machine.arch, py)
    except (OSError, ValueError) as exc:
        log.info("could not read %s: %s", mask_secrets(url), exc)
        return build.torch, build.torchvision
    torch = _pick(torches, build.torch, build.variant)
    if torch is None:
        raise Refused(
            translate(
                "InstallCli", "{url} has no PyTorch for this computer and Python {python}. It has: {found}."
            ).format(url=mask_secrets(url), python=py, found=", ".join(torches) or "-")
        )
    if build.torch and torch.split("+")[0] != build.torch.split("+")[0]:
        out.event(
            "mirror-note",
            translate(
                "InstallCli", "This index has PyTorch {found}, not {wanted}: {found} is installed."
            ).format(found=torch, wanted=build.torch),
        )
    vision: str | None = build.torchvision
    try:
        visions = torchindex.mirror_versions(url, "torchvision", machine.os, machine.arch, py)
    except (OSError, ValueError):
        visions = []
    if build.torchvision is not None:
        picked = _pick(
            visions, build.torchvision if torch.split("+")[0] == (build.torch or "") else None, build.variant
        )
        vision = picked if picked is not None else None
        if picked is None:
            out.event(
                "mirror-note",
                translate("InstallCli", "This index has no torchvision for it: only torch is installed."),
            )
    return torch, vision


def _request(
    args: argparse.Namespace,
    interp: Any,
    build: Any,
    report: Any,
    source: Any,
    torch: str | None,
    vision: str | None,
    os_name: str,
) -> Any:
    from .core import conda, envdir
    from .core.plan import InstallRequest, SourceKind

    extra = tuple(getattr(build, "extra_requirements", ()) or ()) if torch == build.torch else ()
    py = (int(interp.version_info[0]), int(interp.version_info[1]))
    vision_pin = vision if args.torchvision else None
    if args.conda_env:
        installs = [c for c in conda.find_conda() if c.ok]
        if not installs:
            raise Refused(
                translate("InstallCli", "No conda, mamba or micromamba was found on this computer.")
            )
        folder = source.folder if source.kind is SourceKind.WHEEL_FOLDER else None
        try:
            req = conda.conda_request(
                installs[0],
                args.conda_env,
                f"{py[0]}.{py[1]}",
                os_name,
                build.variant,
                torch,
                vision_pin,
                conda.ROUTE_PIP,
                build_data(args),
                source.index_url,
                proxy=args.proxy,
                wheel_folder=folder,
            )
        except ValueError as exc:
            raise Refused(str(exc)) from exc
        import dataclasses

        return dataclasses.replace(req, extra=extra, nvcc=args.nvcc, jupyter=args.jupyter, source=source)
    env_dir = args.env or envdir.default_env_dir()
    protected = [p for p in (getattr(interp, "prefix", ""), getattr(interp, "base_prefix", "")) if p]
    check = envdir.check_env_folder(env_dir, os_name, protected=protected)
    if not check.ok:
        raise Refused(check.problems[0])
    return InstallRequest(
        base_python=interp.path,
        python_version=py,
        env_dir=check.path,
        os_name=os_name,
        torch=torch,
        torchvision=vision_pin,
        source=source,
        variant=build.variant,
        proxy=args.proxy,
        extra=extra,
        nvcc=args.nvcc,
        jupyter=args.jupyter,
        download_mb=getattr(build, "download_mb", None),
        arch=getattr(report, "arch", None),
    )


_DATA: dict[str, Any] = {}


def build_data(args: argparse.Namespace) -> Any:
    from .core import releases

    return _DATA.get("data") or releases.load()


def _stop_on_ctrl_c(session: Any, app: Any, out: Out) -> Any:
    """Ctrl+C (and SIGTERM) stop the session as Stop does in the window: the whole process tree ends and
    the unfinished environment is removed. Python only sees the signal between Qt events: a timer wakes it."""
    from PySide6.QtCore import QTimer

    def handler(_signum: int, _frame: object) -> None:
        out.event("stopping", translate("InstallCli", "Stopping… (the unfinished environment is removed)"))
        if session.is_running():
            session.stop()
        elif not session.is_removing():
            app.exit(EXIT_STOPPED)

    signal.signal(signal.SIGINT, handler)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, handler)
    tick = QTimer()
    tick.start(100)
    tick.timeout.connect(lambda: None)
    return tick


# ------------------------------------------------------------------------------------------------
# install
# ------------------------------------------------------------------------------------------------


def run_install(args: argparse.Namespace) -> int:
    from .appinfo import data_dir
    from .core import builds, plan, torchindex
    from .core.plan import step_title
    from .session import Context, InstallSession, Outcome, OutcomeKind, Progress

    out = Out(args.json)
    app = _app()
    from .core.gpu import normalize_os

    os_name = normalize_os(sys.platform)
    try:
        from .core import releases

        bundled = releases.load()
        interp = _choose_python(args.python, bundled)
        machine, report = _machine(interp)
        data = torchindex.load_release_data(
            machine.os,
            machine.arch,
            cache_dir=torchindex.default_cache_dir(),
            base=args.index_base,
            offline=args.offline,
        )
        _DATA["data"] = data
        rec = builds.recommend(machine, data)
        build = _build(rec, args.build)
        source, torch, vision = _source(args.source, build, machine, data, out)
        request = _request(args, interp, build, report, source, torch, vision, os_name)
    except Refused as exc:
        out.event("refused", str(exc))
        return EXIT_REFUSED
    folder_root = data_dir()
    session = InstallSession(data, folder_root, folder_root / "logs")
    the_plan = session.build(request)
    out.event(
        "plan",
        translate("InstallCli", "PyTorch {torch} ({build}) for Python {python} into {env}").format(
            torch=the_plan.torch or "",
            build=request.variant,
            python=f"{request.python_version[0]}.{request.python_version[1]}",
            env=request.env_dir,
        ),
        torch=the_plan.torch,
        torchvision=the_plan.torchvision,
        variant=request.variant,
        env=request.env_dir,
        steps=[{"id": str(s.id), "command": plan.display_command(s.argv, os_name)} for s in the_plan.steps],
        download_mb=the_plan.download_mb,
        release_data=getattr(getattr(data, "source", None), "to_json", dict)(),
    )
    if not _confirm(translate("InstallCli", "Install?"), args):
        out.event("stopped", translate("InstallCli", "Nothing was installed."))
        return EXIT_STOPPED

    result: dict[str, Any] = {}

    def on_progress(p: Progress) -> None:
        if args.json:
            out.event(
                "progress",
                step=str(p.step_id),
                step_number=p.step_number,
                step_count=p.step_count,
                phase=p.phase,
                file=p.file,
                done=p.done_bytes,
                total=p.total_bytes,
                overall=round(p.overall, 3),
            )

    def on_started(index: int, step: Any) -> None:
        out.event(
            "step",
            translate("InstallCli", "Step {n} of {count}: {title}").format(
                n=index + 1, count=len(session.steps), title=step_title(step.id)
            ),
            index=index,
            id=str(step.id),
        )

    def on_step_done(index: int, step: Any, res: Any) -> None:
        out.event("step-result", index=index, id=str(step.id), ok=bool(res.ok), exit_code=res.exit_code)

    def on_finished(outcome: Outcome) -> None:
        result["outcome"] = outcome
        app.exit(0)

    session.progress.connect(on_progress)
    session.step_started.connect(on_started)
    session.step_finished.connect(on_step_done)
    session.finished.connect(on_finished)
    tick = _stop_on_ctrl_c(session, app, out)
    session.start(the_plan, context=Context(build=build, hardware=report))
    if "outcome" not in result:
        app.exec()
    tick.stop()
    outcome: Outcome | None = result.get("outcome")
    if outcome is None or outcome.kind is OutcomeKind.STOPPED:
        removal = getattr(outcome, "removal", None)
        out.event(
            "stopped",
            translate("InstallCli", "Stopped.") + (" " + removal.message if removal is not None else ""),
        )
        return EXIT_STOPPED
    if outcome.kind is OutcomeKind.FAILED:
        d = outcome.diagnosis
        out.event(
            "failed",
            f"{d.title}\n{d.explanation}" if d is not None else "",
            diagnosis=d.to_json() if d is not None else None,
            log=str(session.log_path or ""),
        )
        return EXIT_FAILED
    after = outcome.after
    out.event(
        "installed",
        translate("InstallCli", "PyTorch {version} is installed and works.").format(
            version=outcome.verify.get("torch", "")
        ),
        verify=outcome.verify,
        after=after.to_json() if after is not None else None,
        env=request.env_dir,
        python=the_plan.env_python,
    )
    if after is not None and after.messages and not args.json:
        for line in after.messages:
            out.event("after", line)
    code = EXIT_OK if after is None or after.ok else EXIT_NOT_AS_EXPECTED
    if args.demo:
        demo_ok = _run_demo(the_plan.env_python, getattr(after, "device", None) or "cpu", out)
        if not demo_ok and code == EXIT_OK:
            code = EXIT_FAILED
    return code


def _run_demo(env_python: str, device: str, out: Out) -> bool:
    """Run the first-model demo in the new environment and print its results."""
    from .core import childproc
    from .core.childio import DEMO_TAG, tagged_json
    from .core.plan import DEMO_TIMEOUT_S, demo_command

    out.event("demo", translate("InstallCli", "Running the first-model demo…"), device=device)
    res = childproc.run(demo_command(env_python, device), timeout=DEMO_TIMEOUT_S, merge_stderr=True)
    ok = res.exit_code == 0
    for line in res.stdout.splitlines():
        data = tagged_json(line, DEMO_TAG)
        if data is None:
            continue
        event = str(data.get("event", ""))
        if event in ("failure", "error"):
            ok = False
        if args_json(out):
            out.event("demo-result", **{("demo_event" if k == "event" else k): v for k, v in data.items()})
        elif event == "tensor_add":
            out.event("demo-result", f"x + y = {data.get('z')}")
        elif event == "fit":
            out.event(
                "demo-result",
                translate(
                    "InstallCli",
                    "Trained: weight {w} (true {tw}), bias {b} (true {tb}); loss {first} → {last}",
                ).format(
                    w=data.get("weight"),
                    tw=data.get("true_weight"),
                    b=data.get("bias"),
                    tb=data.get("true_bias"),
                    first=data.get("loss_first"),
                    last=data.get("loss_last"),
                ),
            )
        elif event in ("failure", "error"):
            out.event("demo-result", json.dumps(data, ensure_ascii=False))
    if not ok:
        out.event(
            "demo-failed",
            translate("InstallCli", "The demo did not finish: {detail}").format(
                detail=res.describe() if hasattr(res, "describe") else res.exit_code
            ),
        )
    return ok


def args_json(out: Out) -> bool:
    return out.as_json


# ------------------------------------------------------------------------------------------------
# unfinished
# ------------------------------------------------------------------------------------------------

LOGIN_USER_ENV = "TORCH_WIZARD_INDEX_USER"
LOGIN_PASSWORD_ENV = "TORCH_WIZARD_INDEX_PASSWORD"


def _login_for_finish(record: Any, plan: Any, args: argparse.Namespace, out: Out) -> Any:
    """The plan with the index's login asked for again (it was never stored): from the environment
    (TORCH_WIZARD_INDEX_USER, TORCH_WIZARD_INDEX_PASSWORD) or typed on the terminal. Refused when there
    is no way to get it (``--yes``, ``--json`` or no terminal, and nothing in the environment)."""
    address = record.login_address()
    if address is None:
        return plan
    user = os.environ.get(LOGIN_USER_ENV, "")
    password = os.environ.get(LOGIN_PASSWORD_ENV, "")
    if not user and not password:
        if getattr(args, "yes", False) or getattr(args, "json", False) or not sys.stdin.isatty():
            raise Refused(
                translate(
                    "InstallCli",
                    "The package index {url} needs a login, and the wizard never stores passwords. Set "
                    "{user_var} and {password_var} and run this again, or run it without --yes to type "
                    "them. Nothing was changed.",
                ).format(url=address, user_var=LOGIN_USER_ENV, password_var=LOGIN_PASSWORD_ENV)
            )
        import getpass

        out.event(
            "login-needed",
            translate(
                "InstallCli", "The package index {url} needs a login (the wizard never stores passwords)."
            ).format(url=address),
            url=address,
        )
        user = input(translate("InstallCli", "User name: ")).strip()
        password = getpass.getpass(translate("InstallCli", "Password: "))
        if not user and not password:
            raise Refused(translate("InstallCli", "No login was given. Nothing was changed."))
    from .core import releases
    from .core.plan import with_login

    return with_login(plan, user, password, releases.load())


def run_unfinished(args: argparse.Namespace) -> int:
    from .appinfo import data_dir
    from .core import journal, releases
    from .core.plan import build_plan
    from .session import InstallSession, Outcome, OutcomeKind

    out = Out(args.json)
    app = _app()
    root = data_dir()
    record = journal.load(root)
    if args.finish or args.remove:
        wanted = args.finish or args.remove
        if record is None or not _same(record.request.env_dir, wanted):
            out.event(
                "refused",
                translate("InstallCli", "There is no unfinished install in {path}.").format(path=wanted),
            )
            return EXIT_REFUSED
    if record is None:
        out.event("unfinished", translate("InstallCli", "No install was cut short."), installs=[])
        return EXIT_OK
    if not args.finish and not args.remove:
        info = {
            "env": record.request.env_dir,
            "started": record.started,
            "steps_done": list(record.steps_done),
            "claimed": record.claim is not None,
        }
        out.event(
            "unfinished",
            translate(
                "InstallCli",
                "Cut short: {env} (started {started}; done: {steps}). Finish it with --finish {env}, or remove it with --remove {env}.",
            ).format(
                env=record.request.env_dir, started=record.started, steps=", ".join(record.steps_done) or "-"
            ),
            installs=[info],
        )
        return EXIT_OK
    if args.remove:
        if not _confirm(
            translate("InstallCli", "Remove what the wizard made in {path}?").format(path=args.remove), args
        ):
            return EXIT_STOPPED
        result = journal.remove_env(record.request.env_dir, record.claim)
        if result:
            journal.clear(root)
        out.event("removed" if result else "kept", result.message, status=result.status, reason=result.reason)
        return EXIT_OK if result else EXIT_REFUSED
    data = releases.load()
    plan = record.plan or build_plan(record.request, data)
    try:
        plan = _login_for_finish(record, plan, args, out)
    except Refused as exc:
        out.event("refused", str(exc), code="login-needed")
        return EXIT_REFUSED
    session = InstallSession(data, root, root / "logs")
    done: dict[str, Outcome] = {}
    session.finished.connect(lambda o: (done.setdefault("o", o), app.exit(0)))
    session.step_started.connect(lambda i, s: out.event("step", str(s.id), index=i, id=str(s.id)))
    tick = _stop_on_ctrl_c(session, app, out)
    session.start(plan, resume=record)
    if "o" not in done:
        app.exec()
    tick.stop()
    outcome = done.get("o")
    if outcome is None or outcome.kind is OutcomeKind.STOPPED:
        out.event("stopped", translate("InstallCli", "Stopped."))
        return EXIT_STOPPED
    if outcome.kind is OutcomeKind.FAILED:
        d = outcome.diagnosis
        out.event("failed", f"{d.title}\n{d.explanation}" if d else "", diagnosis=d.to_json() if d else None)
        return EXIT_FAILED
    out.event(
        "installed",
        translate("InstallCli", "PyTorch {version} is installed and works.").format(
            version=outcome.verify.get("torch", "")
        ),
        verify=outcome.verify,
    )
    return EXIT_OK


def _same(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(os.path.expanduser(a))) == os.path.normcase(
        os.path.abspath(os.path.expanduser(b))
    )


__all__ = ["add_install_arguments", "add_unfinished_arguments", "run_install", "run_unfinished"]
