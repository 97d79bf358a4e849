from enum import Enum


class Provider(str, Enum):
    ANTHROPIC = "anthropic"


# read in another module, which imports both names (mlflow's gateway providers' base)
PASSTHROUGH = {Provider.ANTHROPIC: "/anthropic/messages"}
