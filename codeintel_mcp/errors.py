"""The one error a tool raises for bad input; the server turns it into a tool error."""


class ToolInputError(Exception):
    """The arguments cannot be answered; the message says why, on one line."""
