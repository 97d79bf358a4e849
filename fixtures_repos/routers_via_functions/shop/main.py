from shop.extra import register_extra
from shop.factory import create_app
from shop.served import serve

app = create_app()


def run() -> None:
    register_extra(app)
    serve(app)


run()
