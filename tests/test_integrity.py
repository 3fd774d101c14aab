"""Integrity of the shipped data: each failure says how to fix the data.

These tests read the data as a whole; the loader already rejects unknown
source ids, vocabulary values and relation targets, so they restate those
rules for the record and add the editorial ones (complete records, primary
sources for provenance facts, the articles' lists reproduced exactly, no
sentence copied from a seed article).
"""

from __future__ import annotations

import datetime
import json
import pathlib
import re
from collections import defaultdict

import pytest

import backend_frameworks as bf
from backend_frameworks._lifecycle import last_day
from backend_frameworks._model import statements
from backend_frameworks._names import normalize

from .conftest import SEEDS

ARTICLES = {
    "acropolium-2021",
    "flatirons-2024",
    "techplatform-top10",
    "codingnomads-2023",
    "api-ninjas-2022",
}

# The lists as the articles print them (shared/seeds); ties share a position.
ARTICLE_LISTS: dict[tuple[str, str], list[set[str]]] = {
    ("acropolium-2021", "web"): [
        {"django"}, {"laravel"}, {"rails"}, {"spring-boot"}, {"aspnet-core"},
    ],
    ("acropolium-2021", "mobile"): [
        {"flutter"}, {"firebase"}, {"express", "koa"}, {"react-native"},
    ],
    ("flatirons-2024", "main"): [
        {"rails"}, {"django"}, {"flask"}, {"express"}, {"nextjs"},
        {"adonisjs"}, {"laravel"}, {"drupal"}, {"spring-boot"}, {"aspnet-core"},
    ],
    ("techplatform-top10", "main"): [
        {"django"}, {"laravel"}, {"rails"}, {"express"}, {"cakephp"},
        {"flask"}, {"aspnet-core"}, {"spring-boot"}, {"koa"}, {"phoenix"},
    ],
    ("codingnomads-2023", "main"): [
        {"spring-boot"}, {"django"}, {"laravel"}, {"flask"}, {"rails"}, {"express"},
        {"nextjs"}, {"aspnet-core"}, {"nestjs"}, {"meteor"}, {"cakephp"},
    ],
    ("api-ninjas-2022", "main"): [{"flask"}, {"django"}, {"rails"}, {"express"}, {"laravel"}],
}  # fmt: skip

REQUIRED_FRAMEWORKS = [
    "django", "flask", "laravel", "rails", "spring-boot", "aspnet-core", "express", "koa",
    "nextjs", "nestjs", "meteor", "adonisjs", "cakephp", "drupal", "phoenix",
    "zend-framework", "laminas", "sailsjs", "symfony", "yii", "firebase",
]  # fmt: skip
RELATED = ["nodejs", "react", "angularjs", "angular", "cowboy", "flutter", "react-native"]

ARTICLE_NAMES = [
    ("Django", "django"), ("Flask", "flask"), ("Laravel", "laravel"), ("Ruby on Rails", "rails"),
    ("RoR", "rails"), ("Rails", "rails"), ("Spring", "spring-boot"),
    ("Spring Boot", "spring-boot"),
    ("SpringBoot", "spring-boot"), ("ASP.NET", "aspnet-core"), ("ASP.NET Core", "aspnet-core"),
    ("ASP .NET Core", "aspnet-core"), ("Express", "express"), ("Express.js", "express"),
    ("ExpressJS", "express"), ("Koa", "koa"), ("Koa.js", "koa"), ("Next.js", "nextjs"),
    ("NestJS", "nestjs"), ("Meteor.js", "meteor"), ("Adonis.js", "adonisjs"),
    ("AdonisJS", "adonisjs"), ("CakePHP", "cakephp"), ("Drupal", "drupal"),
    ("Phoenix", "phoenix"), ("Zend", "zend-framework"), ("Zend framework", "zend-framework"),
    ("Laminas", "laminas"), ("Sails.js", "sailsjs"), ("Symfony", "symfony"), ("Yii", "yii"),
    ("Flutter", "flutter"), ("Google Firebase", "firebase"), ("Firebase", "firebase"),
    ("React Native", "react-native"), ("RN", "react-native"), ("Node.js", "nodejs"),
    ("Nodejs", "nodejs"), ("React.js", "react"), ("AngularJS", "angularjs"),
    ("Angular.js", "angularjs"), ("Cowboy", "cowboy"),
]  # fmt: skip

# Facts no primary source could confirm are left out, never guessed; each gap
# is listed here with its reason, and the list must shrink when one is filled.
KNOWN_GAPS = {
    ("firebase", "first_release"): "no Firebase or Google page states when the service launched",
    (
        "angular",
        "first_release",
    ): "angular/angular is too large to fetch; no page dating 2.0.0 was read",
}

PROVENANCE = ("license", "first_release", "creator", "steward", "website", "repository")


def _records(kb: bf.KnowledgeBase) -> tuple[bf.Framework, ...]:
    return kb.frameworks(include_related=True)


@pytest.mark.parametrize("record_id", REQUIRED_FRAMEWORKS)
def test_every_framework_the_articles_name_is_a_backend_record(
    kb: bf.KnowledgeBase, record_id: str
) -> None:
    record = kb.get(record_id)
    assert record.is_backend, f"{record_id}: set kind to a backend kind, or move it to RELATED"


@pytest.mark.parametrize("record_id", RELATED)
def test_related_technologies_are_not_presented_as_backend_frameworks(
    kb: bf.KnowledgeBase, record_id: str
) -> None:
    record = kb.get(record_id)
    assert not record.is_backend, f"{record_id}: its kind must say what it really is"
    assert record not in kb.frameworks()


@pytest.mark.parametrize(("name", "record_id"), ARTICLE_NAMES)
def test_every_name_the_articles_use_resolves(
    kb: bf.KnowledgeBase, name: str, record_id: str
) -> None:
    assert kb.get(name).id == record_id, f"add {name!r} to the aliases of {record_id}"


def test_every_record_is_complete(kb: bf.KnowledgeBase) -> None:
    problems = []
    for record in _records(kb):
        missing = [
            field
            for field in ("license", "first_release")
            if getattr(record, field) is None and (record.id, field) not in KNOWN_GAPS
        ]
        if record.repository is None and record.website is None:
            missing.append("repository or website")
        if not record.summary.strip():
            missing.append("summary")
        if not record.languages.value:
            missing.append("languages")
        claims = (*record.pros, *record.cons, *record.claims, *record.use_cases, *record.qualities)
        if not claims and not record.features:
            missing.append("at least one sourced claim")
        if missing:
            problems.append(f"frameworks/{record.id}.json: add {', '.join(missing)}")
    assert not problems, "\n".join(problems)


def test_known_gaps_are_still_gaps(kb: bf.KnowledgeBase) -> None:
    for (record_id, field), reason in KNOWN_GAPS.items():
        assert getattr(kb.get(record_id), field) is None, (
            f"{record_id}.{field} is filled now; remove it from KNOWN_GAPS ({reason})"
        )


def test_provenance_facts_cite_a_primary_source(kb: bf.KnowledgeBase) -> None:
    # The project's own publications; seed articles, editorial judgement and
    # curated lists are never evidence of a provenance fact.
    primary = {
        source.id
        for source in kb.sources()
        if source.kind not in {bf.SourceKind.LIST, bf.SourceKind.EDITORIAL}
    } - ARTICLES
    problems = []
    for record in _records(kb):
        for field in PROVENANCE:
            fact = getattr(record, field)
            if fact is not None and not set(fact.sources) & primary:
                problems.append(
                    f"frameworks/{record.id}.json: $.{field} cites only seed articles; "
                    "verify it against the project's own docs, repository or license file "
                    "and cite that source"
                )
    assert not problems, "\n".join(problems)


def test_every_dispute_is_corrected_by_a_primary_source(kb: bf.KnowledgeBase) -> None:
    problems = []
    for record in _records(kb):
        for field in ("claims", "pros", "cons", "features", "use_cases", "qualities"):
            for index, item in enumerate(getattr(record, field)):
                dispute = item.dispute
                if dispute is None:
                    continue
                if set(dispute.sources) <= ARTICLES:
                    problems.append(
                        f"frameworks/{record.id}.json: $.{field}[{index}].dispute must cite "
                        "the framework's own documentation or repository"
                    )
                # A feature's sources are its evidence; the disputed party is claimed_by.
                claimants = item.claimed_by if field == "features" else item.sources
                if set(dispute.sources) & set(claimants):
                    problems.append(
                        f"frameworks/{record.id}.json: $.{field}[{index}] is disputed by one "
                        "of its own sources"
                    )
    assert not problems, "\n".join(problems)


def test_known_article_errors_are_disputed(kb: bf.KnowledgeBase) -> None:
    rails = kb.get("rails")
    corrections = [
        claim.dispute
        for claim in rails.claims
        if claim.dispute is not None and "rspec" in claim.text.casefold()
    ]
    assert corrections, "frameworks/rails.json: the RSpec-by-default claim must be disputed"
    assert "minitest" in corrections[0].text.casefold()


@pytest.mark.parametrize(("source", "list_name"), sorted(ARTICLE_LISTS))
def test_each_article_list_is_reproduced_in_order(
    kb: bf.KnowledgeBase, source: str, list_name: str
) -> None:
    positions: dict[int, set[str]] = defaultdict(set)
    styles = set()
    for record in _records(kb):
        for ranking in record.rankings:
            if ranking.source == source and ranking.list_name == list_name:
                positions[ranking.position].add(record.id)
                styles.add((ranking.numbered, ranking.metric))
    reproduced = [positions[position] for position in sorted(positions)]
    assert reproduced == ARTICLE_LISTS[source, list_name], (
        f"rankings for {source} ({list_name}) do not reproduce the article's list"
    )
    assert len(styles) == 1, f"{source} ({list_name}): numbered/metric differ between records"


def test_only_the_ranking_article_states_a_metric(kb: bf.KnowledgeBase) -> None:
    for record in _records(kb):
        for ranking in record.rankings:
            assert ranking.source in ARTICLES
            if ranking.metric is not None:
                assert ranking.source == "codingnomads-2023", record.id


def test_names_are_unambiguous(kb: bf.KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for record in _records(kb):
        for name in (record.id, record.name, *record.aliases):
            owners[normalize(name)].add(record.id)
    clashes = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"rename or drop these aliases: {clashes}"


def test_every_vocabulary_term_is_used_or_documented(kb: bf.KnowledgeBase) -> None:
    for term in (*kb.vocabularies().features, *kb.vocabularies().use_cases):
        assert term.name.strip()
        assert term.description.strip(), f"vocabularies.json: describe {term.id!r}"


def test_guidance_covers_choosing_and_language_fit(kb: bf.KnowledgeBase) -> None:
    kinds = {advice.kind for advice in kb.guidance()}
    assert kinds == {bf.GuidanceKind.CHOOSING, bf.GuidanceKind.LANGUAGE_FIT}
    criteria = {advice.criterion for advice in kb.guidance() if advice.criterion}
    assert {"team-expertise", "readability", "long-term-support", "time-to-market"} <= criteria
    for advice in kb.guidance():
        assert set(advice.sources) & ARTICLES, f"guidance {advice.id} must cite an article"


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


WINDOW = 50


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [text for item in value for text in _texts(item)]
    if hasattr(value, "__attrs_attrs__"):
        return [
            text
            for field in value.__attrs_attrs__
            if field.name not in {"sources", "source", "id", "value", "target", "feature"}
            for text in _texts(getattr(value, field.name))
        ]
    return []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_no_text_copies_a_seed_article(kb: bf.KnowledgeBase) -> None:
    seed_text = " | ".join(_normalised(path.read_text("utf-8")) for path in SEEDS.glob("0*.txt"))
    assert seed_text
    problems = []
    items: list[bf.Framework | bf.Guidance] = [*_records(kb), *kb.guidance()]
    for item in items:
        for text in _texts(item):
            words = _normalised(text)
            for start in range(max(0, len(words) - WINDOW) + 1):
                chunk = words[start : start + WINDOW]
                if len(chunk) == WINDOW and chunk in seed_text:
                    problems.append(f"{item.id}: paraphrase {text[:70]!r} (copies {chunk!r})")
                    break
    assert not problems, "\n".join(problems)


# -- evidence, not silence (issue 9) ------------------------------------------------

PRIMARY = {
    bf.SourceKind.DOCUMENTATION,
    bf.SourceKind.REPOSITORY,
    bf.SourceKind.LICENSE,
    bf.SourceKind.WEBSITE,
}
CLAIM_FIELDS = ("pros", "cons", "claims", "qualities", "use_cases", "notable_users")
PENDING_PATH = pathlib.Path(__file__).with_name("evidence_pending.json")


def _primary(kb: bf.KnowledgeBase, sources: tuple[str, ...]) -> bool:
    return any(kb.source(source).kind in PRIMARY for source in sources)


def pending_now(kb: bf.KnowledgeBase) -> dict[str, dict[str, list[str]]]:
    """What the evidence rules still lack, by rule and record (empty once complete)."""
    features = kb.vocabularies().features
    found: dict[str, dict[str, list[str]]] = {
        "unknown_features": {},
        "claims_without_status": {},
        "missing": {},
    }
    for record in _records(kb):
        unknown = [
            term.id
            for term in features
            if term.applies(record.kind.value) and record.feature(term.id) is None
        ]
        unaudited = [
            f"$.{field}[{index}]"
            for field in CLAIM_FIELDS
            for index, claim in enumerate(getattr(record, field))
            if claim.status is None
        ]
        missing = [
            name
            for name, absent in [
                ("maintenance", record.maintenance is None),
                ("latest_release", record.latest_release is None),
                ("commits-12m", record.measurement(bf.Metric.COMMITS_12M) is None),
                ("contributors-12m", record.measurement(bf.Metric.CONTRIBUTORS_12M) is None),
            ]
            if absent and record.is_backend
        ]
        for rule, items in [
            ("unknown_features", unknown),
            ("claims_without_status", unaudited),
            ("missing", missing),
        ]:
            if items:
                found[rule][record.id] = items
    return found


def test_what_is_still_unverified_is_exactly_the_pending_list(kb: bf.KnowledgeBase) -> None:
    # Every applicable feature needs a verified level, every claim a status, and
    # every backend record its maintenance status, latest release and activity.
    # PENDING_PATH lists what is not verified yet: it may only shrink. Verify an
    # item, then delete it there; a new gap fails here.
    pending = json.loads(PENDING_PATH.read_text(encoding="utf-8"))
    now = pending_now(kb)
    for rule in now:
        assert now[rule] == pending[rule], f"{rule}: update {PENDING_PATH.name} only by removing"


def test_every_pending_gap_says_why() -> None:
    # A gap is acceptable only with the reason it could not be filled (a source
    # too large to read, a date nobody publishes); a reason may not outlive it.
    pending = json.loads(PENDING_PATH.read_text(encoding="utf-8"))
    gaps = {record for rule, records in pending.items() if rule != "why" for record in records}
    assert set(pending["why"]) == gaps
    assert all(reason.strip() for reason in pending["why"].values())


def test_every_feature_entry_is_evidence(kb: bf.KnowledgeBase) -> None:
    bad = [
        f"{record.id}: {support.feature}"
        for record in _records(kb)
        for support in record.features
        if not _primary(kb, support.sources)
        or (support.support.provided and not support.provided_by)
        or any(kb.source(s).kind is not bf.SourceKind.ARTICLE for s in support.claimed_by)
    ]
    assert not bad, "features need primary sources and provided_by; claimed_by holds articles"


def test_verified_claims_cite_a_primary_source(kb: bf.KnowledgeBase) -> None:
    for citation in kb.claims(status="verified"):
        assert _primary(kb, citation.sources), (citation.framework, citation.path)


def test_no_rating_rests_only_on_unsupported_claims(kb: bf.KnowledgeBase) -> None:
    unaudited = json.loads(PENDING_PATH.read_text(encoding="utf-8"))["claims_without_status"]
    for record in _records(kb):
        # Claims not audited yet (status None) are listed in the pending file.
        allowed = {bf.ClaimStatus.VERIFIED, bf.ClaimStatus.OPINION}
        if record.id in unaudited:
            allowed.add(None)  # type: ignore[arg-type]
        for rating in record.ratings:
            statuses = {claim.status for claim in rating.evidence}
            assert statuses & allowed, (record.id, rating.quality)
        for claim in record.qualities:
            rated = record.rating(claim.quality)
            if claim.status is bf.ClaimStatus.UNSUPPORTED and rated is not None:
                assert claim not in rated.evidence


def test_maintenance_releases_and_measurements_cite_primary_sources(
    kb: bf.KnowledgeBase,
) -> None:
    for record in kb.frameworks(include_related=True):
        for statement in (record.maintenance, record.latest_release):
            if statement is not None:
                assert _primary(kb, statement.sources), record.id
        for measured in record.measurements:
            assert measured.method.strip(), (record.id, measured.metric)
            assert measured.value >= 0, (record.id, measured.metric)
            assert _primary(kb, measured.sources), (record.id, measured.metric)


def test_zend_framework_is_archived_in_favour_of_laminas(kb: bf.KnowledgeBase) -> None:
    zend = kb.get("zend-framework")
    assert zend.maintenance is not None
    assert zend.maintenance.value is bf.MaintenanceStatus.ARCHIVED
    laminas = kb.get("laminas")
    assert laminas.maintenance is not None
    assert laminas.maintenance.value.recommendable


def test_the_data_guide_shows_a_real_feature_entry(kb: bf.KnowledgeBase) -> None:
    guide = (pathlib.Path(__file__).parent.parent / "docs" / "data.md").read_text("utf-8")
    block = next(b for b in re.findall(r"```json\n(.*?)```", guide, re.DOTALL) if '"feature"' in b)
    shown = json.loads(block)
    real = bf.to_dict(kb.get("django").feature(shown["feature"]))  # type: ignore[arg-type]
    assert shown.items() <= real.items()


# -- the catalogue beyond the articles (issue 10) ------------------------------------

CATALOGUE = [
    "fastapi", "starlette", "litestar", "tornado", "pyramid", "sanic", "aiohttp",
    "fastify", "hapi", "hono", "nuxt", "remix", "elysia",
    "gin", "echo", "fiber", "chi", "actix-web", "axum", "rocket",
    "quarkus", "micronaut", "helidon", "ktor", "play", "dropwizard",
    "vapor", "sinatra", "hanami", "codeigniter", "api-platform",
    "supabase", "appwrite", "pocketbase", "wordpress", "wagtail", "strapi",
]  # fmt: skip
CATALOGUE_RELATED = {
    "deno": bf.Kind.RUNTIME,
    "bun": bf.Kind.RUNTIME,
    "dotnet": bf.Kind.PLATFORM,
    "blazor": bf.Kind.UI_FRAMEWORK,
}
# Records admitted by the official docs of their language, runtime or of another
# record (the third way in the inclusion rule), with the source that shows it.
RECOGNISED_BY_DOCS = {
    "elysia": "elysia-bun-guide",  # Bun's own guide to building an HTTP server with Elysia
    "supabase": "supabase-hono-docs",  # Hono's docs present Supabase as a backend platform
}
# Backend records that no package installs, with the reason.
NO_PACKAGE = {
    "firebase": "a hosted service; its SDKs are clients, not the backend",
    "supabase": "a hosted service (self-hosted as containers); its SDKs are clients",
    "appwrite": "installed as a Docker image; composer.json names an unpublished project",
    "aspnet-core": "ships as the Microsoft.AspNetCore.App shared framework of the .NET SDK",
    "wordpress": "installed from a release archive; the project publishes no registry package",
    "meteor": "installed by its own installer; the npm package meteor is only that installer",
}


@pytest.mark.parametrize("record_id", CATALOGUE)
def test_the_catalogue_has_each_expected_framework(kb: bf.KnowledgeBase, record_id: str) -> None:
    record = kb.get(record_id)
    assert record.id == record_id
    assert record.is_backend, f"{record_id}: give it a backend kind"


@pytest.mark.parametrize(("record_id", "kind"), sorted(CATALOGUE_RELATED.items()))
def test_runtimes_and_platforms_are_related_records(
    kb: bf.KnowledgeBase, record_id: str, kind: bf.Kind
) -> None:
    record = kb.get(record_id)
    assert record.kind.value is kind
    assert record not in kb.frameworks()


@pytest.mark.parametrize(("name", "record_id"), [("dotnet", "dotnet"), (".NET", "dotnet"),
                         (".NET Core", "dotnet"), ("ASP.NET", "aspnet-core"),
                         ("Starlite", "litestar"), ("Nuxt.js", "nuxt")])  # fmt: skip
def test_platform_names_resolve_to_the_platform(
    kb: bf.KnowledgeBase, name: str, record_id: str
) -> None:
    assert kb.get(name).id == record_id


def test_every_backend_record_is_admitted_by_the_inclusion_rule(kb: bf.KnowledgeBase) -> None:
    # docs/data.md: recognised by a seed article, by the ecosystem's curated list
    # (a source of kind "list" cited by the record's kind), or by official docs;
    # a release whose date no primary source gave is a listed, explained gap.
    pending = json.loads(PENDING_PATH.read_text(encoding="utf-8"))
    problems = []
    for record in kb.frameworks():
        lists = {s for s in record.kind.sources if kb.source(s).kind is bf.SourceKind.LIST}
        by_docs = RECOGNISED_BY_DOCS.get(record.id)
        if by_docs is not None:
            assert by_docs in record.kind.sources, (record.id, by_docs)
            assert kb.source(by_docs).kind in PRIMARY, (record.id, by_docs)
        elif record.id not in REQUIRED_FRAMEWORKS and not lists:
            problems.append(
                f"frameworks/{record.id}.json: $.kind.sources: cite the seed article or curated "
                "list that admits it (docs/data.md, the inclusion rule)"
            )
        listed = pending["missing"].get(record.id, [])
        if record.id not in REQUIRED_FRAMEWORKS and (
            (record.latest_release is None and "latest_release" not in listed)
            or record.maintenance is None
        ):
            problems.append(f"frameworks/{record.id}.json: add a stable release and a status")
    assert not problems, "\n".join(problems)


def test_curated_lists_are_recognition_not_evidence(kb: bf.KnowledgeBase) -> None:
    lists = {source.id for source in kb.sources() if source.kind is bf.SourceKind.LIST}
    assert lists, "the inclusion rule's lists are sources of kind 'list'"
    for record in _records(kb):
        for path, _, statement in statements(record):
            if path != "$.kind" and set(statement.sources) & lists:
                assert _primary(kb, statement.sources), (record.id, path)
        assert lists.isdisjoint(record.kind.sources) or _primary(kb, record.kind.sources), (
            f"{record.id}: its kind needs its own docs as well as the list"
        )
    for source_id in sorted(lists):
        assert kb.mentioned_by(source_id), f"{source_id}: no record cites this list"


def test_every_backend_record_names_its_package(kb: bf.KnowledgeBase) -> None:
    missing = [
        record.id
        for record in kb.frameworks()
        if not record.packages and record.id not in NO_PACKAGE
    ]
    assert not missing, f"add packages (or a NO_PACKAGE reason) for {missing}"
    for record_id in NO_PACKAGE:
        assert not kb.get(record_id).packages, f"{record_id} has packages now"


def test_every_package_is_a_well_formed_purl(kb: bf.KnowledgeBase) -> None:
    from packageurl import PackageURL  # noqa: PLC0415 - a test dependency

    for record in _records(kb):
        for package in record.packages:
            parsed = PackageURL.from_string(package.purl)
            assert parsed.version is None, (record.id, package.purl)
            assert parsed.to_string() == package.purl, (record.id, package.purl)
            assert kb.by_package(package.purl) is record
            assert _primary(kb, package.sources), (record.id, package.purl)


# -- release lifecycles (issue 11) --------------------------------------------------

# Frameworks whose maintainers publish a release or support policy that the data
# records; each must have its lines.
WITH_POLICY = [
    "django", "laravel", "symfony", "drupal", "yii", "express", "adonisjs", "nodejs",
    "react-native", "angular", "dotnet", "aspnet-core", "fastify", "nuxt", "deno", "wagtail",
    "rails", "spring-boot", "quarkus", "micronaut", "phoenix", "play", "nextjs", "cakephp",
]  # fmt: skip


@pytest.mark.parametrize("record_id", WITH_POLICY)
def test_a_published_policy_has_its_lines(kb: bf.KnowledgeBase, record_id: str) -> None:
    record = kb.get(record_id)
    assert record.support_policy is not None
    assert kb.release_lines(record_id), f"{record_id}: add its release lines"


def test_every_line_rests_on_the_maintainers_own_sources(kb: bf.KnowledgeBase) -> None:
    # endoflife.date may be cited as a cross-check, never as a line's only source.
    as_of = kb.data_info().as_of
    for record in _records(kb):
        for line in record.release_lines:
            own = [s for s in line.sources if "endoflife.date" not in (kb.source(s).url or "")]
            assert _primary(kb, tuple(own)), (record.id, line.version)
            assert last_day(line.released) <= as_of, (record.id, line.version)
            if line.latest is not None:
                assert datetime.date.fromisoformat(line.latest.date) <= as_of


def test_the_supported_django_lines_on_a_fixed_day(kb: bf.KnowledgeBase) -> None:
    # Django's supported-versions page (source django-download-supported-versions):
    # on 2025-06-01, 5.2 (LTS) and 5.1 got fixes, 4.2 (LTS) got security fixes,
    # and 5.0 had reached its end in April 2025.
    day = datetime.date(2025, 6, 1)
    supported = {
        line.version
        for line in kb.release_lines("django")
        if kb.is_supported("django", line.version, on=day)
    }
    assert supported == {"5.2", "5.1", "4.2"}
    assert {r.id for r in kb.query(supported_on=day, language="python")} >= {"django", "wagtail"}
