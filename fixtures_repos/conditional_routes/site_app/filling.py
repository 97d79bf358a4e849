"""Helpers that declare routes on the router they are given."""

from fastapi import APIRouter


def add_keys(router: APIRouter) -> None:
    @router.get("/keys")
    def list_keys() -> list[str]:
        return []


def add_plans_to(router: APIRouter) -> None:
    @router.get("/plans")
    def list_plans() -> list[str]:
        return []
