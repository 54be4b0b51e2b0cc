"""Rank candidate partners for an organisation's needs, from the current data (no worker)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from actors.models import Organisation
from matching import hooks
from matching.network import rank_for_seeker, rank_partners
from matching.reasons import reason_text
from matching.selectors import SUGGESTIONS_PER_ORGANISATION


class Command(BaseCommand):
    help = (
        "Rank candidate partner organisations for the needs of an organisation, best first, "
        "with the same engine and data as the website, computed now (no worker needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation", metavar="ORG_SLUG")
        parser.add_argument(
            "--project",
            metavar="PROJECT_SLUG",
            help="One of the organisation's projects: rank partners for its open needs.",
        )
        parser.add_argument("--limit", type=int, default=SUGGESTIONS_PER_ORGANISATION, metavar="N")
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument(
            "--language", choices=["fr", "en"], default="fr", help="Language of the reasons."
        )

    def handle(self, *args, organisation, project, limit, as_json, language, **options):
        if not 1 <= limit <= 1000:
            raise CommandError("--limit must be between 1 and 1000.")
        seeker = Organisation.objects.filter(slug=organisation).first()
        if seeker is None:
            raise CommandError(f"Unknown organisation: {organisation}")
        if project is None:
            partners = rank_partners(organisation_id=seeker.pk, limit=limit)
        else:
            try:
                profile, declined = hooks.project_seeker(
                    organisation_slug=seeker.slug, project_slug=project
                )
            except LookupError as error:
                raise CommandError(f"--project: {error}") from error
            partners = rank_for_seeker(seeker=profile, limit=limit, exclude_ids=declined)
        if as_json:
            data = {
                "organisation": seeker.slug,
                "project": project,
                "suggestions": [
                    {
                        "organisation": partner.slug,
                        "score": partner.score,
                        "reasons": [reason_text(r, language) for r in partner.reasons],
                    }
                    for partner in partners
                ],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        with translation.override(language):
            if not partners:
                self.stdout.write(
                    _("No partner to suggest to %(name)s: are its needs filled in?")
                    % {"name": seeker.name}
                )
                return
            self.stdout.write(_("Suggested partners for %(name)s:") % {"name": seeker.name})
        for rank, partner in enumerate(partners, start=1):
            self.stdout.write(f"{rank:>2}. {partner.name} ({partner.slug}) — {partner.score:.2f}")
            for reason in partner.reasons:
                self.stdout.write(f"      - {reason_text(reason, language)}")
