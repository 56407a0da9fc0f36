"""Which outlet published an article: from the feed, the page, or the URL's domain.

Precedence: an outlet the feed or the page names (``"VOA"`` and ``"voanews.com"``
both become the knowledge base's ``Voice of America``; a name the knowledge
base does not know is kept as written), else the outlet whose domain the URL
is on (``www.voanews.com``, ``learningenglish.voanews.com``), else the URL's
host itself without ``www.``. Without any of these the outlet stays unknown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from readout.actors.kb import KnowledgeBase, load_kb

_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class OutletIndex:
    """Outlet names by lower-cased name or alias, and by domain."""

    by_name: dict[str, str]
    by_domain: dict[str, str]

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> OutletIndex:
        by_name: dict[str, str] = {}
        by_domain: dict[str, str] = {}
        for outlet in kb.outlets:
            for alias in (outlet.name, *outlet.aliases):
                by_name.setdefault(alias.casefold(), outlet.name)
            for domain in outlet.domains:
                by_domain.setdefault(domain, outlet.name)
        return cls(by_name, by_domain)

    def for_host(self, host: str) -> str | None:
        """The outlet publishing on ``host`` or on a domain it is a subdomain of."""
        labels = host.lower().rstrip(".").split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None


@functools.cache
def default_index() -> OutletIndex:
    """The index of the packaged knowledge base's outlets."""
    return OutletIndex.from_kb(load_kb())


def url_host(url: str | None) -> str | None:
    """The URL's host name in lower case without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or not _HOST.match(host):
        return None
    return host.removeprefix("www.")


def settle_outlet(
    named: str | None, url: str | None, index: OutletIndex | None = None
) -> str | None:
    """The outlet's name from what the source names and its URL (see the module doc)."""
    index = index or default_index()
    if named and named.strip():
        name = " ".join(named.split())
        lowered = name.casefold()
        if lowered in index.by_name:
            return index.by_name[lowered]
        if _HOST.match(lowered.removeprefix("www.")):
            return index.for_host(lowered.removeprefix("www.")) or lowered.removeprefix("www.")
        return name
    host = url_host(url)
    if host is None:
        return None
    return index.for_host(host) or host
