"""Where an IRI points to in the browser: our own pages for our IRIs, the web for the rest.

Resource IRIs live under the configured base (``https://w3id.org/unsc-kg/id/``), which in
production redirects to this server but locally does not resolve; so links to our own
resources are rewritten to this server's ``/id/...`` path, and ontology terms to ``/ontology``.
"""

from __future__ import annotations

from urllib.parse import quote

from unsckg.ontology.vocab import NAMESPACE as UNSC_NS

_SAFE_SCHEMES = ("http://", "https://")


def href(uri: str, base_iri: str) -> str:
    """The link target for an IRI as seen from this server's pages ('' for no link).

    Only http(s) IRIs become links: an IRI such as ``javascript:…`` is valid RDF and could reach
    the store through an import, and must never become a clickable script.
    """
    if uri.startswith(base_iri):
        return "/id/" + uri[len(base_iri) :]
    if uri.startswith(UNSC_NS):
        return "/ontology#" + uri[len(UNSC_NS) :]
    return uri if uri.lower().startswith(_SAFE_SCHEMES) else ""


def is_local(uri: str, base_iri: str) -> bool:
    """True for the IRIs this server describes (resources and ontology terms)."""
    return uri.startswith(base_iri) or uri.startswith(UNSC_NS)


def undocs_url(symbol: str, language: str) -> str:
    """The undocs.org page of a UN document symbol, in the interface language."""
    return f"https://undocs.org/{language}/{quote(symbol, safe='/()')}"


def explore_href(uri: str) -> str:
    """The explorer, opened on one entity."""
    return "/explore?iri=" + quote(uri, safe="")
