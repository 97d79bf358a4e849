from fastapi import APIRouter

router = APIRouter(prefix="/flows")


@router.get("")
def list_flows() -> list[str]:
    return []
