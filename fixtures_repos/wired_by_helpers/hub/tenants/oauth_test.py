"""A router module whose name matches pytest's ``*_test.py`` (onyx's ``oauth_test.py``)."""

from fastapi import APIRouter

oauth_test_router = APIRouter(prefix="/admin/oauth-test")


@oauth_test_router.get("/claims")
async def claims() -> dict[str, str]:
    return {}
