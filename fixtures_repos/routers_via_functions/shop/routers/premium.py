from fastapi import APIRouter

router = APIRouter(prefix="/premium")


@router.get("/report")
def premium_report() -> dict[str, str]:
    return {}
