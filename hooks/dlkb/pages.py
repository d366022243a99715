"""Where every page of the site lives: declared once, read by the pages, the nav, the staged
site and the checks that keep a file's id from taking a generated page's place."""

from __future__ import annotations

# The generated pages that are not per framework or per comparison: path, template, nav title.
# Their paths are declared here once; the nav, the page list and the staged site read them.
SECTION_PAGES = {
    "matrix": ("compare/matrix.md", "matrix.md.j2", "기능 비교표"),
    "pros-cons": ("compare/pros-cons.md", "pros_cons.md.j2", "장점과 단점"),
    "licenses": ("compare/licenses.md", "licenses.md.j2", "라이선스"),
    "timeline": ("compare/timeline.md", "timeline.md.j2", "연표"),
    "lineage": ("compare/lineage.md", "lineage.md.j2", "계보"),
}
HOME, FRAMEWORK_LIST = "index.md", "frameworks/index.md"
GLOSSARY, DATA, CONTRIBUTING = "glossary.md", "data.md", "contributing.md"
TOOLS = "tools.md"  # runtimes and libraries taken for frameworks (data/tools.yaml)
HEALTH = "health.md"  # the health check and the data gaps (dlkb.health)
CHANGES = "changes.md"  # the latest changes to the framework files, from git (dlkb.history)
RECOMMENDATIONS = "recommendations.md"  # the site's dated recommendations (data/recommendations.yaml)
COMPARE_INDEX = "compare/index.md"  # written by hand under docs/
GUIDE = "guide/index.md"  # the chooser, its default answer rendered (dlkb.needs.answer)


MIGRATE_INDEX = "migrate/index.md"  # moving off frameworks that are no longer active (data/migrations/)


def migration_page(fw_id: str) -> str:
    return f"migrate/{fw_id}.md"


def link_from_framework_page(path: str) -> str:
    """The relative address of a generated page as written on a framework page
    (frameworks/<id>/): `migrate/chainer.md` -> `../../migrate/chainer/`."""
    return "../../" + path.removesuffix(".md") + "/"


def relative_root(path: str) -> str:
    """The site root as seen from a generated page: `frameworks/pytorch.md` (served at
    frameworks/pytorch/) -> `../../`, `migrate/index.md` -> `../`, `index.md` -> ``."""
    parts = path.removesuffix(".md").split("/")
    return "../" * (len(parts) - (parts[-1] == "index"))


def framework_page(fw_id: str) -> str:
    return f"frameworks/{fw_id}.md"


def tool_anchor(tool_id: str) -> str:
    """A tool's place on the tools page, from the site root (`root` is "../../" on a framework page)."""
    return f"{TOOLS.removesuffix('.md')}/#{tool_id}"


def recommendation_anchor(rec_id: str) -> str:
    """A situation's place on the recommendations page, from the site root."""
    return f"{RECOMMENDATIONS.removesuffix('.md')}/#{rec_id}"


def comparison_page(cmp_id: str) -> str:
    return f"compare/{cmp_id}.md"


def reserved_framework_ids() -> set[str]:
    """Ids a framework file may not have: its page would replace the list of frameworks."""
    return {FRAMEWORK_LIST.split("/")[-1].removesuffix(".md")}


def reserved_comparison_ids() -> set[str]:
    """Ids a comparison may not have: its page would replace a page under compare/."""
    taken = [path for path, _, _ in SECTION_PAGES.values()] + [COMPARE_INDEX]
    return {path.split("/")[-1].removesuffix(".md") for path in taken if path.startswith("compare/")}



EXAMPLES = "examples.md"  # the same small example in each framework (data/examples.yaml, examples/)
