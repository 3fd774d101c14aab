"""The command line: ``backend-frameworks`` and ``python -m backend_frameworks``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ._default import default_knowledge_base, default_model
from ._errors import (
    BackendFrameworksError,
    InvalidModelError,
    InvalidQueryError,
    InvalidRequirementsError,
    ScorerError,
    UnknownFrameworkError,
    UnknownPackageError,
)
from ._export import to_dict
from ._lifecycle import as_day
from ._render import render_framework, render_lifecycle, render_source
from ._requirements import Requirements
from ._scoring import CriterionScore
from ._search import Match
from ._version import __version__

__all__ = ["main"]

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_SCORER = 4


def _print_json(value: object, out: TextIO) -> None:
    json.dump(value, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _show(args: argparse.Namespace, out: TextIO) -> int:
    kb = default_knowledge_base()
    name = args.name.strip()
    record = kb.by_package(name) if name.lower().startswith("pkg:") else kb.get(name)
    if args.json:
        _print_json(to_dict(record), out)
    else:
        out.write(render_framework(record, kb))
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    records = default_knowledge_base().frameworks(include_related=args.all)
    if args.json:
        _print_json([to_dict(record) for record in records], out)
        return EXIT_OK
    width = max((len(record.id) for record in records), default=0)
    for record in records:
        languages = ", ".join(record.languages.value)
        out.write(
            f"{record.id:<{width}}  {record.name} ({record.kind.value.value}; {languages})\n"
        )
    return EXIT_OK


def _sources(args: argparse.Namespace, out: TextIO) -> int:
    sources = default_knowledge_base().sources()
    if args.json:
        _print_json([to_dict(source) for source in sources], out)
        return EXIT_OK
    out.writelines(render_source(source) + "\n" for source in sources)
    return EXIT_OK


def _info(args: argparse.Namespace, out: TextIO) -> int:
    kb = default_knowledge_base()
    info = {
        "package_version": __version__,
        "data": to_dict(kb.data_info()),
        "frameworks": len(kb.frameworks()),
        "records": len(kb.frameworks(include_related=True)),
        "sources": len(kb.sources()),
    }
    if args.json:
        _print_json(info, out)
    else:
        data = kb.data_info()
        out.write(f"package version: {__version__}\n")
        out.write(f"data version: {data.version} (as of {data.as_of.isoformat()})\n")
        out.write(f"frameworks: {info['frameworks']}\n")
        out.write(f"records: {info['records']} (related technologies included)\n")
        out.write(f"sources: {info['sources']}\n")
    return EXIT_OK


def _search(args: argparse.Namespace, out: TextIO) -> int:
    hits = default_knowledge_base().search(args.text, limit=args.limit)
    if args.json:
        _print_json([to_dict(hit) for hit in hits], out)
        return EXIT_OK
    if not hits:
        out.write(f"no record matches {args.text!r}\n")
        return EXIT_OK
    for hit in hits:
        exact = "exact name; " if hit.exact else ""
        out.write(f"{hit.framework.id}  {hit.framework.name}  ({exact}score {hit.score:.2f})\n")
        out.writelines(
            f"    {_match_label(match)}: {match.text}{_cited(match.sources)}\n"
            for match in hit.matches[: args.matches]
        )
    return EXIT_OK


def _match_label(match: Match) -> str:
    """What a match is: its kind, and a claim's status."""
    return f"{match.kind.value}, {match.status.value}" if match.status else match.kind.value


def _cited(sources: tuple[str, ...]) -> str:
    return f" [{', '.join(sources)}]" if sources else ""


def _non_negative(text: str) -> int:
    """An argparse type: an int ``>= 0``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    comparison = default_knowledge_base().compare(*args.names)
    if args.json:
        _print_json(to_dict(comparison), out)
    else:
        out.write(comparison.render())
    return EXIT_OK


def _lifecycle(args: argparse.Namespace, out: TextIO) -> int:
    kb = default_knowledge_base()
    record = kb.get(args.name)
    lines = kb.release_lines(record.id)
    answers = [kb.is_supported(record.id, line.version, on=args.on) for line in lines]
    day = as_day(args.on)
    if args.json:
        policy = record.support_policy
        _print_json(
            {
                "framework": {"id": record.id, "name": record.name},
                "on": day.isoformat(),
                "policy": to_dict(policy) if policy is not None else None,
                "lines": [
                    {**to_dict(line), "supported": answer.security, "reason": answer.reason}
                    for line, answer in zip(lines, answers, strict=True)
                ],
            },
            out,
        )
    else:
        out.write(render_lifecycle(record, lines, answers, day, kb))
    return EXIT_OK


def _pairs(values: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=" if "=" in value else ":")
        pairs[key] = rest if sep else ""
    return pairs


def _requirements(args: argparse.Namespace) -> Requirements:
    languages = {k: v or "high" for k, v in _pairs(args.language).items()}
    wants = {k: v or "ecosystem" for k, v in _pairs(args.want).items()}
    priorities: dict[str, float] = {}
    for name, weight in _pairs(args.priority).items():
        try:
            priorities[name] = float(weight)
        except ValueError:
            raise InvalidRequirementsError(
                "priorities", f"weight of {name!r} is not a number: {weight!r}"
            ) from None
    return Requirements(
        languages=languages,
        experience=args.experience,
        must_have=args.need,
        nice_to_have=wants,
        use_cases=args.use_case,
        scale=args.scale,
        priorities=priorities,
        licenses=args.license or None,
        open_source_only=args.open_source_only,
        self_hosted_only=args.self_hosted_only,
        lts_required=args.lts_required,
        languages_only=args.languages_only,
        open_to_new_languages=args.open_to_new_languages,
        on=args.on,
        allow_unmaintained=args.allow_unmaintained,
        exclude=args.exclude,
        exclude_kinds=args.exclude_kind,
    )


def _criterion_line(mark: str, entry: CriterionScore, *, sources: bool) -> str:
    cited = f" [{', '.join(entry.sources)}]" if sources and entry.sources else ""
    reason = " ".join(entry.reasons)
    return f"    {mark} {entry.name:<18} {entry.value:.2f} x{entry.weight:g}  {reason}{cited}\n"


def _recommend(args: argparse.Namespace, out: TextIO) -> int:
    needs = _requirements(args)
    model = default_model(plugins=args.plugins)
    result = default_knowledge_base().recommend(needs, model, limit=args.limit)
    why_not = result.why_not(args.why_not) if args.why_not else None
    stability = result.stability() if len(result) else ()
    if args.json:
        exported = to_dict(result)
        exported["stability"] = [to_dict(item) for item in stability]
        if why_not is not None:
            exported["why_not"] = to_dict(why_not)
        _print_json(exported, out)
        return EXIT_OK
    if not len(result) and args.limit != 0:
        out.write("No framework meets every hard constraint.\n")
    for item, steady in zip(result, stability, strict=True):
        out.write(f"{item.rank:>2}. {item.framework.name:<24} {item.total:.3f}  ")
        out.write(f"(kept its place in {steady.kept:.0%} of variations)\n")
        if args.explain:
            out.writelines(_criterion_line(" ", entry, sources=True) for entry in item.breakdown)
        else:
            out.writelines(_criterion_line("+", entry, sources=False) for entry in item.deciding())
            if item.drawback is not None:
                out.write(_criterion_line("-", item.drawback, sources=False))
        if item.unverified:
            out.write(f"    ? unverified must-haves: {', '.join(item.unverified)}\n")
    if stability:
        out.write(f"\n{stability[0].headline}\n")
    if result.excluded:
        out.write(f"\nExcluded ({len(result.excluded)}):\n")
        out.writelines(
            f"  {exclusion.framework.name}: {exclusion.reason}\n" for exclusion in result.excluded
        )
    if why_not is not None:
        out.write(f"\nWhy not {why_not.framework.name}? {why_not.text}\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools)."""
    parser = argparse.ArgumentParser(
        prog="backend-frameworks",
        description="Look up backend frameworks in a sourced knowledge base.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser("show", help="one framework with every claim and its sources")
    show.add_argument(
        "name",
        help="id, name, alias or package URL, e.g. django, RoR, Express.js, pkg:npm/express",
    )
    show.set_defaults(handler=_show)

    listing = commands.add_parser("list", help="the backend frameworks, one a line")
    listing.add_argument(
        "--all", action="store_true", help="also related records (runtimes, UI libraries...)"
    )
    listing.set_defaults(handler=_list)

    sources = commands.add_parser("sources", help="every cited source")
    sources.set_defaults(handler=_sources)

    info = commands.add_parser("info", help="package and data versions")
    info.set_defaults(handler=_info)

    search = commands.add_parser("search", help="records ranked by relevance to some text")
    search.add_argument("text", help="words to look for in names, summaries and claims")
    search.add_argument("--limit", type=int, default=None, help="show at most this many")
    search.add_argument(
        "--matches",
        type=_non_negative,
        default=3,
        help="matches shown per record, best first (default 3)",
    )
    search.set_defaults(handler=_search)

    compare = commands.add_parser("compare", help="two or more records side by side")
    compare.add_argument("names", nargs="+", metavar="NAME", help="ids, names or aliases")
    compare.set_defaults(handler=_compare)

    rec = commands.add_parser(
        "recommend",
        help="rank the frameworks for a project, with reasons",
        description="Rank the backend frameworks for a project's needs, with reasons.",
    )
    rec.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="LANG[:LEVEL]",
        help="a language the team knows, optionally with proficiency (python:high)",
    )
    rec.add_argument(
        "--languages-only",
        action="store_true",
        help="leave out frameworks in none of the team's languages",
    )
    rec.add_argument(
        "--open-to-new-languages",
        action="store_true",
        help="the team would learn a new language: do not rank its own languages first",
    )
    rec.add_argument("--experience", help="the team's experience (very-low ... very-high)")
    rec.add_argument(
        "--need", action="append", default=[], metavar="FEATURE", help="a must-have feature"
    )
    rec.add_argument(
        "--want",
        action="append",
        default=[],
        metavar="FEATURE[:SUPPORT]",
        help="a nice-to-have feature, optionally with the weakest support that counts",
    )
    rec.add_argument(
        "--use-case", action="append", default=[], help="a use case (web-app, api, real-time...)"
    )
    rec.add_argument("--scale", choices=["small", "medium", "large"])
    rec.add_argument(
        "--priority",
        action="append",
        default=[],
        metavar="CRITERION=WEIGHT",
        help="replace a criterion's weight (performance=3)",
    )
    rec.add_argument("--license", action="append", default=[], help="an allowed SPDX license")
    rec.add_argument("--open-source-only", action="store_true")
    rec.add_argument("--self-hosted-only", action="store_true")
    rec.add_argument(
        "--lts-required",
        action="store_true",
        help="leave out frameworks whose published policy has no supported LTS line",
    )
    rec.add_argument("--on", metavar="DATE", help="judge support on this day (YYYY-MM-DD)")
    rec.add_argument(
        "--allow-unmaintained",
        action="store_true",
        help="also consider deprecated and archived frameworks",
    )
    rec.add_argument("--exclude", action="append", default=[], metavar="FRAMEWORK")
    rec.add_argument("--exclude-kind", action="append", default=[], metavar="KIND")
    rec.add_argument("--limit", type=int, help="show at most N frameworks")
    rec.add_argument("--explain", action="store_true", help="every criterion with its sources")
    rec.add_argument(
        "--why-not",
        metavar="FRAMEWORK",
        help="explain why a framework ranked lower or was excluded",
    )
    rec.add_argument(
        "--plugins", action="store_true", help="load scorer plugins from entry points"
    )
    rec.set_defaults(handler=_recommend)

    life = commands.add_parser(
        "lifecycle", help="a framework's release lines and their support windows"
    )
    life.add_argument("name", help="id, name or alias, e.g. django")
    life.add_argument("--on", metavar="DATE", help="the day to judge support on (default today)")
    life.set_defaults(handler=_lifecycle)

    for sub in (show, listing, sources, info, search, compare, rec, life):
        sub.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status.

    Exit status: 0 success, 1 an unknown name or package (the message
    suggests the closest), 2 a usage error (an empty search, fewer than two names to
    compare, invalid requirements), 3 invalid data (an overlay, for
    instance), 4 a scorer plugin failed.
    """
    stream = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args, stream)
    except (UnknownFrameworkError, UnknownPackageError) as error:
        print(f"backend-frameworks: {error}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except (InvalidQueryError, InvalidRequirementsError, InvalidModelError) as error:
        print(f"backend-frameworks: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ScorerError as error:
        print(f"backend-frameworks: {error}", file=sys.stderr)
        return EXIT_SCORER
    except BackendFrameworksError as error:
        print(f"backend-frameworks: {error}", file=sys.stderr)
        return EXIT_DATA
    return status
