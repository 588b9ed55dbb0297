"""Errors as JSON: a message a person can act on, and where each problem is.

Every refusal has the same shape::

    {"detail": "What went wrong, in a sentence.",
     "errors": [{"loc": ["body", "items", 3, "period"], "msg": "A period starts on ..."}]}

``loc`` is the path to the bad value: ``body``, ``query`` or ``path``, then field names and list
positions. A conflict (409) carries the record as stored and as sent in ``current`` and
``submitted``.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from stocktake.editing import EditConflictError
from stocktake.measures.services import ObservationsRefusedError

Loc = list[str | int]


class Problem(Schema):
    loc: Loc
    msg: str


class ErrorOut(Schema):
    detail: str
    errors: list[Problem] = []


class ConflictOut(ErrorOut):
    current_version: int | None
    current: dict[str, Any]
    submitted: dict[str, Any]


def _respond(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, errors: list | None = None
) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


def validation_problems(error: DjangoValidationError, *, loc: Loc) -> list[dict[str, Any]]:
    """A model's validation errors, each at ``loc`` plus its field."""
    if not hasattr(error, "error_dict"):
        return [{"loc": loc, "msg": message} for message in error.messages]
    return [
        {"loc": loc if field == "__all__" else [*loc, field], "msg": message}
        for field, messages in error.message_dict.items()
        for message in messages
    ]


def _pydantic_message(error: dict[str, Any]) -> str:
    message = error.get("msg", "Invalid value")
    if error.get("type") == "missing":
        return "This field is required."
    if error.get("type") == "extra_forbidden":
        return "Unknown field: remove it (see /api/docs for the fields this accepts)."
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def _location(loc: Any) -> Loc:
    """Ninja puts the body parameter's own name after "body"; the caller never sees it."""
    found = list(loc)
    if found[:2] == ["body", "body"]:
        del found[1]
    return found


def handlers_install(api: NinjaAPI) -> None:
    """Turn every refusal into the shape above."""

    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {"loc": _location(error.get("loc", ())), "msg": _pydantic_message(error)}
            for error in exc.errors
        ]
        if any(error.get("type") == "json_invalid" for error in exc.errors) or not errors:
            return _respond(api, request, 400, "The request body is not valid JSON.", errors)
        return _respond(
            api, request, 422, "Some values are missing or not valid; nothing was saved.", errors
        )

    @api.exception_handler(DjangoValidationError)
    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return _respond(
            api,
            request,
            422,
            "Some values are not valid; nothing was saved.",
            validation_problems(exc, loc=["body"]),
        )

    @api.exception_handler(ObservationsRefusedError)
    def items_refused(request: HttpRequest, exc: ObservationsRefusedError) -> HttpResponse:
        errors = [
            {"loc": ["body", "items", index, field], "msg": message}
            for index, field, message in exc.problems
        ]
        return _respond(api, request, 422, str(exc), errors)

    @api.exception_handler(EditConflictError)
    def conflict(request: HttpRequest, exc: EditConflictError) -> HttpResponse:
        body = {
            "detail": str(exc),
            "errors": [{"loc": ["body", "version"], "msg": str(exc)}],
            "current_version": exc.current_version,
            "current": json.loads(json.dumps(exc.current, default=str)),
            "submitted": json.loads(json.dumps(exc.submitted, default=str)),
        }
        return api.create_response(request, body, status=409)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        detail = str(exc) if str(exc) and str(exc) != "No such page." else "Not found."
        return _respond(api, request, 404, detail, [{"loc": ["path"], "msg": detail}])

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        detail = str(exc) or "You may not do this."
        return _respond(api, request, 403, detail)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return _respond(
            api, request, 413, "The request body is too large: send fewer items at a time."
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        cause = exc.__cause__
        if isinstance(cause, json.JSONDecodeError):
            where = f"line {cause.lineno}, column {cause.colno}"
            detail = f"The request body is not valid JSON: {cause.msg} at {where}."
            return _respond(api, request, 400, detail, [{"loc": ["body"], "msg": detail}])
        if isinstance(cause, ValueError | UnicodeDecodeError):
            detail = f"The request body is not valid JSON: {cause}."
            return _respond(api, request, 400, detail, [{"loc": ["body"], "msg": detail}])
        return _respond(api, request, exc.status_code, str(exc))


class StrictJson(Parser):
    """JSON as the standard has it: no NaN or Infinity, UTF-8."""

    def parse_body(self, request: HttpRequest) -> Any:
        return json.loads(request.body.decode("utf-8"), parse_constant=_no_constant)


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")
