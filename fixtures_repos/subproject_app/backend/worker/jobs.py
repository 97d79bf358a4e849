import redis  # declared by this folder's requirements.txt
import requests  # declared by the enclosing backend project


def queue() -> str:
    return f"{redis.__name__}:{requests.__name__}"
