from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest


class ChecklistWidget(forms.CheckboxSelectMultiple):
    """A long list (countries, languages) as checkboxes in a scrollable box: usable with
    a keyboard and without JavaScript; static/js/checklist.js adds a box that filters it
    as one types (templates: ``widget_type == "checklist"``)."""


def posted(request: HttpRequest, *, files: bool = True) -> tuple:
    """Form arguments: the submitted data on POST (even when empty), nothing on GET.

    ``request.POST or None`` would treat an empty POST as a GET and show a blank
    form instead of the errors.
    """
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


# Choice fields that refuse impossible ids with a form error ---------------------------
#
# Django's model choice fields hand the posted ids to the database: a word or a huge
# number there raises ValueError or, on SQLite, OverflowError (a 500) instead of the
# field's "select a valid choice". These check each id against the key's own type and
# the 64-bit range first.

_BIGINT = 2**63


def is_possible_key(field: models.Field, value) -> bool:
    """Whether ``value`` can be a value of ``field`` in a query (type and range)."""
    if isinstance(value, list | tuple | dict):
        return False
    try:
        python = field.to_python(value)
    except (ValidationError, TypeError, ValueError, OverflowError):
        return False
    if isinstance(python, int) and not -_BIGINT <= python < _BIGINT:
        return False
    return not (isinstance(python, str) and "\x00" in python)


class _PossibleKeyMixin:
    def _key_field(self) -> models.Field:
        model = self.queryset.model
        return model._meta.get_field(self.to_field_name) if self.to_field_name else model._meta.pk


class SafeModelChoiceField(_PossibleKeyMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_possible_key(self._key_field(), value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(_PossibleKeyMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                if not is_possible_key(self._key_field(), item):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(item)[:50]},
                    )
        return super()._check_values(value)
