"""BOM and CRLF."""


def crlf() -> int:
    return 2
