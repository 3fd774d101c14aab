"""A typed, sourced knowledge base of backend frameworks.

Every claim names the sources behind it. Start with :func:`get` and
:func:`frameworks`; build a :class:`KnowledgeBase` to add your own data.

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
from ._errors import BackendFrameworksError, DataError, UnknownFrameworkError, UnknownSourceError
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

__version__ = _version("backend-frameworks")

__all__ = [
    "BackendFrameworksError",
    "Claim",
    "Correction",
    "DataError",
    "DataInfo",
    "Fact",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
    "Kind",
    "KnowledgeBase",
    "Level",
    "NotableUser",
    "Philosophy",
    "Quality",
    "QualityClaim",
    "Ranking",
    "Rating",
    "Relation",
    "RelationKind",
    "Source",
    "SourceKind",
    "SupportLevel",
    "Term",
    "UnknownFrameworkError",
    "UnknownSourceError",
    "UseCaseClaim",
    "Vocabularies",
    "__version__",
    "data_info",
    "default_knowledge_base",
    "frameworks",
    "get",
    "guidance",
    "source",
    "sources",
    "to_dict",
]
