"""Sub-apps mounted behind middleware (piccolo_admin's private API): the routes are served."""

from functools import partial

from fastapi import FastAPI
from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection


class Backend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        return None


private_app = FastAPI()


@private_app.get("/tables/")
def list_tables() -> list[str]:
    return []


tables_app = FastAPI()


@tables_app.get("/rows/")
def list_rows() -> list[str]:
    return []


guarded = partial(AuthenticationMiddleware, backend=Backend())


reports_app = FastAPI()


@reports_app.get("/reports/")
def list_reports() -> list[str]:
    return []


wrapped_reports = AuthenticationMiddleware(reports_app, backend=Backend())
