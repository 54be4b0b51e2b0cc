"""Projects as seekers for the matching engine: a project's open needs ranked with the
same engine and reasons as an organisation's (``suggest_partners ORG --project SLUG``)."""

from dataclasses import replace

from matching import selectors as matching_selectors
from matching.profiles import Profile
from projects.models import Introduction, Project, ProjectNeed


def project_seeker(organisation_slug: str, project_slug: str) -> tuple[Profile, set[int]]:
    """The owner's profile carrying the project's open needs (competence and own words),
    contributions sought, SDGs, countries and territories; and the organisations that
    declined a request about one of these needs (never suggested again for it)."""
    project = (
        Project.objects.filter(slug=project_slug, owner__slug=organisation_slug)
        .select_related("owner")
        .prefetch_related("sdgs", "territories")
        .first()
    )
    if project is None:
        raise LookupError(f"Unknown project of {organisation_slug}: {project_slug}")
    needs = list(
        project.needs.filter(state=ProjectNeed.State.OPEN).select_related(
            "competence", "contribution_type"
        )
    )
    (owner,) = matching_selectors.network_profiles(ids=[project.owner_id])
    seeker = replace(
        owner,
        needs=tuple((need.competence.slug, need.description) for need in needs),
        needs_description=project.summary if needs else "",
        contributions_sought=frozenset(need.contribution_type.slug for need in needs),
        sdgs=frozenset(sdg.number for sdg in project.sdgs.all()) or owner.sdgs,
        countries=frozenset(country.code for country in project.countries) or owner.countries,
        territories=frozenset(t.slug for t in project.territories.all()) or owner.territories,
    )
    declined = set(
        Introduction.objects.filter(
            state=Introduction.State.DECLINED, need__in=needs, from_organisation=project.owner
        ).values_list("declined_by_organisation_id", flat=True)
    ) - {None}
    return seeker, declined
