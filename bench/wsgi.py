"""A GET request straight into the WSGI application, as gunicorn would make it (no network).

The benchmarks measure a request's CPU cost in their own process with these, for a page
and for its static twin alike.
"""

import io
import sys


class FileWrapper:
    """``wsgi.file_wrapper`` as gunicorn's: the file in one go (sendfile there)."""

    def __init__(self, handle, block_size=8192):
        self.handle = handle

    def __iter__(self):
        yield self.handle.read()

    def close(self):
        self.handle.close()


def get_environ(path: str, query: str = "", **extra) -> dict:
    """The WSGI environ of ``GET path?query`` on 127.0.0.1 (``extra`` adds headers)."""
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": FileWrapper,
        **extra,
    }
