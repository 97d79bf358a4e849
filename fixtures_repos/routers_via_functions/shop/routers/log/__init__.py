from fastapi import APIRouter

from shop.routers.log.login_log import router as login_log

router = APIRouter(prefix="/logs")
router.include_router(login_log, prefix="/login")
