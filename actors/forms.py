import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import way_out_field
from actors.directory_format import (
    CONTACT,
    FIELDS,
    IDENTITY,
    M2M_COLUMNS,
    OFFERS,
    WHERE,
    group_fields,
)
from actors.languages import language_choices
from actors.models import Competence, Organisation
from coexist.forms import ChecklistWidget, SafeModelChoiceField, SafeModelMultipleChoiceField


def languages_field(*, widget=None) -> forms.MultipleChoiceField:
    """Working languages, chosen among the ISO 639-1 codes (the site's and the admin's)."""
    return forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=language_choices,
        required=False,
        widget=widget or forms.SelectMultiple(attrs={"size": 6}),
    )


class OrganisationForm(forms.ModelForm):
    """The profile an organisation's admins edit; needs are chosen as competences + one text."""

    needs = SafeModelMultipleChoiceField(
        label=_("Competences we are looking for"),
        queryset=Competence.objects.select_related("category").order_by(
            "category__position", "position"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = languages_field(widget=ChecklistWidget)

    class Meta:
        model = Organisation
        # The directory's fields, by group, as the contract declares them; and the logo.
        fields = [
            *group_fields(IDENTITY),
            "logo",
            *group_fields(CONTACT),
            *group_fields(WHERE),
            *group_fields(OFFERS),
        ]
        field_classes = {
            field.name: SafeModelChoiceField
            if field.kind == "taxonomy"
            else SafeModelMultipleChoiceField
            for field in FIELDS
            if field.kind in ("taxonomy", "m2m")
        }
        widgets = {
            "pitch": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 8}),
            "needs_description": forms.Textarea(attrs={"rows": 4}),
            **dict.fromkeys(M2M_COLUMNS, forms.CheckboxSelectMultiple),
            "intervention_countries": ChecklistWidget,
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    M2M_FIELDS = M2M_COLUMNS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offers"].queryset = Competence.objects.select_related("category").order_by(
            "category__position", "position"
        )
        # Browsers silently cut what is typed past ``maxlength``: the limit is said in the
        # help text and a longer value is refused with a message, never truncated.
        for field in FIELDS:
            if field.kind == "text":
                self.fields[field.name].widget.attrs.pop("maxlength", None)
        self.fields["name"].help_text = _("At most 200 characters.")
        if self.instance.pk:
            self.initial["needs"] = [need.competence_id for need in self.instance.needs.all()]
        self.fields["languages"].initial = self.instance.languages or ["fr"]

    def split(self) -> tuple[dict, dict, dict]:
        """(field values, many-to-many values, needs) for the services."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.M2M_FIELDS and name != "needs"
        }
        if data.get("logo") is False:  # "Clear" was ticked: no logo (as ModelForm would save it)
            data["logo"] = ""
        m2m = {name: self.cleaned_data[name] for name in self.M2M_FIELDS}
        existing = {}
        if self.instance.pk:
            existing = {n.competence_id: n.description for n in self.instance.needs.all()}
        needs = {c: existing.get(c.pk, "") for c in self.cleaned_data.get("needs") or []}
        return data, m2m, needs


class OrganisationCreateForm(OrganisationForm):
    """The profile of a new organisation, with the form's one-time token (sent twice, it
    creates one organisation) and, when its name is close to another's, "it is not one
    of these"."""

    submission = forms.UUIDField(required=False, widget=forms.HiddenInput)
    not_a_duplicate = forms.BooleanField(
        label=_("My organisation is none of these: create it"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["submission"] = uuid.uuid4()

    def split(self) -> tuple[dict, dict, dict]:
        data, m2m, needs = super().split()
        data.pop("submission", None)
        data.pop("not_a_duplicate", None)
        return data, m2m, needs


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation's administrators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LeaveForm(forms.Form):
    """Leaving an organisation; its last administrator also says what becomes of it."""

    def __init__(self, *args, last_admin: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if last_admin:
            self.fields["way_out"] = way_out_field()


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the organisation's administrators"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OrganisationAdminForm(forms.ModelForm):
    """The admin's organisation form: working languages chosen from the ISO codes, as on
    the site (the model's JSON field would accept any JSON)."""

    languages = languages_field()

    class Meta:
        model = Organisation
        fields = ["languages"]  # the admin adds the fields of its fieldsets
