"""The non-GUI core: detection, build choice, command plans, diagnosis.

Nothing here creates a widget or needs a display. User-visible text goes through
``translate(context, text)`` (Qt's ``QCoreApplication.translate``), which works without an
application object and is picked up by ``pyside6-lupdate``.
"""
