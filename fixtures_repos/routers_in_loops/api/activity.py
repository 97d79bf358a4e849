from dataclasses import dataclass

from fastapi import APIRouter

router = APIRouter()


@dataclass(frozen=True)
class Scope:
    entity: str
    route_prefixes: tuple[str, ...]


USERS = Scope(entity="user", route_prefixes=("/user",))
CUSTOMERS = Scope(entity="customer", route_prefixes=("/customer", "/end_user"))


def _register_summary(router: APIRouter, scope: Scope, prefix: str) -> None:
    async def summary() -> dict[str, str]:
        return {"entity": scope.entity}

    router.add_api_route(f"{prefix}/activity/summary", summary, methods=["GET"])


def register_activity(router: APIRouter, scope: Scope) -> None:
    """Loops over an attribute of the scope it is given (litellm's daily activity routes)."""
    for prefix in scope.route_prefixes:
        _register_summary(router, scope, prefix)


for _scope in (USERS, CUSTOMERS):
    register_activity(router, _scope)
