"""Exports that leave the database: tables (CSV, XLSX) and redaction."""
