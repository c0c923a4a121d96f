"""Normalizers: text of a number, unit, date or place -> a normalized value. No spaCy here."""
