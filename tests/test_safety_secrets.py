"""What the session masks in log lines and what is stored without a login (issue 11, password leak)."""

from __future__ import annotations

from wizard.core.secrets import has_login, mask_log_line, remove_logins, strip_login


def test_log_lines_are_masked_like_pip_does() -> None:
    line = (
        "Looking in indexes: https://ann:s3cr3t@mirror.example.edu/simple, https://tok3n@files.example.edu/x"
    )
    masked = mask_log_line(line)
    assert "s3cr3t" not in masked and "tok3n" not in masked
    assert (
        "https://ann:****@mirror.example.edu/simple" in masked
        and "https://****@files.example.edu/x" in masked
    )
    assert mask_log_line("Collecting torch\n") == "Collecting torch\n"


def test_stored_text_loses_every_login() -> None:
    req = "numpy @ https://u:p%40ss@files.example.edu/numpy.whl ; python_version>'3.9'"
    assert remove_logins(req) == "numpy @ https://files.example.edu/numpy.whl ; python_version>'3.9'"
    assert strip_login("http://u:p@[2001:db8::1]:3128") == "http://[2001:db8::1]:3128"
    assert not has_login(remove_logins(req)) and has_login(req)
