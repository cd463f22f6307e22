"""Read-only open data: JSON of published disclosures (amounts as two-decimal strings, 万元)."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import reverse

from disclosures.caching import cached_page_response
from disclosures.selectors import publication_get, publications_current

JSON = {"ensure_ascii": False}
PAGE_SIZE = 100


def publication_summary(publication) -> dict:
    url = reverse(
        "api:disclosure",
        args=[publication.region_code, publication.year, publication.department_code],
    )
    return {
        "region_code": publication.region_code,
        "region_name": publication.region_name,
        "year": publication.year,
        "department_code": publication.department_code,
        "department_name": publication.department_name,
        "version": publication.version,
        "published_at": publication.published_at.isoformat(),
        "url": url,
    }


def disclosure_list(request):
    """Current publications, filterable by ?region=, ?year=, ?department=."""
    publications = publications_current()
    for field, param in (("region_code", "region"), ("department_code", "department")):
        if request.GET.get(param):
            publications = publications.filter(**{field: request.GET[param]})
    if request.GET.get("year", "").isdigit():
        publications = publications.filter(year=int(request.GET["year"]))
    page = Paginator(publications, PAGE_SIZE).get_page(request.GET.get("page"))
    data = {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "results": [publication_summary(p) for p in page],
    }
    return JsonResponse(data, json_dumps_params=JSON)


def _page_url(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = number
    return f"{request.path}?{params.urlencode()}"


def disclosure_detail(request, region: str, year: int, department: str):
    """All twelve tables of the current version: header tree, rows, notes."""
    publication = publication_get(region=region, year=year, department=department)
    return cached_page_response(request, publication, "api")


def openapi(request):
    """The OpenAPI 3.1 description of this API."""
    table = {
        "type": "object",
        "description": "一张公开表：标题、表头树（columns，叶子列有 key）、行（cells 以 key 取值；amounts 列出金额单元格，金额为两位小数的字符串，单位万元）、注释。",
    }
    summary = {
        "type": "object",
        "properties": {
            k: {"type": "string"}
            for k in (
                "region_code",
                "region_name",
                "department_code",
                "department_name",
                "published_at",
                "url",
            )
        }
        | {"year": {"type": "integer"}, "version": {"type": "integer"}},
    }
    spec = {
        "openapi": "3.1.0",
        "info": {
            "title": "部门预算公开数据接口",
            "version": "1.0",
            "description": "只读。只包含已公开的版本。",
        },
        "paths": {
            "/api/disclosures/": {
                "get": {
                    "summary": "已公开的部门预算列表（每个部门每年的当前版本）",
                    "parameters": [
                        {"name": n, "in": "query", "required": False, "schema": {"type": t}}
                        for n, t in (
                            ("region", "string"),
                            ("year", "integer"),
                            ("department", "string"),
                            ("page", "integer"),
                        )
                    ],
                    "responses": {
                        "200": {
                            "description": "列表（每页 100 条）",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "count": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "pages": {"type": "integer"},
                                            "next": {"type": ["string", "null"]},
                                            "results": {"type": "array", "items": summary},
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/disclosures/{region}/{year}/{department}/": {
                "get": {
                    "summary": "一个部门一个年度当前公开版本的十二张表",
                    "parameters": [
                        {"name": n, "in": "path", "required": True, "schema": {"type": t}}
                        for n, t in (
                            ("region", "string"),
                            ("year", "integer"),
                            ("department", "string"),
                        )
                    ],
                    "responses": {
                        "200": {
                            "description": "十二张表",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            summary,
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "tables": {"type": "array", "items": table}
                                                },
                                            },
                                        ]
                                    }
                                }
                            },
                        },
                        "404": {"description": "没有已公开的版本"},
                    },
                }
            },
        },
    }
    spec["paths"]["/api/regions/{region}/{year}/"] = _region_path()
    return JsonResponse(spec, json_dumps_params=JSON)


def _region_path() -> dict:
    """The region comparison (``disclosures.region_views.region_api``) in OpenAPI terms."""
    from disclosures.region import AMOUNTS, DERIVED

    figure = {"type": ["string", "null"], "description": "两位小数的字符串；null 表示未公开"}
    figures = {c.key: figure | {"title": c.label} for c in AMOUNTS + DERIVED}
    department = {
        "type": "object",
        "properties": {
            "department_code": {"type": "string"},
            "department_name": {"type": "string"},
            "version": {"type": "integer"},
            "url": {"type": "string"},
        }
        | figures,
    }
    body = {
        "type": "object",
        "properties": {
            "region_code": {"type": "string"},
            "region_name": {"type": "string"},
            "year": {"type": "integer"},
            "years": {"type": "array", "items": {"type": "integer"}},
            "departments": {"type": "array", "items": department},
            "totals": {"type": "object", "properties": figures},
            "three_public_history": {
                "type": "array",
                "description": "本地区历年“三公”经费合计及各项（万元）",
                "items": {"type": "object"},
            },
        },
    }
    return {
        "get": {
            "summary": "一个地区一个年度各部门当前公开版本的对比（收入、支出、“三公”经费、机关运行经费、比上年增减、占比），按部门代码排序",
            "parameters": [
                {"name": n, "in": "path", "required": True, "schema": {"type": t}}
                for n, t in (("region", "string"), ("year", "integer"))
            ],
            "responses": {
                "200": {
                    "description": "各部门对比及合计",
                    "content": {"application/json": {"schema": body}},
                },
                "404": {"description": "该地区这一年度没有已公开的部门预算"},
            },
        }
    }
