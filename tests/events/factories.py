"""Events for the tests: published unless said otherwise, starting in a week."""

from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event, Registration
from tests.factories import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Atelier partenariats {n}")
    slug = factory.Sequence(lambda n: f"atelier-{n}")
    kind = Event.Kind.WORKSHOP
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    venue = "Cité de la Solidarité Internationale"
    street = "13 avenue Émile Zola"
    postcode = "74100"
    city = "Annemasse"
    capacity = 50
    status = Event.Status.PUBLISHED
    description = "Un **atelier** pour construire un partenariat ONG–entreprise."

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
