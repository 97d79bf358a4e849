from shared_cases import *  # noqa: F403  (the cases every API version must pass)
from shared_cases import payload  # noqa: F401  (a fixture the shared tests ask for)
