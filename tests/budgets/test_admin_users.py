"""User accounts in the admin: a finance administrator manages only their own region's users.

Two regions (410702 and 411200), a finance administrator and a clerk in each, a user of
411200 working for the region itself, a user without a staff profile and a superuser.
The administrator of 411200 must not open, change, delete, re-password or read the history
of anybody outside 411200 — nor of a user without a profile — through any URL, list or
autocomplete; a user they create must land inside their region; groups are superuser-only.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from budgets.models import StaffProfile
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP, REVIEWER_GROUP
from tests.support.factories import DepartmentFactory, RegionFactory, UserFactory, staff_of

pytestmark = pytest.mark.django_db
User = get_user_model()
ACTIONS = ("change", "password_change", "delete", "history")


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    """Seven accounts per test: hash their passwords cheaply (the hasher is not under test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people():
    region_a, region_b = RegionFactory(code="410702"), RegionFactory(code="411200")
    dept_a = DepartmentFactory(region=region_a, name="红旗区教育局")
    dept_b = DepartmentFactory(region=region_b, name="三门峡教育局")
    return {
        "region_a": region_a,
        "region_b": region_b,
        "dept_a": dept_a,
        "dept_b": dept_b,
        "fin_a": staff_of(FINANCE_GROUP, region=region_a, username="fin_a"),
        "fin_b": staff_of(FINANCE_GROUP, region=region_b, username="fin_b"),
        "clerk_a": staff_of(CLERK_GROUP, department=dept_a, username="clerk_a"),
        "clerk_b": staff_of(CLERK_GROUP, department=dept_b, username="clerk_b"),
        "reviewer_b": staff_of(REVIEWER_GROUP, region=region_b, username="reviewer_b"),
        "nobody": UserFactory(username="nobody"),
        "root": UserFactory(username="root", is_superuser=True),
    }


@pytest.fixture
def fin_b_client(client, people):
    client.force_login(people["fin_b"])
    return client


def _url(action, user):
    return reverse(f"admin:auth_user_{action}", args=[user.pk])


def _refused(response) -> bool:
    """403/404, or the admin's "不存在" redirect back to the index."""
    if response.status_code == 302:
        return response.url == reverse("admin:index")
    return response.status_code in (403, 404)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("target", ["fin_a", "clerk_a", "nobody", "root"])
def test_other_region_and_unassigned_users_are_refused(fin_b_client, people, action, target):
    assert _refused(fin_b_client.get(_url(action, people[target])))


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("target", ["fin_b", "clerk_b", "reviewer_b"])
def test_own_region_users_are_managed(fin_b_client, people, action, target):
    assert fin_b_client.get(_url(action, people[target])).status_code == 200


def test_superuser_manages_everybody(client, people):
    client.force_login(people["root"])
    for target in ("clerk_a", "clerk_b", "nobody"):
        assert client.get(_url("change", people[target])).status_code == 200


def test_changelist_and_search_show_only_own_region(fin_b_client, people):
    url = reverse("admin:auth_user_changelist")
    listed = {u.username for u in fin_b_client.get(url).context["cl"].result_list}
    assert listed == {"fin_b", "clerk_b", "reviewer_b"}
    searched = fin_b_client.get(url, {"q": "_a"}).context["cl"].result_list
    assert list(searched) == []


def test_autocomplete_lists_only_own_region_users(fin_b_client, people):
    url = reverse("admin:autocomplete")
    params = {"app_label": "budgets", "model_name": "staffprofile", "field_name": "user"}
    response = fin_b_client.get(url, params)
    assert response.status_code == 200
    ids = {int(item["id"]) for item in response.json()["results"]}
    assert ids == {people[name].pk for name in ("fin_b", "clerk_b", "reviewer_b")}


def _change_data(username):
    return {
        "username": username,
        "is_staff": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
    }


def test_post_change_of_other_region_user_changes_nothing(fin_b_client, people):
    # The same form data does change an own-region user (so the refusal below is real).
    fin_b_client.post(_url("change", people["clerk_b"]), _change_data("renamed_b"))
    people["clerk_b"].refresh_from_db()
    assert people["clerk_b"].username == "renamed_b" and not people["clerk_b"].is_active
    victim = people["clerk_a"]
    assert _refused(fin_b_client.post(_url("change", victim), _change_data("hijacked")))
    victim.refresh_from_db()
    assert victim.username == "clerk_a" and victim.is_active


def test_post_password_of_other_region_user_changes_nothing(fin_b_client, people):
    victim = people["fin_a"]
    data = {"password1": "Takeover-9876", "password2": "Takeover-9876", "usable_password": "true"}
    fin_b_client.post(_url("password_change", victim), data)
    victim.refresh_from_db()
    assert victim.check_password("pass-12345")
    assert not victim.check_password("Takeover-9876")


def test_post_delete_of_other_region_user_changes_nothing(fin_b_client, people):
    for name in ("clerk_a", "nobody"):
        fin_b_client.post(_url("delete", people[name]), {"post": "yes"})
        assert User.objects.filter(pk=people[name].pk).exists()


def test_bulk_delete_action_cannot_reach_other_region(fin_b_client, people):
    ids = [people["clerk_a"].pk, people["nobody"].pk]
    data = {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    fin_b_client.post(reverse("admin:auth_user_changelist"), data)
    assert User.objects.filter(pk__in=ids).count() == 2


def test_own_region_password_reset_works(fin_b_client, people):
    data = {
        "password1": "Neues-Pass-4711",
        "password2": "Neues-Pass-4711",
        "usable_password": "true",
    }
    response = fin_b_client.post(_url("password_change", people["clerk_b"]), data)
    assert response.status_code == 302
    people["clerk_b"].refresh_from_db()
    assert people["clerk_b"].check_password("Neues-Pass-4711")


# --- creating users: they land inside the creator's region ---------------------------------


def _add(client, **extra):
    data = {"username": "newbie", "password1": "Anfang-2468x", "password2": "Anfang-2468x"}
    data["role"] = CLERK_GROUP
    return client.post(reverse("admin:auth_user_add"), {**data, **extra})


def test_add_page_offers_only_own_region_departments(fin_b_client, people):
    response = fin_b_client.get(reverse("admin:auth_user_add"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "所属部门" in page and "本级财政部门用户" in page
    assert "三门峡教育局" in page and "红旗区教育局" not in page


def test_new_user_gets_a_department_of_own_region(fin_b_client, people):
    response = _add(fin_b_client, staff_department=people["dept_b"].pk)
    user = User.objects.get(username="newbie")
    assert user.staff_profile.department == people["dept_b"]
    assert response.status_code == 302
    assert fin_b_client.get(response.url).status_code == 200  # still visible to its creator


def test_new_region_user_gets_own_region(fin_b_client, people):
    _add(fin_b_client, role=FINANCE_GROUP, staff_region=people["region_b"].pk)
    assert User.objects.get(username="newbie").staff_profile.region == people["region_b"]


def test_new_user_without_placement_is_refused_in_chinese(fin_b_client, people):
    response = _add(fin_b_client)
    assert response.status_code == 200
    assert "请选择新用户所属的部门" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_new_user_in_other_region_department_is_refused(fin_b_client, people):
    response = _add(fin_b_client, staff_department=people["dept_a"].pk)
    assert response.status_code == 200
    assert not User.objects.filter(username="newbie").exists()


def test_superuser_may_create_an_unassigned_user(client, people):
    client.force_login(people["root"])
    _add(client, role="")
    assert not StaffProfile.objects.filter(user__username="newbie").exists()
    assert not User.objects.get(username="newbie").is_staff


def test_one_form_makes_a_staff_member_with_name_role_and_department(fin_b_client, people):
    response = _add(
        fin_b_client, full_name="张三", role=REVIEWER_GROUP, staff_department=people["dept_b"].pk
    )
    assert response.status_code == 302
    user = User.objects.get(username="newbie")
    assert (user.first_name, user.is_staff, user.is_superuser) == ("张三", True, False)
    assert list(user.groups.values_list("name", flat=True)) == [REVIEWER_GROUP]
    assert user.staff_profile.department == people["dept_b"]
    assert user.check_password("Anfang-2468x")


def test_other_regions_cannot_be_chosen_and_roles_need_their_place(fin_b_client, people):
    response = _add(fin_b_client, role=FINANCE_GROUP, staff_region=people["region_a"].pk)
    assert response.status_code == 200  # not a choice of 411200's administrator
    response = _add(fin_b_client, role=FINANCE_GROUP, staff_department=people["dept_b"].pk)
    assert "财政管理员属于财政部门：请选择所属行政区划" in response.content.decode()
    response = _add(fin_b_client, role=CLERK_GROUP, staff_region=people["region_b"].pk)
    assert "填报员属于部门：请选择所属部门。" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_user_list_shows_role_and_department(fin_b_client, people):
    from bs4 import BeautifulSoup

    html = fin_b_client.get(reverse("admin:auth_user_changelist")).content.decode()
    rows = {
        tr.select_one("th").get_text(strip=True): [td.get_text(strip=True) for td in tr("td")]
        for tr in BeautifulSoup(html, "html.parser").select("#result_list tbody tr")
    }
    assert "填报员" in rows["clerk_b"] and "三门峡教育局" in " ".join(rows["clerk_b"])
    assert "财政管理员" in rows["fin_b"]


def test_a_user_without_staff_status_is_told_so_at_login(client, people):
    UserFactory(username="plain", is_staff=False)
    url = reverse("admin:login")
    response = client.post(url, {"username": "plain", "password": "pass-12345"})
    page = response.content.decode()
    assert "没有后台工作人员权限" in page
    response = client.post(url, {"username": "plain", "password": "wrong-password"})
    assert "没有后台工作人员权限" not in response.content.decode()  # a wrong password says nothing


# --- staff profiles: no hijacking of users outside the region --------------------------------


def test_profile_cannot_adopt_unassigned_or_foreign_user(fin_b_client, people):
    url = reverse("admin:budgets_staffprofile_add")
    for name in ("nobody", "root"):
        fin_b_client.post(url, {"user": people[name].pk, "department": people["dept_b"].pk})
        assert not StaffProfile.objects.filter(user=people[name]).exists()


def test_profile_must_place_its_user(fin_b_client, people):
    profile = people["clerk_b"].staff_profile
    url = reverse("admin:budgets_staffprofile_change", args=[profile.pk])
    response = fin_b_client.post(url, {"user": people["clerk_b"].pk})
    assert "请选择所属部门或所属财政部门" in response.content.decode()
    profile.refresh_from_db()
    assert profile.department == people["dept_b"]


def test_profile_of_other_region_is_refused(fin_b_client, people):
    profile = people["clerk_a"].staff_profile
    url = reverse("admin:budgets_staffprofile_change", args=[profile.pk])
    assert _refused(fin_b_client.get(url))


# --- groups: only a superuser changes what a role may do -------------------------------------


def test_groups_are_superuser_only(fin_b_client, people):
    # Even a finance administrator given the group permissions directly may not edit roles.
    people["fin_b"].user_permissions.add(
        *Permission.objects.filter(content_type__app_label="auth", codename__endswith="_group")
    )
    group = Group.objects.get(name=FINANCE_GROUP)
    for url in (
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_change", args=[group.pk]),
        reverse("admin:auth_group_add"),
    ):
        assert fin_b_client.get(url).status_code == 403
    before = set(group.permissions.values_list("pk", flat=True))
    fin_b_client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {
            "name": FINANCE_GROUP,
            "permissions": list(Permission.objects.values_list("pk", flat=True)),
        },
    )
    assert set(group.permissions.values_list("pk", flat=True)) == before


def test_superuser_manages_groups(client, people):
    client.force_login(people["root"])
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 200
