import pytest


@pytest.fixture(autouse=True)
def _fake_scanner(settings):
    """Every upload is scanned by the fake scanner (flags EICAR), as clamd would."""
    settings.MEDIATHEQUE_VIRUS_SCANNER = "tests.mediatheque.fakes.EicarScanner"
