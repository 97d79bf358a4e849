from shop.assigned.base import new_router

router = new_router()


@router.post("/scripts")
def create_script() -> dict[str, str]:
    return {}
