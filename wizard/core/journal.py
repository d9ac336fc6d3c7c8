"""What the wizard created, written down, so that nothing else is ever removed and an install cut short
(the app killed, the computer switched off) can be finished or cleaned up at the next start.

Two records:
- a marker file inside each environment folder the wizard creates: only a folder with our marker
  (or an empty one) is ever deleted;
- a journal in the app's data folder: the install request and the steps done so far.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .plan import InstallPlan, InstallRequest, PackageSource, SourceKind, Step
from .resources import resource

MARKER = ".torch-setup-wizard.json"
JOURNAL = "unfinished-install.json"


def request_to_json(req: InstallRequest) -> dict[str, Any]:
    data = asdict(req)
    data["python_version"] = list(req.python_version)
    data["proxy"] = None  # a proxy address may hold a password: never written to disk
    data["extra"] = list(req.extra)
    data["source"] = {
        "kind": req.source.kind.value,
        "index_url": req.source.index_url,
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


def create_env_folder(env_dir: str | Path, req: InstallRequest) -> None:
    """Make the (new or empty) folder and mark it as ours before anything is installed into it."""
    folder = Path(env_dir)
    folder.mkdir(parents=True, exist_ok=True)
    marker = {"created_by": "Torch Setup Wizard", "created": _now(), "request": request_to_json(req)}
    (folder / MARKER).write_text(json.dumps(marker, indent=2, ensure_ascii=False), encoding="utf-8")


def is_ours(env_dir: str | Path) -> bool:
    return (Path(env_dir) / MARKER).is_file()


def remove_env(env_dir: str | Path, *, force: bool = False) -> bool:
    """Delete an environment folder only if the wizard made it (marker) or it is empty. ``force``: the
    journal knows the wizard made it although it has no marker yet (conda was creating it)."""
    folder = Path(env_dir)
    if not folder.exists():
        return True
    try:
        empty = folder.is_dir() and not any(folder.iterdir())
    except OSError:
        return False
    if not (is_ours(folder) or empty or force):
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


def plan_to_json(plan: InstallPlan) -> dict[str, Any]:
    return {
        "steps": [
            {
                "id": s.id,
                "program": s.program,
                "args": list(s.args),
                "timeout_s": s.timeout_s,
                "raw_progress": s.raw_progress,
            }
            for s in plan.steps
        ],
        "env_python": plan.env_python,
        "download_mb": plan.download_mb,
    }


def _step_from_json(s: dict[str, Any]) -> Step:
    args = tuple(str(a) for a in s["args"])
    if s["id"] == "verify":
        # this app's own copy: a one-file app unpacks to a new temporary folder at every start
        args = (str(resource("verify.py")),)
    return Step(str(s["id"]), str(s["program"]), args, float(s["timeout_s"]), bool(s.get("raw_progress")))


def plan_from_json(data: dict[str, Any], req: InstallRequest) -> InstallPlan:
    steps = tuple(_step_from_json(s) for s in data["steps"])
    return InstallPlan(
        request=req,
        steps=steps,
        env_python=str(data["env_python"]),
        download_mb=int(data.get("download_mb", 0)),
    )


@dataclass
class Journal:
    request: InstallRequest
    steps_done: list[str] = field(default_factory=list)
    started: str = ""
    plan: InstallPlan | None = None  # the exact commands (a conda plan cannot be rebuilt from the request)
    made_by_us: bool = False  # the environment folder did not exist before this install

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "request": request_to_json(self.request),
            "steps_done": self.steps_done,
            "started": self.started,
            "made_by_us": self.made_by_us,
        }
        if self.plan is not None:
            data["plan"] = plan_to_json(self.plan)
        return data


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def start(data_dir: Path, req: InstallRequest, plan: InstallPlan | None = None) -> Journal:
    journal = Journal(request=req, started=_now(), plan=plan)
    save(data_dir, journal)
    return journal


def save(data_dir: Path, journal: Journal) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (JOURNAL + ".tmp")
    tmp.write_text(json.dumps(journal.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(data_dir / JOURNAL)


def load(data_dir: Path) -> Journal | None:
    """The unfinished install, if the last run did not end it; None when there is nothing to do."""
    path = data_dir / JOURNAL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        req = request_from_json(data["request"])
        journal = Journal(
            request=req,
            steps_done=list(data.get("steps_done", [])),
            started=str(data.get("started", "")),
            plan=plan_from_json(data["plan"], req) if data.get("plan") else None,
            made_by_us=bool(data.get("made_by_us", False)),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    if not Path(journal.request.env_dir).exists():
        clear(data_dir)  # nothing is left of it: nothing to offer
        return None
    return journal


def clear(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (data_dir / JOURNAL).unlink()
