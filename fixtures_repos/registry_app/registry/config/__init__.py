from registry.config.settings import Settings, settings

__all__ = ["Settings", "settings"]
