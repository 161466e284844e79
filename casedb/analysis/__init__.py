"""Analyses over the case database: route shares and shifts, split shipments."""
