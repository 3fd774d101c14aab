"""The private cattrs converter: raw JSON data to records and back.

Strict on the way in: unknown keys, a number where a string belongs, a bare
string where a list belongs and an unknown enum value are all errors, and
every error comes back as a JSONPath-like location with a plain message.
"""

from __future__ import annotations

import datetime
import enum
import types
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

__all__ = ["converter", "describe_error", "structure", "unstructure"]

T = TypeVar("T")


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_type_name(value)} {value!r}")
    return value


def _structure_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {_type_name(value)} {value!r}")
    return value


def _structure_number(value: object, _: object) -> int | float:
    if not isinstance(value, int | float) or isinstance(value, bool) or value != value:  # noqa: PLR0124 - NaN
        raise TypeError(f"expected a number, got {_type_name(value)} {value!r}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_type_name(value)} {value!r}")
    return value


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise ValueError(f"{value!r} is not one of {allowed}") from None


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a YYYY-MM-DD string, got {_type_name(value)} {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date") from None


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _strict_tuple_factory(cls: Any, conv: cattrs.BaseConverter) -> Any:
    inner = homogenous_tuple_structure_factory(cls, conv)

    def structure_tuple(value: object, cls: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_type_name(value)} {value!r}")
        return inner(value, cls)

    return structure_tuple


def _is_optional(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is types.UnionType and len(args) == 2 and type(None) in args  # noqa: PLR2004


def _optional_factory(cls: Any, conv: cattrs.BaseConverter) -> Any:
    (inner_type,) = (arg for arg in get_args(cls) if arg is not type(None))
    inner = conv.get_structure_hook(inner_type)

    def structure_optional(value: object, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure_optional


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(lambda cls: cls == int | float, _structure_number)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _structure_enum
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _strict_tuple_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_factory)
    return conv


converter = _make_converter()


def structure(data: object, cls: type[T]) -> T:
    """Structure raw JSON data as ``cls``; raises cattrs' detailed errors."""
    return converter.structure(data, cls)


def unstructure(value: object) -> Any:
    """Turn a record (or a tuple of records) into JSON-ready builtins."""
    return converter.unstructure(value)


def describe_error(error: BaseException, path: str = "$") -> list[str]:
    """Flatten a structuring error into ``"<path>: <message>"`` lines."""
    lines: list[str] = []
    if isinstance(error, IterableValidationError):
        indexed, loose = error.group_exceptions()
        for inner, item in indexed:
            lines.extend(describe_error(inner, f"{path}[{item.index!r}]"))
        lines.extend(f"{path}: {_message(inner)}" for inner in loose)
    elif isinstance(error, ClassValidationError):
        named, unnamed = error.group_exceptions()
        for inner, attribute in named:
            lines.extend(describe_error(inner, f"{path}.{attribute.name}"))
        lines.extend(f"{path}: {_message(inner)}" for inner in unnamed)
    else:
        lines.append(f"{path}: {_message(error)}")
    return lines


def _message(error: BaseException) -> str:
    if isinstance(error, ClassValidationError | IterableValidationError):
        return "; ".join(describe_error(error, "")) or str(error)
    if isinstance(error, KeyError):
        return f"required key {error.args[0]!r} is missing"
    if isinstance(error, ForbiddenExtraKeysError):
        extra = sorted(error.extra_fields)
        return "unknown key" + ("s " if len(extra) > 1 else " ") + ", ".join(map(repr, extra))
    if isinstance(error, TypeError) and "argument" in str(error):
        return f"missing or misnamed key ({error})"
    return str(error)
