from fastapi import APIRouter

router = APIRouter()


@router.get("/plan")
def billing_plan() -> str:
    return "billing"
