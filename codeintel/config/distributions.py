"""Which top-level import names a distribution provides, for the ones whose names differ."""

from __future__ import annotations

from packaging.utils import canonicalize_name

#: Distribution (PEP 503 name) -> the import names it provides, where they are not simply the
#: distribution's own name with dashes as underscores. The usual suspects in FastAPI projects.
_KNOWN: dict[str, tuple[str, ...]] = {
    "atlassian-python-api": ("atlassian",),
    "attrs": ("attr", "attrs"),
    "beautifulsoup4": ("bs4",),
    "email-validator": ("email_validator",),
    "factory-boy": ("factory",),
    "google-api-python-client": ("googleapiclient",),
    "google-cloud-storage": ("google",),
    "msgpack-python": ("msgpack",),
    "opencv-python": ("cv2",),
    "pillow": ("PIL",),
    "protobuf": ("google",),
    "psycopg2-binary": ("psycopg2",),
    "psycopg-binary": ("psycopg",),
    "pyjwt": ("jwt",),
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


def import_names(distribution: str) -> tuple[str, ...]:
    """Import names a distribution provides: the table's, else its name with underscores."""
    name = canonicalize_name(distribution)
    return _KNOWN.get(name, (name.replace("-", "_"),))
