import pytest

from tests.events.factories import EventFactory


@pytest.fixture
def event(organisation):
    """A published workshop organised by ``organisation`` (Eau Vive), in a week, 50 places."""
    return EventFactory(
        title="Atelier mécénat de compétences", slug="atelier-mecenat", organisers=[organisation]
    )
