from fastapi import APIRouter

router = APIRouter(prefix="/gamma")


@router.get("/")
def globbed_gamma() -> str:
    return "gamma"
