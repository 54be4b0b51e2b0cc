from django.db import migrations


def load(apps, schema_editor):
    from actors.taxonomy import load_taxonomies

    load_taxonomies(apps)


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
