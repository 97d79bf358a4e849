# -*- coding: latin-1 -*-
name = "café"


def latin() -> str:
    return name
