"""A fake virus scanner for the tests: it flags the EICAR test string, as ClamAV does."""

from mediatheque.scanning import ScannerUnavailable, ScanResult
from tests.mediatheque.files import EICAR


class EicarScanner:
    def scan(self, fileobj) -> ScanResult:
        if EICAR in fileobj.read():
            return ScanResult(scanned=True, infected=True, signature="Eicar-Test-Signature")
        return ScanResult(scanned=True)


class DownScanner:
    def scan(self, fileobj) -> ScanResult:
        raise ScannerUnavailable("connection refused")
