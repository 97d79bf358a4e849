from fastapi import APIRouter
from fastapi.routing import APIRoute


class VersionedRouter(APIRouter):
    """A project's own router class."""


def make_router_class(route_class: type[APIRoute]) -> type[APIRouter]:
    class _Router(VersionedRouter):
        pass

    _Router.route_class_default = route_class  # type: ignore[attr-defined]
    return _Router


Router = make_router_class(APIRoute)
router = Router(prefix="/v2")
nested = VersionedRouter(prefix="/nested")


@nested.get("/ping")
def nested_ping() -> str:
    return "pong"


@router.get("/things")
def things() -> list[str]:
    return []


router.include_router(nested)
