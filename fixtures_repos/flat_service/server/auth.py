def verify() -> None:
    return None
