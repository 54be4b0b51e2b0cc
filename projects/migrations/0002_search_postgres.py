"""PostgreSQL only: a GIN index on the projects' search vector (the ``coexist_fr``
configuration is created by actors' 0003)."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS project_search_vector_gin "
            "ON projects_project USING GIN (search_vector)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS project_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial"), ("actors", "0003_search_postgres")]

    operations = [migrations.RunPython(forward, backward)]
