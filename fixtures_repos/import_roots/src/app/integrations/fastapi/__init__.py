"""Hooks served through FastAPI (a subpackage named like the library, as NAT's
`nat/front_ends/fastapi/`): its modules' `from fastapi import ...` is the library."""
