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

from .plan import InstallRequest, PackageSource, SourceKind

MARKER = ".torch-setup-wizard.json"
JOURNAL = "unfinished-install.json"


def request_to_json(req: InstallRequest) -> dict[str, Any]:
    data = asdict(req)
    data["python_version"] = list(req.python_version)
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
    )


def create_env_folder(env_dir: str | Path, req: InstallRequest) -> None:
    """Make the (new or empty) folder and mark it as ours before anything is installed into it."""
    folder = Path(env_dir)
    folder.mkdir(parents=True, exist_ok=True)
    marker = {"created_by": "Torch Setup Wizard", "created": _now(), "request": request_to_json(req)}
    (folder / MARKER).write_text(json.dumps(marker, indent=2, ensure_ascii=False), encoding="utf-8")


def is_ours(env_dir: str | Path) -> bool:
    return (Path(env_dir) / MARKER).is_file()


def remove_env(env_dir: str | Path) -> bool:
    """Delete an environment folder only if the wizard made it (marker) or it is empty."""
    folder = Path(env_dir)
    if not folder.exists():
        return True
    try:
        empty = folder.is_dir() and not any(folder.iterdir())
    except OSError:
        return False
    if not (is_ours(folder) or empty):
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


@dataclass
class Journal:
    request: InstallRequest
    steps_done: list[str] = field(default_factory=list)
    started: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "request": request_to_json(self.request),
            "steps_done": self.steps_done,
            "started": self.started,
        }


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def start(data_dir: Path, req: InstallRequest) -> Journal:
    journal = Journal(request=req, started=_now())
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
        journal = Journal(
            request=request_from_json(data["request"]),
            steps_done=list(data.get("steps_done", [])),
            started=str(data.get("started", "")),
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
