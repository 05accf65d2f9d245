"""The web app in this process (Starlette's TestClient), with the token and host a page would have."""

from __future__ import annotations

import re
from pathlib import Path

from poassembler.web.app import WebConfig, create_app

TOKEN = "test-token"
BASE = "http://127.0.0.1:8765"


def client(workspace: Path, library):
    from starlette.testclient import TestClient

    return TestClient(create_app(WebConfig(workspace, library, token=TOKEN)), base_url=BASE)


def field_names(html: str) -> list[str]:
    """The answer fields a page shows, in order (each once)."""
    names = re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html)
    return list(dict.fromkeys(n for n in names if n not in ("csrf", "action", "name")))


def error_texts(html: str) -> list[str]:
    return re.findall(r'<p class="error">✗ ([^<]*)</p>', html)


CACD_CASE = {  # a C.D. Cal. case, by step: what a user types / picks (select values are option titles)
    "court": {"court": "cacd"},
}


def option_value(html: str, name: str, title_part: str) -> str:
    """The value of the <option> whose title contains `title_part`, in the select called `name`."""
    select = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.DOTALL)
    assert select, f"no select {name!r} on the page"
    for value, title in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1)):
        if title_part.lower() in title.lower():
            return value
    raise AssertionError(f"no option {title_part!r} in {name!r}")


def page_values(html: str) -> dict[str, str]:
    """What a browser would post for the form as shown: inputs' values, selected options, checked radios, text areas."""
    from html import unescape

    values: dict[str, str] = {}
    for tag in re.findall(r'<input[^>]*type="text"[^>]*>', html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name:
            values[name.group(1)] = unescape(value.group(1)) if value else ""
    for tag in re.findall(r'<input[^>]*type="radio"[^>]*>', html):
        if " checked" in tag:
            values[re.search(r'name="([^"]+)"', tag).group(1)] = re.search(r'value="([^"]*)"', tag).group(1)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.DOTALL):
        values[name] = unescape(body)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.DOTALL):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        values[name] = chosen.group(1) if chosen else ""
    return values


class Filler:
    """Fills steps as a user would: GET the step, post its fields, follow where 'Save and continue' goes."""

    def __init__(self, http, case: str):
        self.http = http
        self.case = case

    def page(self, step: str) -> str:
        response = self.http.get(f"/c/{self.case}/step/{step}")
        assert response.status_code == 200, response.text
        return response.text

    def post(self, step: str, values: dict, action: str = "continue"):
        """`values`: field name → text, or ("pick", title part) for a select (looked up on the page)."""
        html = self.page(step)
        if any(isinstance(v, tuple) and f'name="{n}"' not in html for n, v in values.items()):
            for name, value in values.items():  # a select that appears once an earlier answer is given
                if not isinstance(value, tuple) and f'name="{name}"' in html:
                    self.field(step, name, value)
            html = self.page(step)
        form = {**page_values(html), "csrf": TOKEN, "action": action}
        for name, value in values.items():
            form[name] = option_value(html, name, value[1]) if isinstance(value, tuple) else value
        return self.http.post(f"/c/{self.case}/step/{step}", data=form, follow_redirects=False)

    def field(self, step: str, name: str, value: str):
        return self.http.post(f"/c/{self.case}/field", data={name: value, "_step": step}, headers={"X-CSRF-Token": TOKEN, "HX-Request": "true"})


def lawyer(prefix: str, name: str, email: str) -> dict:
    return {
        f"{prefix}.name": name, f"{prefix}.bar_number": "123456", f"{prefix}.firm": f"{name.split()[-1]} LLP",
        f"{prefix}.address": "100 Main Street, Suite 200\nLos Angeles, CA 90012", f"{prefix}.phone": "(213) 555-0100",
        f"{prefix}.email": email,
    }


def party(index: int, name: str, lawyer_name: str, email: str) -> dict:
    return {
        f"parties.{index}.name": name, f"parties.{index}.government": ("pick", "No"), f"parties.{index}.self_represented": "no",
        **lawyer(f"parties.{index}.counsel.0", lawyer_name, email),
    }


def category(index: int, name: str, kind: str, harm: str) -> dict:
    return {
        f"categories.{index}.name": name, f"categories.{index}.kind": ("pick", kind),
        f"categories.{index}.description": f"The {name.lower()}, 2019 to 2024.", f"categories.{index}.harm": harm,
    }


def fill_cacd_case(filler: Filler) -> None:
    """A whole C.D. Cal. case before Judge Segal: one plaintiff, two defendants, three categories."""
    stay = filler.post("court", {"court": "C.D. Cal."})  # the judge and the case questions appear: the page stays
    assert stay.status_code == 200 and error_texts(stay.text) == []
    assert field_names(stay.text)[:3] == ["court", "judge", "division"]
    response = filler.post("court", {"court": "cacd", "judge": ("pick", "Segal"), "division": "Western Division",
                                     "case.number": "2:24-cv-01234-ABC (SSx)", "case.short_title": "",
                                     "case.type": ("pick", "Commercial")})
    assert response.status_code == 303 and response.headers["location"].endswith("/step/plaintiffs"), error_texts(response.text)
    filler.page("plaintiffs")  # the first plaintiff is laid out at once
    response = filler.post("plaintiffs", party(0, "Maria Ortega", "Jane Q. Example", "jexample@example.com"))
    assert response.status_code == 303, error_texts(response.text)
    filler.page("defendants")
    assert filler.post("defendants", {}, action="add:parties.+defendant").status_code == 200
    values = {**party(1, "AT&T Corp. <West>", "Robert L. Sample", "rsample@example.com"),
              **party(2, "Pacific Harbor Logistics, Inc.", "Ann B. Other", "aother@example.com")}
    response = filler.post("defendants", values)
    assert response.status_code == 303, error_texts(response.text)
    assert filler.post("other_parties", {}).status_code == 303
    filler.page("categories")
    filler.post("categories", {}, action="add:categories.+category")
    filler.post("categories", {}, action="add:categories.+category")
    response = filler.post("categories", {
        **category(0, "Customer pricing", "Commercial", "Competing brokers would undercut its quotes by the exact margin."),
        **category(1, "Rate tables {{ 7*7 }}", "Trade secret", "Rivals would copy the tables and bid below them on every lane."),
        **category(2, "Dispatcher personnel files", "Personnel", "Co-workers would learn each dispatcher's discipline and pay."),
    })
    assert response.status_code == 303, error_texts(response.text)
    response = filler.post("protection", {"tiers": ("pick", "HIGHLY"), "options.fre_502d": "no"})
    assert response.status_code == 303, error_texts(response.text)
    assert filler.post("dates", {"dates.stipulated": ""}).status_code == 303
