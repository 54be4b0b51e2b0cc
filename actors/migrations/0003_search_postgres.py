"""PostgreSQL only: an accent-insensitive French text search configuration and a GIN index."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'coexist_fr') THEN
            CREATE TEXT SEARCH CONFIGURATION coexist_fr (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION coexist_fr
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$;
    """,
    "CREATE INDEX IF NOT EXISTS org_search_vector_gin "
    "ON actors_organisation USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS org_search_vector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS coexist_fr",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_taxonomies")]

    operations = [migrations.RunPython(forward, backward)]
