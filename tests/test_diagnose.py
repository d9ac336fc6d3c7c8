"""Failure diagnosis: recorded logs, priorities, translated Windows texts, and the shape of the result."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard.core import diagnose as dg
from wizard.core.diagnose import (
    ACTIONS,
    CODES,
    Diagnosis,
    action_label,
    diagnose,
    diagnose_file,
    diagnosis_for,
)

LOGS = Path(__file__).parent / "fixtures" / "logs"
LOG_FILES = sorted(LOGS.glob("*.log"))
REQUIRED_CODES = {
    "network-offline",
    "network-timeout",
    "network-proxy",
    "network-ssl",
    "index-http-error",
    "no-matching-distribution",
    "dependency-conflict",
    "disk-full",
    "permission-denied",
    "file-locked",
    "long-path",
    "externally-managed",
    "venv-unavailable",
    "store-python-stub",
    "vc-redist-missing",
    "cpu-build-on-gpu",
    "no-nvidia-driver",
    "driver-too-old",
    "gpu-arch-unsupported",
    "gpu-out-of-memory",
    "hash-mismatch",
    "out-of-memory",
    "conda-tos",
    "conda-unsatisfiable",
    "conda-http",
    "numpy-abi",
    "unknown",
}


def read_log(path: Path) -> tuple[str, int | None]:
    """The log without its leading '#' comment lines, and the exit code they record."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    exit_code: int | None = None
    body = 0
    for body, line in enumerate(lines):  # noqa: B007
        if not line.startswith("#"):
            break
        match = re.search(r"exit code (-?\d+)", line)
        if match:
            exit_code = int(match.group(1))
    else:
        body = len(lines)
    return "".join(lines[body:]), exit_code


def test_fixtures_cover_every_code() -> None:
    covered = {p.name.split(".", 1)[0] for p in LOG_FILES}
    assert covered <= set(CODES), covered - set(CODES)
    assert covered >= REQUIRED_CODES, REQUIRED_CODES - covered


@pytest.mark.parametrize("path", LOG_FILES, ids=[p.name for p in LOG_FILES])
def test_recorded_log(path: Path) -> None:
    assert path.read_bytes().startswith(b"# "), "each log says in a comment what it reproduces"
    text, exit_code = read_log(path)
    expected = path.name.split(".", 1)[0]
    result = diagnose(text, exit_code)
    assert result.code == expected, result.evidence
    if expected != "unknown" and exit_code not in dg._EXIT_CODES:
        assert result.evidence
        shown = dg._normalise(text)  # the verify script's JSON is shown unpacked
        assert all(part in shown for part in result.evidence.split("…")), result.evidence


def test_diagnose_file_reads_the_raw_log() -> None:
    # The comment lines say nothing that decides, so the whole file diagnoses the same.
    assert diagnose_file(LOGS / "network-offline.pip23-refused-index.log").code == "network-offline"
    gbk = diagnose_file(LOGS / "vc-redist-missing.win-zh-gbk-bytes.log")
    assert gbk.code == "vc-redist-missing"
    assert "[WinError 126]" in gbk.evidence


# -- priorities ---------------------------------------------------------------------------------

NO_MATCH = (
    "ERROR: Could not find a version that satisfies the requirement torch (from versions: none)\n"
    "ERROR: No matching distribution found for torch\n"
)


def test_offline_beats_no_matching_distribution() -> None:
    retry = (
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
        "connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at "
        "0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': "
        "/whl/cu124/torch/\n"
    )
    result = diagnose("Looking in indexes: https://download.pytorch.org/whl/cu124\n" + retry + NO_MATCH, 1)
    assert result.code == "network-offline"
    assert "Temporary failure in name resolution" in result.evidence


def test_plain_no_matching_distribution() -> None:
    result = diagnose("Looking in indexes: https://download.pytorch.org/whl/cu124\n" + NO_MATCH, 1)
    assert result.code == "no-matching-distribution"
    assert result.evidence.startswith("ERROR:")


def test_timeout_proxy_and_ssl_beat_no_matching_distribution() -> None:
    cases = {
        "ReadTimeoutError(\"HTTPSConnectionPool(host='download.pytorch.org', port=443): Read timed out.\")": (
            "network-timeout"
        ),
        "ProxyError('Cannot connect to proxy.', NewConnectionError('Failed to establish a connection'))": (
            "network-proxy"
        ),
        "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify'))": (
            "network-ssl"
        ),
    }
    for cause, code in cases.items():
        text = f"WARNING: Retrying (Retry(total=0)) after connection broken by '{cause}': /torch/\n{NO_MATCH}"
        assert diagnose(text, 1).code == code, cause


def test_pip26_headers() -> None:
    for header, code in {
        "connection-failed": "network-offline",
        "connection-timeout": "network-timeout",
        "proxy-connection-failed": "network-proxy",
        "ssl-verification-failed": "network-ssl",
        "incomplete-download": "download-interrupted",
    }.items():
        assert diagnose(f"Collecting torch\nerror: {header}\n\n× Something\n", 1).code == code


def test_local_failure_beats_a_retried_blip() -> None:
    text = (
        "WARNING: Retrying (Retry(total=4)) after connection broken by "
        "'ReadTimeoutError(\"Read timed out\")'\n"
        "Installing collected packages: torch\n"
        "ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device\n"
    )
    assert diagnose(text, 1).code == "disk-full"


def test_network_oserror_is_not_a_disk_or_permission_problem() -> None:
    text = (
        "ERROR: Could not install packages due to an OSError: "
        "HTTPSConnectionPool(host='download.pytorch.org', port=443): Max retries exceeded with url: "
        "/whl/cu124/torch.whl (Caused by NewConnectionError("
        "'Failed to establish a new connection: [WinError 10061] 由于目标计算机积极拒绝，无法连接。'))\n"
    )
    assert diagnose(text, 1).code == "network-offline"


# -- Windows texts in other languages: numbers decide -------------------------------------------


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            'OSError: [WinError 126] 找不到指定的模块。 Error loading "C:\\env\\torch\\lib\\c10.dll"',
            "vc-redist-missing",
        ),
        ("ImportError: DLL load failed while importing _C: 找不到指定的模块。", "vc-redist-missing"),
        (
            'OSError: [WinError 126] Das angegebene Modul wurde nicht gefunden. Error loading "fbgemm.dll"',
            "vc-redist-missing",
        ),
        (
            "ERROR: Could not install packages due to an OSError: [WinError 5] 拒绝访问。: 'C:\\\\Python312'",
            "permission-denied",
        ),
        (
            "ERROR: Could not install packages due to an OSError: [WinError 32] 另一个程序正在使用此文件",
            "file-locked",
        ),
        ("ERROR: Could not install packages due to an OSError: [WinError 112] 磁盘空间不足。", "disk-full"),
        ("OSError: [Errno 28] 设备上没有空间", "disk-full"),
        (
            "ERROR: Could not install packages due to an OSError: [WinError 206] 文件名或扩展名太长。",
            "long-path",
        ),
        ("ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。", "download-interrupted"),
        (
            "urllib3.exceptions.ConnectTimeoutError: [WinError 10060] 由于连接方没有正确答复",
            "network-timeout",
        ),
    ],
)
def test_translated_windows_messages(line: str, code: str) -> None:
    assert diagnose(line + "\n", 1).code == code


def test_exit_codes_decide_first() -> None:
    assert diagnose("", 9009).code == "store-python-stub"
    assert diagnose("", 3221225781).code == "vc-redist-missing"
    assert diagnose("", -1073741515).code == "vc-redist-missing"
    assert diagnose("Collecting torch\n", 137).code == "out-of-memory"
    assert diagnose("Collecting torch\n", -9).code == "out-of-memory"
    # ... even over text that would say otherwise.
    assert diagnose(NO_MATCH, 9009).code == "store-python-stub"
    assert diagnose("", 1).code == "unknown"
    assert diagnose("").code == "unknown"


def test_harmless_lines_alone_are_unknown() -> None:
    text = (
        "WARNING: Ignoring invalid distribution ~orch (C:\\env\\Lib\\site-packages)\n"
        "  WARNING: The script torchrun.exe is installed in 'C:\\Scripts' which is not on PATH.\n"
        "[notice] A new release of pip is available: 24.0 -> 26.3\n"
        "[notice] To update, run: python.exe -m pip install --upgrade pip\n"
    )
    assert diagnose(text, 1).code == "unknown"
    # ... and they never hide a real cause.
    assert diagnose(text + NO_MATCH, 1).code == "no-matching-distribution"


def test_carriage_returns_and_colour_codes() -> None:
    text = "\x1b[31mERROR: Could not install packages due to an OSError: [Errno 28] No space left\x1b[0m\r\n"
    result = diagnose("Progress 10 of 100\rProgress 20 of 100\r" + text, 1)
    assert result.code == "disk-full"
    assert "\x1b" not in result.evidence


def test_step_helps_with_venv_creation() -> None:
    text = (
        "Error: Command '['/home/student/env/bin/python3', '-m', 'ensurepip', '--upgrade', '--default-pip']' "
        "returned non-zero exit status 1.\n"
    )
    assert diagnose(text, 1, step="create-venv").code == "venv-unavailable"
    assert diagnose(text, 1, step="install-torch").code == "unknown"


def test_venv_package_name_is_shown() -> None:
    result = diagnose_file(LOGS / "venv-unavailable.ubuntu24-python3.12.log")
    assert "sudo apt install python3.12-venv" in result.explanation
    plain = diagnose("/usr/bin/python3: No module named venv\n", 1)
    assert "sudo apt install python3-venv" in plain.explanation


def test_verify_json_line_is_unpacked() -> None:
    line = 'WIZARD-VERIFY {"ok": false, "error": "OSError: [WinError 126] \\u627e\\u4e0d\\u5230"}\n'
    result = diagnose(line, 1, step="verify")
    assert result.code == "vc-redist-missing"
    assert "找不到" in result.evidence


def test_memory_errors_are_told_apart() -> None:
    assert diagnose("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n", 1).code == (
        "gpu-out-of-memory"
    )
    assert diagnose("Traceback (most recent call last):\nMemoryError\n", 2).code == "out-of-memory"


# -- the result ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_words_and_known_actions(code: str) -> None:
    result = diagnosis_for(code)
    assert result.code == code
    assert result.title.strip() and result.explanation.strip()
    assert "{" not in result.explanation
    assert result.actions
    assert set(result.actions) <= set(ACTIONS)
    assert len(set(result.actions)) == len(result.actions)


def test_codes_cover_the_contract() -> None:
    assert set(CODES) >= REQUIRED_CODES
    assert diagnosis_for("no-such-code").code == "unknown"


def test_action_labels() -> None:
    for action in ACTIONS:
        assert action_label(action).strip()
        assert action_label(action) != action
    assert action_label("made-up") == "made-up"


def test_to_json() -> None:
    result = diagnose(NO_MATCH, 1)
    assert isinstance(result, Diagnosis)
    data = result.to_json()
    assert set(data) == {"code", "title", "explanation", "actions", "evidence", "params"}
    assert data["code"] == "no-matching-distribution"
    assert isinstance(data["actions"], list)
    assert data["actions"] == list(result.actions)
    assert data["evidence"] == result.evidence


def test_a_diagnosis_is_worded_in_the_language_shown_without_being_made_again() -> None:
    """Decide first, word second: the same result object says its words in the language of the moment."""
    from PySide6.QtCore import QCoreApplication

    from wizard.i18n import Translations

    app = QCoreApplication.instance() or QCoreApplication([])
    result = diagnose(
        "pip._vendor.urllib3.exceptions.ReadTimeoutError: Read timed out.", 1, step="install-torch"
    )
    english = result.title
    tr = Translations(app)  # type: ignore[arg-type]
    try:
        tr.switch("zh_CN")
        chinese = result.title
    finally:
        tr.switch("en")
    assert result.code == "network-timeout" and english != chinese and chinese
    assert result.title == english
