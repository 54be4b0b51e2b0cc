"""Where the médiathèque's files live: a private folder outside MEDIA_ROOT.

Nothing here is served by the proxy's ``/media/``: the download and preview views check
access first, then stream the file (development) or hand it to the proxy with
``X-Accel-Redirect`` to an ``internal`` location (production, README "Médiathèque").
Files are stored under generated names; the uploader's name is kept as metadata only.
"""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


class PrivateStorage(FileSystemStorage):
    """A file system storage with no URL: a file is reached through a view or not at all.

    Its folder is read from the settings at each use (tests point it elsewhere)."""

    @property
    def base_location(self):
        return str(settings.MEDIATHEQUE_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no public URL; use the download view")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """The storage, as a callable (migrations record the function, not a folder)."""
    return _storage


def generated_name(*, extension: str, folder: str = "resources") -> str:
    """A storage name that says nothing of the uploader's: folder/year/random.ext."""
    return f"{folder}/{timezone.now():%Y}/{secrets.token_hex(16)}.{extension}"
