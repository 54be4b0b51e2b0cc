"""Factories shared by the whole test suite."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.selectors import FACILITATORS_GROUP
from actors.models import (
    Competence,
    ContributionType,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationNeed,
)
from actors.search import refresh_search


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="fr_FR")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Users have a verified primary email unless ``verified=False``."""
        if not create:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )


def make_facilitator(**kwargs):
    user = UserFactory(**kwargs)
    group, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    user.groups.add(group)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def kind(slug: str = "ngo") -> OrganisationKind:
    return OrganisationKind.objects.get(slug=slug)


def competence(slug: str) -> Competence:
    return Competence.objects.get(slug=slug)


def contribution(slug: str) -> ContributionType:
    return ContributionType.objects.get(slug=slug)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = factory.LazyFunction(lambda: kind("ngo"))
    pitch = "Solidarité internationale depuis la Haute-Savoie"
    status = Organisation.Status.PUBLISHED
    city = "Annemasse"

    @factory.post_generation
    def offers(self, create, extracted, **kwargs):
        if create and extracted:
            self.offers.set([competence(slug) for slug in extracted])

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            for slug in extracted:
                OrganisationNeed.objects.create(organisation=self, competence=competence(slug))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            refresh_search([self.pk])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


def sign_up(client, email: str, password: str = "un-mot-de-passe-solide-42"):
    """The sign-up form posted as a newcomer fills it in."""
    from django.urls import reverse

    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password},
    )
