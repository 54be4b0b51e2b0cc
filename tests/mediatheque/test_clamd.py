"""The ClamAV scanner speaks clamd's INSTREAM protocol: tested against a small fake clamd
that reads the chunks as clamd does and answers like it."""

import socket
import struct
import threading

import pytest

from mediatheque.scanning import ClamdScanner, ScannerUnavailable
from tests.mediatheque.files import EICAR


@pytest.fixture
def fake_clamd(settings):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    received = []

    def serve():
        while True:
            try:
                conn, _address = server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                data = b""
                while True:
                    size = struct.unpack("!L", conn.recv(4, socket.MSG_WAITALL))[0]
                    if size == 0:
                        break
                    data += conn.recv(size, socket.MSG_WAITALL)
                received.append((command, data))
                found = EICAR in data
                conn.sendall(b"stream: Eicar-Signature FOUND\0" if found else b"stream: OK\0")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    settings.CLAMD_HOST, settings.CLAMD_PORT = server.getsockname()
    settings.CLAMD_SOCKET = ""
    yield received
    server.close()


def test_clamd_flags_eicar_and_passes_a_clean_file(fake_clamd, tmp_path):
    import io

    infected = ClamdScanner().scan(io.BytesIO(b"nom;ville\n" + EICAR))
    assert infected.infected and infected.signature == "Eicar-Signature"
    clean = ClamdScanner().scan(io.BytesIO(b"x" * 200_000))  # several chunks
    assert clean.scanned and not clean.infected
    assert fake_clamd[0][0] == b"zINSTREAM\0"
    assert fake_clamd[1][1] == b"x" * 200_000


def test_clamd_that_does_not_answer_is_unavailable(settings):
    import io

    settings.CLAMD_HOST, settings.CLAMD_PORT, settings.CLAMD_SOCKET = "127.0.0.1", 1, ""
    with pytest.raises(ScannerUnavailable):
        ClamdScanner().scan(io.BytesIO(b"data"))
