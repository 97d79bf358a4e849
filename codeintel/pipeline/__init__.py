"""The project's files: found, read, parsed, named as modules, and their facts cached."""
