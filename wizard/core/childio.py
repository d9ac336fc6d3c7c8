"""The structured lines our own child scripts print (verify.py, demo.py): ``TAG {json}``."""

from __future__ import annotations

import json
from typing import Any

VERIFY_TAG = "WIZARD-VERIFY"
DEMO_TAG = "WIZARD-DEMO"


def tagged_json(line: str, tag: str) -> dict[str, Any] | None:
    """The JSON object of a ``TAG {...}`` line, or None for any other line (or broken JSON)."""
    text = line.strip()
    if not text.startswith(tag + " "):
        return None
    try:
        value = json.loads(text[len(tag) + 1 :])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
