"""File names of downloads, in Chinese (sent as ``filename*=UTF-8''…``)."""

import re
from urllib.parse import quote

from django.http import HttpResponse

from disclosures.document import Disclosure
from disclosures.models import Publication


def download_filename(
    source: Disclosure | Publication, *, extension: str, number: int | None = None
) -> str:
    """``新乡市红旗区医疗保障局2022年部门预算.xlsx`` or ``…2022年预算03表.csv``.

    A table is named by its label in the format (``预算03表``), the whole document not.
    """
    suffix = source.table_label(number) if number else "部门预算"
    return f"{source.department_name}{source.year}年{suffix}.{extension}"


def content_disposition(filename: str) -> str:
    """RFC 6266/5987: an ASCII fallback plus the UTF-8 name every current browser uses."""
    stem, dot, extension = filename.rpartition(".")
    # Old clients get the ASCII parts (year, table number): 2022_03.xlsx.
    ascii_stem = "_".join(re.findall(r"[A-Za-z0-9-]+", stem)) or "download"
    fallback = f"{ascii_stem}{dot}{extension}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def attachment(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response
