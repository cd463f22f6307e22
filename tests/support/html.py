"""Read real rendered HTML the way a browser would submit it."""

from functools import lru_cache

from bs4 import BeautifulSoup


def form_values(html: str, form_id: str | None = None, action: str | None = None) -> dict[str, str]:
    """The values a browser would submit for the admin's form (or the one with ``form_id``/``action``)."""
    soup = BeautifulSoup(html, "html.parser")
    if form_id:
        form = soup.find("form", id=form_id)
    elif action is not None:
        form = next(f for f in soup.find_all("form") if f.get("action", "") == action)
    else:  # the admin's change form (the header's logout form is also a POST form)
        form = soup.select_one("form[id$=_form]") or soup.find("form", method="post")
    data: dict[str, str] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def field_errors(html: str) -> list[str]:
    """Every error message the admin shows next to a field or above an inline."""
    soup = BeautifulSoup(html, "html.parser")
    return [li.get_text(strip=True) for li in soup.select("ul.errorlist li")]


@lru_cache(maxsize=8)
def _page(html: str) -> BeautifulSoup:
    """A page parsed once for the readers below, which only read it: a golden test reads a
    dozen tables of the same page, and parsing a whole disclosure takes a good part of a second."""
    return BeautifulSoup(html, "html.parser")


def parse_table(html: str, number: int) -> tuple[list[tuple[str, ...]], list[list[str]], list[str]]:
    """Read rendered table ``number`` as a person would: header paths, body rows, row classes.

    The header grid is rebuilt from the ``<th>`` cells' ``colspan``/``rowspan``, so each
    body column is identified by the labels above it (e.g. ``("基本支出", "人员经费",
    "工资福利支出")``), not by anything the product computed.
    """
    table = _page(html).find("table", attrs={"data-table": str(number)})
    # The column-number row (``** | ** | 1 | 2 …``, Hubei) numbers columns; it names none.
    header_rows = [
        tr
        for tr in table.find("thead").find_all("tr")
        if "column-numbers" not in tr.get("class", [])
    ]
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(header_rows):
        c = 0
        for th in tr.find_all("th"):
            while (r, c) in grid:
                c += 1
            colspan, rowspan = int(th.get("colspan", 1)), int(th.get("rowspan", 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = th.get_text(strip=True)
            c += colspan
    width = max(c for _, c in grid) + 1
    paths = []
    for c in range(width):
        path: list[str] = []
        for r in range(len(header_rows)):
            label = grid.get((r, c), "")
            if not path or path[-1] != label:
                path.append(label)
        paths.append(tuple(path))
    rows, kinds = [], []
    for tr in table.find("tbody").find_all("tr"):
        cells: list[str] = []
        for td in tr.find_all("td"):
            cells += [td.get_text(strip=True)] * int(td.get("colspan", 1))
        rows.append(cells)
        kinds.append(" ".join(tr.get("class", [])))
    return paths, rows, kinds


def column(paths: list[tuple[str, ...]], *path: str) -> int:
    """Index of the column whose header path ends with ``path``; it must be unique."""
    matches = [i for i, p in enumerate(paths) if p[-len(path) :] == path]
    assert len(matches) == 1, (path, matches, paths)
    return matches[0]


def column_numbers(html: str, number: int) -> list[str]:
    """The cells of table ``number``'s column-number row, or [] when it prints none."""
    table = _page(html).find("table", attrs={"data-table": str(number)})
    row = table.find("thead").find("tr", class_="column-numbers")
    return [th.get_text(strip=True) for th in row.find_all("th")] if row else []
