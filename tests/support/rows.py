"""Find rows of a parsed disclosure table (see ``tests.support.html.parse_table``) by what they print."""

from tests.support.html import column


def row_where(rows, paths, criteria: dict[tuple, str]):
    """The one row whose cells under the given header paths show the given texts."""
    matches = [r for r in rows if all(r[column(paths, *p)] == t for p, t in criteria.items())]
    assert len(matches) == 1, (criteria, len(matches))
    return matches[0]


def expenditure_row(rows, paths, key):
    """A row of tables 3, 5 and 9: by (类, 款, 项), "合计", or a department/unit code."""
    if isinstance(key, tuple):
        return row_where(rows, paths, {("类",): key[0], ("款",): key[1], ("项",): key[2]})
    if key == "合计":
        return row_where(rows, paths, {("单位（科目名称）",): "合计"})
    return row_where(rows, paths, {("单位代码",): key})


def figures(row, paths, columns) -> tuple[str, ...]:
    """The row's cells under each header path of ``columns``."""
    return tuple(row[column(paths, *p)] for p in columns)
