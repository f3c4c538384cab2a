"""Indexes that keep search fast on a large board (measured with bench/jobs.py).

PostgreSQL: the text filter reads a stored, generated `search_vector` column with its own
GIN index instead of an index on the expression `to_tsvector('english', search_text)`: when
the planner walks the posted-date index newest first, each row's vector is then read, not
computed again from the text. (The column depends on `search_text`: a later change of that
column's type must drop and re-create it.) The city filter (`city__iexact`, which compares
UPPER(city)) gets an index on that expression, whose statistics also tell the planner a city
is selective. SQLite: an index on city with NOCASE collation, which SQLite uses for the
case-insensitive LIKE that iexact is there.
"""

from django.db import migrations

POSTGRES_COLUMN = [
    "ALTER TABLE jobs_posting ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED",
]
POSTGRES_INDEXES = [
    "CREATE INDEX jobs_posting_search_vector_gin ON jobs_posting USING GIN (search_vector)",
    "CREATE INDEX jobs_posting_city_upper ON jobs_posting (UPPER(city))",
]
POSTGRES_INDEXES_DOWN = [
    "DROP INDEX IF EXISTS jobs_posting_city_upper",
    "DROP INDEX IF EXISTS jobs_posting_search_vector_gin",
]
SQLITE_INDEXES = ["CREATE INDEX jobs_posting_city_nocase ON jobs_posting (city COLLATE NOCASE)"]
SQLITE_INDEXES_DOWN = ["DROP INDEX IF EXISTS jobs_posting_city_nocase"]

# 0002's index on the expression, replaced by the stored column's.
_OLD_GIN = "jobs_posting_search_gin"

POSTGRES_UP = [*POSTGRES_COLUMN, *POSTGRES_INDEXES, f"DROP INDEX IF EXISTS {_OLD_GIN}"]
POSTGRES_DOWN = [
    f"CREATE INDEX {_OLD_GIN} ON jobs_posting USING GIN (to_tsvector('english', search_text))",
    *POSTGRES_INDEXES_DOWN,
    "ALTER TABLE jobs_posting DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_stored_reading")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_INDEXES, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_INDEXES_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
