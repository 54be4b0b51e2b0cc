"""The matching engine, as a specification: who is suggested for whose needs, and why.

Pure Python: no database, no Django.
"""

from pathlib import Path

import pytest

from analysis import analyse, normalise
from matching.engine import Engine
from matching.profiles import Need, Profile, Taxonomy
from matching.reasons import Mention, Reason, reason_text

TAXONOMY = Taxonomy.from_csv(Path(__file__).resolve().parents[2] / "actors" / "taxonomy")

_ids = iter(range(1, 10_000))


def org(slug: str, kind: str = "company", **fields) -> Profile:
    fields.setdefault("completeness", 1.0)
    return Profile(
        id=next(_ids), slug=slug, name=slug.replace("-", " ").title(), kind=kind, **fields
    )


def ranking(engine: Engine, seeker: Profile, **kwargs) -> list[str]:
    slug_of = {p.id: p.slug for p in engine.profiles}
    return [slug_of[s.candidate_id] for s in engine.suggest(seeker.id, **kwargs)]


def texts(engine: Engine, seeker: Profile, candidate: Profile, language: str) -> list[str]:
    for suggestion in engine.suggest(seeker.id, limit=50):
        if suggestion.candidate_id == candidate.id:
            return [reason_text(r, language) for r in suggestion.reasons]
    raise AssertionError(f"{candidate.slug} not suggested")


# -- complementarity --------------------------------------------------------------------


def test_ngo_needing_logistics_and_skills_sponsorship_gets_the_logistics_company_first():
    ngo = org(
        "vaccins-sahel",
        "ngo",
        needs=[Need("logistics-supply-chain", "Chaîne du froid des vaccins jusqu'aux villages")],
        contributions_sought={"skills-sponsorship"},
        countries={"BF"},
    )
    logistics_company = org(
        "transalp",
        offers={"logistics-supply-chain", "transport"},
        contributions_offered={"skills-sponsorship"},
        countries={"BF"},
        description="Transport et entreposage, chaîne du froid pour les vaccins.",
    )
    logistics_without_sponsorship = org(
        "fret-express",
        offers={"logistics-supply-chain"},
        contributions_offered={"economic-cooperation"},
        description="Transport et entreposage.",
    )
    web_agency = org(
        "pixel", offers={"software-development"}, contributions_offered={"skills-sponsorship"}
    )
    engine = Engine(TAXONOMY, [ngo, logistics_company, logistics_without_sponsorship, web_agency])

    assert ranking(engine, ngo)[:2] == ["transalp", "fret-express"]


def test_company_needing_due_diligence_is_answered_by_the_expert_ngo():
    brand = org(
        "textile-brand",
        needs=[Need("responsible-sourcing", "devoir de vigilance fournisseurs")],
        contributions_sought={"technical-expertise"},
    )
    expert_ngo = org(
        "supply-chain-watch",
        "ngo",
        offers={"responsible-sourcing", "human-rights"},
        contributions_offered={"technical-expertise"},
        description="Human rights due diligence in garment supply chains.",
    )
    other_company = org("paper-mill", offers={"waste-circular-economy"})
    engine = Engine(TAXONOMY, [brand, expert_ngo, other_company])

    assert ranking(engine, brand)[0] == "supply-chain-watch"


def test_the_same_competence_beats_another_of_the_same_category():
    seeker = org("ngo", "ngo", needs=[Need("legal-advice")])
    lawyer = org("lawyers", offers={"legal-advice"})
    compliance = org("compliance", offers={"risk-compliance"})  # finance-legal too
    unrelated = org("printer", offers={"graphic-design-video"})
    engine = Engine(TAXONOMY, [seeker, lawyer, compliance, unrelated])

    scores = {s.candidate_id: s.score for s in engine.suggest(seeker.id)}
    assert ranking(engine, seeker)[:2] == ["lawyers", "compliance"]
    assert scores[lawyer.id] > scores[compliance.id] > scores.get(unrelated.id, 0.0)


def test_a_company_answers_an_ngo_better_than_an_ngo_with_the_same_need():
    seeker = org(
        "school-ngo",
        "ngo",
        needs=[Need("software-development", "site web")],
        contributions_sought={"skills-sponsorship"},
    )
    peer_ngo = org(
        "a-peer-ngo",
        "ngo",
        offers={"software-development"},
        needs=[Need("fundraising")],
        contributions_sought={"skills-sponsorship"},
        description="Nous développons des sites web.",
    )
    company = org(
        "z-web-company",
        "company",
        offers={"software-development"},
        description="Nous développons des sites web.",
    )
    engine = Engine(TAXONOMY, [seeker, peer_ngo, company])

    assert ranking(engine, seeker) == ["z-web-company", "a-peer-ngo"]


def test_territory_counts_for_hands_on_local_needs():
    seeker = org(
        "atelier-annemasse",
        "association",
        needs=[Need("it-infrastructure")],
        contributions_sought={"employee-volunteering"},
        territories={"haute-savoie"},
    )
    near = org(
        "z-near",
        offers={"it-infrastructure"},
        contributions_offered={"employee-volunteering"},
        territories={"geneve"},
    )
    far = org(
        "a-far",
        offers={"it-infrastructure"},
        contributions_offered={"employee-volunteering"},
        territories={"cantal"},
    )
    engine = Engine(TAXONOMY, [seeker, near, far])

    assert ranking(engine, seeker) == ["z-near", "a-far"]


# -- never suggested --------------------------------------------------------------------


def test_never_self_shared_member_unpublished_or_excluded():
    seeker = org(
        "seeker", "ngo", needs=[Need("transport")], offers={"transport"}, member_ids={1, 2}
    )
    colleague = org("same-admin", offers={"transport"}, member_ids={2, 3})
    draft = org("draft", offers={"transport"}, published=False)
    dismissed = org("dismissed", offers={"transport"})
    fine = org("fine", offers={"transport"}, member_ids={4})
    engine = Engine(TAXONOMY, [seeker, colleague, draft, dismissed, fine])

    assert ranking(engine, seeker, exclude_ids={dismissed.id}) == ["fine"]
    assert engine.suggest_all(exclude={seeker.id: {dismissed.id}}) == {
        seeker.id: engine.suggest(seeker.id, exclude_ids={dismissed.id})
    }


def test_nothing_without_needs_and_nothing_that_answers_none_of_them():
    quiet = org("quiet", "ngo")
    seeker = org("seeker", "ngo", needs=[Need("microfinance")])
    unrelated = org("unrelated", offers={"cybersecurity"})
    engine = Engine(TAXONOMY, [quiet, seeker, unrelated])

    assert engine.suggest(quiet.id) == []
    assert engine.suggest(seeker.id) == []
    assert quiet.id not in engine.suggest_all()


def test_need_filter_keeps_only_the_chosen_needs():
    seeker = org("seeker", "ngo", needs=[Need("transport"), Need("legal-advice")])
    carrier = org("carrier", offers={"transport"})
    lawyer = org("lawyer", offers={"legal-advice"})
    engine = Engine(TAXONOMY, [seeker, carrier, lawyer])

    assert ranking(engine, seeker, need_filter={"legal-advice"}) == ["lawyer"]


# -- ordering and scores ----------------------------------------------------------------


def test_ties_are_broken_by_slug_and_scores_lie_between_0_and_1():
    seeker = org("seeker", "ngo", needs=[Need("transport")])
    twins = [org(slug, offers={"transport"}) for slug in ("charlie", "alpha", "bravo")]
    engine = Engine(TAXONOMY, [seeker, *twins])

    suggestions = engine.suggest(seeker.id)
    assert ranking(engine, seeker) == ["alpha", "bravo", "charlie"]
    assert len({s.score for s in suggestions}) == 1
    assert all(0.0 <= s.score <= 1.0 for s in suggestions)
    assert ranking(engine, seeker, limit=2) == ["alpha", "bravo"]


def test_a_more_complete_profile_ranks_higher_all_else_equal():
    seeker = org("seeker", "ngo", needs=[Need("transport")])
    sketchy = org("a-sketchy", offers={"transport"}, completeness=0.2)
    complete = org("b-complete", offers={"transport"}, completeness=1.0)
    engine = Engine(TAXONOMY, [seeker, sketchy, complete])

    assert ranking(engine, seeker) == ["b-complete", "a-sketchy"]


# -- bilingual text ---------------------------------------------------------------------


def test_analyser_is_accent_case_and_inflection_insensitive():
    assert normalise("L'Éducation À LA Santé") == "education a la sante"
    assert analyse("Pompes") == analyse("pompe")
    assert set(analyse("énergie")) == set(analyse("ENERGIE"))
    assert "pump" in analyse("pumping") and "pump" in analyse("pumps")


def test_solar_pumps_meet_photovoltaic_pumping_and_solar_energy():
    seeker = org("maraichage", "ngo", needs=[Need("agriculture-food", "pompes solaires")])
    english = org("heliopump", description="Photovoltaic pumping for off-grid farms.")
    french = org("energies-citoyennes", description="Installation d'énergie solaire.")
    unrelated = org("bakery", description="Pain et viennoiseries.")
    engine = Engine(TAXONOMY, [seeker, english, french, unrelated])

    assert set(ranking(engine, seeker)) == {"heliopump", "energies-citoyennes"}


def test_competence_labels_count_in_both_languages():
    seeker = org("seeker", "ngo", needs_description="Looking for translation and interpreting.")
    translators = org("babel", offers={"translation-interpreting"})  # labels only, no text
    engine = Engine(TAXONOMY, [seeker, translators])

    assert ranking(engine, seeker) == ["babel"]


# -- reasons ----------------------------------------------------------------------------


@pytest.fixture
def cold_chain():
    seeker = org(
        "vaccins",
        "ngo",
        countries={"BF", "NE"},
        sdgs={3},
        needs=[Need("logistics-supply-chain", "Chaîne du froid pour les vaccins")],
        contributions_sought={"skills-sponsorship"},
    )
    company = org(
        "frigo",
        offers={"logistics-supply-chain"},
        countries={"BF", "FR"},
        sdgs={3, 9},
        contributions_offered={"skills-sponsorship"},
        description="Cold chain transport of vaccines.",
    )
    return Engine(TAXONOMY, [seeker, company]), seeker, company


def test_reasons_in_french(cold_chain):
    engine, seeker, company = cold_chain
    assert texts(engine, seeker, company, "fr") == [
        "propose Logistique et chaîne d'approvisionnement",
        "pratique le mécénat de compétences",
        "mots communs : chaîne du froid, vaccins",
        "intervient aussi au Burkina Faso",
        "partage l'ODD 3",
    ]


def test_reasons_in_english(cold_chain):
    engine, seeker, company = cold_chain
    assert texts(engine, seeker, company, "en") == [
        "offers Logistics and supply chain",
        "gives skills-based sponsorship",
        "shared words: cold chain, vaccines",
        "also works in Burkina Faso",
        "shares SDG 3",
    ]


def test_a_related_competence_says_what_it_is_close_to():
    seeker = org("seeker", "ngo", needs=[Need("legal-advice")])
    compliance = org("compliance", offers={"risk-compliance"})
    engine = Engine(TAXONOMY, [seeker, compliance])

    assert texts(engine, seeker, compliance, "en")[0] == (
        "offers Risk management and compliance, close to Legal advice"
    )


def test_reasons_survive_a_round_trip_through_json():
    reason = Reason(
        "countries", (Mention("ML", "au Mali", "Mali"), Mention("IN", "en Inde", "India"))
    )
    assert Reason.from_dict(reason.to_dict()) == reason
    assert reason_text(reason, "fr") == "intervient aussi au Mali et en Inde"
    assert reason_text(reason, "en") == "also works in Mali and India"


def test_suggestions_for_a_project_use_its_needs_but_exclude_the_owner():
    owner = org("owner", "ngo", offers={"transport"}, member_ids={7})
    carrier = org("carrier", offers={"transport"})
    engine = Engine(TAXONOMY, [owner, carrier])
    project = Profile(
        id=owner.id,
        slug=owner.slug,
        name="Project",
        kind="ngo",
        needs=[Need("transport", "camions")],
        member_ids={7},
    )

    assert [s.candidate_id for s in engine.suggest_for(project)] == [carrier.id]


# -- incremental -----------------------------------------------------------------------


def _network() -> list[Profile]:
    return [
        org("ngo-a", "ngo", needs=[Need("transport", "camions frigorifiques")], member_ids={1}),
        org("ngo-b", "ngo", needs=[Need("legal-advice", "statuts")], member_ids={2}),
        org("carrier", offers={"transport"}, description="Camions et entrepôts.", member_ids={3}),
        org("lawyers", offers={"legal-advice"}, description="Droit des associations."),
        org("printer", offers={"graphic-design-video"}, description="Affiches."),
    ]


def _everything(engine: Engine) -> dict[int, list[tuple[int, float, tuple]]]:
    ids = [p.id for p in engine.profiles if p.has_needs]
    return {
        seeker: [(s.candidate_id, s.score, s.reasons) for s in suggestions]
        for seeker, suggestions in engine.suggest_all(profile_ids=ids).items()
    }


def test_an_updated_engine_ranks_as_a_freshly_built_one():
    profiles = _network()
    ngo_a, _ngo_b, carrier, lawyers, printer = profiles
    engine = Engine(TAXONOMY, profiles)
    # The printer now does refrigerated transport (new words), the lawyers leave, a new one.
    changed = Profile(
        id=printer.id,
        slug=printer.slug,
        name=printer.name,
        kind="company",
        offers={"transport"},
        description="Camions frigorifiques, chaîne du froid.",
        completeness=1.0,
    )
    newcomer = org("newcomer", offers={"legal-advice"}, description="Statuts et contrats.")

    updated = engine.update([changed, newcomer], removed_ids=[lawyers.id])
    fresh = Engine(TAXONOMY, [ngo_a, _ngo_b, carrier, changed, newcomer])

    assert _everything(updated) == _everything(fresh)
    assert [p.slug for p in updated.profiles] == [p.slug for p in fresh.profiles]
    assert lawyers.id not in engine.update([], removed_ids=[lawyers.id]).position
    assert engine.position[lawyers.id] is not None  # the original engine is left as it was


def test_candidate_scores_are_the_scores_suggest_gives():
    profiles = _network()
    ngo_a, ngo_b, carrier, lawyers, printer = profiles
    colleague = org("colleague", offers={"transport"}, member_ids={1})
    draft = org("draft", offers={"transport"}, published=False)
    engine = Engine(TAXONOMY, [*profiles, colleague, draft])
    candidates = [carrier.id, lawyers.id, printer.id, colleague.id, draft.id]

    scores = engine.candidate_scores(candidates, exclude={ngo_b.id: {lawyers.id}})

    expected_a = {s.candidate_id: s.score for s in engine.suggest(ngo_a.id, limit=50)}
    assert scores[ngo_a.id] == {c: expected_a[c] for c in candidates if c in expected_a}
    assert carrier.id in scores[ngo_a.id]
    assert colleague.id not in scores[ngo_a.id]  # shares a member
    assert draft.id not in scores[ngo_a.id]  # unpublished
    assert lawyers.id not in scores[ngo_b.id]  # dismissed
    assert set(scores) == {ngo_a.id, ngo_b.id}


def test_candidate_scores_after_an_update_see_words_no_document_had_before():
    profiles = _network()
    ngo_a, _ngo_b, _carrier, _lawyers, printer = profiles
    engine = Engine(TAXONOMY, profiles)
    before = engine.candidate_scores([printer.id])[ngo_a.id].get(printer.id, 0.0)

    changed = Profile(
        id=printer.id,
        slug=printer.slug,
        name=printer.name,
        kind="company",
        offers={"graphic-design-video"},
        description="Nous louons aussi des camions frigorifiques.",
        completeness=1.0,
    )
    updated = engine.update([changed])
    after = updated.candidate_scores([printer.id])[ngo_a.id][printer.id]

    fresh = Engine(TAXONOMY, [p for p in profiles if p.id != printer.id] + [changed])
    assert after > before
    assert after == {s.candidate_id: s.score for s in fresh.suggest(ngo_a.id)}[printer.id]


def test_shared_words_keep_their_accents_and_do_not_repeat_the_countries():
    seeker = org(
        "ecoles",
        "ngo",
        countries={"BF"},
        needs=[Need("education", "Créer des bibliothèques au Burkina Faso")],
    )
    teachers = org(
        "formateurs",
        offers={"education"},
        countries={"BF"},
        description="Nous créons des bibliothèques scolaires au Burkina Faso.",
    )
    engine = Engine(TAXONOMY, [seeker, teachers])

    reasons = texts(engine, seeker, teachers, "fr")
    words = next(text for text in reasons if text.startswith("mots communs"))
    assert "bibliothèques" in words
    assert "burkina" not in words and "faso" not in words
    assert "intervient aussi au Burkina Faso" in reasons
