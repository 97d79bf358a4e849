def get_db() -> str:
    return "users-db"
