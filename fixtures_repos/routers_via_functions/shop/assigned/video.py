from fastapi import Depends

from shop.assigned.base import new_router, plain, verify_token

router = new_router(dependencies=[Depends(verify_token)])


@router.post("/videos")
def create_video() -> dict[str, str]:
    return {}


@plain.get("/thing")
def plain_thing() -> dict[str, str]:
    return {}
