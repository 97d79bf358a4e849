from fastapi import APIRouter

router = APIRouter(prefix="/runs")


@router.get("")
def list_runs() -> list[str]:
    return []
