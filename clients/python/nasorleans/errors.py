"""The one error type of the client: an HTTP status and the server's message."""


class NasError(Exception):
    """A call the NasOrleans service refused, or could not be reached for.

    ``status`` is the HTTP status (401 no or wrong API key, 403 not allowed, 404 no such study or trial,
    400/409 bad input or wrong state), or 0 when no HTTP answer came (connection refused, timeout).
    ``message`` is the server's message, which names the problem and the fix.
    """

    def __init__(self, status, message, method=None, url=None):
        self.status = status
        self.message = message
        self.method = method
        self.url = url
        where = f" ({method} {url})" if method and url else ""
        super().__init__(f"HTTP {status}: {message}{where}" if status else f"{message}{where}")
