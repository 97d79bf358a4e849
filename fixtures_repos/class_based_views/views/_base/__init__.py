# The star import binds the package's `controller` to the function, over the submodule.
from .controller import *  # noqa: F403
