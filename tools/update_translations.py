"""Refresh the translation catalogue from the code, then compile it.

    python tools/update_translations.py          # lupdate: new strings appear as unfinished in the .ts
    (translate them in resources/translations/wizard_zh_CN.ts, e.g. with pyside6-linguist)
    python tools/update_translations.py          # again: lrelease writes the .qm the app loads

The test suite fails while any string is unfinished or the .qm is older than the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "wizard_zh_CN.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "wizard").rglob("*.py"))


PENDING = TS.parent / "pending"


def fill_from_pending(ts: Path = TS, pending: Path = PENDING) -> tuple[int, list[tuple[str, str]]]:
    """Fill unfinished messages of the catalogue from ``pending/*.json`` (lists of {"context", "source",
    "translation"}: what each change translated beside its code). Returns (filled, still unfinished)."""
    import json
    import xml.etree.ElementTree as ET

    known: dict[tuple[str, str], str] = {}
    by_source: dict[str, str] = {}
    for f in sorted(pending.glob("*.json")):
        for item in json.loads(f.read_text(encoding="utf-8")):
            known[(item["context"], item["source"])] = item["translation"]
            by_source.setdefault(item["source"], item["translation"])
    tree = ET.parse(ts)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            text = known.get((name, source)) or by_source.get(source)
            if text:
                tr.text = text
                del tr.attrib["type"]
                filled += 1
            else:
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, missing


def main() -> int:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(TS)],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    if PENDING.is_dir():
        filled, missing = fill_from_pending()
        print(f"filled {filled} from {PENDING.name}/; unfinished: {len(missing)}")
        for context, source in missing:
            print(f"  unfinished: [{context}] {source}")
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
