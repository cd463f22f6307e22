"""Charts drawn from a disclosure's figures, as server-side SVG (web page and PDF alike).

``charts.build`` makes the data of each chart (pure, from the frozen tables); the
template ``disclosures/partials/chart.html`` draws it as inline SVG with a ``<title>``,
a ``<desc>`` naming every figure, and a data table as its text alternative.
"""

from disclosures.charts.build import Bar, Chart, department_charts, disclosure_charts

__all__ = ["Bar", "Chart", "department_charts", "disclosure_charts"]
