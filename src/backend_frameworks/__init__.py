"""A typed, sourced knowledge base of backend frameworks.

Every claim names the sources behind it. Start with :func:`get` and
:func:`frameworks`; build a :class:`KnowledgeBase` to add your own data.
Describe a project with :class:`Requirements` and :func:`recommend` ranks
the frameworks for it, with reasons and sources.

The module-level functions work on the shared defaults: the shipped
knowledge base (built on first use) and the registered scorers. Each is a
twin of a :class:`KnowledgeBase` method, which works on that knowledge base
alone.

>>> import backend_frameworks as bf
>>> rails = bf.get("RoR")
>>> rails.name, rails.languages.value
('Ruby on Rails', ('ruby',))
"""

from ._compare import Comparison, ComparisonRow
from ._default import (
    claims_by,
    compare,
    data_info,
    default_knowledge_base,
    default_model,
    disputes,
    frameworks,
    get,
    guidance,
    load_plugins,
    mentioned_by,
    query,
    recommend,
    register_scorer,
    registered_scorers,
    search,
    source,
    sources,
    unregister_scorer,
    vocabularies,
)
from ._errors import (
    BackendFrameworksError,
    DataError,
    InvalidModelError,
    InvalidQueryError,
    InvalidRequirementsError,
    ScorerError,
    UnknownFrameworkError,
    UnknownScorerError,
    UnknownSourceError,
)
from ._export import Exportable, Record, from_dict, to_dict
from ._kb import EXPORT_FORMAT, KnowledgeBase
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
    Statement,
    SupportLevel,
    Term,
    UseCaseClaim,
    Vocabularies,
    value_of,
)
from ._plugins import ENTRY_POINT_GROUP, discover_plugins
from ._provenance import Citation, Dispute, DisputedStatement
from ._query import Predicate, where
from ._requirements import Requirements, Scale
from ._score import Score, Scorer
from ._scorers import (
    CommunityScorer,
    DevelopmentSpeedScorer,
    FeatureScorer,
    LanguageFitScorer,
    LearningCurveScorer,
    LicenseScorer,
    MaturityScorer,
    PerformanceScorer,
    QualityScorer,
    ScaleFitScorer,
    UseCaseFitScorer,
)
from ._scoring import (
    Aggregation,
    CriterionScore,
    Exclusion,
    Recommendation,
    RecommendationResult,
    ScoringModel,
    WeightedMean,
    WeightedProduct,
)
from ._search import SearchHit
from ._version import __version__

__all__ = [
    "ENTRY_POINT_GROUP",
    "EXPORT_FORMAT",
    "Aggregation",
    "BackendFrameworksError",
    "Citation",
    "Claim",
    "CommunityScorer",
    "Comparison",
    "ComparisonRow",
    "Correction",
    "CriterionScore",
    "DataError",
    "DataInfo",
    "DevelopmentSpeedScorer",
    "Dispute",
    "DisputedStatement",
    "Exclusion",
    "Exportable",
    "Fact",
    "FeatureScorer",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
    "InvalidModelError",
    "InvalidQueryError",
    "InvalidRequirementsError",
    "Kind",
    "KnowledgeBase",
    "LanguageFitScorer",
    "LearningCurveScorer",
    "Level",
    "LicenseScorer",
    "MaturityScorer",
    "NotableUser",
    "PerformanceScorer",
    "Philosophy",
    "Predicate",
    "Quality",
    "QualityClaim",
    "QualityScorer",
    "Ranking",
    "Rating",
    "Recommendation",
    "RecommendationResult",
    "Record",
    "Relation",
    "RelationKind",
    "Requirements",
    "Scale",
    "ScaleFitScorer",
    "Score",
    "Scorer",
    "ScorerError",
    "ScoringModel",
    "SearchHit",
    "Source",
    "SourceKind",
    "Statement",
    "SupportLevel",
    "Term",
    "UnknownFrameworkError",
    "UnknownScorerError",
    "UnknownSourceError",
    "UseCaseClaim",
    "UseCaseFitScorer",
    "Vocabularies",
    "WeightedMean",
    "WeightedProduct",
    "__version__",
    "claims_by",
    "compare",
    "data_info",
    "default_knowledge_base",
    "default_model",
    "discover_plugins",
    "disputes",
    "frameworks",
    "from_dict",
    "get",
    "guidance",
    "load_plugins",
    "mentioned_by",
    "query",
    "recommend",
    "register_scorer",
    "registered_scorers",
    "search",
    "source",
    "sources",
    "to_dict",
    "unregister_scorer",
    "value_of",
    "vocabularies",
    "where",
]
