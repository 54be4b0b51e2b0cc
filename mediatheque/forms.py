"""The form an organisation admin or a facilitator fills in to add or edit a resource."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actors.forms import languages_field
from actors.models import Organisation
from coexist.forms import SafeModelMultipleChoiceField
from mediatheque.models import Resource


class ResourceForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG, JPEG or WebP; at most "
            "25 MB. Or give a link below instead."
        ),
    )
    languages = languages_field()
    publishers = SafeModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Published by"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "kind",
            "summary",
            "external_url",
            "languages",
            "publication_date",
            "access",
            "competences",
            "categories",
            "sdgs",
            "publishers",
        ]
        widgets = {
            "publication_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "competences": forms.SelectMultiple(attrs={"size": 8}),
            "categories": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "competences": SafeModelMultipleChoiceField,
            "categories": SafeModelMultipleChoiceField,
            "sdgs": SafeModelMultipleChoiceField,
        }

    def __init__(self, *args, publishers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publishers"].queryset = publishers or Organisation.objects.none()
        self.fields["external_url"].help_text = _(
            "A page, a video (YouTube, Vimeo, PeerTube) or a podcast elsewhere."
        )
        if not self.instance.pk:
            self.fields["languages"].initial = ["fr"]

    def clean(self):
        cleaned = super().clean()
        upload, link = cleaned.get("upload"), cleaned.get("external_url")
        has_file = bool(self.instance.pk and self.instance.file)
        if upload and link:
            self.add_error("external_url", _("Give a file or a link, not both."))
        elif not upload and not link and not has_file:
            self.add_error("upload", _("Give a file or a link."))
        return cleaned

    def split(self) -> tuple[dict, dict, object]:
        data = {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "kind",
                "summary",
                "external_url",
                "languages",
                "publication_date",
                "access",
            )
        }
        m2m = {name: self.cleaned_data[name] for name in ("competences", "categories", "sdgs")}
        m2m["publishers"] = self.cleaned_data["publishers"]
        return data, m2m, self.cleaned_data.get("upload")
