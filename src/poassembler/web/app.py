"""The Starlette app: pages for each step of the interview, the review page, downloads.

Every POST is checked for the CSRF token and origin (`security.py`); every answer goes through
`CaseSession` (the terminal's `Interview` and `problem`) and is saved to the answers file at once.
Pages are Jinja2 templates with autoescaping on: answers are shown as text, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from poassembler.errors import PoError
from poassembler.interview.plan import InterviewPlan
from poassembler.interview.questions import Kind, Question
from poassembler.library.keypaths import Key, has_in
from poassembler.library.load import Library
from poassembler.web import downloads, forms, security, steps
from poassembler.web.fields import FieldView, decode_key, dom_id
from poassembler.web.review_page import build_review
from poassembler.web.session import CaseSession, Outcome, read_answers_data

CASE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.ya?ml")


@dataclass
class WebConfig:
    workspace: Path  # the folder whose answers files the app opens and writes
    library: Library
    host: str = "127.0.0.1"
    port: int = 8765
    token: str = field(default_factory=security.new_token)
    plan: InterviewPlan | None = None  # the interview plan (`load_plan(library folders)`); None: the built-in one
    me: dict | None = None  # the user's saved details as a lawyer (`interview/me.py`): filled in when their name is typed


class Cases:
    """The open answers files, one `CaseSession` each (the app serves one user on this machine)."""

    def __init__(self, config: WebConfig):
        self.config = config
        self.open: dict[str, CaseSession] = {}

    def get(self, name: str) -> CaseSession:
        if not CASE_NAME.fullmatch(name):
            raise HTTPException(404, f"No answers file named {name!r} here.")
        if name not in self.open:
            self.open[name] = CaseSession(self.config.workspace / name, self.config.library.profiles, self.config.plan, self.config.me)
        else:
            self.open[name].refresh()
        return self.open[name]

    def listed(self) -> list[str]:
        files = sorted(p.name for p in self.config.workspace.iterdir() if p.is_file() and CASE_NAME.fullmatch(p.name))
        return [name for name in files if _looks_like_answers(self.config.workspace / name)]


def _looks_like_answers(path: Path) -> bool:
    try:
        data = read_answers_data(path)
    except PoError:
        return True  # listed, so opening it shows what is wrong
    return data == {} or "court" in data or "parties" in data


def create_app(config: WebConfig) -> Starlette:
    env = Environment(loader=PackageLoader("poassembler.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.tests.update(
        item=lambda n: isinstance(n, steps.Item), add=lambda n: isinstance(n, steps.Add),
        note=lambda n: isinstance(n, steps.Note), question=lambda n: isinstance(n, Question),
    )
    env.globals.update(dom_id=dom_id, token=config.token, csrf_field=security.CSRF_FIELD, kinds=downloads.KINDS)
    templates = Jinja2Templates(env=env)
    cases = Cases(config)
    hosts = security.allowed_hosts(config.host, config.port)

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    async def posted(request: Request) -> Any:
        form = await request.form()
        sent = form.get(security.CSRF_FIELD) or request.headers.get(security.CSRF_HEADER)
        if not security.origin_ok(request.headers, hosts) or not security.token_ok(sent, config.token):
            raise HTTPException(403, "Refused: this form did not come from this app's page. Reload the page and try again.")
        return form

    # ------------------------------------------------------------ home

    async def home(request: Request) -> Response:
        return page(request, "home.html", files=cases.listed(), workspace=config.workspace)

    async def open_case(request: Request) -> Response:
        form = await posted(request)
        name = str(form.get("name", "")).strip()
        if name and not name.lower().endswith((".yaml", ".yml")):
            name += ".yaml"
        if not CASE_NAME.fullmatch(name):
            return page(request, "home.html", 400, files=cases.listed(), workspace=config.workspace, typed=name,
                        error="Give a file name of letters, digits, '.', '-' or '_' (e.g. ortega-v-pacific.yaml).")
        return RedirectResponse(f"/c/{name}/", 303)

    # ------------------------------------------------------------ steps

    async def resume(request: Request) -> Response:
        session = cases.get(request.path_params["name"])
        question = session.resume_question()
        step = steps.REVIEW if question is None else session.steps.of(question)
        return RedirectResponse(f"/c/{session.path.name}/step/{step.id}" if step != steps.REVIEW else f"/c/{session.path.name}/review", 303)

    def step_page(request: Request, session: CaseSession, step: steps.Step, outcomes: dict[Key, Outcome] | None = None,
                  focus: str | None = None, status: int = 200, fragment: bool = False) -> HTMLResponse:
        forms.fill_minimums(session, step)
        needed = session.needed()
        mine = session.steps.questions_on(needed, step)
        views = {q.key: forms.view(session, q, (outcomes or {}).get(q.key)) for q in mine if q.kind not in (Kind.group, Kind.note)}
        if focus is None and not fragment and not any(v.error for v in views.values()):
            focus = next((dom_id(q.key) for q in mine if q.key in views and not has_in(session.data, q.key)), None)
        return page(
            request, "_step_body.html" if fragment else "step.html", status,
            case=session.path.name, step=step, steps=session.steps.nav(needed), nodes=steps.layout(mine, session.data),
            views=views, notes=session.notes(), focus=focus, errors=[v for v in views.values() if v.error],
            **({} if fragment else _preview(session)),
        )

    def _preview(session: CaseSession) -> dict[str, Any]:
        answers, problems = session.interview.completed()
        if answers is None:
            return {"draft": None, "missing": len(problems)}
        from poassembler.pipeline.draft import plan_draft

        return {"draft": plan_draft(answers, config.library), "missing": 0}

    async def show_preview(request: Request) -> Response:
        """The draft's text under a step, redrawn after each saved answer (htmx)."""
        session = cases.get(request.path_params["name"])
        return page(request, "_step_preview.html", open=True, **_preview(session))

    async def show_step(request: Request) -> Response:
        session = cases.get(request.path_params["name"])
        step = _step(request, session)
        if step == steps.REVIEW:
            return RedirectResponse(f"/c/{session.path.name}/review", 303)
        return step_page(request, session, step)

    async def post_step(request: Request) -> Response:
        form = await posted(request)
        session = cases.get(request.path_params["name"])
        step = _step(request, session)
        shown = {q.key for q in forms.missing(session, step)}  # asked on the page the user saw
        action, _, target = str(form.get("action", "continue")).partition(":")
        outcomes = {}
        for name in form:
            if name in (security.CSRF_FIELD, "action"):
                continue
            question = session.question(decode_key(name))
            if question is None or question.kind in (Kind.group, Kind.note):
                continue
            if action != "continue" and not str(form.get(name)).strip() and not has_in(session.data, question.key):
                continue  # adding or moving an item is not the moment to call a blank field wrong
            outcomes[question.key] = forms.submit(session, question, form.get(name))
        focus = forms.act(session, action, target)
        errors = any(o.error for o in outcomes.values())
        if action == "continue" and not errors and not forms.missing(session, step):
            following = session.steps.after(session.needed(), step)
            return RedirectResponse(f"/c/{session.path.name}/" + ("review" if following == steps.REVIEW else f"step/{following.id}"), 303)
        if action == "continue" and not errors:  # questions this step now needs that are not answered yet
            outcomes.update({
                q.key: Outcome(q.key, error="an answer is required")
                for q in forms.missing(session, step)
                if q.key in shown and q.key not in outcomes and q.kind != Kind.group and not q.optional
            })
        status = 422 if any(o.error for o in outcomes.values()) else 200
        return step_page(request, session, step, outcomes, focus, status)

    async def post_field(request: Request) -> Response:
        """One answer given (htmx, on change): its field back with the message, or the step when it changed shape."""
        form = await posted(request)
        session = cases.get(request.path_params["name"])
        step = session.steps.get(str(form.get("_step"))) or session.steps.first
        names = [n for n in form if n not in (security.CSRF_FIELD, "_step")]
        if len(names) != 1 or (question := session.question(decode_key(names[0]))) is None:
            response = step_page(request, session, step, fragment=True)
            response.headers.update(_retarget("#step-body"))
            return response
        before = forms.shape(session, step)
        outcome = forms.submit(session, question, form.get(names[0]))
        announce = forms.announcement(question, outcome)
        if forms.shape(session, step) != before:
            response = step_page(request, session, step, {question.key: outcome}, fragment=True)
            response.headers.update(_retarget("#step-body"))
        else:
            response = page(request, "_field_response.html", view=forms.view(session, question, outcome), case=session.path.name, step=step)
        response.headers["HX-Trigger"] = "saved" if not outcome.error else "refused"
        return _with_announcement(response, announce)

    # ------------------------------------------------------------ review

    def review_page(request: Request, session: CaseSession, fragment: bool = False, editing: FieldView | None = None,
                    status: int = 200) -> HTMLResponse:
        needed = session.needed()
        return page(
            request, "_review_body.html" if fragment else "review.html", status,
            case=session.path.name, step=steps.REVIEW, steps=session.steps.nav(needed),
            review=build_review(session, config.library), editing=editing,
            pdf=downloads.pdf_available(), step_of={q.key: session.steps.of(q) for q in needed},
        )

    async def show_review(request: Request) -> Response:
        return review_page(request, cases.get(request.path_params["name"]), fragment=request.query_params.get("part") == "body")

    async def edit_form(request: Request) -> Response:
        session = cases.get(request.path_params["name"])
        question = session.question(decode_key(request.query_params.get("key", "")))
        if question is None:
            raise HTTPException(404, "That answer is no longer asked.")
        return page(request, "_edit.html", case=session.path.name, view=forms.view(session, question, None))

    async def post_edit(request: Request) -> Response:
        form = await posted(request)
        session = cases.get(request.path_params["name"])
        names = [n for n in form if n != security.CSRF_FIELD]
        question = session.question(decode_key(names[0])) if len(names) == 1 else None
        if question is None:
            raise HTTPException(404, "That answer is no longer asked.")
        outcome = forms.submit(session, question, form.get(names[0]))
        announce = forms.announcement(question, outcome)
        if outcome.error:
            response = page(request, "_edit.html", 422, case=session.path.name, view=forms.view(session, question, outcome))
        elif "hx-request" not in request.headers:
            return RedirectResponse(f"/c/{session.path.name}/review", 303)
        else:
            response = review_page(request, session, fragment=True)
            response.headers.update(_retarget("#review-body"))
        return _with_announcement(response, announce)

    async def download(request: Request) -> Response:
        session = cases.get(request.path_params["name"])
        kind = request.path_params["kind"]
        if kind == "answers.yaml":
            if not session.path.exists():
                raise HTTPException(404, "Nothing is saved yet.")
            return Response(session.path.read_bytes(), media_type="application/yaml; charset=utf-8",
                            headers=_attachment(session.path.name))
        if kind not in downloads.KINDS:
            raise HTTPException(404, f"No download called {kind!r}.")
        answers, problems = session.interview.completed()
        if answers is None:
            return page(request, "problem.html", 409, message="The answers are not complete yet.", details=problems,
                        back=f"/c/{session.path.name}/review")
        try:
            data, filename = await run_in_threadpool(downloads.produce, answers, config.library, session.path.stem, kind)
        except PoError as exc:
            return page(request, "problem.html", 409 if isinstance(exc, downloads.NoPdf) else 500, message=exc.message,
                        details=exc.problems, hint=exc.hint, back=f"/c/{session.path.name}/review")
        return Response(data, media_type=downloads.KINDS[kind].media_type, headers=_attachment(filename))

    async def http_problem(request: Request, exc: HTTPException) -> Response:
        return page(request, "problem.html", exc.status_code, message=exc.detail, back="/")

    async def po_problem(request: Request, exc: PoError) -> Response:
        return page(request, "problem.html", 400, message=exc.message, details=exc.problems, hint=exc.hint, back="/")

    name = "{name:str}"
    routes = [
        Route("/", home),
        Route("/open", open_case, methods=["POST"]),
        Route(f"/c/{name}/", resume),
        Route(f"/c/{name}/step/{{step:str}}", show_step),
        Route(f"/c/{name}/step/{{step:str}}", post_step, methods=["POST"]),
        Route(f"/c/{name}/field", post_field, methods=["POST"]),
        Route(f"/c/{name}/review", show_review),
        Route(f"/c/{name}/preview", show_preview),
        Route(f"/c/{name}/edit", edit_form),
        Route(f"/c/{name}/edit", post_edit, methods=["POST"]),
        Route(f"/c/{name}/download/{{kind:str}}", download),
        Mount("/static", StaticFiles(packages=[("poassembler.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_problem, PoError: po_problem})
    app.state.config = config
    app.state.cases = cases
    return security.HostCheck(app, hosts)  # type: ignore[return-value]


# ---------------------------------------------------------------- helpers


def _step(request: Request, session: CaseSession) -> steps.Step:
    step = session.steps.get(request.path_params["step"])
    if step is None:
        raise HTTPException(404, f"No step called {request.path_params['step']!r}.")
    return step


def _with_announcement(response: HTMLResponse, text: str) -> HTMLResponse:
    from markupsafe import escape

    extra = f'<div id="announce" hx-swap-oob="innerHTML">{escape(text)}</div>'.encode()
    response.body += extra
    response.headers["content-length"] = str(len(response.body))
    return response


def _retarget(target: str) -> dict[str, str]:
    return {"HX-Retarget": target, "HX-Reswap": "innerHTML"}


def _attachment(filename: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{filename}"'}

