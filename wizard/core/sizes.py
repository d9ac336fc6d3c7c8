"""Sizes in words for the learner ("190.2 MB"): a module of its own, so that the Welcome page, which shows
sizes before anything else is loaded, needs nothing else (``progress`` brings ``dataclasses`` and its
patterns along)."""

from __future__ import annotations


def human_size(n_bytes: float) -> str:
    units = ("B", "KB", "MB", "GB", "TB")
    size = float(n_bytes)
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"
