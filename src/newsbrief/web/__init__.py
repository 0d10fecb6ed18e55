"""Web UI and JSON API over a store: ``create_app(store_or_url, token=...)`` (FastAPI).

Needs the ``server`` extra (FastAPI, Jinja2, uvicorn): ``pip install 'newsbrief[server]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from newsbrief.store import Store

__all__ = ["create_app"]


def create_app(store: Store | str, *, token: str | None = None, **kwargs: Any) -> FastAPI:
    """The FastAPI app (imported lazily, with an install hint when the extra is missing)."""
    try:
        from newsbrief.web.app import create_app as build
    except ImportError as exc:
        from newsbrief.errors import MissingExtraError

        raise MissingExtraError("the web UI and API", "server") from exc
    return build(store, token=token, **kwargs)
