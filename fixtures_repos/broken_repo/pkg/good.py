def good() -> int:
    return 1
