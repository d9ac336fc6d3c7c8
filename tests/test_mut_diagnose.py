"""What the diagnosis tells a learner, pinned where mutation testing (core/causes.py, core/diagnose.py) found
that nothing noticed a change: the button texts in Chinese, the line shown as evidence, the folders whose
names must not decide, what the runner's facts (a signal, an exit code, a timeout) are called, and the
messages of the command line's `diagnose FILE`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard.core import causes
from wizard.core.diagnose import (
    ACTIONS,
    LogNotReadable,
    diagnose,
    diagnose_file,
    diagnosis_for,
    wheel_folder_gone,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
DISK = "ERROR: [Errno 28] No space left on device"


@pytest.fixture
def chinese(chinese_words: None) -> None:
    """The Chinese catalogue in force (tests/conftest.py)."""


# -- causes: the buttons, the words, the sizes ------------------------------------------------------


def test_every_action_has_its_own_button_text_in_english() -> None:
    labels = {a: causes.action_label(a) for a in ACTIONS}
    for action, label in labels.items():
        assert label != action and label[0].isupper() and not CJK.search(label), (action, label)
    assert len(set(labels.values())) == len(labels)
    assert causes.action_label("retry") == "Retry"
    assert causes.action_label("no-such-action") == "no-such-action"


def test_every_action_has_a_chinese_button_text(chinese: None) -> None:
    for action in ACTIONS:
        assert CJK.search(causes.action_label(action)), action


def test_a_mac_whose_processor_cannot_run_the_build_is_offered_python_for_apple_silicon() -> None:
    assert causes.actions_for("cpu-unsupported", {"os": "macos"}) == (
        "use-arm64-python",
        "choose-another-python",
        "copy-report",
    )
    for code in causes.TEXT_CODES:
        assert set(causes.actions_for(code, {"os": "macos"})) <= set(ACTIONS), code


def test_titles_and_explanations_are_the_codes_own_and_an_unknown_code_reads_as_unknown() -> None:
    assert causes.title("no-such-code") == causes.title("unknown")
    assert causes.explanation("no-such-code") == causes.explanation("unknown")
    assert causes.title("disk-full") != causes.title("unknown")
    assert causes.explanation("disk-full") != causes.explanation("unknown")
    for code in causes.TEXT_CODES:
        assert causes.title(code) != causes.explanation(code), code


def test_sizes_read_in_megabytes_below_a_gigabyte_and_in_gigabytes_from_it() -> None:
    assert causes.format_size(999.4) == "999 MB"
    assert causes.format_size(1000) == "1.0 GB"
    assert causes.format_size(100_000) == "100.0 GB"


# -- diagnosis_for and the evidence line -----------------------------------------------------------


def test_a_diagnosis_drops_empty_parameters_and_has_no_evidence_unless_given() -> None:
    d = diagnosis_for("wheel-folder-missing", folder="")
    assert d.params == {} and d.evidence == ""
    assert diagnosis_for("unknown").evidence == ""


def test_the_evidence_is_the_one_line_that_decided() -> None:
    out = "one\ntwo\nthree\n" + DISK + "\nfour\nfive"
    d = diagnose(out, 1, step="install-torch")
    assert d.code == "disk-full" and d.evidence == DISK


def test_a_long_line_is_shown_as_a_window_around_the_match() -> None:
    for column in (600, 50, 94, 1700, 1900):  # middle, start, just past it, near and at the end
        line = "x" * column + DISK + "y" * (2000 - column - len(DISK))
        d = diagnose("first line\n" + line + "\nlast line", 1, step="install-torch")
        assert d.code == "disk-full"
        at = column + len("ERROR: ")  # where the rule's match, "[Errno 28]", starts
        left = max(0, min(at - 100, len(line) - 300))
        expected = ("…" if left else "") + line[left : left + 300] + ("…" if left + 300 < len(line) else "")
        assert d.evidence == expected, column
        assert "[Errno 28]" in d.evidence
    exact = DISK + "z" * (300 - len(DISK))
    assert diagnose("first\n" + exact, 1).evidence == exact  # 300 characters: shown whole


def test_colour_codes_and_carriage_returns_do_not_reach_the_evidence() -> None:
    assert diagnose("\x1b[31m" + DISK + "\x1b[0m", 1).evidence == DISK
    assert diagnose("a\r\n" + DISK + "\r\nb", 1).evidence == DISK
    assert diagnose("10%\r50%\r" + DISK, 1).evidence == DISK


def test_the_verify_scripts_cuda_error_is_read() -> None:
    out = 'WIZARD-VERIFY {"ok": false, "cuda_error": "CUDA out of memory. Tried to allocate 2 GiB"}'
    assert diagnose(out, 1, step="verify").code == "gpu-out-of-memory"
    assert diagnose('WIZARD-VERIFY ["not", "a", "dict"]', 1, step="verify").code == "unknown"


# -- paths: a folder's name never decides, a path that matters on purpose ---------------------------


@pytest.mark.parametrize(
    ("env_dir", "shown"),
    [
        ("C:\\w\\No space left on device", "C:/w/No space left on device"),
        ("C:/w/No space left on device", "C:\\w\\No space left on device"),
        ("C:\\w\\No space left on device", "C:\\\\w\\\\No space left on device"),
        ("C:\\w\\No space left on device", "C:\\w\\No space left on device"),
    ],
)
def test_a_folder_named_like_an_error_never_decides_however_its_slashes_are_written(
    env_dir: str, shown: str
) -> None:
    d = diagnose(f"Creating {shown}\\Scripts\nERROR: something failed", 1, env_dir=env_dir)
    assert d.code == "unknown"


def test_a_folder_inside_another_named_folder_is_blanked_whole() -> None:
    env = "C:\\w\\No space left on device"
    d = diagnose(f"Using {env}\\Lib\nERROR: it failed", 1, env_dir=env, paths=["C:\\w"])
    assert d.code == "unknown"


def test_a_windows_path_of_260_characters_is_too_long_and_259_is_not() -> None:
    def path(n: int) -> str:
        head = "C:\\Users\\"
        return head + "d" * (n - len(head))

    out = 'ERROR: [Errno 2] No such file or directory: "{}"'
    d = diagnose(out.format(path(260)), 1, step="install-torch")
    assert d.code == "long-path" and d.params == {"length": "260"}
    assert diagnose(out.format(path(259)), 1, step="install-torch").code != "long-path"


def test_a_locked_file_in_the_new_environment_is_found_with_forward_slashes_too() -> None:
    out = "ERROR: [WinError 5] Access is denied: 'C:/Users/me/env/Lib/site-packages/numpy/core/x.pyd'"
    d = diagnose(out, 1, step="install-torch", env_dir="C:/Users/me/env", os_name="windows")
    assert d.code == "file-locked"


def test_a_wheel_folder_named_in_a_missing_file_error(tmp_path: Path) -> None:
    gone = str(tmp_path / "usb")
    out = f"ERROR: [Errno 2] No such file or directory: '{gone}/torch.whl'"
    d = diagnose(out, 1, step="create-venv", wheel_folder=gone)
    assert d.code == "wheel-folder-missing" and d.params == {"folder": gone}
    there = tmp_path / "wheels"
    there.mkdir()
    out = f"ERROR: [Errno 2] No such file or directory: '{there}/torch.whl'"
    assert diagnose(out, 1, step="install-torch", wheel_folder=str(there)).code != "wheel-folder-missing"


def test_a_broken_wheel_names_its_file_and_no_file_when_none_is_shown() -> None:
    d = diagnose("ERROR: Wheel 'torch' located at /w/torch-2.13.0.whl is invalid.", 1, step="install-torch")
    assert d.code == "broken-wheel-file" and d.params == {"file": "/w/torch-2.13.0.whl"}
    d = diagnose("zipfile.BadZipFile: File is not a zip file", 1, step="install-torch")
    assert d.code == "broken-wheel-file" and d.params == {}


# -- what the runner knows ---------------------------------------------------------------------------


def test_exit_code_4_is_a_signal_only_when_the_process_crashed() -> None:
    assert diagnose("", 4).code == "unknown"
    assert diagnose("", 4, crashed=True).code == "cpu-unsupported"


def test_a_step_stopped_for_taking_too_long_is_a_timeout_with_evidence() -> None:
    d = diagnose("", timed_out=True)
    assert d.code == "network-timeout" and d.evidence


def test_signals_and_exit_codes_carry_evidence_and_the_system_only_for_the_processor() -> None:
    d = diagnose("", signal=9, os_name="macos")
    assert d.code == "out-of-memory" and "9" in d.evidence and d.params == {}
    d = diagnose("", 137, os_name="macos")
    assert d.code == "out-of-memory" and "137" in d.evidence and d.params == {}
    d = diagnose("", 132, os_name="macos")
    assert d.code == "cpu-unsupported" and d.actions[0] == "use-arm64-python"


@pytest.mark.parametrize("step", ["verify", "demo", "create-venv"])
def test_a_missing_wheel_folder_does_not_decide_steps_that_do_not_read_it(tmp_path: Path, step: str) -> None:
    gone = str(tmp_path / "usb")
    assert diagnose(DISK, 1, step=step, wheel_folder=gone).code == "disk-full"


def test_a_missing_wheel_folder_is_named_before_the_install(tmp_path: Path) -> None:
    gone = str(tmp_path / "usb")
    for d in (diagnose(DISK, 1, step="install-torch", wheel_folder=gone), wheel_folder_gone(gone)):
        assert d is not None
        assert d.code == "wheel-folder-missing" and d.params == {"folder": gone} and d.evidence == ""
    assert wheel_folder_gone(str(tmp_path)) is None


# -- diagnose FILE ------------------------------------------------------------------------------------


def test_a_saved_log_is_read_with_its_exit_code_and_step(tmp_path: Path) -> None:
    log = tmp_path / "venv.log"
    log.write_text("subprocess: ['python', '-m', 'ensurepip'] returned non-zero exit status 1", "utf-8")
    assert diagnose_file(log, step="create-venv").code == "venv-unavailable"
    empty = tmp_path / "empty.log"
    empty.write_text("", "utf-8")
    assert diagnose_file(empty, 137).code == "out-of-memory"


def test_the_log_messages_name_the_path_in_chinese(tmp_path: Path, chinese: None) -> None:
    with pytest.raises(LogNotReadable) as folder:
        diagnose_file(tmp_path)
    with pytest.raises(LogNotReadable) as missing:
        diagnose_file(tmp_path / "nope.log")
    for message in (str(folder.value), str(missing.value)):
        assert CJK.search(message) and str(tmp_path) in message, message


def test_the_evidence_is_the_line_that_decided_even_after_a_blank_line() -> None:
    # ``^\s*Killed`` starts its match on the line break of the blank line before: the evidence is still
    # the "Killed" line the out-of-memory killer left, not the empty line.
    result = diagnose("Collecting torch\n\nKilled", 1)
    assert result.code == "out-of-memory"
    assert result.evidence == "Killed"
