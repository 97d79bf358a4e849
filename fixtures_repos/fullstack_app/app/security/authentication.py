"""A provider object whose bound methods are the dependencies (argilla-server's shape)."""

from __future__ import annotations

from app import crud
from app.api.deps import SessionDep, TokenDep
from app.models import User


class TokenReader:
    def get_token(self, token: TokenDep) -> str:
        return token


class AuthenticationProvider(TokenReader):
    @classmethod
    def new_instance(cls) -> AuthenticationProvider:
        return cls()

    def get_current_user(self, session: SessionDep, token: TokenDep) -> User | None:
        return crud.get_user_by_token(session=session, token=token)


auth = AuthenticationProvider.new_instance()
