"""The root exception for programmer and usage errors; bad input files never raise."""

from __future__ import annotations


class CodeIntelError(Exception):
    """Raised for misuse of the API (bad arguments, unknown names), never for a bad source file."""
