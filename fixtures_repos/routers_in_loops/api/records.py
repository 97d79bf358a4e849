"""Routes added per field of dataclass and named-tuple instances in a list (gpustack's
``RoutePrefix``): loops read each instance's fields, skip by a field and by a module-level set,
and declare one route per prefix."""

from collections import namedtuple
from dataclasses import dataclass
from typing import NamedTuple

from fastapi import APIRouter


@dataclass
class RoutePrefix:
    prefixes: list[str]
    legacy: bool = False


class Page(NamedTuple):
    path: str
    title: str = "page"


# Named tuples made by a call, their fields a list, a string and (name, type) pairs.
Mounted = namedtuple("Mounted", ["prefix", "router"])
Spaced = namedtuple("Spaced", "router prefix", defaults=["/spaced"])
Typed = NamedTuple("Typed", [("prefix", str), ("router", APIRouter)])

PREFIXES = [RoutePrefix(["/chat", "/embed"], True), RoutePrefix(prefixes=["/moderate", "/rerank"])]
SKIPPED = {"/rerank"}
PAGES = [Page("/one"), Page("/two", title="second")]


async def proxy() -> dict[str, str]:
    return {}


router = APIRouter(prefix="/records")

for rp in PREFIXES:
    for endpoint in rp.prefixes:
        if endpoint in SKIPPED:
            continue
        router.add_api_route(endpoint, proxy, methods=["POST"])
    if not rp.legacy:
        continue
    for endpoint in rp.prefixes:
        router.add_api_route(f"/legacy{endpoint}", proxy, methods=["PUT"])

for path, title in PAGES:
    router.add_api_route(path, proxy, methods=["GET"], name=title)


listed = APIRouter()


@listed.get("/entries")
async def entries() -> list[str]:
    return []


CORE = (Mounted(prefix="/mounted", router=listed), Spaced(listed))
EXTRA = [Typed("/typed", listed)]

# The lists spread into one (siibra-api's ``[*core_routers, *volume_routers]``).
for mounted in [*CORE, *EXTRA]:
    router.include_router(mounted.router, prefix=mounted.prefix)
