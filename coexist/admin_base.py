"""What every CoExist admin page shares: bad input is a form error or a message, never a 500.

- Choice fields (foreign keys, many-to-many) refuse impossible ids (words, huge numbers)
  before they reach the database, and raw-id widgets render them without a lookup.
- An action posted with impossible selected ids is refused with a message.
- A changelist filter that cannot be a date or a number (``?created_at__year=9999999999``)
  is the admin's "wrong filter" redirect, not a server error.
"""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from coexist.forms import SafeModelChoiceField, SafeModelMultipleChoiceField, is_possible_key


class SafeRawIdWidget(ForeignKeyRawIdWidget):
    def label_and_url_for_value(self, value):
        if not is_possible_key(self.rel.model._meta.pk, value):
            return "", ""
        return super().label_and_url_for_value(value)


class SafeFormfieldsMixin:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelChoiceField)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and type(field.widget) is ForeignKeyRawIdWidget:
            field.widget.__class__ = SafeRawIdWidget
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SafeChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError, TypeError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_queryset(self, request, exclude_parameters=None):
        try:
            queryset = super().get_queryset(request, exclude_parameters)
            # Compile now: an impossible value (year 0) fails here, not in the template,
            # and a number no database column can hold is refused before it is sent.
            _sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        except (EmptyResultSet, FullResultSet):
            return queryset
        except (ValueError, OverflowError, TypeError) as error:
            raise IncorrectLookupParameters(error) from error
        if any(isinstance(p, int) and not -(2**63) <= p < 2**63 for p in params):
            raise IncorrectLookupParameters("number out of range")
        return queryset


class SafeAdminMixin(SafeFormfieldsMixin):
    def get_changelist(self, request, **kwargs):
        return SafeChangeList

    def response_action(self, request, queryset):
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if not all(is_possible_key(self.model._meta.pk, value) for value in selected):
            messages.error(request, _("The selection is not valid: select the items again."))
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


class CoexistModelAdmin(SafeAdminMixin, admin.ModelAdmin):
    pass


class CoexistTabularInline(SafeFormfieldsMixin, admin.TabularInline):
    # A posted TOTAL_FORMS is believed up to this many forms (Django's default is 1,000
    # more than max_num, which a fuzzed post turns into a ten-second page).
    absolute_max = max_num = 100

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.absolute_max)
        return super().get_formset(request, obj, **kwargs)
