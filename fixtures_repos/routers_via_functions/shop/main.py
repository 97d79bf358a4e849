from shop.chained import include_orders
from shop.extra import register_extra
from shop.crud import crud_router, plain_crud
from shop.factory import create_app
from shop.served import serve

app = create_app()
app.include_router(crud_router)
app.include_router(plain_crud, prefix="/plain-crud")
app.add_api_route("/alive", lambda: "yes")  # a module's lambda: ``shop.main.<lambda>``


def run() -> None:
    register_extra(app)
    include_orders(app)
    serve(app)


run()
