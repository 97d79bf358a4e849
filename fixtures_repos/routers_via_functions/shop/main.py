from shop.extra import register_extra
from shop.crud import crud_router
from shop.factory import create_app
from shop.served import serve

app = create_app()
app.include_router(crud_router)


def run() -> None:
    register_extra(app)
    serve(app)


run()
