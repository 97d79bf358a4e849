"""An app in a package's ``__init__`` that imports a router module named like one of the
package's own subpackages (ClassQuiz: ``from classquiz.routers import storage`` beside
``classquiz/storage/``): the name is the router module the import binds."""

from fastapi import FastAPI

from shop.storefront.routers import storage

app = FastAPI()
app.include_router(storage.router, prefix="/files")
