from fastapi import APIRouter

router = APIRouter()


@router.get("/plan")
def legacy_plan() -> str:
    return "legacy"
