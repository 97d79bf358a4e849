"""Query parameter parsers made by a factory (argilla-server's ``parse_query_param``)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Final

from fastapi import Depends, Query

from app.api.deps import SessionDep


def parse_query_param(name: str) -> Callable[..., list[str]]:
    def _parse(session: SessionDep, value: str | None = Query(None, alias=name)) -> list[str]:
        return value.split(",") if value else []

    return _parse


parse_include = parse_query_param("include")


class SortParam:
    """Sorting options whose query parser a method builds (airflow's ``SortParam``)."""

    def __init__(self, allowed: list[str]) -> None:
        self.allowed = allowed

    def dynamic_depends(self, default: str = "id") -> Callable[..., list[str]]:
        def inner(order_by: Annotated[list[str] | None, Query()] = None) -> list[str]:
            return order_by or [default]

        return inner


SORT_USERS = SortParam(["id", "email"])


def audit_marker() -> str:
    return "audit"


# A Depends kept in a module variable and used by name (litellm's ``_user_api_key_auth_dep``)
audit_dep: Final = Depends(audit_marker)


def require_scope(scope: str) -> Any:
    """A Depends a function returns, called in place (cheshire-cat's
    ``user=_get_user(role="admin")``, here in ``Annotated`` as this project's lint wants)."""

    def scoped() -> str:
        return scope

    return Depends(scoped)


class _Paging:
    """A callable dependency: FastAPI reads its parameters from ``__call__``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, session: SessionDep, page: int = 1) -> tuple[int, int]:
        return page, self.limit


def Paging(limit: int) -> _Paging:
    """A factory returning an instance of a class it defines, which inherits ``__call__``
    and the dependencies it asks for (polar's ``SortingGetter``)."""

    class _Bounded(_Paging):
        pass

    return _Bounded(limit)


class _Injector:
    def depends(self, session: SessionDep) -> str:
        return "injected"


class EventsInjector(_Injector):
    """Inherits ``depends``, the bound method FastAPI calls."""


class Services:
    """Configured services, each a typed attribute (OpenHands' ``AppServerConfig``)."""

    events: EventsInjector | None = None

    def __init__(self) -> None:
        self.events = EventsInjector()


def get_services() -> Services:
    return Services()


def events_dependency() -> Any:
    """``Depends`` on a method of a typed attribute of what a call returns (OpenHands'
    ``depends_event_service``)."""
    injector = get_services().events
    assert injector is not None
    return Depends(injector.depends)


def user_query(user_id: str | None = None) -> dict[str, str | None]:
    return {"user_id": user_id}


@dataclass(frozen=True)
class EntityScope:
    """A provider held in a record's field (litellm's daily-activity resolvers)."""

    entity: str
    query: Callable[..., dict[str, str | None]]


USER_SCOPE = EntityScope(entity="user", query=user_query)
