"""Every visible string has a finished Simplified Chinese translation, and the compiled .qm matches the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "wizard_zh_CN.ts"
QM = TS.with_suffix(".qm")
FIELDS = re.compile(r"\{[^{}]*\}|%n")
TAGS = re.compile(r"<\s*/?\s*([a-zA-Z]+)")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m)
        for c in root.iter("context")
        for m in c.iter("message")
    ]


def translation_text(m: ET.Element) -> str:
    tr = m.find("translation")
    assert tr is not None
    forms = [f.text or "" for f in tr.iter("numerusform")]
    return forms[0] if forms else (tr.text or "")


def test_no_unfinished_translation() -> None:
    unfinished = []
    for ctx, src, m in messages(TS):
        tr = m.find("translation")
        if (
            tr is None
            or tr.get("type") in ("unfinished", "vanished", "obsolete")
            or not translation_text(m).strip()
        ):
            unfinished.append(f"{ctx}: {src}")
    assert not unfinished, "untranslated:\n" + "\n".join(unfinished)


def test_placeholders_and_markup_are_kept() -> None:
    bad = []
    for ctx, src, m in messages(TS):
        zh = translation_text(m)
        if sorted(FIELDS.findall(src)) != sorted(FIELDS.findall(zh)) or sorted(TAGS.findall(src)) != sorted(
            TAGS.findall(zh)
        ):
            bad.append(f"{ctx}: {src!r} -> {zh!r}")
    assert not bad, "\n".join(bad)


def test_catalogue_has_every_string_in_the_code(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "wizard").rglob("*.py"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_ts = {(c, s) for c, s, _ in messages(TS)}
    assert not in_code - in_ts, "run tools/update_translations.py; missing: " + repr(sorted(in_code - in_ts))


def test_compiled_catalogue_matches_the_source() -> None:
    tr = QTranslator()
    assert tr.load(str(QM)), "resources/translations/wizard_zh_CN.qm is missing"
    stale = []
    for ctx, src, m in messages(TS):
        got = tr.translate(ctx, src, "", 2) if m.get("numerus") == "yes" else tr.translate(ctx, src)
        if got != translation_text(m):
            stale.append(f"{ctx}: {src}")
    assert not stale, "run tools/update_translations.py to compile the .qm; stale:\n" + "\n".join(stale[:20])
