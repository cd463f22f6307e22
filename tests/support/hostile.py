"""Hostile and huge workbooks, built from a valid one in memory (tests and bench/upload.py).

Sheets are rewritten as XML streamed into the archive in chunks (inline strings, no shared
string table), so a sheet that decompresses to hundreds of MB is made in seconds and never
held in memory whole.
"""

import io
import itertools
import random
import re
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

from openpyxl import load_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
TAIL = "</sheetData></worksheet>"
STRINGS = "xl/sharedStrings.xml"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def sheet_part(data: bytes, title: str) -> str:
    """The archive path of the sheet called ``title`` (workbook.xml → its relationships)."""
    members = parts(data)
    workbook = members["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', workbook)
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*/>', rels).group(0)
    path = re.search(r'Target="([^"]+)"', target).group(1)
    return path.lstrip("/") if path.startswith("/") else f"xl/{path}"


def sheet_values(data: bytes, title: str) -> list[tuple]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    values = [tuple(row) for row in book[title].iter_rows(values_only=True)]
    book.close()
    return values


def _cell(value) -> str:
    if value is None:
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def row_xml(values: Iterable) -> str:
    return "<row>" + "".join(_cell(v) for v in values) + "</row>"


def replace_sheet(data: bytes, title: str, rows: Iterable[str], *, chunk: int = 2000) -> bytes:
    """The workbook with sheet ``title`` replaced by the given row XML, streamed in chunks."""
    target = sheet_part(data, title)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            if info.filename != target:
                archive.writestr(info.filename, source.read(info))
        with archive.open(target, "w", force_zip64=True) as sheet:
            sheet.write(HEAD.encode())
            rows = iter(rows)
            while batch := list(itertools.islice(rows, chunk)):
                sheet.write("".join(batch).encode())
            sheet.write(TAIL.encode())
    return out.getvalue()


def sheet_bomb(data: bytes, *, megabytes: int, title: str = "基本支出") -> bytes:
    """A small archive whose sheet decompresses to ``megabytes`` MB of one repeated row."""
    header, first = sheet_values(data, title)[:2]
    row = row_xml(first)
    count = megabytes * 1024**2 // len(row.encode())
    return replace_sheet(
        data, title, itertools.chain([row_xml(header)], itertools.repeat(row, count))
    )


def many_rows(data: bytes, *, count: int, title: str = "基本支出", seed: int = 1) -> bytes:
    """The sheet's own rows repeated ``count`` times, each with a different amount."""
    values = sheet_values(data, title)
    header, body = values[0], [row for row in values[1:] if any(row)]
    amount = header.index("金额（万元）")
    rng = random.Random(seed)

    def rows():
        yield row_xml(header)
        for n in range(count):
            row = list(body[n % len(body)])
            row[amount] = rng.randint(1, 10**7) / 100
            yield row_xml(row)

    return replace_sheet(data, title, rows())


STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def strings_bomb(data: bytes, *, megabytes: float, entry: str = "<si><t>x</t></si>") -> bytes:
    """A shared-string table (declared, so openpyxl loads it) of ``megabytes`` MB of tiny
    strings, compressed to almost nothing."""
    count = int(megabytes * 1024**2) // len(entry)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml" and STRINGS.encode() not in content:
                override = f'<Override PartName="/{STRINGS}" ContentType="{STRINGS_TYPE}"/>'
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            if info.filename != STRINGS:
                archive.writestr(info.filename, content)
        with archive.open(STRINGS, "w", force_zip64=True) as strings:
            strings.write(f'<?xml version="1.0"?><sst xmlns="{MAIN}">'.encode())
            block = (entry * 10_000).encode()
            for _ in range(count // 10_000):
                strings.write(block)
            strings.write((entry * (count % 10_000)).encode())
            strings.write(b"</sst>")
    return out.getvalue()


def random_text(rng: random.Random, length: int) -> str:
    """Chinese text that does not compress (CJK unified ideographs, at random)."""
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length))


def big_valid(data: bytes, *, indicators: int, lines: int, text: int = 120, seed: int = 2) -> bytes:
    """A valid workbook of many lines and of indicators with long, varied text (the 指标说明
    and 指标值确定依据 of ``text`` characters each), which hardly compresses."""
    rng = random.Random(seed)
    data = many_rows(data, count=lines, seed=seed)
    values = sheet_values(data, "项目绩效指标")
    header, body = values[0], [row for row in values[1:] if any(row)]
    columns = [header.index("指标说明"), header.index("指标值确定依据")]

    def rows():
        yield row_xml(header)
        for n in range(indicators):
            row = list(body[n % len(body)])
            for column in columns:
                row[column] = random_text(rng, text)
            yield row_xml(row)

    return replace_sheet(data, "项目绩效指标", rows())
