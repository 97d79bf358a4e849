"""Which top-level import names a distribution provides, for the ones whose names differ."""

from __future__ import annotations

from packaging.utils import canonicalize_name

#: Distribution (PEP 503 name) -> the import names it provides, where they are not simply the
#: distribution's own name with dashes as underscores. The usual suspects in FastAPI projects.
_KNOWN: dict[str, tuple[str, ...]] = {
    "ag2": ("autogen",),
    "atlassian-python-api": ("atlassian",),
    "attrs": ("attr", "attrs"),
    "beautifulsoup4": ("bs4",),
    "dnspython": ("dns",),
    "email-validator": ("email_validator",),
    "factory-boy": ("factory",),
    "google-api-python-client": ("googleapiclient",),
    "google-cloud-storage": ("google",),
    "msgpack-python": ("msgpack",),
    "opencv-python": ("cv2",),
    "pillow": ("PIL",),
    "protobuf": ("google",),
    "psycopg2-binary": ("psycopg2",),
    "pycryptodome": ("Crypto",),
    "pycryptodomex": ("Cryptodome",),
    "psycopg-binary": ("psycopg",),
    "pyjwt": ("jwt",),
    "pymongo": ("pymongo", "bson", "gridfs"),  # motor's and beanie's ObjectId comes from bson
    "pymysql": ("pymysql",),
    "python-dateutil": ("dateutil",),
    "python-dotenv": ("dotenv",),
    "python-jose": ("jose",),
    "python-multipart": ("multipart", "python_multipart"),
    "python-slugify": ("slugify",),
    "pyyaml": ("yaml",),
    "scikit-learn": ("sklearn",),
    "sentry-sdk": ("sentry_sdk",),
    "setuptools": ("setuptools", "pkg_resources"),
    "typing-extensions": ("typing_extensions",),
    "uvicorn": ("uvicorn",),
}


#: Words that distributions put before or after the name their code imports as.
_PREFIXES = frozenset({"python", "py", "django"})
_SUFFIXES = frozenset({"py", "python"})


def import_names(distribution: str) -> tuple[str, ...]:
    """Import names a distribution provides: the table's, else its name with underscores."""
    name = canonicalize_name(distribution)
    return _KNOWN.get(name, (name.replace("-", "_"),))


def likely_import_names(distribution: str) -> tuple[str, ...]:
    """Names a distribution probably provides besides ``import_names``, by the usual habits of
    naming: a language or framework word around the name (``python-socketio``, ``py-ip2region``,
    ``django-unfold``, ``markdown-it-py``, ``gitpython``), a vendor before it
    (``openai-whisper``), or a namespace package as its first word (``opentelemetry-sdk``,
    ``google-auth``). Only a guess: callers match these to imports that nothing else declares.
    We never look into the analysed project's environment, where the true answer lives."""
    name = canonicalize_name(distribution)
    parts = name.split("-")
    found: list[str] = []
    if len(parts) > 1:
        found.append(parts[0])
        if len(parts) == 2 or parts[0] in _PREFIXES:
            found.append("_".join(parts[1:]))
        if parts[-1] in _SUFFIXES:
            found.append("_".join(parts[:-1]))
    elif name.endswith("python") and len(name) > len("python"):
        found.append(name.removesuffix("python"))
    exact = set(import_names(name))
    return tuple(sorted({n for n in found if n and n not in exact and n not in _PREFIXES}))
