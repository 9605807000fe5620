"""Extraction: spaCy rule components find typed mentions; sentence rules turn them into relations."""
