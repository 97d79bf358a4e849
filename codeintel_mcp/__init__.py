"""codeintel_mcp: codeintel's queries, framework views and the planner as MCP tools.

It sits above both ``codeintel`` and ``render`` and uses only their public API.
"""
