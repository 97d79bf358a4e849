from shop.made.base import make_router

router = make_router()


@router.get("/alpha")
def alpha() -> str:
    return "alpha"
