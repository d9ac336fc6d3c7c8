"""Reading pip's output as progress: which file is being fetched and how many bytes of it.

``pip install --progress-bar raw`` (pip >= 24.1) prints ``Progress <done> of <total>`` lines (bytes;
total 0 when unknown) after naming the file (``Downloading <name-or-url> (<size>)``). Nothing is
printed for cached or small files, and nothing while installing, so the tracker also reports phases.
pip's guide says the raw format may change: lines that do not match are simply not progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sizes import human_size

__all__ = ["PipProgress", "human_size"]

_PROGRESS = re.compile(r"^\s*Progress (\d+) of (\d+)\s*$")
_DOWNLOADING = re.compile(r"^\s*(?:Downloading|Resuming download)\s+(\S+)(?:\s+\(([^)]*)\))?")
_CACHED = re.compile(r"^\s*Using cached\s+(\S+)")
_PROCESSING = re.compile(r"^\s*Processing\s+(\S+)")
_COLLECTING = re.compile(r"^\s*Collecting\s+(\S+)")
_INSTALLING = re.compile(r"^\s*Installing collected packages:")
_SUCCESS = re.compile(r"^\s*Successfully installed\s")


def _short(name: str) -> str:
    """The file name of a URL or path, without a '#sha256=' fragment."""
    name = name.split("#", 1)[0].rstrip("/")
    for sep in ("/", "\\"):
        name = name.rsplit(sep, 1)[-1]
    return name


@dataclass
class PipProgress:
    phase: str = "starting"  # starting | collecting | downloading | installing | done
    file: str = ""  # the file being fetched or the package being collected
    done: int = 0
    total: int = 0

    @property
    def fraction(self) -> float | None:
        """0..1 while a download of known size runs, else None (show a busy bar)."""
        if self.phase == "downloading" and self.total > 0:
            return min(1.0, self.done / self.total)
        return None

    def feed(self, line: str) -> bool:
        """Take one line of pip's output; return True when the visible state changed."""
        m = _PROGRESS.match(line)
        if m:
            self.done, self.total = int(m.group(1)), int(m.group(2))
            self.phase = "downloading"
            return True
        m = _DOWNLOADING.match(line)
        if m:
            self.phase, self.file, self.done, self.total = "downloading", _short(m.group(1)), 0, 0
            return True
        m = _CACHED.match(line) or _PROCESSING.match(line) or _COLLECTING.match(line)
        if m:
            self.phase, self.file, self.done, self.total = "collecting", _short(m.group(1)), 0, 0
            return True
        if _INSTALLING.match(line):
            self.phase, self.file, self.done, self.total = "installing", "", 0, 0
            return True
        if _SUCCESS.match(line):
            self.phase = "done"
            return True
        return False
