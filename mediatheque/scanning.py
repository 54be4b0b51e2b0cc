"""The virus-scanning hook, run on every upload before it is stored.

``settings.MEDIATHEQUE_VIRUS_SCANNER`` names a class whose ``scan(fileobj)`` returns a
:class:`ScanResult`. :class:`ClamdScanner` speaks clamd's INSTREAM protocol (TCP
``CLAMD_HOST``/``CLAMD_PORT`` or the Unix socket ``CLAMD_SOCKET``); no scanner configured
means files are marked "not scanned". A scanner that cannot answer refuses the upload
(the person is asked to try again): a file is never stored unchecked when a scanner is set.
"""

import socket
import struct
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

CHUNK = 64 * 1024


@dataclass(frozen=True)
class ScanResult:
    scanned: bool
    infected: bool = False
    signature: str = ""


class ScannerUnavailable(Exception):
    pass


class ClamdScanner:
    timeout = 30

    def _connect(self) -> socket.socket:
        if settings.CLAMD_SOCKET:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self.timeout)
            sock.connect(settings.CLAMD_SOCKET)
            return sock
        return socket.create_connection(
            (settings.CLAMD_HOST, settings.CLAMD_PORT), timeout=self.timeout
        )

    def scan(self, fileobj) -> ScanResult:
        try:
            with self._connect() as sock:
                sock.sendall(b"zINSTREAM\0")
                while chunk := fileobj.read(CHUNK):
                    sock.sendall(struct.pack("!L", len(chunk)) + chunk)
                sock.sendall(struct.pack("!L", 0))
                reply = b""
                while not reply.endswith(b"\0") and (data := sock.recv(4096)):
                    reply += data
        except OSError as error:
            raise ScannerUnavailable(str(error)) from error
        answer = reply.rstrip(b"\0").decode("utf-8", "replace")
        # "stream: OK" or "stream: Eicar-Signature FOUND" or "... ERROR"
        if answer.endswith("FOUND"):
            signature = answer.split(":", 1)[-1].removesuffix("FOUND").strip()
            return ScanResult(scanned=True, infected=True, signature=signature)
        if answer.endswith("OK"):
            return ScanResult(scanned=True)
        raise ScannerUnavailable(answer)


def scanner():
    path = settings.MEDIATHEQUE_VIRUS_SCANNER
    return import_string(path)() if path else None


def scan(fileobj) -> ScanResult:
    """Scan ``fileobj`` with the configured scanner (from its start)."""
    current = scanner()
    if current is None:
        return ScanResult(scanned=False)
    fileobj.seek(0)
    try:
        return current.scan(fileobj)
    except ScannerUnavailable as error:
        raise ValidationError(
            _("The file could not be checked for viruses just now: try again in a few minutes."),
            code="scanner_unavailable",
        ) from error
    finally:
        fileobj.seek(0)
