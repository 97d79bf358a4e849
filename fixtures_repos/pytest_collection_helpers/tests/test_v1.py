from typing import TYPE_CHECKING

from shared_cases import *  # noqa: F403  (the cases every API version must pass)
from shared_cases import payload, version  # noqa: F401  (fixtures the shared tests ask for)

if TYPE_CHECKING:
    from typing_only_cases import *  # noqa: F403
