"""Routers in a list grown by ``+=`` then ``.extend``, and loops over ``range`` and an enum."""

from enum import Enum, IntEnum

from fastapi import FastAPI

from api import mapped
from api.routers import flows, runs


class Channel(str, Enum):
    STABLE = "stable"
    BETA = "beta"
    CURRENT = "stable"  # an alias of STABLE: no member of its own


class Major(IntEnum):
    ONE = 1
    TWO = 2


GROWN = [flows.router]
GROWN += [runs.router]
GROWN.extend([mapped.router])


def register_grown(app: FastAPI) -> None:
    for router in GROWN:
        app.include_router(router, prefix="/grown")
    for number in range(1, 3):
        app.include_router(flows.router, prefix=f"/ranged/{number}")
    for channel in Channel:
        app.include_router(runs.router, prefix=f"/{channel.value}")
    for major in Major:
        app.include_router(mapped.router, prefix=f"/major/{major.value}")
