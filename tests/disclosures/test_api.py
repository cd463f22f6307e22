"""The open-data API: published versions only, amounts as two-decimal strings."""


def test_list_and_filters(client, demo_budgets):
    results = client.get("/api/disclosures/").json()["results"]
    assert {(r["region_code"], r["year"], r["department_code"]) for r in results} == {
        ("410702", 2022, "060"),
        ("411200", 2023, "707"),
        ("420323", 2022, "058"),  # 002, the Hubei demo
        ("130609", 2024, "450"),  # 003, the Hebei demo
    }
    only = client.get("/api/disclosures/", {"year": "2023"}).json()["results"]
    assert [r["department_name"] for r in only] == ["三门峡市医疗保障局"]


def test_detail_has_twelve_tables_with_string_amounts(client, demo_budgets):
    data = client.get("/api/disclosures/410702/2022/060/").json()
    assert data["version"] == 1 and len(data["tables"]) == 12
    summary = data["tables"][0]
    total = next(r for r in summary["rows"] if r["cells"]["in_label"] == "收入总计")
    assert total["cells"]["in_amount"] == "2297.34"  # 000: 收入总计 2,297.34
    assert "in_amount" in total["amounts"]
    three = data["tables"][2]
    assert [c["label"] for c in three["columns"] if c["label"] == "基本支出"] == ["基本支出"]


def test_drafts_are_not_in_the_api(client, demo_drafts):
    assert client.get("/api/disclosures/").json()["results"] == []
    assert client.get("/api/disclosures/410702/2022/060/").status_code == 404


def test_openapi_describes_every_path(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/disclosures/",
        "/api/disclosures/{region}/{year}/{department}/",
        "/api/regions/{region}/{year}/",
    }


def test_list_is_paginated(client, demo_budgets, monkeypatch):
    monkeypatch.setattr("disclosures.api.PAGE_SIZE", 1)
    first = client.get("/api/disclosures/").json()
    assert (first["count"], first["page"], first["pages"]) == (4, 1, 4)
    # Newest year first: 003 (2024), 001 (2023), then 000 (2022, region 410702), then 002
    # (2022, 420323).
    assert first["results"][0]["department_name"] == "保定市徐水区医疗保障局"
    second = client.get(first["next"]).json()
    assert second["results"][0]["department_name"] == "三门峡市医疗保障局"
    third = client.get(second["next"]).json()
    assert third["results"][0]["department_name"] == "新乡市红旗区医疗保障局"
    fourth = client.get(third["next"]).json()
    assert fourth["results"][0]["department_name"] == "竹山县医疗保障局"
    assert fourth["next"] is None
