"""A router bound to two names at once (``orders_router = r = APIRouter()``, the create-llama
and Buuntu templates' style): routes declared on ``r``, the router included by its other
name, with a dependency the include adds."""

from fastapi import APIRouter, Depends


def current_user() -> str:
    return "user"


orders_router = r = APIRouter()


@r.get("/orders")
async def list_orders() -> list[str]:
    return []


@r.post("/orders/{order_id}/cancel")
async def cancel_order(order_id: str) -> dict[str, str]:
    return {"cancelled": order_id}


def include_orders(app: object) -> None:
    app.include_router(  # type: ignore[attr-defined]
        orders_router, prefix="/api/v1", dependencies=[Depends(current_user)]
    )
