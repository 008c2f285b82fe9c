"""DiploGraph: an offline knowledge-graph builder for news about government and diplomacy."""

__version__ = "0.1.0"
