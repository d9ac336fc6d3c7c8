"""Finishing an unfinished install whose package index had a login: the login is asked for again.

The journal never stores a password (``core/journal.py``: ``Journal.login_removed``), so the plan it gives
back has the index address without ``user:password@``. This dialog asks for it (the password hidden as it is
typed) and puts it back into the plan in memory only (``core.plan.with_login``, the same as
``python -m wizard unfinished --finish``); what is shown or logged goes through ``mask_secrets``, what is
stored through the journal, which takes the login out again. Cancel keeps the unfinished install as it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.secrets import mask_secrets
from .common import wrap_label


class LoginDialog(QDialog):
    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = mask_secrets(address)
        self.setWindowTitle(self.tr("Login for the package index"))
        self.text = wrap_label()
        self.hint = wrap_label()
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label = QLabel()
        self.password_label = QLabel()
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.user.textChanged.connect(self._on_changed)
        self.password.textChanged.connect(self._on_changed)
        self.retranslate()
        self._on_changed()
        self.password.setFocus()

    def retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "The unfinished install gets its packages from {url}, which needs a login. The wizard never "
                "saves passwords, so type it again to finish installing. It is used only for this install "
                "and is not written anywhere."
            ).format(url=self.address)
        )
        self.hint.setText(
            self.tr(
                "Only a token (no user name)? Leave the user name empty and put the token in the password field."
            )
        )
        self.user_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Finish installing"))

    def _on_changed(self, *_args: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.user.text().strip() or self.password.text()))

    def login(self) -> tuple[str, str]:
        return self.user.text().strip(), self.password.text()


def ask_login_again(parent: QWidget | None, record: Any, plan: Any, data: Any) -> Any:
    """The plan to finish ``record`` with: as it is when no login was taken out of it, with the login the
    learner typed put back, or None when the learner pressed Cancel (the unfinished install stays)."""
    from ..core.plan import with_login

    address = record.login_address()
    if address is None:
        return plan
    dialog = LoginDialog(address, parent)
    try:
        if not dialog.exec():
            return None
        user, password = dialog.login()
        return with_login(plan, user, password, data)
    finally:
        dialog.password.clear()
        dialog.deleteLater()


__all__ = ["LoginDialog", "ask_login_again"]
