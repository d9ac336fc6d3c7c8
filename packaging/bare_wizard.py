"""The yardstick for benchmarks/bundle.py: a bare one-page QWizard, frozen by the same spec as the app.

``WIZARD_QUIT_WHEN_SHOWN=1`` prints ``FIRST-PAGE-SHOWN <time>`` once the page is shown and quits,
like the wizard does; without it the window stays open.
"""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage


def main() -> int:
    app = QApplication(sys.argv)
    wiz = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    wiz.addPage(page)
    wiz.show()
    if os.environ.get("WIZARD_QUIT_WHEN_SHOWN"):

        def shown() -> None:
            print(f"FIRST-PAGE-SHOWN {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
