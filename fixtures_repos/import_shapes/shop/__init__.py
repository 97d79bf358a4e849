"""The shop package."""

from .models import Product as Product
from .models.order import *  # noqa: F403
