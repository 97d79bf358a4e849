import os
from glob import glob

pytest_plugins = [
    path.replace(os.sep, ".").removesuffix(".py")
    for path in glob("tests/factories/**/*.py", recursive=True)
    if "__" not in path
]
