"""pip's output read as progress, on lines recorded from pip 26.3 (``--progress-bar raw``)."""

from __future__ import annotations

from wizard.core.progress import PipProgress, human_size

# Recorded here: pip 26.3, `pip download --no-deps --progress-bar raw mpmath==1.3.0`, then an install.
RECORDED = """\
Looking in indexes: https://download.pytorch.org/whl/cpu
Collecting torch==2.14.1
  Downloading https://download.pytorch.org/whl/cpu/torch-2.14.1%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl#sha256=ab (190.2 MB)
Progress 0 of 199438125
Progress 65536000 of 199438125
Progress 199438125 of 199438125
Collecting filelock (from torch==2.14.1)
  Using cached filelock-3.20.0-py3-none-any.whl (16 kB)
Collecting mpmath==1.3.0
  Downloading mpmath-1.3.0-py3-none-any.whl (536 kB)
Progress 0 of 536198
Progress 262144 of 536198
Progress 536198 of 536198
Installing collected packages: mpmath, filelock, torch
Successfully installed filelock-3.20.0 mpmath-1.3.0 torch-2.14.1+cpu
"""


def test_tracks_files_bytes_and_phases() -> None:
    p = PipProgress()
    seen = []
    for line in RECORDED.splitlines():
        if p.feed(line):
            seen.append((p.phase, p.file, p.done, p.total, p.fraction))
    assert ("downloading", "torch-2.14.1%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl", 0, 0, None) in seen
    half = next(s for s in seen if s[2] == 65536000)
    assert half[4] is not None and 0.3 < half[4] < 0.34
    assert ("collecting", "filelock-3.20.0-py3-none-any.whl", 0, 0, None) in seen
    assert seen[-2][0] == "installing" and seen[-2][4] is None
    assert p.phase == "done"


def test_unknown_total_and_noise() -> None:
    p = PipProgress()
    assert not p.feed("WARNING: Ignoring invalid distribution ~orch")
    assert p.feed("Progress 1000 of 0")
    assert p.fraction is None
    assert not p.feed("")


def test_human_size() -> None:
    assert human_size(512) == "512 B"
    assert human_size(199438125) == "190.2 MB"
    assert human_size(3 * 2**30) == "3.0 GB"
