"""The clerks' line-entry grid and the project-in-one-go page (issue 15, items 1 and 2).

``lookups.py`` reads the budget year's catalogue once (for the page and for a save),
``rows.py`` checks the rows a grid sends (pure, over the lookups), ``services.py`` writes
them all or nothing, ``views.py`` serves the pages and the JSON saves, ``admin.py`` adds
the URLs to the budget admin.
"""
