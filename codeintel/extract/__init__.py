"""Extractors: pure functions from one parsed module to frozen facts."""
