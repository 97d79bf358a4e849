from fastapi import APIRouter

router = APIRouter()


@router.get("/plan")
def free_plan() -> str:
    return "free"
