"""MCP Registry service."""
