from fastapi import APIRouter

router = APIRouter(prefix="/delta")


@router.get("/")
def globbed_delta() -> str:
    return "delta"
