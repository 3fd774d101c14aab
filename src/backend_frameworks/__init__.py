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

from ._default import (
    data_info,
    default_knowledge_base,
    frameworks,
    get,
    guidance,
    source,
    sources,
    to_dict,
)
from ._errors import (
    BackendFrameworksError,
    DataError,
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

__version__ = _version("backend-frameworks")

__all__ = [
    "ENTRY_POINT_GROUP",
    "Aggregation",
    "BackendFrameworksError",
    "Claim",
    "CommunityScorer",
    "Correction",
    "CriterionScore",
    "DataError",
    "DataInfo",
    "DevelopmentSpeedScorer",
    "Exclusion",
    "Fact",
    "FeatureScorer",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
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
    "data_info",
    "default_knowledge_base",
    "frameworks",
    "get",
    "guidance",
    "load_plugins",
    "recommend",
    "register_scorer",
    "registered_scorers",
    "source",
    "sources",
    "to_dict",
    "unregister_scorer",
]
