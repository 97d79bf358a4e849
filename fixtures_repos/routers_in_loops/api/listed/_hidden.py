from fastapi import APIRouter

router = APIRouter(prefix="/hidden")


@router.get("/")
def listed_hidden() -> str:
    return "never included: the listing skips private modules"
