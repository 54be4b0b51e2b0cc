from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from accounts.hooks import WayOut
from accounts.models import User


def way_out_field() -> forms.ChoiceField:
    """What the last administrator does with an organisation when leaving (radio buttons,
    each saying its consequence)."""
    return forms.ChoiceField(
        label=_("What becomes of it"),
        widget=forms.RadioSelect,
        choices=[
            (
                WayOut.HAND_OVER.value,
                _(
                    "Hand it to the CSI team: the facilitators become responsible for it "
                    "(requests to join go to them) and it stays in the directory as it is, "
                    "until they appoint a new administrator."
                ),
            ),
            (
                WayOut.ARCHIVE.value,
                _(
                    "Ask for its archiving: it leaves the directory at once and the CSI "
                    "team keeps it; they can publish it again if someone takes it over."
                ),
            ),
        ],
        error_messages={"required": _("Choose what becomes of the organisation.")},
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "preferred_language", "weekly_digest"]


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type your email address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, orphaned=(), **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if orphaned:
            # Asked first, so that the consequence is read before the email is typed.
            self.fields = {"way_out": way_out_field(), **self.fields}

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(_("This is not the email address of your account."))
        return value


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, taking as long for an address that has an account as for a new
    one, so that a stopwatch cannot tell which addresses are members.

    The new account's password is hashed (a few hundred milliseconds), so the other path
    hashes too; what is left (writing the account, about 15 ms) is hidden by the view,
    :func:`accounts.views.signup`, which makes both answers last the same."""

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)


class AddEmailForm(AllauthAddEmailForm):
    """allauth's "add an address", refusing an address that belongs to another account:
    confirming it would sign that account's owner out and mail them our links."""

    def clean_email(self):
        value = super().clean_email()
        taken = (
            EmailAddress.objects.filter(email__iexact=value, verified=True)
            .exclude(user=self.user)
            .exists()
            or User.objects.filter(email__iexact=value).exclude(pk=self.user.pk).exists()
        )
        if taken:
            raise forms.ValidationError(_("This address belongs to another account."))
        return value
