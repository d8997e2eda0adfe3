"""The read-only web UI and its JSON API (FastAPI + Jinja2).

Every page has a JSON twin under /api with the same data; /openapi.json describes the API and
/api lists it (FastAPI's own docs pages load scripts from a CDN, so they are switched off).
The store is opened read-only while requests run and let go of after a short quiet (see `web.db`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dyadwatch import __version__
from dyadwatch.report.charts import network_figure, timeline_figure
from dyadwatch.web import data
from dyadwatch.web.db import (
    DEFAULT_CACHE_ENTRIES,
    DEFAULT_LINGER_S,
    DEFAULT_TIMEOUT_MS,
    QueryTimeout,
    StoreAccess,
    StoreBusy,
)
from dyadwatch.web.highlight import highlight, snippet, spans_of
from dyadwatch.web.security import SecurityHeaders, allowed_hosts

STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = {"app.css": "text/css", "charts.js": "text/javascript"}
LimitQ = Query(None, ge=1, description=f"Rows per page (default {data.DEFAULT_LIMIT}, capped at {data.MAX_LIMIT}).")
OffsetQ = Query(0, ge=0, description="Rows to skip.")
ByQ = Query("week", pattern="^(day|week|month)$", description="Period: day, week or month.")


def templates() -> Environment:
    env = Environment(loader=PackageLoader("dyadwatch.web", "templates"), autoescape=True, finalize=_blank_none)
    env.globals.update(version=__version__, highlight=highlight, snippet=snippet)
    env.filters["anchor"] = anchor
    return env


def anchor(row_id: str) -> str:
    """The in-article anchor of an event or quote id ("<article>-e3" -> "e3"), as the article page marks it."""
    return str(row_id).rsplit("-", 1)[-1]


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """plotly.js from the installed plotly package (never a CDN), loaded once."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode()


def create_app(db: str | Path, host: str = "127.0.0.1", timeout_ms: int = DEFAULT_TIMEOUT_MS,
               linger_s: float = DEFAULT_LINGER_S, cache_entries: int = DEFAULT_CACHE_ENTRIES,
               warm: bool = False) -> FastAPI:  # fmt: skip
    """The app over one store file; nothing in a request can name another file."""
    access = StoreAccess(Path(db), timeout_ms=timeout_ms, linger_s=linger_s, cache_entries=cache_entries, warm=warm)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(title="dyadwatch", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only API over a dyadwatch store: dyads, actors, articles, search.")  # fmt: skip
    app.state.access = access
    app.state.templates = templates()
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app)
    _add_static(app)
    _add_api(app)
    _add_pages(app)
    return app


# ---- errors -------------------------------------------------------------------------------


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    html = request.app.state.templates.get_template("error.html").render(status=status, message=message)
    return HTMLResponse(html, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    retry = str(app.state.access.retry_after_s)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        return _error(request, 503, f"The store is busy: {exc}. Try again in a few seconds.", {"Retry-After": retry})

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Response:
        message = f"{exc}; narrow the request (a shorter period, fewer rows)."
        return _error(request, 503, message, {"Retry-After": retry})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return _error(request, 422, f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:  # no traceback to the client
        return _error(request, 500, f"internal error ({type(exc).__name__}); see the server log")


def _not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} is not in the store")


def _code(value: str, what: str = "actor or country code") -> str:
    code = data.valid_code(value)
    if code is None:
        raise _not_found(f"{what} {value[:40]!r}")
    return code


# ---- static files -------------------------------------------------------------------------


def _add_static(app: FastAPI) -> None:
    cache = {"Cache-Control": "public, max-age=86400"}

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_static() -> Response:
        return Response(plotly_js(), media_type="text/javascript", headers=cache)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC_FILES:  # a fixed list: no user-supplied path reaches the file system
            raise _not_found(f"static file {name[:40]!r}")
        return Response((STATIC_DIR / name).read_bytes(), media_type=STATIC_FILES[name], headers=cache)


# ---- JSON API -----------------------------------------------------------------------------


def _json(payload: Any) -> JSONResponse:
    return JSONResponse(jsonable_encoder(payload), headers={"Cache-Control": "no-store"})


def _add_api(app: FastAPI) -> None:  # noqa: C901 - one small closure per endpoint
    access: StoreAccess = app.state.access

    @app.get("/api/overview", tags=["overview"], summary="Counts, top dyads, recent shifts")
    def api_overview(limit: int | None = LimitQ) -> JSONResponse:
        return _json(_overview(access, data.Page.of(limit, 0).limit))

    @app.get("/api/network", tags=["overview"], summary="Country network: nodes and weighted edges")
    def api_network() -> JSONResponse:
        return _json(data.network_json(_network(access)))

    @app.get("/api/dyad/{a}/{b}", tags=["dyads"], summary="A dyad's series, totals and shifts")
    def api_dyad(a: str, b: str, by: str = ByQ, directed: bool = False) -> JSONResponse:
        return _json(_dyad_or_404(access, a, b, by, directed))

    @app.get("/api/dyad/{a}/{b}/events", tags=["dyads"], summary="A dyad's events with evidence sentences")
    def api_dyad_events(a: str, b: str, directed: bool = False, limit: int | None = LimitQ,
                        offset: int = OffsetQ) -> JSONResponse:  # fmt: skip
        return _json(_dyad_events(access, _code(a), _code(b), directed, data.Page.of(limit, offset)))

    @app.get("/api/dyad/{a}/{b}/quotes", tags=["dyads"], summary="Quotes between the two sides")
    def api_dyad_quotes(a: str, b: str, limit: int | None = LimitQ, offset: int = OffsetQ) -> JSONResponse:
        return _json(_dyad_quotes(access, _code(a), _code(b), data.Page.of(limit, offset)))

    @app.get("/api/actor/{code}", tags=["actors"], summary="An actor or country: partners, events, quotes")
    def api_actor(code: str, limit: int | None = LimitQ, offset: int = OffsetQ) -> JSONResponse:
        return _json(_actor_or_404(access, code, data.Page.of(limit, offset)))

    @app.get("/api/article/{article_id}", tags=["articles"], summary="An article with its events and quotes")
    def api_article(article_id: str) -> JSONResponse:
        return _json(_article_or_404(access, article_id))

    @app.get("/api/search", tags=["search"], summary="Articles and quotes containing a text")
    def api_search(q: str = Query("", max_length=200), limit: int | None = LimitQ,
                   offset: int = OffsetQ) -> JSONResponse:  # fmt: skip
        return _json(_search(access, q, data.Page.of(limit, offset)))


def _overview(access: StoreAccess, limit: int) -> dict[str, Any]:
    return access.cached(("overview", limit), lambda con: data.overview(con, limit=limit))


def _network(access: StoreAccess) -> Any:
    return access.cached(("network",), data.network)


def _dyad_events(access: StoreAccess, a: str, b: str, directed: bool, page: data.Page) -> dict[str, Any]:
    return access.cached(("events", a, b, directed, page), lambda con: data.dyad_events(con, a, b, directed, page))


def _dyad_quotes(access: StoreAccess, a: str, b: str, page: data.Page) -> dict[str, Any]:
    return access.cached(("quotes", a, b, page), lambda con: data.dyad_quotes(con, a, b, page))


def _search(access: StoreAccess, q: str, page: data.Page) -> dict[str, Any]:
    return access.cached(("search", q, page), lambda con: data.search(con, q, page))


def _dyad_or_404(access: StoreAccess, a: str, b: str, by: str, directed: bool) -> dict[str, Any]:
    a, b = _code(a, "country"), _code(b, "country")
    found = access.cached(("dyad", a, b, by, directed), lambda con: data.dyad_summary(con, a, b, by, directed))
    if found is None:
        raise _not_found(f"the dyad {a}–{b}")
    return found


def _actor_or_404(access: StoreAccess, code: str, page: data.Page) -> dict[str, Any]:
    code = _code(code)
    found = access.cached(("actor", code, page), lambda con: data.actor(con, code, page))
    if found is None:
        raise _not_found(f"actor {code}")
    return found


def _article_or_404(access: StoreAccess, article_id: str) -> dict[str, Any]:
    if len(article_id) > 128:
        raise _not_found("that article")
    found = access.cached(("article", article_id), lambda con: data.queries.article(con, article_id))
    if found is None:
        raise _not_found(f"article {article_id!r}")
    return found


# ---- HTML pages ---------------------------------------------------------------------------


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def _add_pages(app: FastAPI) -> None:
    access: StoreAccess = app.state.access

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> HTMLResponse:
        graph = _network(access)
        return _page(request, "overview.html", d=_overview(access, 20), network=network_figure(graph))

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, by: str = ByQ, directed: bool = False,
                  limit: int | None = LimitQ, offset: int = OffsetQ) -> HTMLResponse:  # fmt: skip
        found = _dyad_or_404(access, a, b, by, directed)
        page = data.Page.of(limit, offset)
        events = _dyad_events(access, found["a"], found["b"], directed, page)
        quotes = _dyad_quotes(access, found["a"], found["b"], page)
        chart = timeline_figure(found["series"])
        return _page(request, "dyad.html", d=found, events=events, quotes=quotes, timeline=chart)

    @app.get("/actor/{code}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, code: str, limit: int | None = LimitQ, offset: int = OffsetQ) -> HTMLResponse:
        return _page(request, "actor.html", d=_actor_or_404(access, code, data.Page.of(limit, offset)))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = _article_or_404(access, article_id)
        marked = highlight(found["text"], spans_of(found["events"], found["quotes"]))
        return _page(request, "article.html", d=found, marked=marked)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = Query("", max_length=200), limit: int | None = LimitQ,
                    offset: int = OffsetQ) -> HTMLResponse:  # fmt: skip
        return _page(request, "search.html", d=_search(access, q, data.Page.of(limit, offset)))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_index(request: Request) -> HTMLResponse:
        return _page(request, "api.html", schema=app.openapi())


def _blank_none(value: object) -> object:
    """A missing value (None) prints as nothing, not as "None"."""
    return "" if value is None else value
