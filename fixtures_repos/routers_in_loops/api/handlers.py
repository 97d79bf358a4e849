def ping() -> str:
    return "ping"


def pong() -> str:
    return "pong"
