"""Query parameter parsers made by a factory (argilla-server's ``parse_query_param``)."""

from collections.abc import Callable

from fastapi import Query

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
        def inner(order_by: list[str] = Query([default])) -> list[str]:
            return order_by

        return inner


SORT_USERS = SortParam(["id", "email"])
