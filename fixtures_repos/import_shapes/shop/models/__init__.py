from shop.models.product import Product

__all__ = ["Product"]
