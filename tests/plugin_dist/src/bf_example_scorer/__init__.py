"""An example scorer plugin: rewards the team's favourite framework.

It reads its own option, ``favourite`` (a framework id), from
``requirements.options``; the core library never looks at it.
"""

from __future__ import annotations

import backend_frameworks as bf

__all__ = ["FavouriteScorer"]


class FavouriteScorer:
    """Full marks for the framework named in ``options["favourite"]``, none for others."""

    name = "favourite"
    description = "Is it the framework the team already likes?"
    default_weight = 1.0

    def score(self, framework: bf.Framework, requirements: bf.Requirements) -> bf.Score:
        """1 for the favourite, 0 otherwise; neutral when no favourite is set."""
        favourite = requirements.options.get("favourite")
        if not isinstance(favourite, str):
            return bf.Score(0.5, ["No favourite framework given."])
        if framework.id == favourite:
            return bf.Score(1.0, [f"{framework.name} is the team's favourite."])
        return bf.Score(0.0, [f"{framework.name} is not the team's favourite ({favourite})."])
