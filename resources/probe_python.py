"""Probe script run by each candidate Python interpreter (Torch Setup Wizard).

It must run unchanged on Python 2.7 and 3.6+: no f-strings, no annotations, nothing newer than
what those versions have. Every fact is gathered on its own so that one failure leaves the
rest. The answer is one line of ASCII JSON between two sentinel lines, so that whatever a
site hook or a wrapper prints around it can't break parsing.
"""

import json
import os
import platform
import sys

BEGIN = "----TORCH-SETUP-WIZARD-PROBE-BEGIN----"
END = "----TORCH-SETUP-WIZARD-PROBE-END----"


def _try(func, default):
    try:
        return func()
    except Exception:
        return default


def _has_module(name):
    try:
        import importlib.util

        return importlib.util.find_spec(name) is not None
    except ImportError:
        pass  # Python 2: no importlib.util
    except Exception:
        return False
    try:
        import imp

        found = imp.find_module(name)
        if found and found[0] is not None:
            found[0].close()
        return True
    except Exception:
        return False


def _sysconfig_var(name):
    import sysconfig

    return sysconfig.get_config_var(name)


def _stdlib_dir():
    import sysconfig

    path = sysconfig.get_path("stdlib")
    if path:
        return path
    return os.path.dirname(os.__file__)


def _base_prefix():
    return getattr(sys, "base_prefix", None) or getattr(sys, "real_prefix", None) or sys.prefix


def _is_venv():
    if getattr(sys, "real_prefix", None):  # old virtualenv
        return True
    return os.path.normcase(os.path.abspath(sys.prefix)) != os.path.normcase(os.path.abspath(_base_prefix()))


def _externally_managed():
    if _is_venv():
        return False
    return os.path.isfile(os.path.join(_stdlib_dir(), "EXTERNALLY-MANAGED"))


def _translated():
    """True when an Intel (x86_64) Python runs under Rosetta on an Apple Silicon Mac."""
    if sys.platform != "darwin":
        return False
    import subprocess

    proc = subprocess.Popen(
        ["/usr/sbin/sysctl", "-n", "sysctl.proc_translated"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out = proc.communicate()[0]
    return out.strip() == b"1"


def _text(value):
    if value is None:
        return ""
    try:
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
    except Exception:
        pass
    return value if isinstance(value, str) else _try(lambda: str(value), "")


def main():
    info = {}
    info["probe_schema"] = 1
    info["version"] = _try(platform.python_version, "")
    info["version_info"] = _try(lambda: [int(x) for x in sys.version_info[:3]], [0, 0, 0])
    info["releaselevel"] = _try(lambda: str(sys.version_info[3]), "")
    info["bits"] = _try(lambda: 64 if sys.maxsize > 2**32 else 32, 0)
    info["implementation"] = _try(lambda: platform.python_implementation().lower(), "")
    info["machine"] = _try(platform.machine, "")
    info["platform"] = sys.platform
    info["free_threaded"] = _try(lambda: bool(_sysconfig_var("Py_GIL_DISABLED")), False)
    info["is_venv"] = _try(_is_venv, False)
    info["is_conda"] = _try(lambda: os.path.isdir(os.path.join(sys.prefix, "conda-meta")), False)
    info["externally_managed"] = _try(_externally_managed, False)
    info["has_pip"] = _try(lambda: _has_module("pip"), False)
    info["has_venv"] = _try(lambda: _has_module("venv"), False)
    info["has_ensurepip"] = _try(lambda: _has_module("ensurepip"), False)
    info["prefix"] = _text(sys.prefix)
    info["base_prefix"] = _text(_try(_base_prefix, ""))
    info["executable"] = _text(sys.executable)
    info["base_executable"] = _text(getattr(sys, "_base_executable", None) or sys.executable)
    info["mac_ver"] = _try(lambda: platform.mac_ver()[0], "") if sys.platform == "darwin" else ""
    info["translated"] = _try(_translated, False)
    info["fs_encoding"] = _try(sys.getfilesystemencoding, "")
    info["stdlib"] = _text(_try(_stdlib_dir, ""))
    payload = json.dumps(info, sort_keys=True, ensure_ascii=True)
    sys.stdout.write("\n" + BEGIN + "\n" + payload + "\n" + END + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
