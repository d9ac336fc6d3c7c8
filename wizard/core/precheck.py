"""Before installing: is there room? The environment's drive, the temporary folder and pip's cache each
need space, and a CUDA build needs several GB. Checks add up what lands on the same drive."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .envdir import nearest_existing
from .tr import translate

MB = 2**20


@dataclass(frozen=True)
class SpaceNeed:
    where: str  # "env" | "temp" | "cache"
    path: str
    need_bytes: int


@dataclass(frozen=True)
class SpaceCheck:
    path: str  # a folder on the drive
    needs: tuple[SpaceNeed, ...]
    free_bytes: int | None

    @property
    def need_bytes(self) -> int:
        return sum(n.need_bytes for n in self.needs)

    @property
    def ok(self) -> bool:
        return self.free_bytes is None or self.free_bytes >= self.need_bytes

    @property
    def short_by(self) -> int:
        return max(0, self.need_bytes - (self.free_bytes or 0))


def pip_cache_dir(os_name: str | None = None, env: dict[str, str] | None = None) -> str:
    """pip's default cache folder (PIP_CACHE_DIR wins), without running pip."""
    env = dict(os.environ if env is None else env)
    if env.get("PIP_CACHE_DIR"):
        return env["PIP_CACHE_DIR"]
    os_name = os_name or (
        "windows" if sys.platform.startswith("win") else "macos" if sys.platform == "darwin" else "linux"
    )
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if os_name == "windows":
        return str(Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local") / "pip" / "Cache")
    if os_name == "macos":
        return str(home / "Library" / "Caches" / "pip")
    return str(Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "pip")


def _device(path: str) -> object:
    try:
        return os.stat(nearest_existing(Path(path))).st_dev
    except OSError:
        return path


def space_checks(
    env_dir: str,
    installed_mb: int,
    download_mb: int,
    *,
    temp_dir: str | None = None,
    cache_dir: str | None = None,
    os_name: str | None = None,
) -> list[SpaceCheck]:
    """One check per drive: the environment (installed size), TEMP (pip unpacks downloads there) and
    pip's cache (it keeps a copy of each download)."""
    needs = [SpaceNeed("env", env_dir, installed_mb * MB)]
    if download_mb:
        needs.append(SpaceNeed("temp", temp_dir or tempfile.gettempdir(), download_mb * MB))
        needs.append(SpaceNeed("cache", cache_dir or pip_cache_dir(os_name), download_mb * MB))
    by_drive: dict[object, list[SpaceNeed]] = {}
    for need in needs:
        by_drive.setdefault(_device(need.path), []).append(need)
    checks = []
    for group in by_drive.values():
        path = str(nearest_existing(Path(group[0].path)))
        try:
            free: int | None = shutil.disk_usage(path).free
        except OSError:
            free = None
        checks.append(SpaceCheck(path=path, needs=tuple(group), free_bytes=free))
    return checks


def where_label(where: str) -> str:
    return {
        "env": translate("Precheck", "the new environment"),
        "temp": translate("Precheck", "temporary files while installing"),
        "cache": translate("Precheck", "pip's download cache"),
    }.get(where, where)
