"""The signed-in user."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Security

from app.api.deps import CurrentUser
from app.api.params import (
    SORT_USERS,
    USER_SCOPE,
    Paging,
    SortParam,
    audit_dep,
    events_dependency,
    parse_include,
    parse_query_param,
    require_scope,
)
from app.models import User, UserPublic
from app.security import auth

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=UserPublic)
def read_user_me(current_user: CurrentUser) -> Any:
    return current_user


@router.get("/me/token")
def read_token(
    user: Annotated[User | None, Security(auth.get_current_user)],
    token: Annotated[str, Depends(auth.get_token)],
    include: Annotated[list[str], Depends(parse_include)],
    fields: Annotated[list[str], Depends(parse_query_param("fields"))],
    order: Annotated[list[str], Depends(SortParam(["id"]).dynamic_depends())],
    sort: Annotated[list[str], Depends(SORT_USERS.dynamic_depends("email"))],
    scope: Annotated[str, require_scope("admin")],
    paging: Annotated[tuple[int, int], Depends(Paging(50))],
    events: Annotated[str, events_dependency()],
    audit: str = audit_dep,
) -> dict[str, Any]:
    return {"user": user, "token": token, "include": include, "fields": fields}


@router.get("/me/scoped")
def read_scoped(
    scoped: Annotated[dict[str, str | None], Depends(USER_SCOPE.query)],
) -> dict[str, str | None]:
    return scoped
