"""The DiploGraph vocabulary in code, mirroring `ontology/diplograph.ttl` (kept in sync by a test).

Modelled on rdflib's own `namespace/_FOAF.py`: a `DefinedNamespace` fails on unknown terms, so a
typo in a property name is an error, not a silent new IRI. Every IRI is spelled out here once.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.model import EntityRef, EntityType, Relation

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplograph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
REFERENCE_DIR = ONTOLOGY_DIR / "reference"


class DG(DefinedNamespace):
    """The DiploGraph ontology: https://w3id.org/diplograph/ontology#"""

    _NS = Namespace("https://w3id.org/diplograph/ontology#")
    _fail = True

    # Core classes
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Role: URIRef
    LegalDocument: URIRef
    Event: URIRef
    Topic: URIRef
    Article: URIRef

    # Direct edges
    holdsRole: URIRef
    guides: URIRef
    issuedBy: URIRef
    documentNumber: URIRef
    met: URIRef
    participatedIn: URIRef
    heldIn: URIRef
    date: URIRef
    memberOf: URIRef
    partOf: URIRef
    mentionedIn: URIRef

    # Provenance on rdf:Statement
    evidence: URIRef
    confidence: URIRef
    observedOn: URIRef


DG_NS = Namespace(str(DG))
ID = Namespace("https://w3id.org/diplograph/id/")

# Prefixes bound on every graph DiploGraph writes.
PREFIXES: dict[str, Namespace] = {
    "dg": DG_NS,
    "dgid": ID,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dct": Namespace(str(DCTERMS)),
}


def class_iri(entity_type: EntityType) -> URIRef:
    return DG[entity_type.value]


def relation_iri(relation: Relation) -> URIRef:
    return DG[relation.value]


def entity_iri(ref: EntityRef) -> URIRef:
    """The stable IRI of an entity, e.g. `.../id/person/bui-thanh-son`."""
    return ID[f"{ref.type.path}/{ref.key}"]


def bind_prefixes(graph) -> None:
    """Bind DiploGraph's prefixes on an rdflib Graph or Dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
