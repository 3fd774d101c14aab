"""Relevance search: the hand-judged query set, text analysis, and the index's guarantees."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import backend_frameworks as bf
from backend_frameworks._search import FIELD_WEIGHTS, SearchIndex
from backend_frameworks._text import analyze, only_stop_words, query_words, stem

KB = bf.default_knowledge_base()
RECORDS = KB.frameworks(include_related=True)

# -- the relevance set (tests/search_relevance.json), judged by hand -----------------

RELEVANCE_PATH = Path(__file__).with_name("search_relevance.json")
RELEVANCE: list[dict[str, Any]] = json.loads(RELEVANCE_PATH.read_text(encoding="utf-8"))["queries"]
CATEGORIES = {"name", "typo", "feature", "use-case", "language", "question", "spelling-variant"}


def test_the_relevance_set_is_large_varied_and_names_real_records() -> None:
    assert len(RELEVANCE) >= 30
    assert {q["category"] for q in RELEVANCE} == CATEGORIES
    assert len({q["query"] for q in RELEVANCE}) == len(RELEVANCE)
    for query in RELEVANCE:
        assert 1 <= len(query["expected"]) <= 3, query["query"]
        assert all(name in KB for name in query["expected"]), query["query"]
        assert query["why"].strip(), query["query"]


@pytest.mark.parametrize("query", RELEVANCE, ids=[q["query"] for q in RELEVANCE])
def test_every_expected_result_is_in_the_top_3(query: dict[str, Any]) -> None:
    top3 = [hit.framework.id for hit in bf.search(query["query"], limit=3)]
    assert set(query["expected"]) <= set(top3), (query["why"], top3)


# -- what a query means ---------------------------------------------------------------

SPELLINGS = [
    ("real-time", "realtime", "real time", "Real-Time"),
    ("websockets", "web sockets", "web-sockets", "WebSocket"),
    ("e-commerce", "ecommerce", "e commerce"),
    ("next.js", "nextjs", "next js"),
    ("micro-framework", "microframework", "micro framework"),
]


@pytest.mark.parametrize("spellings", SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_hyphens_spaces_and_plurals_do_not_change_the_answer(spellings: tuple[str, ...]) -> None:
    rankings = {
        text: [hit.framework.id for hit in bf.search(text, limit=10)] for text in spellings
    }
    first = rankings[spellings[0]]
    assert first
    assert all(ranking == first for ranking in rankings.values()), rankings


@pytest.mark.parametrize(
    "name", [r.name for r in RECORDS] + [alias for r in RECORDS for alias in r.aliases]
)
def test_an_exact_name_or_alias_ranks_first(name: str) -> None:
    hit = bf.search(name)[0]
    assert hit.exact
    assert name in (hit.framework.name, *hit.framework.aliases)


def test_the_record_a_query_names_ranks_first_whatever_its_score() -> None:
    index = SearchIndex(RECORDS, KB.vocabularies())
    flask = [record.id for record in RECORDS].index("flask")
    ranked = index.search("django", None, flask)
    assert RECORDS[ranked[0][0]].id == "flask"
    assert RECORDS[ranked[1][0]].id == "django"
    assert RECORDS[index.search("django", None, None)[0][0]].id == "django"


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("djnago", "django"), ("laravell", "laravel"), ("symphony", "symfony"),
     ("flsk", "flask"), ("expresss", "express"), ("golang framwork", "gin")],
)  # fmt: skip
def test_a_typo_in_a_name_or_term_still_finds_it(typo: str, meant: str) -> None:
    top = [hit.framework.id for hit in bf.search(typo, limit=3)]
    assert meant in top, top


def test_a_word_far_from_every_term_finds_nothing() -> None:
    assert bf.search("zzzzqqq") == ()
    assert bf.search("qwertyuiop") == ()
    # Two edits are allowed in long words only.
    assert "micronaut" in [h.framework.id for h in bf.search("mecrinaut", limit=3)]
    assert "django" not in [h.framework.id for h in bf.search("djnaog")]


def test_typo_correction_is_bounded_by_the_word_length() -> None:
    index = KB._searcher()
    assert index._typos("micronaux") == ["micronaut"]
    # One edit from the vocabulary's 24-letter "searchengineoptimization", but
    # longer than any word worth correcting (the work grows with the length).
    assert index._typos("searchengineoptimizationx") == []
    assert "searchengineoptimization" in index._typos("searchengineoptimizatio")
    assert bf.search("x" * 999) == ()


def test_a_name_is_exact_word_for_word_or_as_one_spelt_word() -> None:
    assert bf.search("rubyonrails")[0].exact
    assert bf.search("rubyonrails")[0].matches[0].kind is bf.MatchKind.NAME
    assert not any(hit.exact for hit in bf.search("d jango"))
    # A record named only by common words is still found by its name.
    record = attrs.evolve(
        KB.get("flask"), id="them", name="Them", aliases=(), packages=(), rankings=()
    )
    kb = bf.KnowledgeBase([*RECORDS, record], KB.sources(), KB.vocabularies())
    assert kb.search("Them")[0].framework.id == "them"
    with pytest.raises(bf.InvalidQueryError, match="only common words"):
        kb.search("the")


def test_stop_words_are_ignored_and_alone_are_an_error() -> None:
    assert bf.search("good for prototyping") == bf.search("prototyping")
    assert bf.search("the best framework for the web") == bf.search("framework web")
    for text in ("the", "for the", "What is it?"):
        with pytest.raises(bf.InvalidQueryError, match="only common words"):
            bf.search(text)


@pytest.mark.parametrize(
    ("query", "record"),
    [("golang", "gin"), ("swagger", "fastapi"), ("admin panel", "django"),
     ("task queue", "laravel"), ("machine learning", "flask"), ("saas", "firebase"),
     ("erlang vm", "phoenix"), ("dotnet core", "aspnet-core")],
)  # fmt: skip
def test_vocabulary_synonyms_find_the_term(query: str, record: str) -> None:
    # Features, use cases, languages and runtimes: each vocabulary's synonyms count.
    assert record in [hit.framework.id for hit in bf.search(query, limit=3)]


# -- text analysis ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Real-time APIs", ["realtime", "real", "time", "api"]),
        ("Node.js and ASP.NET", ["nodej", "node", "js", "aspnet", "asp", "net"]),
        ("The Élixir libraries", ["elixir", "library"]),
        ("C++ or C#", ["c++", "c#"]),
        ("the for of", ["the", "for", "of"]),  # nothing else: the stop words stay
    ],
)
def test_record_text_becomes_compounds_parts_and_stems(text: str, terms: list[str]) -> None:
    assert analyze(text) == terms


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("websockets", "websocket"), ("libraries", "library"), ("classes", "classe"),
     ("express", "express"), ("status", "status"), ("apis", "api"), ("bus", "bus"),
     ("goes", "goe"), ("v2s", "v2s")],
)  # fmt: skip
def test_the_s_stemmer_folds_plurals_only(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_a_query_keeps_compounds_whole_and_knows_their_parts() -> None:
    assert query_words("good for real-time chat") == [("realtime", ("real", "time")), ("chat", ())]
    assert only_stop_words("for the")
    assert not only_stop_words("for rails")


# -- matches ----------------------------------------------------------------------------


def test_matches_say_what_they_are_with_status_and_sources_best_first() -> None:
    hits = bf.search("easy to learn orm", limit=5)
    assert hits
    for hit in hits:
        assert hit.matches, hit.framework.id
        scores = [match.score for match in hit.matches]
        assert scores == sorted(scores, reverse=True)
        for match in hit.matches:
            assert isinstance(match.kind, bf.MatchKind)
            assert set(match.terms) <= {"easy", "learn", "orm"}
            statement = match.statement
            if statement is None:
                assert match.kind in {bf.MatchKind.NAME, bf.MatchKind.ALIAS, bf.MatchKind.SUMMARY}
                assert match.sources == ()
            else:
                assert match.sources == statement.sources
                assert match.status == getattr(statement, "status", None)
    kinds = {match.kind for hit in hits for match in hit.matches}
    assert {bf.MatchKind.FEATURE, bf.MatchKind.QUALITY} <= kinds


def _texts(record: bf.Framework) -> list[str]:
    """The record's own words, gathered independently of the index."""
    texts = [record.id, record.name, *record.aliases, record.summary]
    texts += [c.text for c in (*record.pros, *record.cons, *record.claims)]
    texts += [c.text for c in record.qualities]
    texts += [c.text for c in record.use_cases]
    texts += [u.name for u in record.notable_users]
    texts += [f.provided_by + " " + f.note for f in record.features if f.support.provided]
    return texts


@pytest.mark.parametrize("text", ["prototyping", "python", "orm", "real-time", "node", "redis"])
def test_every_record_that_says_a_word_is_a_hit_and_every_hit_shows_why(text: str) -> None:
    hits = bf.search(text)
    assert all(hit.matches for hit in hits), text
    found = {hit.framework.id for hit in hits}
    word = query_words(text)[0][0]
    saying = {r.id for r in RECORDS if any(word in analyze(t) for t in _texts(r))}
    assert saying
    assert saying <= found, (text, saying - found)


def test_a_match_scores_by_its_field_weight() -> None:
    hit = bf.search("swagger", limit=1)[0]
    scores = {match.kind: match.score for match in hit.matches}
    feature, pro = scores[bf.MatchKind.FEATURE], scores[bf.MatchKind.PRO]
    ratio = FIELD_WEIGHTS["feature"] / FIELD_WEIGHTS["pro"]
    assert feature == pytest.approx(pro * ratio, abs=1e-5)  # scores are rounded to 6 places


def _with(record: bf.Framework, **changes: Any) -> bf.KnowledgeBase:
    others = [r for r in RECORDS if r.id != record.id]
    return bf.KnowledgeBase(
        [*others, attrs.evolve(record, **changes)], KB.sources(), KB.vocabularies()
    )


def test_a_feature_known_to_be_absent_is_not_found_for_it() -> None:
    flask = KB.get("flask")
    cited = flask.features[0].sources
    absent = bf.FeatureSupport("graphql", bf.SupportLevel.NONE, cited)
    kept = [f for f in flask.features if f.feature != "graphql"]
    kb = _with(flask, features=(*kept, absent), summary="A micro web framework.")
    hit = {h.framework.id: h for h in kb.search("graphql")}.get("flask")
    assert hit is None or all(m.kind is not bf.MatchKind.FEATURE for m in hit.matches)


def test_a_use_case_it_is_not_suited_for_does_not_find_it_by_that_use_case() -> None:
    flask = KB.get("flask")
    cited = flask.pros[0].sources
    unsuited = bf.UseCaseClaim("telecom", "Never used for switching calls.", cited, suited=False)
    suited = attrs.evolve(unsuited, suited=True)
    assert "flask" not in [
        h.framework.id for h in _with(flask, use_cases=(unsuited,)).search("telecom")
    ]
    assert "flask" in [h.framework.id for h in _with(flask, use_cases=(suited,)).search("telecom")]


def _copies_of_flask(count: int) -> list[bf.Framework]:
    """Records that share every statement with Flask's, under new ids and names."""
    template = KB.get("flask")
    return [
        attrs.evolve(
            template, id=f"copy-{n}", name=f"Copy {n}", aliases=(), packages=(), rankings=()
        )
        for n in range(count)
    ]


def test_records_sharing_statements_score_as_if_each_had_its_own_copy() -> None:
    shared = _copies_of_flask(3)
    own = [copy.deepcopy(record) for record in shared]
    rest = [r for r in RECORDS if r.id != "flask"]
    results = []
    for records in (shared, own):
        kb = bf.KnowledgeBase([*rest, *records], KB.sources(), KB.vocabularies())
        results.append(
            [(h.framework.id, h.score) for h in kb.search("easy to learn micro framework")]
        )
    assert results[0] == results[1]
    assert [i for i, _ in results[0][:3]] == ["copy-0", "copy-1", "copy-2"]


def test_document_frequency_counts_each_record_once() -> None:
    records = [*RECORDS, *_copies_of_flask(3)]
    index = SearchIndex(records, KB.vocabularies())
    brute: dict[str, int] = {}
    for own in index._parts_of:
        for term in {t for part in own for t in part.weighted}:
            brute[term] = brute.get(term, 0) + 1
    assert index._document_frequency == brute
    assert index._document_frequency["flask"] >= 4


def test_field_weights_put_names_above_summaries_above_claims() -> None:
    assert FIELD_WEIGHTS["name"] > FIELD_WEIGHTS["alias"] > FIELD_WEIGHTS["summary"]
    assert FIELD_WEIGHTS["summary"] > FIELD_WEIGHTS["claim"] > FIELD_WEIGHTS["con"]
    # The record named by a word outranks records that only mention it.
    assert bf.search("django flask")[0].framework.id in {"django", "flask"}
    assert [h.framework.id for h in bf.search("wagtail", limit=1)] == ["wagtail"]


# -- limits and errors -----------------------------------------------------------------


def test_results_are_ordered_and_limited() -> None:
    hits = bf.search("framework for web apps")
    assert [h.score for h in hits if not h.exact] == sorted(
        (h.score for h in hits if not h.exact), reverse=True
    )
    assert bf.search("framework for web apps", limit=2) == hits[:2]
    assert bf.search("framework for web apps", limit=0) == ()


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "(.*", "***", "#", "+", "?!#", "-- / --"])
def test_a_query_without_words_is_an_error(text: str) -> None:
    with pytest.raises(bf.InvalidQueryError, match="no words"):
        bf.search(text)


def test_regex_characters_are_plain_text() -> None:
    assert bf.search("c++ .* [a-z] (x|y)?") == bf.search("c++ a z x y")


@pytest.mark.parametrize(
    ("args", "builtin"),
    [((3,), TypeError), ((None,), TypeError), (("django",), None),
     (("django", -1), ValueError), (("django", "2"), TypeError), (("django", True), TypeError)],
)  # fmt: skip
def test_bad_arguments_are_library_errors(args: tuple[Any, ...], builtin: type | None) -> None:
    if builtin is None:
        assert bf.search(*args)
        return
    with pytest.raises(bf.InvalidQueryError) as caught:
        bf.search(*args)
    assert isinstance(caught.value, builtin)


def test_text_longer_than_the_bound_is_refused_at_once() -> None:
    assert bf.search("django " * (bf.MAX_QUERY_CHARS // 7))
    with pytest.raises(bf.InvalidQueryError, match="characters"):
        bf.search("ab " * 10_000)


def test_no_word_is_dropped_silently() -> None:
    many = [f"zz{n}" for n in range(bf.MAX_QUERY_WORDS - 1)]
    assert bf.search(" ".join([*many, "django"]))[0].framework.id == "django"
    with pytest.raises(bf.InvalidQueryError, match="33 distinct words"):
        bf.search(" ".join([*many, "django", "flask"]))


def _index_of(kb: bf.KnowledgeBase) -> SearchIndex | None:
    return kb._search_index


def test_the_index_is_built_once_per_knowledge_base() -> None:
    kb = bf.KnowledgeBase(RECORDS, KB.sources(), KB.vocabularies())
    assert _index_of(kb) is None
    first = kb.search("django")
    index = _index_of(kb)
    assert isinstance(index, SearchIndex)
    assert kb.search("django") == first
    assert _index_of(kb) is index
