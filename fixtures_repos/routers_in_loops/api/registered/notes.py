from api.registered.shared import router


@router.get("/notes")
def registered_notes() -> list[str]:
    return []
