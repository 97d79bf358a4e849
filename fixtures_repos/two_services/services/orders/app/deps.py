def get_db() -> str:
    return "orders-db"
