"""Each wheel of a folder is checked before installing: a damaged or cut-short copy is named on the Review
page (code ``broken-wheel-file``), not found by pip in the middle of the install."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import WHEEL_CACHE
from wizard.core import wheelverify
from wizard.core.diagnose import diagnosis_for

NAME = "demo-1.0-py3-none-any.whl"
FILES = {"demo/__init__.py": b"print('hi')\n" * 50, "demo/data.bin": bytes(range(256)) * 400}


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def make_wheel(path: Path, files: dict[str, bytes] = FILES, record: dict[str, bytes] | None = None) -> Path:
    """A wheel whose RECORD describes ``record`` (default: the files it really holds)."""
    listed = files if record is None else record
    rows = [f"{name},{_digest(data)},{len(data)}" for name, data in listed.items()]
    rows.append("demo-1.0.dist-info/RECORD,,")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr("demo-1.0.dist-info/RECORD", "\n".join(rows) + "\n")
    return path


def test_a_sound_wheel_passes(tmp_path: Path) -> None:
    make_wheel(tmp_path / NAME)
    verdict = wheelverify.verify_folder(tmp_path)
    assert verdict.ok and verdict.checked == [NAME] and verdict.bytes_read > 0


def test_a_copy_cut_short_is_named_at_once(tmp_path: Path) -> None:
    data = make_wheel(tmp_path / "src.whl").read_bytes()
    (tmp_path / "src.whl").unlink()
    (tmp_path / NAME).write_bytes(data[: len(data) // 2])
    for deep in (True, False):
        verdict = wheelverify.verify_folder(tmp_path, deep=deep)
        assert not verdict.ok
        (problem,) = verdict.problems
        assert problem.reason == "not-a-zip" and problem.code == "broken-wheel-file"
        assert NAME in problem.message and problem.file == str(tmp_path / NAME)
    assert diagnosis_for(problem.code, file=problem.name).actions[0] == "use-wheel-folder"


def test_a_changed_byte_inside_a_member_is_found(tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path / NAME)
    data = bytearray(wheel.read_bytes())
    with zipfile.ZipFile(wheel) as zf:
        info = zf.getinfo("demo/data.bin")
    data[info.header_offset + 30 + len(info.filename) + 10] ^= 0xFF  # inside the compressed data
    wheel.write_bytes(bytes(data))
    assert wheelverify.verify_folder(tmp_path, deep=False).ok  # the quick check sees only structure
    (problem,) = wheelverify.verify_folder(tmp_path).problems
    assert problem.reason == "member-damaged" and problem.detail == "demo/data.bin"


def test_content_that_does_not_match_record_is_found(tmp_path: Path) -> None:
    """A member changed with a fitting CRC-32 (re-zipped): only RECORD's hash tells."""
    make_wheel(tmp_path / NAME, {**FILES, "demo/__init__.py": b"evil\n"}, record=FILES)
    (problem,) = wheelverify.verify_folder(tmp_path).problems
    assert (problem.reason, problem.detail) == ("member-damaged", "demo/__init__.py")
    make_wheel(tmp_path / NAME, {"demo/__init__.py": FILES["demo/__init__.py"]}, record=FILES)
    assert wheelverify.verify_folder(tmp_path).problems[0].reason == "member-missing"


def test_the_folder_s_manifest_decides_when_it_has_the_file(tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path / NAME)
    good = hashlib.sha256(wheel.read_bytes()).hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"{'0' * 64}  {NAME}\n")
    (problem,) = wheelverify.verify_folder(tmp_path).problems
    assert problem.reason == "hash-differs" and "checksums" in problem.message
    (tmp_path / "SHA256SUMS").write_text(f"{good} *{NAME}\n")
    assert wheelverify.verify_folder(tmp_path).ok
    # a kit: kit.json one level up, with sizes
    (tmp_path / "SHA256SUMS").unlink()
    kit_wheels = tmp_path / "kit" / "wheels"
    kit_wheels.mkdir(parents=True)
    shutil.copy(wheel, kit_wheels / NAME)
    files = [{"name": NAME, "size": wheel.stat().st_size + 1, "sha256": good}]
    (tmp_path / "kit" / "kit.json").write_text(json.dumps({"kit": 1, "files": files}))
    assert wheelverify.verify_folder(kit_wheels).problems[0].reason == "size-differs"
    files[0]["size"] = wheel.stat().st_size
    (tmp_path / "kit" / "kit.json").write_text(json.dumps({"kit": 1, "files": files}))
    assert wheelverify.manifest_for(kit_wheels) == {NAME: (good, wheel.stat().st_size)}
    assert wheelverify.verify_folder(kit_wheels).ok


def test_only_the_named_files_and_cancel(tmp_path: Path) -> None:
    make_wheel(tmp_path / NAME)
    (tmp_path / "other-1.0-py3-none-any.whl").write_bytes(b"not a zip")
    assert wheelverify.verify_folder(tmp_path, names=[NAME]).ok
    assert not wheelverify.verify_folder(tmp_path).ok
    with pytest.raises(wheelverify.Cancelled):
        wheelverify.verify_folder(tmp_path, names=[NAME], cancel=lambda: True)
    gone = wheelverify.verify_folder(tmp_path / "gone")
    assert gone.problems[0].reason == "unreadable"


def test_the_real_torch_wheel(capsys: pytest.CaptureFixture[str]) -> None:
    """Measured on the CPU torch wheel the e2e tests use (about 190 MB, 700 MB unpacked)."""
    found = sorted(WHEEL_CACHE.glob("wheels-*/torch-*.whl"))
    if not found:
        pytest.skip("no torch wheel in the test cache")
    wheel = found[0]
    start = time.perf_counter()
    problem, read = wheelverify.verify_wheel(wheel, deep=False)
    quick = time.perf_counter() - start
    assert problem is None
    start = time.perf_counter()
    problem, read = wheelverify.verify_wheel(wheel)
    deep = time.perf_counter() - start
    assert problem is None and read > wheel.stat().st_size
    with capsys.disabled():
        print(f"\n{wheel.name}: quick {quick:.2f} s, RECORD check {deep:.2f} s ({read / 1e6:.0f} MB read)")
