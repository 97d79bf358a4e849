from shop.made.base import make_router

router = make_router()


@router.get("/beta")
def beta() -> str:
    return "beta"
