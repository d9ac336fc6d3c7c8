"""The frozen app's entry point (PyInstaller runs this file, see build_installer.spec).

No arguments: the wizard's window. Anything else goes to the same command line as ``python -m wizard``
(``detect --json``, ``recommend``, ``diagnose``, ``--self-test``), so the frozen app answers those too.
"""

import sys

from wizard.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
