"""The error hierarchy: one root, the matching builtins, and pickling."""

from __future__ import annotations

import pickle

import pytest

import backend_frameworks as bf

ERRORS: list[tuple[bf.BackendFrameworksError, type[Exception]]] = [
    (bf.UnknownFrameworkError("djang", ("django",)), KeyError),
    (bf.UnknownSourceError("x", ()), KeyError),
    (bf.UnknownScorerError("perf", ("performance",)), KeyError),
    (bf.DataError(["frameworks/a.json: $.id: bad"]), ValueError),
    (bf.InvalidQueryError("unknown language 'pyhton'", ("python",)), ValueError),
    (bf.InvalidQueryError.wrong_type("a framework name must be a string"), TypeError),
    (bf.InvalidModelError("two scorers are named 'a'"), ValueError),
    (bf.InvalidModelError.wrong_type("not a scorer"), TypeError),
    (
        bf.InvalidRequirementsError("must_have", "unknown feature 'orn'", "orn", ("orm",)),
        ValueError,
    ),
    (bf.InvalidRequirementsError.wrong_type("scale", "expected a scale", 3), TypeError),
    (bf.ScorerError("faulty", "django", "raised RuntimeError: boom"), RuntimeError),
]


@pytest.mark.parametrize(("error", "builtin"), ERRORS, ids=lambda e: type(e).__name__)
def test_every_error_is_a_library_error_and_its_builtin(
    error: bf.BackendFrameworksError, builtin: type[Exception]
) -> None:
    assert isinstance(error, bf.BackendFrameworksError)
    assert isinstance(error, builtin)


@pytest.mark.parametrize(("error", "builtin"), ERRORS, ids=lambda e: type(e).__name__)
def test_every_error_pickles_to_an_equal_error(
    error: bf.BackendFrameworksError, builtin: type[Exception]
) -> None:
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own payload
    assert type(again) is type(error)
    assert isinstance(again, builtin)
    assert str(again) == str(error)
    assert again.__dict__ == error.__dict__
