"""A router's ``include_router`` bound to a name and called through it, and a loop over
tuples unpacked in its body (``router, prefix, tag = item``): a template's way."""

from fastapi import APIRouter

from api import mapped
from api.routers import flows, runs

router = APIRouter(prefix="/unpacked")
include = router.include_router

ROUTERS = ((flows.router, "first", "flows"), (runs.router, "second", "runs"))
for item in ROUTERS:
    included, prefix, tag = item
    include(included, prefix=f"/{prefix}", tags=[tag])
include(mapped.router)
