from api.registered.shared import router


@router.get("/tasks")
def registered_tasks() -> list[str]:
    return []
