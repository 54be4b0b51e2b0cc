from django import forms
from django.utils.translation import gettext_lazy as _

from actors.models import Competence, Organisation
from coexist.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from events.models import Event


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date-and-time picker, no JavaScript (Paris time)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    """What organisers fill in to propose or edit an event."""

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "organisers",
            "starts_at",
            "ends_at",
            "venue",
            "street",
            "postcode",
            "city",
            "online_url",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "description",
            "sdgs",
            "competences",
            "image",
        ]
        field_classes = {
            "organisers": SafeModelMultipleChoiceField,
            "sdgs": SafeModelMultipleChoiceField,
            "competences": SafeModelMultipleChoiceField,
        }
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "registration_opens_at": DateTimeLocalInput(),
            "registration_closes_at": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 8}),
            "organisers": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "competences": forms.CheckboxSelectMultiple,
            "image": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    M2M_FIELDS = ("sdgs", "competences")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = organisations
        self.fields["organisers"].required = True
        self.fields["competences"].queryset = Competence.objects.order_by("position", "label_fr")
        for name in ("title", "venue", "street", "city", "postcode", "online_url"):
            self.fields[name].widget.attrs.pop("maxlength", None)
        self.fields["title"].help_text = _("At most 200 characters.")
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            self.fields[name].help_text = _("Paris time.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("online_url") and not (cleaned.get("street") or cleaned.get("city")):
            raise forms.ValidationError(_("Give the address of the place or an online link."))
        return cleaned

    def split(self) -> tuple[dict, list, dict]:
        """(field values, organisers, other many-to-many values) for the services."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.M2M_FIELDS and name != "organisers"
        }
        if data.get("image") is False:
            data["image"] = ""
        if data.get("image") is None:
            data.pop("image", None)
        m2m = {name: self.cleaned_data[name] for name in self.M2M_FIELDS}
        return data, list(self.cleaned_data["organisers"]), m2m


class RegistrationForm(forms.Form):
    organisation = SafeModelChoiceField(
        label=_("I come on behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself only"),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to everyone registered"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
