"""Cross-checks over a whole knowledge base, each problem with file and field path.

Structuring (``_convert``) checks each file's shape; this checks what needs
the whole set: that every cited source exists, every vocabulary value is
known, every relation points at a record, names are unambiguous, and list
positions are not claimed twice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

import attrs

from ._lifecycle import last_day, parse_version
from ._model import (
    ClaimStatus,
    FeatureSupport,
    Framework,
    Guidance,
    Kind,
    Maintenance,
    Package,
    Ranking,
    Release,
    ReleaseLine,
    Source,
    SourceKind,
    SupportLevel,
    Term,
    Vocabularies,
    statements,
)
from ._names import normalize, suggest
from ._purl import canonical

__all__ = ["PRIMARY_KINDS", "SLUG", "problems_in"]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SOURCE_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-\d{4})?")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_OR_DAY = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
PRIMARY_KINDS = frozenset(
    {SourceKind.DOCUMENTATION, SourceKind.REPOSITORY, SourceKind.LICENSE, SourceKind.WEBSITE}
)
"""Source kinds that count as primary evidence (the project's own publications)."""


def _real_date(text: str) -> bool:
    try:
        last_day(text)
    except ValueError:
        return False
    return True


def _did_you_mean(value: str, known: frozenset[str]) -> str:
    hints = suggest(value, {normalize(k): k for k in known}, limit=1)
    return f" (did you mean {hints[0]!r}?)" if hints else ""


class _Checker:
    def __init__(
        self,
        frameworks: Sequence[tuple[str, Framework]],
        sources: Sequence[tuple[str, Source]],
        vocabularies: Vocabularies,
        guidance: Sequence[tuple[str, Guidance]],
    ) -> None:
        self.frameworks = frameworks
        self.sources = sources
        self.vocabularies = vocabularies
        self.known: dict[str, frozenset[str]] = {}  # each vocabulary's ids, once
        self.guidance = guidance
        self.source_ids = frozenset(source.id for _, source in sources)
        self.primary_ids = frozenset(
            source.id for _, source in sources if source.kind in PRIMARY_KINDS
        )
        self.record_ids = frozenset(record.id for _, record in frameworks)
        self.problems: list[str] = []
        self.package_owners: dict[str, str] = {}
        self.packages_seen: dict[str, set[str]] = {}

    def report(self, origin: str, path: str, message: str) -> None:
        self.problems.append(f"{origin}: {path}: {message}")

    def run(self) -> list[str]:
        self.check_vocabularies()
        self.check_sources()
        self.check_names()
        for origin, record in self.frameworks:
            self.check_record(origin, record)
        self.check_positions()
        for origin, advice in self.guidance:
            self.check_guidance(origin, f"$.guidance[id={advice.id}]", advice)
        return self.problems

    def check_vocabularies(self) -> None:
        for field in attrs.fields(Vocabularies):
            seen: set[str] = set()
            for term in getattr(self.vocabularies, field.name):
                path = f"$.{field.name}[id={term.id}]"
                if not SLUG.fullmatch(term.id):
                    self.report("vocabularies.json", path, f"{term.id!r} is not a lowercase slug")
                if term.id in seen:
                    self.report("vocabularies.json", path, f"{term.id!r} appears twice")
                seen.add(term.id)
                kinds = {kind.value for kind in Kind}
                for index, kind in enumerate(term.applies_to):
                    if kind not in kinds:
                        self.report(
                            "vocabularies.json",
                            f"{path}.applies_to[{index}]",
                            f"{kind!r} is not a record kind",
                        )
            terms = {term.id: term for term in getattr(self.vocabularies, field.name)}
            self.check_synonyms(field.name, terms)
            for term in terms.values():
                for index, other in enumerate(term.neighbours):
                    path = f"$.{field.name}[id={term.id}].neighbours[{index}]"
                    if other not in terms or other == term.id:
                        hint = _did_you_mean(other, frozenset(terms))
                        self.report("vocabularies.json", path, f"no other term {other!r}{hint}")
                    elif term.id not in terms[other].neighbours:
                        self.report(
                            "vocabularies.json",
                            path,
                            f"neighbours are mutual: add {term.id!r} to the neighbours "
                            f"of {other!r}",
                        )

    def check_synonyms(self, vocabulary: str, terms: Mapping[str, Term]) -> None:
        """Each synonym names one term of its vocabulary, and no other term's id or name."""
        owner: dict[str, str] = {}
        for term in terms.values():
            for key in {normalize(term.id), normalize(term.name)}:
                owner.setdefault(key, term.id)
        for term in terms.values():
            for index, synonym in enumerate(term.synonyms):
                path = f"$.{vocabulary}[id={term.id}].synonyms[{index}]"
                key = normalize(synonym)
                if not key:
                    self.report("vocabularies.json", path, f"{synonym!r} has no letters or digits")
                elif owner.setdefault(key, term.id) != term.id:
                    self.report(
                        "vocabularies.json",
                        path,
                        f"{synonym!r} already names {owner[key]!r}; a synonym names one term",
                    )

    def check_sources(self) -> None:
        seen: set[str] = set()
        for origin, source in self.sources:
            path = f"$.sources[id={source.id}]"
            if not SLUG.fullmatch(source.id):
                self.report(origin, f"{path}.id", f"{source.id!r} is not a lowercase slug")
            if source.id in seen:
                self.report(origin, f"{path}.id", f"source {source.id!r} is defined twice")
            seen.add(source.id)
            if not source.title.strip() or not source.publisher.strip():
                self.report(origin, path, "title and publisher must not be empty")
            if source.url is not None and not _URL.fullmatch(source.url):
                self.report(origin, f"{path}.url", f"{source.url!r} is not an http(s) address")
            if source.date is not None and not _SOURCE_DATE.fullmatch(source.date):
                self.report(
                    origin,
                    f"{path}.date",
                    f"{source.date!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-YYYY",
                )

    def check_names(self) -> None:
        owner: dict[str, str] = {}
        ids: set[str] = set()
        for origin, record in self.frameworks:
            if not SLUG.fullmatch(record.id):
                self.report(origin, "$.id", f"{record.id!r} is not a lowercase slug")
            if record.id in ids:
                self.report(origin, "$.id", f"id {record.id!r} is used by another record")
            ids.add(record.id)
            for path, name in [
                ("$.id", record.id),
                ("$.name", record.name),
                *((f"$.aliases[{i}]", alias) for i, alias in enumerate(record.aliases)),
            ]:
                key = normalize(name)
                if not key:
                    self.report(origin, path, f"{name!r} has no letters or digits")
                elif owner.setdefault(key, record.id) != record.id:
                    self.report(
                        origin,
                        path,
                        f"{name!r} is also a name of {owner[key]!r}; names must be unambiguous",
                    )

    def check_cited(self, origin: str, path: str, sources: tuple[str, ...]) -> None:
        if not sources:
            self.report(origin, path, "a claim needs at least one source id")
        if len(set(sources)) != len(sources):
            self.report(origin, path, "a source id is listed twice")
        for index, source in enumerate(sources):
            if source not in self.source_ids:
                hint = _did_you_mean(source, self.source_ids)
                self.report(origin, f"{path}[{index}]", f"unknown source id {source!r}{hint}")

    def check_term(self, origin: str, path: str, vocabulary: str, value: str) -> None:
        known = self.known.get(vocabulary)
        if known is None:
            known = self.known[vocabulary] = self.vocabularies.ids(vocabulary)
        if value not in known:
            hint = _did_you_mean(value, known)
            self.report(origin, path, f"{value!r} is not in the {vocabulary} vocabulary{hint}")

    def check_statements(self, origin: str, record: Framework) -> None:
        """Every cited statement: known sources, non-empty texts, cited corrections."""
        for path, _, statement in statements(record):
            if isinstance(statement, Ranking):
                if statement.source not in self.source_ids:
                    hint = _did_you_mean(statement.source, self.source_ids)
                    self.report(
                        origin, f"{path}.source", f"unknown source id {statement.source!r}{hint}"
                    )
            else:
                self.check_cited(origin, f"{path}.sources", statement.sources)
            text = getattr(statement, "text", None)
            if isinstance(text, str) and not text.strip():
                self.report(origin, f"{path}.text", "must not be empty")
            correction = statement.dispute
            if correction is not None:
                self.check_cited(origin, f"{path}.dispute.sources", correction.sources)
                if not correction.text.strip():
                    self.report(origin, f"{path}.dispute.text", "must not be empty")
            self.check_status(origin, path, statement)
            if isinstance(statement, FeatureSupport):
                self.check_feature(origin, path, statement)
            elif isinstance(statement, Maintenance) and not _DATE.fullmatch(statement.as_of):
                self.report(origin, f"{path}.as_of", f"{statement.as_of!r} is not YYYY[-MM[-DD]]")
            elif isinstance(statement, Release) and not _DAY.fullmatch(statement.date):
                self.report(origin, f"{path}.date", f"{statement.date!r} is not YYYY-MM-DD")

    def check_status(self, origin: str, path: str, statement: object) -> None:
        """A disputed status goes with a dispute, and a verified one with a primary source."""
        status = getattr(statement, "status", None)
        if status is None:
            return
        disputed = getattr(statement, "dispute", None) is not None
        if disputed != (status is ClaimStatus.DISPUTED):
            self.report(
                origin,
                f"{path}.status",
                "a claim is 'disputed' exactly when it has a dispute with a correction",
            )
        sources: tuple[str, ...] = getattr(statement, "sources", ())
        if status is ClaimStatus.VERIFIED and not self.primary_ids.intersection(sources):
            self.report(
                origin,
                f"{path}.status",
                "'verified' needs a primary source (documentation, repository, licence or "
                "website) among the sources",
            )

    def check_feature(self, origin: str, path: str, support: FeatureSupport) -> None:
        """A feature entry is evidence: primary sources, and what provides it."""
        if not self.primary_ids.intersection(support.sources):
            self.report(
                origin,
                f"{path}.sources",
                "a feature's support is shown by a primary source (documentation, "
                "repository, licence or website); articles go in claimed_by",
            )
        if support.support is not SupportLevel.NONE and not support.provided_by.strip():
            self.report(origin, f"{path}.provided_by", "name what provides the feature")
        for index, source in enumerate(support.claimed_by):
            if source not in self.source_ids:
                hint = _did_you_mean(source, self.source_ids)
                self.report(
                    origin, f"{path}.claimed_by[{index}]", f"unknown source id {source!r}{hint}"
                )

    def check_record(self, origin: str, record: Framework) -> None:
        if not record.name.strip():
            self.report(origin, "$.name", "must not be empty")
        if not record.summary.strip():
            self.report(origin, "$.summary", "must not be empty")
        self.check_statements(origin, record)
        if not record.languages.value:
            self.report(origin, "$.languages.value", "at least one language is needed")
        for index, language in enumerate(record.languages.value):
            self.check_term(origin, f"$.languages.value[{index}]", "languages", language)
        if record.runtime is not None:
            self.check_term(origin, "$.runtime.value", "runtimes", record.runtime.value)
        if record.architecture is not None:
            self.check_term(
                origin, "$.architecture.value", "architectures", record.architecture.value
            )
        seen_features: set[str] = set()
        for index, support in enumerate(record.features):
            path = f"$.features[{index}].feature"
            self.check_term(origin, path, "features", support.feature)
            if support.feature in seen_features:
                self.report(origin, path, f"feature {support.feature!r} is listed twice")
            seen_features.add(support.feature)
        for index, use in enumerate(record.use_cases):
            self.check_term(origin, f"$.use_cases[{index}].use_case", "use_cases", use.use_case)
        seen_relations: set[tuple[str, str, str]] = set()
        for index, relation in enumerate(record.relations):
            path = f"$.relations[{index}].target"
            key = (relation.kind.value, relation.target, relation.component.strip())
            if key in seen_relations:
                self.report(origin, f"$.relations[{index}]", "this relation is listed twice")
            seen_relations.add(key)
            if bool(relation.target) == bool(relation.component.strip()):
                self.report(
                    origin,
                    f"$.relations[{index}]",
                    "give exactly one of target (a record id) and component (a name)",
                )
            elif not relation.target:
                continue
            elif relation.target == record.id:
                self.report(origin, path, "a record cannot relate to itself")
            elif relation.target not in self.record_ids:
                hint = _did_you_mean(relation.target, self.record_ids)
                self.report(origin, path, f"no record has id {relation.target!r}{hint}")
        self.check_lifecycle(origin, record)
        for index, package in enumerate(record.packages):
            self.check_package(origin, f"$.packages[{index}]", record.id, package)
        for index, ranking in enumerate(record.rankings):
            if ranking.position < 1:
                self.report(origin, f"$.rankings[{index}].position", "positions start at 1")

    def check_lifecycle(self, origin: str, record: Framework) -> None:
        """A support policy for the release lines; lines unique, parseable, dates in order."""
        policy = record.support_policy
        if record.release_lines and policy is None:
            self.report(origin, "$.support_policy", "release lines need the policy they follow")
        if policy is not None:
            if not _URL.fullmatch(policy.url):
                self.report(origin, "$.support_policy.url", f"{policy.url!r} is not an address")
            if not _DAY.fullmatch(policy.as_of):
                self.report(
                    origin, "$.support_policy.as_of", f"{policy.as_of!r} is not YYYY-MM-DD"
                )
            if not self.primary_ids.intersection(policy.sources):
                self.report(origin, "$.support_policy.sources", "cite the policy page itself")
        seen: dict[tuple[int, ...], str] = {}
        for index, line in enumerate(record.release_lines):
            self.check_line(origin, f"$.release_lines[{index}]", line, seen)

    def check_line(
        self, origin: str, path: str, line: ReleaseLine, seen: dict[tuple[int, ...], str]
    ) -> None:
        try:
            number = parse_version(line.version)
        except ValueError as error:
            self.report(origin, f"{path}.version", str(error))
            return
        if number in seen:
            self.report(origin, f"{path}.version", f"line {line.version!r} is listed twice")
        seen[number] = line.version
        if not self.primary_ids.intersection(line.sources):
            self.report(origin, f"{path}.sources", "cite the maintainers' policy or release page")
        dates: list[tuple[str, str]] = []
        for field, form, shape in (
            ("released", _MONTH_OR_DAY, "YYYY-MM[-DD]"),
            ("active_support_until", _MONTH_OR_DAY, "YYYY-MM[-DD]"),
            ("security_support_until", _MONTH_OR_DAY, "YYYY-MM[-DD]"),
        ):
            value = getattr(line, field)
            if value is None:
                continue
            if not form.fullmatch(value) or not _real_date(value):
                self.report(origin, f"{path}.{field}", f"{value!r} is not a date {shape}")
            else:
                dates.append((field, value))
        for (first, early), (second, late) in itertools.pairwise(dates):
            if last_day(late) < last_day(early):
                self.report(origin, f"{path}.{second}", f"{late} is before {first} {early}")
        latest = line.latest
        if latest is not None:
            self.check_cited(origin, f"{path}.latest.sources", latest.sources)
            try:
                inside = parse_version(latest.version)[: len(number)] == number
            except ValueError as error:
                self.report(origin, f"{path}.latest.version", str(error))
                inside = True
            if not inside:
                self.report(
                    origin, f"{path}.latest.version", f"{latest.version} is not in {line.version}"
                )
            if not _DAY.fullmatch(latest.date):
                self.report(origin, f"{path}.latest.date", f"{latest.date!r} is not YYYY-MM-DD")
            elif _DAY.fullmatch(line.released) and latest.date < line.released:
                self.report(origin, f"{path}.latest.date", "the latest patch predates the line")

    def check_package(self, origin: str, path: str, record_id: str, package: Package) -> None:
        """A package is a well-formed purl, shown by a primary source, owned by one record."""
        try:
            purl = canonical(package.purl)
        except ValueError as error:
            self.report(origin, f"{path}.purl", str(error))
            return
        if purl != package.purl:
            self.report(origin, f"{path}.purl", f"write the purl as {purl!r}")
        if not self.primary_ids.intersection(package.sources):
            self.report(
                origin,
                f"{path}.sources",
                "a package name is shown by a primary source (the manifest or registry page)",
            )
        owner = self.package_owners.setdefault(purl, record_id)
        if owner != record_id or purl in self.packages_seen.get(record_id, set()):
            where = "this record" if owner == record_id else repr(owner)
            self.report(origin, f"{path}.purl", f"{purl!r} is already listed by {where}")
        self.packages_seen.setdefault(record_id, set()).add(purl)

    def check_positions(self) -> None:
        """No two records may claim one position in one list, unless the entry is shared."""
        holders: dict[tuple[str, str, int], list[tuple[str, str, int, bool]]] = {}
        for origin, record in self.frameworks:
            for index, ranking in enumerate(record.rankings):
                place = (ranking.source, ranking.list_name, ranking.position)
                holders.setdefault(place, []).append((origin, record.id, index, ranking.shared))
        for (source, list_name, position), claims in holders.items():
            if len(claims) < 2 or all(shared for *_, shared in claims):  # noqa: PLR2004
                continue
            ids = ", ".join(repr(record_id) for _, record_id, _, _ in claims)
            for origin, _, index, _ in claims:
                self.report(
                    origin,
                    f"$.rankings[{index}].position",
                    f"position {position} of list {list_name!r} of {source!r} is claimed by "
                    f'{ids}; mark each "shared": true if the source lists them in one entry',
                )

    def check_guidance(self, origin: str, path: str, advice: Guidance) -> None:
        if not SLUG.fullmatch(advice.id):
            self.report(origin, f"{path}.id", f"{advice.id!r} is not a lowercase slug")
        if not advice.text.strip():
            self.report(origin, f"{path}.text", "must not be empty")
        self.check_cited(origin, f"{path}.sources", advice.sources)
        for index, language in enumerate(advice.languages):
            self.check_term(origin, f"{path}.languages[{index}]", "languages", language)
        for index, use in enumerate(advice.use_cases):
            self.check_term(origin, f"{path}.use_cases[{index}]", "use_cases", use)


def problems_in(
    frameworks: Sequence[tuple[str, Framework]],
    sources: Sequence[tuple[str, Source]],
    vocabularies: Vocabularies,
    guidance: Sequence[tuple[str, Guidance]] = (),
) -> list[str]:
    """Every cross-file problem, as ``"<origin>: <path>: <message>"`` lines."""
    return _Checker(frameworks, sources, vocabularies, guidance).run()
