"""Check an uploaded .xlsx archive before openpyxl reads any part of it (zip bombs).

An .xlsx is a zip archive whose XML parts openpyxl decompresses: a 1 MB upload can hold a
sheet of gigabytes, or a shared-strings table openpyxl loads whole even in read-only mode.
Python's zipfile yields at most a member's declared ``file_size`` (more fails its CRC), so
the declared sizes in the central directory bound what reading can cost. Worksheets are
streamed row by row and may be large; every other part openpyxl reads (workbook, styles,
theme, shared strings…) is parsed whole and gets a much tighter bound.
"""

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.parsers import expat

from django.conf import settings

CONTENT_TYPES = "[Content_Types].xml"
WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
# Parts openpyxl reads under a fixed name, whatever the manifest says.
FIXED_PARTS = {CONTENT_TYPES, "docProps/core.xml", "docProps/custom.xml", "xl/theme/theme1.xml"}
MAX_MEMBERS = 1000
RATIO_FLOOR = 1024**2  # small parts compress far better than any bomb matters
MB = 1024**2
# Elements openpyxl's parsers keep in memory (a few hundred bytes each, more once turned
# into objects): a small part of tiny elements costs far more than its size. In a sheet
# the cells of each row are dropped after the row, but not the emptied row itself.
MAX_ELEMENTS = {"sheet": 200_000, "strings": 1_000_000, "other": 100_000}


# What zipfile, zlib, ElementTree and openpyxl raise on a corrupt file, at load or while
# rows are streamed (a cut deflate stream, a bad tag, a shared string index out of range, a
# cell openpyxl cannot convert…). SyntaxError covers ElementTree's ParseError.
UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    SyntaxError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    ArithmeticError,
    NotImplementedError,
    RuntimeError,
    expat.ExpatError,
)


@dataclass(frozen=True)
class Limits:
    sheet: int
    shared_strings: int
    part: int
    total: int
    ratio: int
    # <row> elements of a sheet, blank ones included: openpyxl parses a sheet without a
    # <dimension> whole when it opens the workbook, so rows cost time before any limit.
    rows: int = 1_048_576

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            sheet=settings.WORKBOOK_MEMBER_MAX_BYTES,
            shared_strings=settings.WORKBOOK_SHARED_STRINGS_MAX_BYTES,
            part=settings.WORKBOOK_PART_MAX_BYTES,
            total=settings.WORKBOOK_TOTAL_MAX_BYTES,
            ratio=settings.WORKBOOK_MAX_RATIO,
            rows=2 * settings.WORKBOOK_SHEET_MAX_ROWS + 1000,
        )


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / 1024:.0f} KB"


def _roles(archive: zipfile.ZipFile, limits: Limits) -> dict[str, set[str]]:
    """What each part is used as: ``sheet``, ``strings`` or ``other`` (read whole).

    Read from the manifest and every relationship part, themselves bounded first.
    """
    names = {info.filename for info in archive.infolist()}
    roles: dict[str, set[str]] = {name: {"other"} for name in FIXED_PARTS & names}
    for info in archive.infolist():
        name = info.filename
        if name != CONTENT_TYPES and not name.endswith(".rels"):
            continue
        roles.setdefault(name, set()).add("other")
        if info.file_size > limits.part:
            continue  # refused by its own size; nothing of it is read
        root = ElementTree.fromstring(archive.read(info))
        if name == CONTENT_TYPES:
            for override in root.iter(f"{{{_ns(root)}}}Override"):
                part = override.get("PartName", "").lstrip("/")
                kind = override.get("ContentType", "")
                role = {WORKSHEET: "sheet", SHARED_STRINGS: "strings"}.get(kind, "other")
                roles.setdefault(part, set()).add(role)
            continue
        base = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/x.rels → xl
        for relationship in root.iter(f"{{{_ns(root)}}}Relationship"):
            target = relationship.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            role = "sheet" if relationship.get("Type", "").endswith("/worksheet") else "other"
            roles.setdefault(posixpath.normpath(part), set()).add(role)
    return roles


def _ns(root) -> str:
    return root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""


def _limit(roles: set[str], limits: Limits) -> int:
    """The tightest bound of a part's uses; a part nothing refers to is never read."""
    bounds = {"sheet": limits.sheet, "strings": limits.shared_strings, "other": limits.part}
    return min((bounds[role] for role in roles), default=limits.sheet)


def archive_problem(data: bytes, limits: Limits | None = None) -> str | None:
    """Why the archive must not be read (in Chinese), or None.

    An archive that is not a zip at all passes: the reader then says it is no workbook.
    """
    limits = limits or Limits.from_settings()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return f"文件包含 {len(members)} 个部件，超过 {MAX_MEMBERS} 个的上限"
            if (problem := _sizes(members, limits)) is not None:
                return problem
            roles = _roles(archive, limits)
            return _parts(archive, members, roles, limits)
    except UNREADABLE:
        return None  # not a sound archive: the reader says it is no workbook


def _parts(archive, members, roles, limits: Limits) -> str | None:
    """Each part against the bound of what it is used as, then its element count."""
    for info in members:
        used_as = roles.get(info.filename, set())
        limit = _limit(used_as, limits)
        if info.file_size > limit:
            return (
                f"工作簿部件“{info.filename}”解压后为 {_mb(info.file_size)}，"
                f"超过 {_mb(limit)} 的上限"
            )
        if used_as and (problem := _scan(archive, info, used_as, limits)) is not None:
            return problem
    return None


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, used_as: set[str], limits) -> str | None:
    """Count the elements openpyxl would keep, streaming the part through expat (C speed).

    A part that is not well-formed passes: openpyxl refuses it as no workbook.
    """
    kind = "other" if "other" in used_as else "strings" if "strings" in used_as else "sheet"
    counts = {"kept": 0, "rows": 0, "depth": 0, "row_depth": 0}

    def start(tag, _attributes):
        counts["depth"] += 1
        if counts["row_depth"]:
            return
        if kind == "sheet" and tag.rpartition("}")[2] == "row":
            counts["rows"] += 1
            counts["row_depth"] = counts["depth"]
        counts["kept"] += 1

    def end(_tag):
        if counts["row_depth"] == counts["depth"]:
            counts["row_depth"] = 0
        counts["depth"] -= 1

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler, parser.EndElementHandler = start, end
    with archive.open(info) as source:
        try:
            while chunk := source.read(MB):
                parser.Parse(chunk, False)
                if counts["kept"] - counts["rows"] > MAX_ELEMENTS[kind]:
                    return f"工作簿部件“{info.filename}”包含过多的 XML 元素，疑似恶意文件"
                if counts["rows"] > limits.rows:
                    return f"工作簿部件“{info.filename}”超过 {limits.rows} 行，行数过多"
            parser.Parse(b"", True)
        except expat.ExpatError:
            return None
    return None


def _sizes(members: list[zipfile.ZipInfo], limits: Limits) -> str | None:
    """The total and each part's compression ratio (the cheap checks, before any read)."""
    total = sum(info.file_size for info in members)
    if total > limits.total:
        return f"工作簿解压后共 {_mb(total)}，超过 {_mb(limits.total)} 的上限"
    for info in members:
        if info.file_size > max(RATIO_FLOOR, limits.ratio * max(info.compress_size, 1)):
            return (
                f"工作簿部件“{info.filename}”的压缩比异常"
                f"（{_mb(info.compress_size)} 解压为 {_mb(info.file_size)}），疑似压缩炸弹"
            )
        if info.file_size > limits.sheet:
            return (
                f"工作簿部件“{info.filename}”解压后为 {_mb(info.file_size)}，"
                f"超过 {_mb(limits.sheet)} 的上限"
            )
    return None
