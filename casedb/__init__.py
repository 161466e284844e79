"""WasteIntel case database and Qt-free domain logic (schema, import, analysis)."""

__version__ = "0.1.0"
