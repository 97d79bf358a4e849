from fastapi import APIRouter

# An empty router, replaced by the premium one when that package imports (litellm's
# enterprise_router): the app includes whichever the name holds last.
extra_router = APIRouter()
try:
    from shop.routers.premium import router as _premium_router

    extra_router = _premium_router
except ImportError:
    pass
