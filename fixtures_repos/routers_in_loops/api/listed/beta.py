from fastapi import APIRouter

router = APIRouter(prefix="/beta")


@router.get("/")
def listed_beta() -> str:
    return "beta"
