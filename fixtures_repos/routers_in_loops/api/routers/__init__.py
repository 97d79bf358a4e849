from api.routers import flows, runs

__all__ = ["flows", "runs"]
