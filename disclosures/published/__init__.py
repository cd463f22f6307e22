"""Published pages and downloads, rendered once and served like static files (issue 16 item 5).

``pages``: what each public page or download of a publication is (bytes, type, file name,
validators), one function for the dynamic views and the pre-rendering alike.
``files``: writing them once through the ``published`` storage at publication time, and the
per-budget manifest that names the current version's files. ``prepared``: what the fast
path keeps in memory (each manifest parsed, each page's complete headers). ``serve``: the
fast path (a middleware) that streams a stored file with the dynamic view's headers, and the
headers both paths share.
"""
