from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from coexist.emails import email_store
from coexist.i18n import set_language_cookie


class AccountAdapter(DefaultAccountAdapter):
    """allauth's emails go through the outbox; logging in applies the preferred language."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context

        request = allauth_context.request
        # allauth's emails name the site: CoExist, at its public address (not the host the
        # request came through, e.g. 127.0.0.1:8000).
        site = SimpleNamespace(name="CoExist", domain=urlsplit(settings.SITE_URL).netloc)
        ctx = {"request": request, "email": email, "current_site": site}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        email_store(
            to=list(message.to),
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            kind=template_prefix.rsplit("/", 1)[-1],
            # allauth's messages carry reset links, confirmation keys or sign-in codes:
            # all of them are treated as secret (never shown in the admin, erased once sent).
            secret=True,
        )

    def new_user(self, request):
        """A new account speaks the language its owner signed up in: confirming the email
        signs them in, and the site then follows ``preferred_language``."""
        user = super().new_user(request)
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return user

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        return set_language_cookie(response, getattr(user, "preferred_language", ""))
