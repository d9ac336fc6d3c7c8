"""Put pip into a venv made with ``--without-pip``: run pip straight from the wheel that this Python
bundles (``ensurepip/_bundled/pip-*.whl``), usually to install a newer pip at once.

    <env>/bin/python bootstrap_pip.py install --upgrade "pip>=24.1" [pip options]
    <env>/bin/python bootstrap_pip.py install --no-index --bundled-pip     # offline: the bundled pip itself

Running pip from its wheel is supported by pip ("python pip.whl/pip --help"). This halves the time of
``python -m venv`` (which installs the bundled pip) followed by pip upgrading itself. It runs in the new
environment's Python, so it uses no syntax newer than Python 3.6.
"""

import glob
import os
import runpy
import sys


def bundled_wheel():
    try:
        import ensurepip
    except ImportError:
        return None
    folder = os.path.join(os.path.dirname(ensurepip.__file__), "_bundled")
    wheels = sorted(glob.glob(os.path.join(folder, "pip-*.whl")))
    return wheels[-1] if wheels else None


def main():
    wheel = bundled_wheel()
    if wheel is None:
        # The same words venv prints when a Linux distribution left ensurepip out (python3-venv).
        sys.stderr.write(
            "The virtual environment was not created successfully because ensurepip is not available.\n"
        )
        return 1
    args = [wheel if a == "--bundled-pip" else a for a in sys.argv[1:]]
    sys.path.insert(0, wheel)
    sys.argv = ["pip", *args]
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    try:
        runpy.run_module("pip", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
