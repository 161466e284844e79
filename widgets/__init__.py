"""Qt views of WasteIntel. Widgets take their collaborators in the constructor and never import
``app``; user-visible text goes through ``tr()``."""
