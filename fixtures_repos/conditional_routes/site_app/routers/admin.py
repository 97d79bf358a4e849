from fastapi import APIRouter

router = APIRouter(prefix="/admin")
audit = APIRouter(prefix="/audit")


@router.get("/panel")
def admin_panel() -> str:
    return "admin"


@audit.get("/log")
def audit_log() -> list[str]:
    return []


flagged = APIRouter(prefix="/flagged")


@flagged.get("/panel")
def flagged_panel() -> str:
    return "flagged"
