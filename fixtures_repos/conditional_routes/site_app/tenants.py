from fastapi import APIRouter, FastAPI

saml_router = APIRouter(prefix="/auth/saml")
tenant_router = APIRouter(prefix="/tenants")


@saml_router.get("/authorize")
def saml_login() -> str:
    return "saml"


@tenant_router.get("/billing")
def tenant_billing() -> str:
    return "billing"


def include_with_prefix(application: FastAPI, router: APIRouter) -> None:
    application.include_router(router)


def include_auth_router(application: FastAPI, router: APIRouter) -> None:
    include_with_prefix(application, router)
