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


def main() -> int:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(TS)],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
