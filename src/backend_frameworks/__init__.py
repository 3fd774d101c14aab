"""A typed, sourced knowledge base of backend frameworks.

Every claim names the sources behind it. Start with :func:`get` and
:func:`frameworks`; build a :class:`KnowledgeBase` to add your own data.
Describe a project with :class:`Requirements` and :func:`recommend` ranks
the frameworks for it, with reasons and sources.

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
    InvalidRequirementsError,
    ScorerError,
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
from ._plugins import (
    ENTRY_POINT_GROUP,
    load_plugins,
    register_scorer,
    registered_scorers,
    unregister_scorer,
)
from ._provenance import Citation, Dispute
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
    recommend,
)
from ._search import SearchHit

__version__ = _version("backend-frameworks")

__all__ = [
    "ENTRY_POINT_GROUP",
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
    "Exclusion",
    "Fact",
    "FeatureScorer",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
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
    "Ranking",
    "Rating",
    "Recommendation",
    "RecommendationResult",
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
    "SupportLevel",
    "Term",
    "UnknownFrameworkError",
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
    "disputes",
    "frameworks",
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
    "where",
]
