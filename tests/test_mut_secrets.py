"""Secrets in addresses: the cases that mutation testing of core/secrets.py found unpinned.

A learner's index address is stored (journal, pip.conf) without its login, and a source with no address
is not mistaken for one with a login (a resumed install would then ask for a password that never existed).
"""

from __future__ import annotations

import pytest

from wizard.core.secrets import has_login, strip_login


@pytest.mark.parametrize("url", [None, "", "https://download.pytorch.org/whl/cu121"])
def test_no_address_or_an_address_without_a_login_has_no_login(url: str | None) -> None:
    assert has_login(url) is False


@pytest.mark.parametrize(
    "url",
    [
        "https://download.pytorch.org/whl/cu121/?",  # what the learner typed, even a stray "?"
        "C:\\Wheels\\torch",  # a folder: its drive letter keeps its case
        "HTTPS://Mirror.Example.edu/simple#top",
    ],
)
def test_an_address_without_a_login_is_stored_exactly_as_typed(url: str) -> None:
    assert strip_login(url) == url


def test_a_password_holding_an_at_sign_is_removed_whole() -> None:
    # An unencoded "@" in the password: everything up to the last "@" is the login.
    stored = strip_login("https://ann:p@ss@mirror.example.edu/simple")
    assert stored == "https://mirror.example.edu/simple"
    assert "ss" not in (stored or "").replace("https", "")


def test_a_mistyped_address_still_loses_its_password() -> None:
    # urllib refuses the address (an unclosed "[" of an IPv6 host): the login is taken out all the same.
    assert strip_login("http://ann:s3cr3t@[2001:db8::1/simple") == "http://[2001:db8::1/simple"
