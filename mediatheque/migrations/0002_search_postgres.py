"""PostgreSQL only: GIN indexes on the two search vectors (actors made ``coexist_fr``)."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS res_search_vector_gin "
    "ON mediatheque_resource USING GIN (search_vector)",
    "CREATE INDEX IF NOT EXISTS res_content_vector_gin "
    "ON mediatheque_resource USING GIN (content_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS res_search_vector_gin",
    "DROP INDEX IF EXISTS res_content_vector_gin",
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
    dependencies = [("mediatheque", "0001_initial"), ("actors", "0003_search_postgres")]

    operations = [migrations.RunPython(forward, backward)]
