"""Parties: entity resolution (merge, split, reject), its undo, the company view."""
