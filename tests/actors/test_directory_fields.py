"""The one declaration of the organisation's directory fields (``directory_format.FIELDS``)
and what derives from it: a field added there reaches the import, the export, the bulk
writer, the form, the admin, the search document and the matching's profiles."""

from django.contrib import admin

from actors.bulk import CREATION_DEFAULTS
from actors.directory_format import (
    COLUMNS,
    FIELDS,
    LINK_COLUMNS,
    M2M_COLUMNS,
    MULTI_VALUED,
    REQUIRED_COLUMNS,
    SCALAR_ATTRIBUTES,
    TEXT_LIMITS,
)
from actors.directory_io import EXPORT_PREFETCH
from actors.forms import OrganisationForm
from actors.models import Organisation
from actors.search import SEARCHED
from matching.selectors import PROFILE_VALUES

# The README's contract, column by column: this list changes only with the contract.
CONTRACT = [
    "slug",
    "name",
    "kind",
    "pitch",
    "description",
    "website",
    "email",
    "phone",
    "street",
    "postcode",
    "city",
    "country",
    "territories",
    "intervention_countries",
    "sdgs",
    "offers",
    "needs",
    "needs_description",
    "contributions_offered",
    "contributions_sought",
    "languages",
]


def test_the_columns_are_the_contracts_in_its_order():
    assert list(COLUMNS) == CONTRACT
    assert REQUIRED_COLUMNS == ("name", "kind")
    assert set(MULTI_VALUED) == {*LINK_COLUMNS, "intervention_countries", "languages"}


def test_every_field_is_an_attribute_of_the_organisation_with_its_limit():
    for field in FIELDS:
        model_field = Organisation._meta.get_field(field.name)
        if field.limit and getattr(model_field, "max_length", None) and field.name != "email":
            assert model_field.max_length >= field.limit, field.name
    assert set(SCALAR_ATTRIBUTES) | set(LINK_COLUMNS) | {"slug"} == set(COLUMNS)
    assert SCALAR_ATTRIBUTES["kind"] == "kind_id"
    assert set(TEXT_LIMITS) == {f.name for f in FIELDS if f.kind == "text"}
    assert CREATION_DEFAULTS == {"country": "FR", "intervention_countries": [], "languages": []}


def test_the_form_and_the_admin_show_every_editable_directory_field():
    editable = set(COLUMNS) - {"slug"}
    assert set(OrganisationForm.Meta.fields) == editable | {"logo"}
    organisation_admin = admin.site._registry[Organisation]
    shown = {name for _title, options in organisation_admin.fieldsets for name in options["fields"]}
    assert editable - {"needs"} <= shown  # needs are an inline of their own
    assert tuple(organisation_admin.M2M_FIELDS) == M2M_COLUMNS  # checkboxes, not filter_horizontal


def test_search_export_and_matching_read_the_declared_fields():
    assert {field.name for field in SEARCHED} >= {"name", "pitch", "description", "offers"}
    assert set(EXPORT_PREFETCH) == {*M2M_COLUMNS, "needs__competence"}
    assert {"name", "kind__slug", "needs_description", "intervention_countries"} <= set(
        PROFILE_VALUES
    )
