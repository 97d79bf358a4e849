"""A router bound in an ``if`` and again in its ``else`` with another prefix: served as the
branch that runs builds it."""

import os

from fastapi import APIRouter

if os.environ.get("LEGACY"):
    router = APIRouter(prefix="/old-items")
else:
    router = APIRouter(prefix="/new-items")


@router.get("")
def list_items() -> list[str]:
    return []
