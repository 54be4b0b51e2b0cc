"""Video links (YouTube, Vimeo, PeerTube) as embeds that load only after a click.

:func:`embed_for` turns a link into the player's address and the origin the page's
Content-Security-Policy must allow in ``frame-src`` — on the video page only, which the
visitor opens by clicking "Play here"; the resource's own page contacts no video host.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")
_PEERTUBE = re.compile(r"^/(?:w|videos/watch|videos/embed)/([A-Za-z0-9-]{6,40})/?$")
_HOST = re.compile(r"^[a-z0-9.-]{1,200}$")


@dataclass(frozen=True)
class Embed:
    provider: str
    player_url: str
    origin: str


def embed_for(url: str) -> Embed | None:
    """The embed of a YouTube, Vimeo or PeerTube link; None for any other link."""
    try:
        parsed = urlparse(url or "")
    except ValueError:
        return None
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or not _HOST.match(host) or parsed.port not in (None, 443):
        return None
    if host in ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"):
        if host == "youtu.be":
            video = parsed.path.strip("/")
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video = parsed.path.split("/")[2]
        else:
            video = (parse_qs(parsed.query).get("v") or [""])[0]
        if _YOUTUBE_ID.match(video):
            origin = "https://www.youtube-nocookie.com"
            return Embed("YouTube", f"{origin}/embed/{video}", origin)
        return None
    if host in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        video = parsed.path.rstrip("/").rsplit("/", 1)[-1]
        if _VIMEO_ID.match(video):
            origin = "https://player.vimeo.com"
            return Embed("Vimeo", f"{origin}/video/{video}?dnt=1", origin)
        return None
    match = _PEERTUBE.match(parsed.path)
    if match:
        origin = f"https://{host}"
        return Embed("PeerTube", f"{origin}/videos/embed/{match.group(1)}", origin)
    return None
