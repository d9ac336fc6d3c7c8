"""Secrets in addresses: an index or proxy URL may carry a login (``https://user:secret@host/simple``).

The wizard passes such a URL to pip as it was typed (pip needs it), but it never shows or writes the
password: everything shown, logged or saved goes through :func:`mask_secrets` (pip itself prints
``****`` in the same place), and nothing that is stored keeps the login at all (:func:`strip_login`).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

MASK = "****"

# scheme://[user[:password]@]host — the user part may not hold "/", "@" or white space.
_LOGIN = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?P<user>[^\s/@:]*)(?::(?P<pw>[^\s/]*))?@")


def mask_secrets(text: str) -> str:
    """The text with the password of every ``scheme://user:password@`` replaced by ``****``.

    A login without a password (``https://token@host``) is a secret too: the token is masked.
    """

    def repl(m: re.Match[str]) -> str:
        if m.group("pw") is not None:
            return f"{m.group('scheme')}{m.group('user')}:{MASK}@"
        return f"{m.group('scheme')}{MASK}@"

    return _LOGIN.sub(repl, text)


def has_login(url: str | None) -> bool:
    """Does the address carry a user name or password?"""
    if not url:
        return False
    return _LOGIN.search(url) is not None


def strip_login(url: str | None) -> str | None:
    """The address without ``user:password@`` (for storing: ask again next time)."""
    if not url or not has_login(url):
        return url
    try:
        parts = urlsplit(url)
        host = parts.netloc.rsplit("@", 1)[-1]
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    except ValueError:
        return _LOGIN.sub(lambda m: m.group("scheme"), url)


def remove_logins(text: str) -> str:
    """The text with every ``user:password@`` (or ``token@``) taken out of the addresses in it, for what
    is stored: ``torch @ https://u:p@host/t.whl`` becomes ``torch @ https://host/t.whl``."""
    return _LOGIN.sub(lambda m: m.group("scheme"), text)


def put_login(text: str, index_url: str, user: str, password: str) -> str:
    """``text`` with ``user:password@`` put back into every address of ``index_url``'s host (same scheme,
    same host, any path), replacing whatever login such an address had. A token without a password:
    ``user`` empty, the token as ``password``. Other hosts, even ones whose names start the same, are left
    alone. For the plan in memory only: what is stored goes through :func:`remove_logins` again."""
    try:
        parts = urlsplit(index_url)
    except ValueError:
        return text
    host = parts.netloc.rsplit("@", 1)[-1]
    if user:
        login = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    else:
        login = quote(password, safe="")
    if not parts.scheme or not host or not login:
        return text
    address = re.compile(
        re.escape(f"{parts.scheme}://") + r"(?:[^\s/@]*@)?" + re.escape(host) + r"(?=[/?#\s]|$)"
    )
    return address.sub(lambda _m: f"{parts.scheme}://{login}@{host}", text)


def mask_log_line(line: str) -> str:
    """One line of a child's output, ready for the log file and the log view (the password masked)."""
    return mask_secrets(line)


__all__ = [
    "MASK",
    "has_login",
    "mask_log_line",
    "mask_secrets",
    "put_login",
    "remove_logins",
    "strip_login",
]
