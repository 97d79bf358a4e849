from fastapi import APIRouter

router = APIRouter(prefix="/alpha")


@router.get("/")
def listed_alpha() -> str:
    return "alpha"
