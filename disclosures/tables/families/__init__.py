"""Parametrised table builders shared by the formats (spec §3.5 point 4).

A family builds one kind of table from ``BudgetData`` and an options object; a format's
table is a family plus its options (Henan 预算01表 and Hubei （一）（四） are both the
summary family). Builders are pure: no queries, no formatting (the format's style does that).
"""
