"""What the wizard created, written down, so that nothing else is ever removed and an install cut short
(the app killed, the computer switched off) can be finished or cleaned up at the next start.

Two records, tied together by a random token that each install draws anew:

- a **claim**: before anything goes into the environment folder, :func:`claim_env_folder` writes the
  marker file (``MARKER``) into it with the token, and returns a :class:`Claim` (the token, and whether the
  folder existed, empty, before). conda refuses an existing folder, so for conda the claim is begun before
  ``conda create`` (:func:`begin_conda_claim`, nothing written) and confirmed after it succeeded
  (:func:`claim_conda_prefix`, which writes the marker);
- a **journal** in the app's data folder: the install request, the claim and the steps done so far.

The rule of :func:`remove_env`: only a folder that carries the marker *with this claim's token* is ever
deleted, and only when it holds nothing the wizard does not write there. A folder that changed since (the
marker gone, another token, files of the learner's) is left as it is, and the result says why. A folder
that existed (empty) before the install keeps itself: only what the wizard put in it is removed. A journal
written by an older version of the wizard has no claim: its folder is never deleted on its word.

Nothing that is stored holds a password: index addresses lose their ``user:password@`` and the proxy is
not kept at all (``Journal.login_removed`` tells the session to ask for the login again).

``remove_env`` uses no Qt: call it from a worker thread. Only ``RemoveResult.message`` translates (read it
on the GUI thread, or wherever the text is shown).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hmac
import json
import logging
import os
import secrets as _random
import shutil
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .plan import InstallPlan, InstallRequest, PackageSource, SourceKind, Step, StepId
from .resources import resource
from .secrets import has_login, remove_logins, strip_login
from .tr import translate

log = logging.getLogger(__name__)

MARKER = ".torch-setup-wizard.json"
JOURNAL = "unfinished-install.json"
MARKER_FORMAT = 2  # 1: the first version (no token); 2: with the claim's token

# What a venv holds at its top level (CPython 3.9-3.14 on Windows, macOS, Linux; 3.13+ writes .gitignore),
# plus what packages put beside it (share/, etc/: man pages, jupyter configs) and the wizard's marker.
VENV_ENTRIES = frozenset(
    {
        "bin",
        "Scripts",
        "lib",
        "Lib",
        "lib64",
        "include",
        "Include",
        "pyvenv.cfg",
        ".gitignore",
        "share",
        "etc",
        "man",
        MARKER,
    }
)
# Files a file manager adds by itself: never a sign that the learner put something there.
_SYSTEM_FILES = frozenset({".DS_Store", "desktop.ini", "Thumbs.db"})

# This process: a conda claim that was only begun (conda was still creating the prefix) counts only here.
_RUN = _random.token_hex(8)


class ClaimRefused(OSError):
    """The folder cannot be claimed (it is not empty, or it is not a folder). ``reason`` is a code."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Claim:
    """The wizard's claim on an environment folder, made by one install."""

    env_dir: str
    token: str
    existed_before: bool  # the (empty) folder was there before: it is kept, only its contents go
    kind: str = "venv"  # "venv" | "conda"
    pending: bool = False  # conda: begun before conda-create; no marker yet
    created: str = ""
    run: str = ""  # the process that began a pending claim

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("run")  # a pending claim is only good in the process that made it
        return data

    @classmethod
    def from_json(cls, data: Any) -> Claim | None:
        if not isinstance(data, dict) or not data.get("token") or not data.get("env_dir"):
            return None
        return cls(
            env_dir=str(data["env_dir"]),
            token=str(data["token"]),
            existed_before=bool(data.get("existed_before", False)),
            kind=str(data.get("kind", "venv")),
            pending=bool(data.get("pending", False)),
            created=str(data.get("created", "")),
        )


# --------------------------------------------------------------------------------------------
# What is stored: never a password
# --------------------------------------------------------------------------------------------


def request_to_json(req: InstallRequest) -> dict[str, Any]:
    data = asdict(req)
    data["python_version"] = list(req.python_version)
    data["proxy"] = None  # a proxy address may hold a password: never written to disk
    data["extra"] = [remove_logins(str(x)) for x in req.extra]
    data["source"] = {
        "kind": req.source.kind.value,
        "index_url": strip_login(req.source.index_url),
        "folder": req.source.folder,
    }
    return data


def request_from_json(data: dict[str, Any]) -> InstallRequest:
    src = data.get("source") or {}
    return InstallRequest(
        base_python=str(data["base_python"]),
        python_version=(int(data["python_version"][0]), int(data["python_version"][1])),
        env_dir=str(data["env_dir"]),
        os_name=str(data["os_name"]),
        torch=data.get("torch"),
        torchvision=data.get("torchvision"),
        source=PackageSource(
            SourceKind(src.get("kind", "pytorch-index")), src.get("index_url"), src.get("folder")
        ),
        variant=str(data.get("variant", "cpu")),
        pip_timeout=data.get("pip_timeout"),
        proxy=data.get("proxy"),
        extra=tuple(data.get("extra", ())),
        nvcc=bool(data.get("nvcc", False)),
    )


def _request_had_login(req: InstallRequest, plan: InstallPlan | None) -> bool:
    texts = [req.source.index_url or "", *req.extra]
    if plan is not None:
        texts += [a for s in plan.steps for a in s.args]
    return any(has_login(t) for t in texts)


def plan_to_json(plan: InstallPlan) -> dict[str, Any]:
    return {
        "steps": [
            {
                "id": _id_text(s.id),
                "program": s.program,
                "args": [remove_logins(a) for a in s.args],
                "timeout_s": s.timeout_s,
                "raw_progress": s.raw_progress,
            }
            for s in plan.steps
        ],
        "env_python": plan.env_python,
        "download_mb": plan.download_mb,
    }


def _id_text(step_id: object) -> str:
    value = getattr(step_id, "value", step_id)
    return str(value)


def _step_from_json(s: dict[str, Any]) -> Step:
    args = tuple(str(a) for a in s["args"])
    step_id = StepId(str(s["id"]))
    if step_id == StepId.VERIFY:
        # this app's own copy: a one-file app unpacks to a new temporary folder at every start
        args = (str(resource("verify.py")),)
    return Step(step_id, str(s["program"]), args, float(s["timeout_s"]), bool(s.get("raw_progress")))


def plan_from_json(data: dict[str, Any], req: InstallRequest) -> InstallPlan:
    steps = tuple(_step_from_json(s) for s in data["steps"])
    return InstallPlan(
        request=req,
        steps=steps,
        env_python=str(data["env_python"]),
        download_mb=int(data.get("download_mb", 0)),
    )


# --------------------------------------------------------------------------------------------
# Claiming a folder
# --------------------------------------------------------------------------------------------


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def _write_marker(folder: Path, claim: Claim, req: InstallRequest) -> None:
    marker = {
        "created_by": "Torch Setup Wizard",
        "format": MARKER_FORMAT,
        "created": claim.created,
        "token": claim.token,
        "existed_before": claim.existed_before,
        "kind": claim.kind,
        "request": request_to_json(req),
    }
    tmp = folder / (MARKER + ".tmp")
    tmp.write_text(json.dumps(marker, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / MARKER)


def read_marker(env_dir: str | Path) -> dict[str, Any] | None:
    """The marker's content; None when there is none or it cannot be read."""
    try:
        data = json.loads((Path(env_dir) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _entries(folder: Path) -> list[str]:
    return [e.name for e in folder.iterdir()]


def claim_env_folder(env_dir: str | Path, req: InstallRequest) -> Claim:
    """Make the folder (or take the empty one that is there), write the marker with a new token, and
    return the claim. Raises :class:`ClaimRefused` (an ``OSError``) for a folder that is not empty or not a
    folder, and ``OSError`` when the disk refuses."""
    folder = Path(env_dir)
    existed = os.path.lexists(folder)
    if existed:
        if folder.is_symlink() or not folder.is_dir():
            raise ClaimRefused(str(folder), "not-a-folder")
        if [n for n in _entries(folder) if n not in _SYSTEM_FILES]:
            raise ClaimRefused(str(folder), "not-empty")
    else:
        folder.mkdir(parents=True)
    claim = Claim(str(folder), _random.token_hex(16), existed, "venv", created=_now(), run=_RUN)
    _write_marker(folder, claim, req)
    return claim


def create_env_folder(env_dir: str | Path, req: InstallRequest) -> Claim:
    """The old name of :func:`claim_env_folder`."""
    return claim_env_folder(env_dir, req)


def begin_conda_claim(prefix: str | Path) -> Claim:
    """Before ``conda create -p PREFIX``: note that the prefix is not there yet (conda makes it). Nothing is
    written. Until :func:`claim_conda_prefix` confirms it, the claim lets only this process remove what
    conda started there (Stop during ``conda create``); after a crash, such a folder is left alone."""
    folder = Path(prefix)
    existed = os.path.lexists(folder)
    if existed and (folder.is_symlink() or not folder.is_dir() or _entries(folder)):
        raise ClaimRefused(str(folder), "not-empty")
    return Claim(str(folder), _random.token_hex(16), existed, "conda", pending=True, created=_now(), run=_RUN)


def claim_conda_prefix(prefix: str | Path, req: InstallRequest, begun: Claim | None = None) -> Claim:
    """After ``conda create`` succeeded: write the marker into the prefix conda made, with the token of
    the claim begun before (or a new one)."""
    folder = Path(prefix)
    if begun is not None and Path(begun.env_dir) == folder:
        claim = replace(begun, pending=False)
    else:
        claim = Claim(str(folder), _random.token_hex(16), False, "conda", created=_now(), run=_RUN)
    _write_marker(folder, claim, req)
    return claim


def is_ours(env_dir: str | Path, claim: Claim | None = None) -> bool:
    """The folder carries the wizard's marker (with this claim's token, when a claim is given)."""
    marker = read_marker(env_dir)
    if marker is None:
        return (Path(env_dir) / MARKER).is_file() and claim is None
    if claim is None:
        return True
    return hmac.compare_digest(str(marker.get("token", "")), claim.token)


# --------------------------------------------------------------------------------------------
# Removing
# --------------------------------------------------------------------------------------------

REMOVE_REASONS = (
    "removed",  # done: the folder is gone
    "emptied",  # done: the folder existed before; what the wizard put in it is gone
    "not-there",  # done: nothing to remove
    "no-claim",  # kept: no record that this install made it (or a journal of an older version)
    "other-folder",  # kept: the claim is for another folder
    "replaced",  # kept: a file or a link is there now
    "marker-missing",  # kept: the wizard's marker is gone
    "token-differs",  # kept: the marker is of another install
    "unknown-files",  # kept: it holds files the wizard does not write
    "unconfirmed",  # kept: conda was still creating it when the last run ended
    "os-error",  # failed: the system refused to delete (a file in use, no permission)
)


@dataclass(frozen=True)
class RemoveResult:
    """What :func:`remove_env` did. True when the folder (or what the wizard put in it) is gone."""

    status: str  # "done" | "kept" | "failed"
    reason: str  # one of REMOVE_REASONS
    path: str
    detail: str = ""  # the unknown names, or the system's error

    def __bool__(self) -> bool:
        return self.status == "done"

    @property
    def message(self) -> str:
        """For the learner, translated now (call where the text is shown)."""
        if self.reason == "removed":
            return translate("Journal", "The unfinished environment in {path} was removed.").format(
                path=self.path
            )
        if self.reason == "emptied":
            return translate(
                "Journal",
                "What the wizard put into {path} was removed; the folder itself was there before, so it "
                "was kept.",
            ).format(path=self.path)
        if self.reason == "not-there":
            return translate("Journal", "There was nothing to remove in {path}.").format(path=self.path)
        if self.reason == "os-error":
            return translate(
                "Journal",
                "The unfinished environment in {path} could not be removed completely ({error}). Close "
                "programs that may use it and delete the folder yourself.",
            ).format(path=self.path, error=self.detail)
        if self.reason in ("no-claim", "unconfirmed"):
            return translate(
                "Journal",
                "The wizard has no proof that it made {path} (it may come from an older version of the "
                "wizard, or the install was cut short while it was being made), so it was left as it is. "
                "Delete it yourself if you do not need it.",
            ).format(path=self.path)
        return translate(
            "Journal",
            "{path} has changed since the wizard made it (its files are not only the wizard's), so it was "
            "left as it is. Nothing in it was deleted.",
        ).format(path=self.path)


def _same_path(a: str | Path, b: str | Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _delete(folder: Path, claim: Claim) -> RemoveResult:
    errors: list[str] = []

    def onerror(_func: Any, path: str, exc: BaseException) -> None:
        errors.append(f"{Path(path).name}: {exc}")

    def rmtree(path: Path) -> None:
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=onerror)
        else:
            shutil.rmtree(path, onerror=lambda f, p, e: onerror(f, p, e[1]))

    # Everything but the marker first, the marker last, then (for a folder this install made) the folder
    # itself: when something cannot go (a file still in use), the marker stays, so a later try - after
    # the program is closed - can still prove the folder is ours and finish the job.
    for entry in sorted(folder.iterdir(), key=lambda e: e.name == MARKER):
        if entry.name == MARKER and errors:
            break
        try:
            if entry.is_dir() and not entry.is_symlink():
                rmtree(entry)
            else:
                entry.unlink()
        except OSError as exc:
            errors.append(f"{entry.name}: {exc}")
    if errors:
        log.warning("could not remove everything in %s: %s", folder, errors)
        return RemoveResult("failed", "os-error", str(folder), errors[0])
    if claim.existed_before:
        return RemoveResult("done", "emptied", str(folder))
    try:
        folder.rmdir()
    except OSError as exc:
        log.warning("could not remove %s: %s", folder, exc)
        return RemoveResult("failed", "os-error", str(folder), str(exc))
    return RemoveResult("done", "removed", str(folder))


def check_removable(env_dir: str | Path, claim: Claim | None) -> RemoveResult:
    """What :func:`remove_env` would do, without deleting anything (status "done" means: it would)."""
    folder = Path(env_dir)
    try:
        if not os.path.lexists(folder):
            return RemoveResult("done", "not-there", str(folder))
        if claim is None:
            return RemoveResult("kept", "no-claim", str(folder))
        if not _same_path(claim.env_dir, folder):
            return RemoveResult("kept", "other-folder", str(folder))
        if folder.is_symlink() or not folder.is_dir():
            return RemoveResult("kept", "replaced", str(folder))
        names = [n for n in _entries(folder) if n not in _SYSTEM_FILES]
        marker = read_marker(folder)
        if claim.pending and marker is None:
            # conda was creating it in this process (Stop during conda-create): conda's files only
            if claim.run != _RUN or claim.existed_before:
                return RemoveResult("kept", "unconfirmed", str(folder))
            if names and "conda-meta" not in names:
                return RemoveResult("kept", "unknown-files", str(folder), ", ".join(sorted(names)[:5]))
            return RemoveResult("done", "removed", str(folder))
        if marker is None:
            return RemoveResult("kept", "marker-missing", str(folder))
        if not hmac.compare_digest(str(marker.get("token", "")), claim.token):
            return RemoveResult("kept", "token-differs", str(folder))
        if claim.kind == "venv":
            unknown = sorted(n for n in names if n not in VENV_ENTRIES)
            if unknown:
                return RemoveResult("kept", "unknown-files", str(folder), ", ".join(unknown[:5]))
        return RemoveResult("done", "emptied" if claim.existed_before else "removed", str(folder))
    except OSError as exc:
        return RemoveResult("failed", "os-error", str(folder), str(exc))


def remove_env(env_dir: str | Path, claim: Claim | None = None, *, force: bool = False) -> RemoveResult:
    """Delete what this install made in ``env_dir``, and nothing else (see the module's rule).

    ``claim`` is what :func:`claim_env_folder` / :func:`begin_conda_claim` / :func:`claim_conda_prefix`
    returned (or ``Journal.claim``). Without one, nothing is deleted. ``force`` is accepted for old callers
    and ignored: no flag can overrule the marker. Safe to call from a worker thread (no Qt)."""
    if force:
        log.info("remove_env(force=True) is ignored: only the claim decides")
    verdict = check_removable(env_dir, claim)
    if verdict.status != "done" or verdict.reason == "not-there":
        if verdict.status == "kept":
            log.info("kept %s: %s %s", env_dir, verdict.reason, verdict.detail)
        return verdict
    assert claim is not None
    try:
        return _delete(Path(env_dir), claim)
    except OSError as exc:
        log.warning("could not remove %s: %s", env_dir, exc)
        return RemoveResult("failed", "os-error", str(env_dir), str(exc))


# --------------------------------------------------------------------------------------------
# The journal
# --------------------------------------------------------------------------------------------


@dataclass
class Journal:
    request: InstallRequest
    steps_done: list[str] = field(default_factory=list)
    started: str = ""
    plan: InstallPlan | None = None  # the exact commands (a conda plan cannot be rebuilt from the request)
    claim: Claim | None = None  # the wizard's claim on the folder; None: never delete it
    login_removed: bool = False  # an address had a login, which was not stored: ask for it again
    made_by_us: bool = False  # old field, written for old readers; it decides nothing

    def login_address(self) -> str | None:
        """The package index whose login was taken out of this record (the journal never stores one),
        shown without it; None when no login has to be asked for again."""
        if not self.login_removed:
            return None
        from .secrets import strip_login

        return strip_login(self.request.source.index_url) or None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": MARKER_FORMAT,
            "request": request_to_json(self.request),
            "steps_done": [_id_text(s) for s in self.steps_done],
            "started": self.started,
            "claim": self.claim.to_json() if self.claim is not None else None,
            "login_removed": self.login_removed or _request_had_login(self.request, self.plan),
        }
        if self.plan is not None:
            data["plan"] = plan_to_json(self.plan)
        return data


def start(
    data_dir: Path, req: InstallRequest, plan: InstallPlan | None = None, claim: Claim | None = None
) -> Journal:
    journal = Journal(request=req, started=_now(), plan=plan, claim=claim)
    save(data_dir, journal)
    return journal


def save(data_dir: Path, journal: Journal) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (JOURNAL + ".tmp")
    tmp.write_text(json.dumps(journal.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(data_dir / JOURNAL)


def load(data_dir: Path) -> Journal | None:
    """The unfinished install, if the last run did not end it; None when there is nothing to do.

    A journal of an older version has no claim (``claim`` None): it can be finished, but its folder is
    never deleted on its word (``remove_env`` keeps it and says so)."""
    path = data_dir / JOURNAL
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:  # the normal case: the last run ended its install, or there was none
        log.debug("no journal at %s", path)
        return None
    except OSError:  # there, but not readable (permissions, a folder of that name): worth a warning
        log.warning("the journal %s cannot be read; ignored", path, exc_info=True)
        return None
    try:
        data = json.loads(text)
        req = request_from_json(data["request"])
        journal = Journal(
            request=req,
            steps_done=list(data.get("steps_done", [])),
            started=str(data.get("started", "")),
            plan=plan_from_json(data["plan"], req) if data.get("plan") else None,
            claim=Claim.from_json(data.get("claim")),
            login_removed=bool(data.get("login_removed", False)),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        log.warning("the journal %s cannot be read; ignored", path, exc_info=True)
        return None
    if not os.path.lexists(journal.request.env_dir):
        clear(data_dir)  # nothing is left of it: nothing to offer
        return None
    return journal


def clear(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (data_dir / JOURNAL).unlink()


__all__ = [
    "JOURNAL",
    "MARKER",
    "REMOVE_REASONS",
    "VENV_ENTRIES",
    "Claim",
    "ClaimRefused",
    "Journal",
    "RemoveResult",
    "begin_conda_claim",
    "check_removable",
    "claim_conda_prefix",
    "claim_env_folder",
    "clear",
    "create_env_folder",
    "is_ours",
    "load",
    "read_marker",
    "remove_env",
    "save",
    "start",
]
