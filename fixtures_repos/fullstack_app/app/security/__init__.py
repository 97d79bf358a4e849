"""Authentication, re-exported the way argilla-server's ``security`` package does."""

from app.security.authentication import auth

__all__ = ["auth"]
