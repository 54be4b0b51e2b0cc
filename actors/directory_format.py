"""The directory spreadsheet's format: its columns, reading a file, validating its cells.

The format is the contract "Directory spreadsheet" (README, "Interfaces others rely on"): one
row per organisation, keyed by slug, multi-valued cells separated by ``;``.
Nothing here writes: ``actors.directory_io`` plans and writes the import and
writes the export. Validation needs the taxonomies (five queries, whatever
the number of rows) and nothing else from the database.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries

from actors.languages import is_language_code
from actors.models import SDG, Competence, ContributionType, OrganisationKind, Territory
from actors.validators import normalise_website, validate_phone, validate_website

# Where the profile form and the admin show a field (in this order).
IDENTITY, CONTACT, WHERE, OFFERS = "identity", "contact", "where", "offers"
GROUPS: tuple[str, ...] = (IDENTITY, CONTACT, WHERE, OFFERS)


@dataclass(frozen=True)
class DirectoryField:
    """One column of the directory spreadsheet and what it is on the organisation.

    ``kind``: ``key`` (the slug), ``text`` (a single text on the row), ``taxonomy`` (one
    term's slug, a foreign key), ``country`` (one ISO code), ``countries`` / ``codes``
    (lists of ISO codes on the row), ``m2m`` (a set of terms), ``needs`` (competences,
    rows of their own). ``taxonomy``: the :class:`Taxonomies` map its slugs are looked
    up in. ``searched``: part of the search document; ``profile``: read by the matching.
    """

    name: str
    kind: str
    group: str
    taxonomy: str = ""
    limit: int | None = None
    required: bool = False
    verbatim: bool = False  # kept as typed (Markdown whose spacing matters), not stripped
    searched: bool = False
    profile: bool = False

    @property
    def attname(self) -> str:
        """The organisation's attribute holding a single-valued column."""
        return f"{self.name}_id" if self.kind == "taxonomy" else self.name

    @property
    def lookup(self) -> str:
        """The ``values()`` lookup giving the column's value in the file's terms."""
        return f"{self.name}__slug" if self.kind == "taxonomy" else self.name

    @property
    def multi(self) -> bool:
        return self.kind in ("countries", "codes", "m2m", "needs")

    @property
    def scalar(self) -> bool:
        return self.kind in ("text", "taxonomy", "country", "countries", "codes")


_F = DirectoryField
# The one declaration of the organisation's directory fields, in the contract's order
# (also the export's). The import, the export, the bulk writer, the search document, the
# profile form, the admin and the matching's profiles derive their lists from it.
FIELDS: tuple[DirectoryField, ...] = (
    _F("slug", "key", IDENTITY),
    _F("name", "text", IDENTITY, limit=200, required=True, searched=True, profile=True),
    _F("kind", "taxonomy", IDENTITY, "kinds", required=True, searched=True, profile=True),
    _F("pitch", "text", IDENTITY, limit=200, searched=True, profile=True),
    _F("description", "text", IDENTITY, limit=20000, verbatim=True, searched=True, profile=True),
    _F("website", "text", CONTACT, limit=200, profile=True),
    _F("email", "text", CONTACT, limit=254, profile=True),
    _F("phone", "text", CONTACT, limit=32, profile=True),
    _F("street", "text", CONTACT, limit=200),
    _F("postcode", "text", CONTACT, limit=16),
    _F("city", "text", CONTACT, limit=100, searched=True),
    _F("country", "country", CONTACT),
    _F("territories", "m2m", WHERE, "territories"),
    _F("intervention_countries", "countries", WHERE, profile=True),
    _F("sdgs", "m2m", WHERE, "sdgs"),
    _F("offers", "m2m", OFFERS, "competences", searched=True),
    _F("needs", "needs", OFFERS, "competences", searched=True),
    _F("needs_description", "text", OFFERS, limit=5000, verbatim=True, searched=True, profile=True),
    _F("contributions_offered", "m2m", OFFERS, "contributions"),
    _F("contributions_sought", "m2m", OFFERS, "contributions"),
    _F("languages", "codes", WHERE),
)
FIELD: dict[str, DirectoryField] = {field.name: field for field in FIELDS}


def group_fields(group: str) -> tuple[str, ...]:
    """The editable fields of ``group`` (the slug is not edited), in the contract's order."""
    return tuple(field.name for field in FIELDS if field.group == group and field.kind != "key")


COLUMNS: tuple[str, ...] = tuple(field.name for field in FIELDS)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(field.name for field in FIELDS if field.required)
# Many-to-many columns: sets of ids (SDG numbers for ``sdgs``); needs are rows of their own.
M2M_COLUMNS: tuple[str, ...] = tuple(field.name for field in FIELDS if field.kind == "m2m")
LINK_COLUMNS: tuple[str, ...] = tuple(
    field.name for field in FIELDS if field.kind in ("m2m", "needs")
)
# Link columns whose items are slugs (SDGs are numbers).
TAXONOMY_COLUMNS: tuple[str, ...] = tuple(
    column for column in LINK_COLUMNS if FIELD[column].taxonomy != "sdgs"
)
MULTI_VALUED: frozenset[str] = frozenset(field.name for field in FIELDS if field.multi)
SEPARATOR = ";"
NUL = "\x00"
# The largest file any import reads (the command; the admin allows fewer, see admin_import).
MAX_ROWS = 100_000
# Single-valued columns stored on the organisation row, and their model attribute.
SCALAR_ATTRIBUTES: dict[str, str] = {field.name: field.attname for field in FIELDS if field.scalar}
# Free-text columns kept verbatim (they may hold Markdown whose spacing matters);
# every other single-valued cell is stripped.
VERBATIM_COLUMNS: frozenset[str] = frozenset(field.name for field in FIELDS if field.verbatim)
TEXT_LIMITS: dict[str, int] = {
    field.name: field.limit for field in FIELDS if field.limit is not None
}
SLUG_MAX_LENGTH = 220
DEFAULT_COUNTRY = "FR"

_COUNTRY_CODES = frozenset(code for code, _name in countries)


# Errors --------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """One problem in the file: a cell (row and column), a row, a header column or the file."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column is not None:
            return _("row %(row)d, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("row %(row)d: %(message)s") % {"row": self.row, "message": self.message}
        if self.column is not None:
            return _("column %(column)s: %(message)s") % {
                "column": self.column,
                "message": self.message,
            }
        return self.message


def error_order(error: RowError) -> tuple[int, int]:
    """File and header errors first, then by row, then in the columns' order."""
    column = COLUMNS.index(error.column) if error.column in COLUMNS else len(COLUMNS)
    return (error.row or 0, column)


# Spreadsheet formulas ---------------------------------------------------------

# A cell starting with one of these is run as a formula by Excel or LibreOffice
# ("CSV injection"). The export prefixes such free-text cells with an apostrophe,
# which spreadsheets hide, and the CSV import removes it: the round trip holds.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PHONE_LIKE = re.compile(r"^\+[\d\s().-]+$")


def escape_formula(value: str) -> str:
    if value and value.startswith(FORMULA_STARTS) and not _PHONE_LIKE.match(value):
        return "'" + value
    return value


def unescape_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


# Reading -------------------------------------------------------------------


@dataclass
class RawRow:
    """A data row as read from the file: the columns it has, with text or lists of text."""

    number: int
    cells: dict[str, str | list[str]]


def read_directory_file(*, filename: str, content: bytes) -> tuple[list[RawRow], list[RowError]]:
    """Read a ``.csv`` or ``.json`` file into raw rows, with the errors of its structure."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in (".csv", ".json"):
        return [], [RowError(None, None, _("The file must be a .csv or a .json file."))]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(None, None, _("The file is not UTF-8 text."))]
    if suffix == ".csv":
        return _read_csv(text)
    return _read_json(text)


def _read_csv(text: str) -> tuple[list[RawRow], list[RowError]]:
    errors: list[RowError] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        while header and not header[-1]:
            header.pop()  # trailing separators, as some spreadsheets write them
        if not header:
            return [], [RowError(None, None, _("The file is empty: it needs a header row."))]
        if len(header) == 1 and SEPARATOR in header[0]:
            message = _("The columns must be separated by commas, not by “;” (save as CSV UTF-8).")
            return [], [RowError(None, None, message)]
        # Header problems are reported, and the cells of the known columns are still
        # validated: one pass reports every error of the file.
        seen: set[str] = set()
        usable: dict[int, str] = {}  # position -> column, for the known columns
        for position, name in enumerate(header, start=1):
            if not name:
                errors.append(
                    RowError(None, str(position), _("This column has no name in the header."))
                )
            elif NUL in name:
                errors.append(RowError(None, str(position), _nul_message()))
            elif name not in COLUMNS:
                errors.append(RowError(None, name, _unknown_column_message()))
            elif name in seen:
                errors.append(RowError(None, name, _("This column appears twice.")))
            else:
                usable[position - 1] = name
            seen.add(name)
        for name in REQUIRED_COLUMNS:
            if name not in seen:
                errors.append(RowError(None, name, _("This required column is missing.")))
        rows: list[RawRow] = []
        for number, record in enumerate(reader, start=1):
            if not any(cell.strip() for cell in record):
                continue  # blank line: counted, so numbers match the spreadsheet, but skipped
            if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
                errors.append(RowError(number, None, _("This row has more cells than the header.")))
                continue
            cells = {
                name: unescape_formula(record[i] if i < len(record) else "")
                for i, name in usable.items()
            }
            rows.append(RawRow(number, cells))
            if len(rows) > MAX_ROWS:
                break  # the import refuses the file; reading on would only cost memory
    except csv.Error as error:
        return [], [RowError(None, None, _("This is not a readable CSV file: %s") % error)]
    return rows, errors


def _read_json(text: str) -> tuple[list[RawRow], list[RowError]]:
    try:
        data = json.loads(text)
    except ValueError as error:
        return [], [RowError(None, None, _("This is not a readable JSON file: %s") % error)]
    except RecursionError:
        message = _("This is not a readable JSON file: it is nested too deeply.")
        return [], [RowError(None, None, message)]
    if not isinstance(data, list):
        return [], [RowError(None, None, _("The JSON file must hold a list of objects."))]
    rows: list[RawRow] = []
    errors: list[RowError] = []
    unknown: set[str] = set()
    for number, item in enumerate(data, start=1):
        if number > MAX_ROWS + 1:
            break  # the import refuses the file; its row count is known from the list
        if not isinstance(item, dict):
            errors.append(RowError(number, None, _("Each item must be an object.")))
            continue
        cells: dict[str, str | list[str]] = {}
        for key, value in item.items():
            if key not in COLUMNS:
                # Reported once, at its first row: an unknown key is a typo in the file.
                if key not in unknown:
                    unknown.add(key)
                    errors.append(RowError(number, str(key)[:100], _unknown_column_message()))
                continue
            converted = _json_value(value, multi=key in MULTI_VALUED)
            if converted is None:
                errors.append(RowError(number, key, _json_type_message(key)))
                continue
            cells[key] = converted
        rows.append(RawRow(number, cells))
    return rows, errors


def _json_scalar(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _json_value(value: Any, *, multi: bool) -> str | list[str] | None:
    if multi and isinstance(value, list):
        items = [_json_scalar(item) for item in value]
        return None if any(item is None for item in items) else items
    return _json_scalar(value)


def _json_type_message(column: str) -> str:
    if column in MULTI_VALUED:
        return _("Expected a list of values or a text separated by “;”.")
    return _("Expected a single text value.")


def _nul_message() -> str:
    return _("This cell contains a NUL character, which is not allowed.")


def _unknown_column_message() -> str:
    return _("Unknown column; the columns are: %(columns)s.") % {"columns": ", ".join(COLUMNS)}


# Validating ----------------------------------------------------------------


@dataclass
class Taxonomies:
    """Slug-to-id maps of every taxonomy a row refers to (five queries)."""

    kinds: dict[str, int]
    territories: dict[str, int]
    competences: dict[str, int]
    contributions: dict[str, int]
    sdgs: frozenset[int]

    @classmethod
    def load(cls) -> "Taxonomies":
        return cls(
            kinds=dict(OrganisationKind.objects.values_list("slug", "pk")),
            territories=dict(Territory.objects.values_list("slug", "pk")),
            competences=dict(Competence.objects.values_list("slug", "pk")),
            contributions=dict(ContributionType.objects.values_list("slug", "pk")),
            sdgs=frozenset(SDG.objects.values_list("number", flat=True)),
        )

    def for_column(self, column: str) -> dict[str, int]:
        return getattr(self, FIELD[column].taxonomy)


@dataclass
class Record:
    """A valid row, its values in database terms (ids, codes, lists), only for its columns."""

    row: int
    slug: str
    values: dict[str, Any]


def _split(value: str | list[str]) -> list[str]:
    """The items of a multi-valued cell: stripped, without empties or repeats, in order."""
    items = value if isinstance(value, list) else value.split(SEPARATOR)
    result: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in result:
            result.append(item)
    return result


def _unknown_slug_message(column: str, value: str, taxonomies: Taxonomies) -> str:
    if column == "kind":
        return _("Unknown organisation kind “%(value)s”; the kinds are: %(choices)s.") % {
            "value": value,
            "choices": ", ".join(sorted(taxonomies.kinds)),
        }
    messages = {
        "territories": _("Unknown territory “%(value)s”."),
        "offers": _("Unknown competence “%(value)s”."),
        "needs": _("Unknown competence “%(value)s”."),
        "contributions_offered": _("Unknown contribution type “%(value)s”."),
        "contributions_sought": _("Unknown contribution type “%(value)s”."),
    }
    return messages[column] % {"value": value}


def _too_long_message(limit: int, length: int) -> str:
    return _("At most %(limit)d characters (this one has %(length)d).") % {
        "limit": limit,
        "length": length,
    }


class _RowValidator:
    """Validates the cells of one row, collecting errors; ``values`` holds the good ones."""

    def __init__(self, raw: RawRow, taxonomies: Taxonomies) -> None:
        self.raw = raw
        self.taxonomies = taxonomies
        self.errors: list[RowError] = []
        self.values: dict[str, Any] = {}
        self.refused: set[str] = set()  # columns already reported as unreadable

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.raw.number, column, message))

    def text(self, column: str) -> str | None:
        """The single value of ``column`` (None when the row does not have the column)."""
        if column not in self.raw.cells or column in self.refused:
            return None
        value = self.raw.cells[column]
        if isinstance(value, list):
            self.error(column, _json_type_message(column))
            return None
        return value if column in VERBATIM_COLUMNS else value.strip()

    def _refuse_nul(self) -> None:
        """A NUL character is refused, as the forms refuse it (databases cannot store it)."""
        for column, value in self.raw.cells.items():
            items = value if isinstance(value, list) else [value]
            if any(NUL in item for item in items):
                self.error(column, _nul_message())
                self.refused.add(column)

    def run(self) -> None:
        self._refuse_nul()
        for column in REQUIRED_COLUMNS:
            value = self.raw.cells.get(column, "")
            if column not in self.refused and isinstance(value, str) and not value.strip():
                self.error(column, _("This column is required."))
        for column, limit in TEXT_LIMITS.items():
            value = self.text(column)
            if value is None:
                continue
            if len(value) > limit:
                self.error(column, _too_long_message(limit, len(value)))
            elif self._check_text(column, value):
                self.values[column] = normalise_website(value) if column == "website" else value
        self._kind()
        self._country()
        self._links()
        self._codes()

    def _check_text(self, column: str, value: str) -> bool:
        """Format checks of the single-valued text columns (the length is already checked)."""
        if not value:
            return True
        if column == "pitch" and ("\n" in value or "\r" in value):
            self.error(column, _("The pitch must be a single line."))
            return False
        if column == "website":
            try:
                validate_website(value)
            except ValidationError as error:
                for message in error.messages:
                    self.error(column, str(message))
                return False
        validator = {"email": validate_email, "phone": validate_phone}.get(column)
        if validator is not None:
            try:
                validator(value)
            except ValidationError as error:
                for message in error.messages:
                    self.error(column, str(message))
                return False
        return True

    def _kind(self) -> None:
        value = self.text("kind")
        if not value:
            return
        if value in self.taxonomies.kinds:
            self.values["kind"] = self.taxonomies.kinds[value]
        else:
            self.error("kind", _unknown_slug_message("kind", value, self.taxonomies))

    def _country(self) -> None:
        value = self.text("country")
        if value is None:
            return
        code = _country_code(value or DEFAULT_COUNTRY)
        if code is None:
            self.error("country", _country_message(value))
        else:
            self.values["country"] = code

    def _multi(self, column: str, convert: Callable[[str], Any], message: Callable[[str], str]):
        """The converted items of a multi-valued cell, or None (missing column or an error)."""
        if column not in self.raw.cells or column in self.refused:
            return None
        items = [(item, convert(item)) for item in _split(self.raw.cells[column])]
        for item, value in items:
            if value is None:
                self.error(column, message(item))
        if any(value is None for _item, value in items):
            return None
        return [value for _item, value in items]

    def _links(self) -> None:
        for column in TAXONOMY_COLUMNS:
            known = self.taxonomies.for_column(column)
            ids = self._multi(
                column,
                known.get,
                lambda item, column=column: _unknown_slug_message(column, item, self.taxonomies),
            )
            if ids is not None:
                self.values[column] = frozenset(ids)
        sdgs = self._multi("sdgs", self._sdg, _sdg_message)
        if sdgs is not None:
            self.values["sdgs"] = frozenset(sdgs)

    def _sdg(self, item: str) -> int | None:
        number = int(item) if item.isdigit() else None
        return number if number in self.taxonomies.sdgs else None

    def _codes(self) -> None:
        countries = self._multi("intervention_countries", _country_code, _country_message)
        if countries is not None:
            self.values["intervention_countries"] = sorted(set(countries))
        languages = self._multi("languages", _language_code, _language_message)
        if languages is not None:
            self.values["languages"] = list(dict.fromkeys(languages))  # unique, in order

    def slug(self) -> str | None:
        """The row's slug: the given one, checked, or one derived from the name."""
        given = self.text("slug")
        if given:
            if len(given) > SLUG_MAX_LENGTH:
                self.error("slug", _too_long_message(SLUG_MAX_LENGTH, len(given)))
                return None
            try:
                validate_slug(given)
            except ValidationError as error:
                for message in error.messages:
                    self.error("slug", str(message))
                return None
            return given
        name = self.values.get("name")
        if not name:
            return None  # the missing name is already reported
        derived = slugify(name)[:SLUG_MAX_LENGTH].strip("-")
        if not derived:
            self.error(
                "slug", _("No slug can be made from this name: give one in the slug column.")
            )
            return None
        return derived


def _country_code(value: str) -> str | None:
    return value.upper() if value.upper() in _COUNTRY_CODES else None


def _language_code(value: str) -> str | None:
    return value.lower() if is_language_code(value.lower()) else None


def _country_message(value: str) -> str:
    return _("“%(value)s” is not an ISO 3166 two-letter country code, e.g. FR or CH.") % {
        "value": value
    }


def _language_message(value: str) -> str:
    return _("“%(value)s” is not a two-letter ISO 639-1 language code, e.g. fr or en.") % {
        "value": value
    }


def _sdg_message(value: str) -> str:
    return _("“%(value)s” is not a sustainable development goal (a number from 1 to 17).") % {
        "value": value
    }


def validate_rows(
    *, rows: Iterable[RawRow], taxonomies: Taxonomies
) -> tuple[list[Record], list[RowError]]:
    """Check every cell of every row; valid rows become records. Makes no query."""
    records: list[Record] = []
    errors: list[RowError] = []
    slug_rows: dict[str, int] = {}
    for raw in rows:
        validator = _RowValidator(raw, taxonomies)
        validator.run()
        slug = validator.slug()
        if slug is not None:
            if slug in slug_rows:
                validator.error(
                    "slug",
                    _("The slug “%(slug)s” is already used by row %(row)d.")
                    % {"slug": slug, "row": slug_rows[slug]},
                )
            else:
                slug_rows[slug] = raw.number
        if validator.errors:
            errors.extend(validator.errors)
        else:
            records.append(Record(raw.number, slug, validator.values))
    return records, errors
