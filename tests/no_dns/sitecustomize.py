"""Loaded by the children of tests/test_real_failures.py (PYTHONPATH): no name is ever looked up.

A test that needs "this host name does not exist" must not ask the system's resolver, which would send
the question to a DNS server off this machine. Here every name but the loopback ones fails the way glibc's
getaddrinfo fails for an unknown name (EAI_NONAME, "[Errno -2] Name or service not known", as pip
prints it), and numeric addresses pass through untouched. Python 2.7-compatible, like the probe.
"""

import socket

_real_getaddrinfo = socket.getaddrinfo
_LOCAL = ("localhost", "localhost.", "localhost.localdomain")


def _numeric(host):
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, host.split("%", 1)[0])
            return True
        except (OSError, ValueError):
            pass
    return False


def _getaddrinfo(host, *args, **kwargs):
    if host is None or isinstance(host, bytes):
        name = host.decode("ascii", "replace") if host else ""
    else:
        name = str(host)
    if name and name.lower() not in _LOCAL and not _numeric(name):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _getaddrinfo
