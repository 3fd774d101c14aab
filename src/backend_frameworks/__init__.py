"""A typed, sourced knowledge base of backend frameworks.

Every claim names the sources behind it. Start with :func:`get` and
:func:`frameworks`; build a :class:`KnowledgeBase` to add your own data.

>>> import backend_frameworks as bf
>>> rails = bf.get("RoR")
>>> rails.name, rails.languages.value
('Ruby on Rails', ('ruby',))
"""

from importlib.metadata import version as _version

from ._compare import Comparison, ComparisonRow
from ._default import (
    claims_by,
    compare,
    data_info,
    default_knowledge_base,
    disputes,
    frameworks,
    get,
    guidance,
    mentioned_by,
    query,
    search,
    source,
    sources,
    to_dict,
)
from ._errors import (
    BackendFrameworksError,
    DataError,
    InvalidQueryError,
    UnknownFrameworkError,
    UnknownSourceError,
)
from ._kb import KnowledgeBase
from ._load import DataInfo
from ._model import (
    Claim,
    Correction,
    Fact,
    FeatureSupport,
    Framework,
    Guidance,
    GuidanceKind,
    Kind,
    Level,
    NotableUser,
    Philosophy,
    Quality,
    QualityClaim,
    Ranking,
    Rating,
    Relation,
    RelationKind,
    Source,
    SourceKind,
    SupportLevel,
    Term,
    UseCaseClaim,
    Vocabularies,
)
from ._provenance import Citation, Dispute
from ._query import Predicate, where
from ._search import SearchHit

__version__ = _version("backend-frameworks")

__all__ = [
    "BackendFrameworksError",
    "Citation",
    "Claim",
    "Comparison",
    "ComparisonRow",
    "Correction",
    "DataError",
    "DataInfo",
    "Dispute",
    "Fact",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
    "InvalidQueryError",
    "Kind",
    "KnowledgeBase",
    "Level",
    "NotableUser",
    "Philosophy",
    "Predicate",
    "Quality",
    "QualityClaim",
    "Ranking",
    "Rating",
    "Relation",
    "RelationKind",
    "SearchHit",
    "Source",
    "SourceKind",
    "SupportLevel",
    "Term",
    "UnknownFrameworkError",
    "UnknownSourceError",
    "UseCaseClaim",
    "Vocabularies",
    "__version__",
    "claims_by",
    "compare",
    "data_info",
    "default_knowledge_base",
    "disputes",
    "frameworks",
    "get",
    "guidance",
    "mentioned_by",
    "query",
    "search",
    "source",
    "sources",
    "to_dict",
    "where",
]
