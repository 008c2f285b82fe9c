"""The DiploGraph vocabulary in code, mirroring `ontology/diplograph.ttl` (kept in sync by a test).

Modelled on rdflib's own `namespace/_FOAF.py`: a `DefinedNamespace` fails on unknown terms, so a
typo in a property name is an error, not a silent new IRI. Every IRI is spelled out here once.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from urllib.parse import quote

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.model import EntityRef, EntityType, Relation


def _ontology_dir() -> Path:
    """ontology/ of a source checkout, else the copy installed as the graph.ontology package."""
    checkout = Path(__file__).resolve().parent.parent / "ontology"
    if checkout.is_dir():
        return checkout
    # graph.ontology is a namespace package (no __init__.py in ontology/), so ask its spec for
    # the folder: importlib.resources.files() would return a MultiplexedPath, not a Path.
    spec = find_spec("graph.ontology")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise ImportError("DiploGraph's ontology/ folder is not installed; reinstall the package")
    return Path(locations[0])


ONTOLOGY_DIR = _ontology_dir()
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

    # Optional, more specific classes (Entity.subtypes); each is a subclass of one core class.
    PoliticalParty: URIRef
    PartyBody: URIRef
    StateBody: URIRef
    Ministry: URIRef
    Legislature: URIRef
    InternationalOrganization: URIRef
    City: URIRef
    Province: URIRef
    Resolution: URIRef
    Decree: URIRef
    Law: URIRef
    Directive: URIRef
    Conclusion: URIRef
    Decision: URIRef
    Treaty: URIRef
    Conference: URIRef
    Meeting: URIRef
    Visit: URIRef


DG_NS = Namespace(str(DG))
ID = Namespace("https://w3id.org/diplograph/id/")
# Provenance records (`rdf:Statement`) live under `.../id/statement/<digest>`.
STATEMENT = Namespace(f"{ID}statement/")

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

# Prefixes bound on every graph DiploGraph writes. One prefix per resource family under `ID`
# (named after the IRI path) keeps `graph.ttl` readable: `person:bui-thanh-son`.
PREFIXES: dict[str, Namespace] = {
    "dg": DG_NS,
    "dgid": ID,
    **{etype.path: Namespace(f"{ID}{etype.path}/") for etype in EntityType},
    "statement": STATEMENT,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dct": Namespace(str(DCTERMS)),
    "schema": SCHEMA,
    "org": ORG,
}


def class_iri(entity_type: EntityType) -> URIRef:
    return DG[entity_type.value]


def relation_iri(relation: Relation) -> URIRef:
    return DG[relation.value]


def entity_iri(ref: EntityRef) -> URIRef:
    """The stable IRI of an entity, e.g. `.../id/person/bui-thanh-son`.

    Keys are slugs, which quoting leaves unchanged; quoting guards against any other key.
    """
    return ID[f"{ref.type.path}/{quote(ref.key, safe='-._~')}"]


def bind_prefixes(graph) -> None:
    """Bind DiploGraph's prefixes on an rdflib Graph or Dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
