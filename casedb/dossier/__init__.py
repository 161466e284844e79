"""Case dossiers for prosecutors and partner administrations: PDF and self-contained HTML."""

from .write import write_dossier

__all__ = ["write_dossier"]
