"""Article-level extractors: entities, quotes, quantities, dates and claims from one parse.

``extract_article`` runs them in dependency order over a single ``ParsedArticle`` and returns the
filled ``Article``; each extractor can also be called on its own.
"""

from __future__ import annotations

from newsbrief.model import Article
from newsbrief.nlp import ParsedArticle


def extract_article(parsed: ParsedArticle) -> Article:
    """Run every extractor over one parse and return the article with their records."""
    from newsbrief.extract.claims import extract_claims
    from newsbrief.extract.dates import extract_dates
    from newsbrief.extract.entities import extract_entities
    from newsbrief.extract.quantities import extract_quantities
    from newsbrief.extract.quotes import extract_quotes

    entities = extract_entities(parsed)
    quotes = extract_quotes(parsed, entities=entities)
    quantities = extract_quantities(parsed)
    dates = extract_dates(parsed)
    claims = extract_claims(
        parsed, quantities=quantities, quotes=quotes, entities=entities, dates=dates
    )
    return parsed.article.model_copy(
        update={
            "entities": entities,
            "quotes": quotes,
            "quantities": quantities,
            "dates": dates,
            "claims": claims,
        }
    )
