from lib.core import run
