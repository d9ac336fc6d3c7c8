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
    assert human_size(1023) == "1023 B"
    assert human_size(1024) == "1 KB"  # whole kilobytes, one decimal from MB on
    assert human_size(536198) == "524 KB"
    assert human_size(2**20 - 1) == "1024 KB"
    assert human_size(2**20) == "1.0 MB"
    assert human_size(199438125) == "190.2 MB"
    assert human_size(3 * 2**30) == "3.0 GB"
    assert human_size(5 * 2**40) == "5.0 TB"
    assert human_size(3 * 2**50) == "3072.0 TB"  # nothing above TB


def test_every_phase_names_its_file_and_starts_empty() -> None:
    p = PipProgress()
    assert p.feed("Collecting torch==2.14.1")
    assert (p.phase, p.file, p.done, p.total) == ("collecting", "torch==2.14.1", 0, 0)
    p.feed("Progress 10 of 20")
    assert p.feed("Installing collected packages: mpmath, torch")
    assert (p.phase, p.file, p.done, p.total, p.fraction) == ("installing", "", 0, 0, None)


def test_file_names_from_urls_and_windows_paths() -> None:
    p = PipProgress()
    # pip on Windows, installing from a wheel folder (a teacher's USB stick)
    assert p.feed(r"Processing e:\wheels\torch-2.14.1+cpu-cp312-cp312-win_amd64.whl")
    assert p.file == "torch-2.14.1+cpu-cp312-cp312-win_amd64.whl"
    assert p.feed("Processing ./wheels/torch-2.14.1-cp312-none-macosx_11_0_arm64.whl")
    assert p.file == "torch-2.14.1-cp312-none-macosx_11_0_arm64.whl"
    assert p.feed("  Downloading https://download.pytorch.org/whl/cpu/torch/ (1 kB)")
    assert p.file == "torch"  # a trailing slash does not leave an empty name


# The order pip >= 23.1 prints when the index serves wheel metadata (PEP 658), as pip 26.3 does with
# download.pytorch.org: it resolves from the small .metadata files first, then downloads the wheels one
# after the other, with no "Collecting" line between two downloads.
BATCH = """\
Collecting torch==2.14.1
  Downloading https://download.pytorch.org/whl/cpu/torch-2.14.1%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl.metadata (29 kB)
Collecting mpmath<1.4,>=1.1.0 (from sympy>=1.13.3->torch==2.14.1)
  Downloading mpmath-1.3.0-py3-none-any.whl.metadata (8.6 kB)
Downloading https://download.pytorch.org/whl/cpu/torch-2.14.1%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl (190.2 MB)
Progress 0 of 199438125
Progress 199438125 of 199438125
Downloading mpmath-1.3.0-py3-none-any.whl (536 kB)
Progress 0 of 536198
Progress 262144 of 536198
Progress 536198 of 536198
Installing collected packages: mpmath, torch
"""


def test_next_file_starts_from_its_own_zero() -> None:
    """When the next file starts downloading right after a big one, its bar starts empty and follows
    its own size."""
    p = PipProgress()
    lines = iter(BATCH.splitlines())
    for line in lines:
        p.feed(line)
        if line == "Progress 199438125 of 199438125":
            break
    assert p.fraction == 1.0 and p.file.startswith("torch-2.14.1")
    assert p.feed(next(lines))  # Downloading mpmath-1.3.0-py3-none-any.whl (536 kB)
    assert (p.phase, p.file, p.done, p.total) == ("downloading", "mpmath-1.3.0-py3-none-any.whl", 0, 0)
    assert p.fraction is None  # size not known yet: a busy bar, never the previous file's full bar
    fractions = []
    for line in lines:
        if line.startswith("Installing"):
            break
        assert p.feed(line)
        fractions.append(p.fraction)
        assert p.file == "mpmath-1.3.0-py3-none-any.whl" and p.total == 536198
    assert fractions == [0.0, 262144 / 536198, 1.0]


def test_cached_file_after_a_download_shows_no_old_bytes() -> None:
    p = PipProgress()
    for line in ("  Downloading torch-2.14.1-cp312-none-macosx_11_0_arm64.whl (74.5 MB)", "Progress 5 of 10"):
        p.feed(line)
    assert p.feed("  Using cached filelock-3.20.0-py3-none-any.whl (16 kB)")
    assert (p.phase, p.file, p.done, p.total, p.fraction) == (
        "collecting",
        "filelock-3.20.0-py3-none-any.whl",
        0,
        0,
        None,
    )
