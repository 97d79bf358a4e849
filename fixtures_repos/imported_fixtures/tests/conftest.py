from shop.testing.fixtures import *  # noqa: F403

from .fixtures.database import *  # noqa: F403
from .loaded import *  # noqa: F403
from .walked import *  # noqa: F403
