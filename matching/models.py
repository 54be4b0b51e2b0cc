"""Stored suggestions: for an organisation, a candidate partner with its score and reasons."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from matching.reasons import Reason, reason_text


class SuggestionQuerySet(models.QuerySet):
    def shown(self):
        """What the organisation still sees: not dismissed, candidate still published."""
        return self.exclude(state=Suggestion.State.DISMISSED).filter(candidate__status="published")

    def dismissed(self):
        return self.filter(state=Suggestion.State.DISMISSED)


class Suggestion(models.Model):
    """A candidate partner for ``organisation``'s needs, as the engine last ranked it.

    Rows are rewritten by each recompute (score, reasons), but the state is the
    organisation's own: a dismissed candidate is never suggested again and its row stays;
    a contacted one stays too. New and seen rows that fall out of the ranking are deleted.
    """

    class State(models.TextChoices):
        NEW = "new", _("New")
        SEEN = "seen", _("Seen")
        DISMISSED = "dismissed", _("Dismissed")
        CONTACTED = "contacted", _("Contacted")

    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("for organisation"),
    )
    candidate = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="suggested_to",
        verbose_name=_("suggested partner"),
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    answered_needs = models.JSONField(
        _("needs answered"),
        default=list,
        blank=True,
        help_text=_("Competences needed that the partner offers."),
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.NEW)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    seen_at = models.DateTimeField(_("seen"), null=True, blank=True)
    contacted_at = models.DateTimeField(_("contacted"), null=True, blank=True)
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "candidate"], name="unique_suggestion"),
            models.CheckConstraint(
                condition=~Q(organisation=F("candidate")), name="suggestion_not_to_itself"
            ),
        ]
        indexes = [
            # The dashboard: an organisation's suggestions by state, best first.
            models.Index(fields=["organisation", "state", "-score"], name="suggestion_dashboard"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.organisation}"

    @property
    def reason_texts(self) -> list[str]:
        """The reasons, in the active language."""
        language = get_language() or "fr"
        return [reason_text(Reason.from_dict(data), language) for data in self.reasons]

    @property
    def is_new(self) -> bool:
        return self.state == self.State.NEW


class Ranking(models.Model):
    """How an organisation's suggestions were last ranked: what a later change of a few
    candidates needs to settle the list without ranking it again. ``listed``: the ranked
    candidates, best first; ``reserve``: the next best as ``[id, score]``; ``floor``: the
    best score of all the others (empty when there is none)."""

    organisation = models.OneToOneField(
        "actors.Organisation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="suggestion_ranking",
        verbose_name=_("organisation"),
    )
    computed_at = models.DateTimeField(_("ranked"), default=timezone.now)
    listed = models.JSONField(_("listed"), default=list, blank=True)
    reserve = models.JSONField(_("reserve"), default=list, blank=True)
    floor = models.FloatField(_("best score left out"), null=True, blank=True)

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")

    def __str__(self) -> str:
        return f"{self.organisation_id} @ {self.computed_at:%Y-%m-%d %H:%M}"
