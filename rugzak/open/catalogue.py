"""The catalogue description in DCAT-AP (JSON-LD), for the national open data portal."""
from __future__ import annotations

from flask_babel import gettext as _

from ..timeutil import utcnow
from ..urls import external_url
from .labels import licence, municipality
from .queries import last_change

CONTEXT = {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
           "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#"}
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
DUTCH = {"@id": "http://publications.europa.eu/resource/authority/language/NLD"}


def catalogue() -> dict:
    modified = {"@value": (last_change() or utcnow()).isoformat(), "@type": "xsd:dateTime"}
    publisher = {"@type": "foaf:Agent", "foaf:name": municipality()}
    licence_ref = {"@id": licence()["url"]}
    dataset = {
        "@id": external_url("open.index") + "#dataset", "@type": "dcat:Dataset",
        "dct:title": _("Ervaringen met samenwerken in het sociaal domein — %(municipality)s",
                       municipality=municipality()),
        "dct:description": _("Wat medewerkers van %(municipality)s leerden bij het samenwerken "
                             "in het sociaal domein, in de STARR-vorm, met randvoorwaarden, "
                             "transformatiedoelen en trefwoorden.", municipality=municipality()),
        "dct:publisher": publisher, "dct:license": licence_ref, "dct:modified": modified,
        "dct:language": DUTCH, "dcat:landingPage": {"@id": external_url("open.index")},
        "dcat:keyword": ["sociaal domein", "samenwerken", "lessen", "transformatie"],
        "dcat:distribution": [
            _distribution(external_url("api_open.Experiences"), "application/json",
                          _("Open data (JSON), met ingetrokken ervaringen"), licence_ref),
            _distribution(external_url("open.feed"), "application/atom+xml",
                          _("Atom-feed van de nieuwste ervaringen"), licence_ref),
        ],
    }
    return {"@context": CONTEXT, "@id": external_url("open.catalogue_document"),
            "@type": "dcat:Catalog",
            "dct:title": _("Rugzak van %(municipality)s", municipality=municipality()),
            "dct:description": _("Openbaar gedeelde ervaringen uit de Rugzak van "
                                 "%(municipality)s.", municipality=municipality()),
            "dct:publisher": publisher, "dct:license": licence_ref, "dct:modified": modified,
            "dct:language": DUTCH, "dcat:dataset": [dataset]}


def _distribution(url: str, media_type: str, title: str, licence_ref: dict) -> dict:
    return {"@type": "dcat:Distribution", "dct:title": title, "dcat:accessURL": {"@id": url},
            "dcat:mediaType": {"@id": MEDIA_TYPES + media_type}, "dct:license": licence_ref}
