"""Database helpers for hot paths where the ORM's own work outweighs the query's.

`update_where` writes one conditional UPDATE as `QuerySet.filter(...).update(...)` would, but
builds its SQL once per model, columns and database, not on every call: for the typing test's
submission, the ORM took 0.5 to 0.9 ms to build a ten-column UPDATE that SQLite ran in 0.4 ms
(docs/benchmarks.md).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from django.db import connections, models, router, transaction


class EncodedJSON(str):
    """JSON text, already encoded, for a JSONField: `update_where` stores it as it is.

    The caller vouches that it is valid JSON; SQLite's check on a JSONField column and
    PostgreSQL's jsonb type refuse it otherwise, and nothing is written.
    """

    __slots__ = ()


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
