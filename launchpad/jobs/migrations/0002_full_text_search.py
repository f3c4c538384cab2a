"""Full-text search over postings on either database.

SQLite: an FTS5 table that mirrors `search_text` (external content, kept in step by
triggers), with the Porter stemmer so "handling" finds "handle". PostgreSQL: a GIN index on
the English `to_tsvector` of `search_text`, which `websearch_to_tsquery` queries use.
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE jobs_posting_fts USING fts5("
    "search_text, content='jobs_posting', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER jobs_posting_fts_insert AFTER INSERT ON jobs_posting BEGIN "
    "INSERT INTO jobs_posting_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER jobs_posting_fts_delete AFTER DELETE ON jobs_posting BEGIN "
    "INSERT INTO jobs_posting_fts(jobs_posting_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER jobs_posting_fts_update AFTER UPDATE OF search_text ON jobs_posting BEGIN "
    "INSERT INTO jobs_posting_fts(jobs_posting_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO jobs_posting_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO jobs_posting_fts(jobs_posting_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS jobs_posting_fts_update",
    "DROP TRIGGER IF EXISTS jobs_posting_fts_delete",
    "DROP TRIGGER IF EXISTS jobs_posting_fts_insert",
    "DROP TABLE IF EXISTS jobs_posting_fts",
]
POSTGRES_UP = [
    "CREATE INDEX jobs_posting_search_gin ON jobs_posting "
    "USING GIN (to_tsvector('english', search_text))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS jobs_posting_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
