from typing import Any

import ip2region  # provided by py-ip2region: declared under another name
import yaml  # declared nowhere


def locate(address: str) -> str:
    searcher: Any = getattr(ip2region, "Searcher", None)
    return f"{address}:{searcher is not None}:{yaml is not None}"
