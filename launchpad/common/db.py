"""Database helpers for hot paths where the ORM's own work outweighs the query's.

`get_where` loads one row as `QuerySet.filter(...).first()` would, and `update_where` writes
one conditional UPDATE as `QuerySet.filter(...).update(...)` would, but each builds its SQL
once per model, columns and database, not on every call. For the typing test's submission
the ORM took 0.3 to 0.45 ms to build and read a one-row SELECT that SQLite ran in 0.04 ms,
and 0.5 to 0.9 ms to build a ten-column UPDATE that SQLite ran in 0.4 ms (docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connections, models, router, transaction

M = TypeVar("M", bound=models.Model)


class EncodedJSON(str):
    """JSON text, already encoded, for a JSONField: `update_where` stores it as it is.

    The caller vouches that it is valid JSON; SQLite's check on a JSONField column and
    PostgreSQL's jsonb type refuse it otherwise, and nothing is written.
    """

    __slots__ = ()


def get_where(model: type[M], **where: Any) -> M | None:
    """The row of `model` whose fields equal `where` (field name or attname, such as
    `user_id`, to a plain value), or None: loaded as `model.objects.filter(**where).first()`
    loads it, every field with the database's and the field's own conversions applied.

    For a lookup that matches at most one row (a primary or unique key). A value its field
    cannot take (text for a number) raises ValueError or TypeError as the ORM does; a number
    beyond the database's range matches nothing.
    """
    using = router.db_for_read(model)
    connection = connections[using]
    plan = _read_plan(connection, model, tuple(where))
    params = [
        field.get_db_prep_value(value, connection, prepared=False)
        for field, value in zip(plan.keys, where.values(), strict=True)
    ]
    try:
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            row = cursor.fetchone()
    except OverflowError:  # SQLite takes integers up to 64 bits; nothing is stored beyond
        return None
    if row is None:
        return None
    values = list(row)
    for position, converters, column in plan.converters:
        value = values[position]
        for convert in converters:
            value = convert(value, column, connection)
        values[position] = value
    return model.from_db(using, plan.attnames, values)


@dataclass(frozen=True)
class _ReadPlan:
    sql: str
    keys: list[Any]
    attnames: list[str]
    converters: list[tuple[int, list[Callable[..., Any]], Any]]


# Per connection (a converter may belong to its connection), then per model and fields.
_read_plans: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], _ReadPlan]] = (
    weakref.WeakKeyDictionary()
)


def _read_plan(connection: Any, model: type[models.Model], where: tuple[str, ...]) -> _ReadPlan:
    """The SELECT of `get_where` and how to convert what it reads, made once."""
    plans = _read_plans.setdefault(connection, {})
    plan = plans.get((model, where))
    if plan is None:
        quote = connection.ops.quote_name
        fields = list(model._meta.concrete_fields)
        table = model._meta.db_table
        columns = [field.get_col(table) for field in fields]
        keys = [_concrete_field(model, name) for name in where]
        if not keys:
            raise ValueError("get_where needs at least one condition")
        converters = []
        for position, column in enumerate(columns):
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found:
                converters.append((position, found, column))
        # Every name here is the model's own table or column, quoted; values go as parameters.
        sql = (
            f"SELECT {', '.join(quote(field.column) for field in fields)} "  # noqa: S608
            f"FROM {quote(table)} WHERE "
            + " AND ".join(f"{quote(key.column)} = %s" for key in keys)
        )
        plan = _ReadPlan(sql, keys, [field.attname for field in fields], converters)
        plans[(model, where)] = plan
    return plan


def update_where(
    model: type[models.Model], *, where: Mapping[str, Any], values: Mapping[str, Any]
) -> int:
    """Sets `values` (field name to value) on the rows of `model` whose fields equal `where`
    (field name to value); returns how many rows changed.

    The same as `model.objects.filter(**where).update(**values)` for plain values: each is
    prepared for the database by its field, as the ORM prepares it, and an EncodedJSON value
    for a JSONField is stored as the JSON it holds. Expressions (F(), functions) are not
    supported. The write goes to the model's write database, in one statement.
    """
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [_concrete_field(model, name) for name in values]
    keys = [_concrete_field(model, name) for name in where]
    sql = _update_sql(model, tuple(values), tuple(where), connection.vendor)
    params = [
        _prepared(field, value, connection)
        for field, value in zip(fields, values.values(), strict=True)
    ]
    params += [
        field.get_db_prep_value(value, connection, prepared=False)
        for field, value in zip(keys, where.values(), strict=True)
    ]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


@functools.lru_cache(maxsize=64)
def _update_sql(
    model: type[models.Model], names: tuple[str, ...], where: tuple[str, ...], vendor: str
) -> str:
    """The UPDATE statement of `update_where` for these fields on this kind of database."""
    quote = connections[router.db_for_write(model)].ops.quote_name
    assignments = []
    for name in names:
        field = _concrete_field(model, name)
        if field.primary_key:
            raise ValueError(f"{model.__name__}.{name} cannot be set by update_where")
        # PostgreSQL reads JSON text (and the ORM's own JSON adapter) into jsonb by a cast.
        json_cast = (
            "::jsonb" if vendor == "postgresql" and isinstance(field, models.JSONField) else ""
        )
        assignments.append(f"{quote(field.column)} = %s{json_cast}")
    conditions = [f"{quote(_concrete_field(model, name).column)} = %s" for name in where]
    if not conditions:
        raise ValueError("update_where needs at least one condition")
    # Every name here is the model's own table or column, quoted; values go as parameters.
    return (
        f"UPDATE {quote(model._meta.db_table)} SET {', '.join(assignments)} "  # noqa: S608
        f"WHERE {' AND '.join(conditions)}"
    )


def _concrete_field(model: type[models.Model], name: str) -> Any:
    """The field `name` of `model`, which must have a column of its own."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.concrete or not field.column:
        raise ValueError(f"{model.__name__}.{name} has no column for update_where")
    return field


def _prepared(field: Any, value: Any, connection: Any) -> Any:
    if isinstance(value, EncodedJSON) and isinstance(field, models.JSONField):
        return str(value)
    if hasattr(value, "resolve_expression"):  # F(), functions, subqueries
        raise ValueError("update_where takes plain values, not expressions")
    return field.get_db_prep_save(value, connection)
