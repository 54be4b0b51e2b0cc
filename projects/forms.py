from django import forms
from django.utils.translation import gettext_lazy as _

from actors.models import SDG, Competence, ContributionType, Territory
from coexist.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from projects.introductions import MESSAGE_MAX
from projects.models import Introduction, Project


class ProjectForm(forms.ModelForm):
    """What the owner's members write about a project (publication is a separate step)."""

    sdgs = SafeModelMultipleChoiceField(
        label=_("Sustainable development goals"),
        queryset=SDG.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    territories = SafeModelMultipleChoiceField(
        label=_("Territories"),
        queryset=Territory.objects.order_by("position", "label_fr"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "image",
            "status",
            "starts_on",
            "ends_on",
            "sdgs",
            "territories",
            "countries",
        ]
        widgets = {
            "summary": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 10}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "image": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "summary"):
            self.fields[name].widget.attrs.pop("maxlength", None)
        self.fields["title"].help_text = _("At most 200 characters.")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end comes before the start."))
        return cleaned

    def split(self) -> tuple[dict, dict]:
        m2m = {name: self.cleaned_data[name] for name in ("sdgs", "territories")}
        data = {k: v for k, v in self.cleaned_data.items() if k not in m2m}
        if data.get("image") is False:
            data["image"] = ""
        elif data.get("image") is None:
            data.pop("image", None)
        return data, m2m


class NeedForm(forms.Form):
    competence = SafeModelChoiceField(
        label=_("Competence needed"),
        queryset=Competence.objects.select_related("category").order_by(
            "category__position", "position"
        ),
    )
    contribution_type = SafeModelChoiceField(
        label=_("Contribution sought"),
        queryset=ContributionType.objects.order_by("position", "label_fr"),
    )
    description = forms.CharField(
        label=_("In your own words"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntroductionRequestForm(forms.Form):
    from_organisation = forms.ChoiceField(label=_("On behalf of"))
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who you are, what you would like to do together. At most 2,000 characters."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.slug: organisation for organisation in organisations}
        self.fields["from_organisation"].choices = [
            (organisation.slug, organisation.name) for organisation in organisations
        ]

    def clean_from_organisation(self):
        return self.organisations[self.cleaned_data["from_organisation"]]


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=Introduction.DeclineReason.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("A word for them (optional)"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class BrokerForm(forms.Form):
    """A facilitator introduces two organisations (double opt-in)."""

    first = forms.SlugField(label=_("First organisation (slug)"), max_length=220)
    second = forms.SlugField(label=_("Second organisation (slug)"), max_length=220)
    message = forms.CharField(
        label=_("Why they should meet"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
