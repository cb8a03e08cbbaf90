"""`make export`: every page of every version as plain, clean HTML to paste into a Local Offer website.

Many Local Offer websites run on a hosted directory platform where a team can only edit pages in
a web editor. This takes a built site (local values already filled in) and writes, per page, the
page's own content and nothing of the theme: no menu, no scripts, no styles, no classes. Headings
keep their ids (so links to a section still work), and each page keeps its sources and review dates.

    python -m scripts.export SITE_DIR OUT_DIR [--links guide|pages] [--site-url URL]

--links guide   links between pages lead to the published guide (site_url in local.yml): paste
                single pages, and readers follow links to the guide for the rest.
--links pages   links lead to the other exported files: upload them all together.

OUT_DIR gets index.html (every page, per version) and <version>/<page>.html, e.g. sv/glossary.html.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Tag

from scripts import site_versions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LINK_MODES = ("guide", "pages")

# What a CMS editor can keep: structure and meaning, nothing that runs or styles.
GLOBAL_ATTRIBUTES = {"id", "lang", "dir"}
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
    "div": {"role"},
    "aside": {"aria-labelledby"},
}
REMOVE = ("script", "style", "noscript", "iframe", "object", "embed", "form", "input", "button", "svg", "link", "meta")
SAFE_SCHEMES = ("https", "http", "mailto", "tel")


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class ExportPage:
    version: site_versions.Version
    name: str  # what-is-a-cetr (index for the home page)

    @property
    def url_path(self) -> str:
        """Its address below site_url: sv/what-is-a-cetr/."""
        return self.version.prefix + ("" if self.name == "index" else self.name + "/")

    @property
    def built(self) -> str:
        """Its path in the built site: sv/what-is-a-cetr/index.html."""
        return self.url_path + "index.html"

    @property
    def exported(self) -> str:
        return f"{self.version.code}/{self.name}.html"


def pages_of(docs: Path, versions: site_versions.SiteVersions) -> list[ExportPage]:
    """Every content page, from docs/<version>/*.md (the site also holds redirects and 404 pages)."""
    return [
        ExportPage(version, path.relative_to(docs / version.code).with_suffix("").as_posix())
        for version in versions
        for path in sorted((docs / version.code).rglob("*.md"))
    ]


class Exporter:
    def __init__(self, site: Path, out: Path, pages: list[ExportPage], links: str, site_url: str):
        if links not in LINK_MODES:
            raise ExportError(f"links must be one of {', '.join(LINK_MODES)}, not '{links}'")
        self.site, self.out, self.pages, self.links = site, out, pages, links
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.by_url = {"/" + page.url_path: page for page in pages}
        self.pictures: set[str] = set()

    def guide_url(self, site_path: str) -> str:
        return urljoin(self.site_url, site_path.lstrip("/"))

    def rewrite_href(self, page: ExportPage, href: str) -> str | None:
        """Where a link in `page` leads in the export, or None to drop a link that must not be followed."""
        scheme = urlsplit(href).scheme.lower()
        if scheme:
            return href if scheme in SAFE_SCHEMES else None
        if href.startswith("#"):
            return href
        target = urlsplit(urljoin("/" + page.url_path, href))
        path = target.path if target.path.endswith("/") or "." in PurePosixPath(target.path).name else target.path + "/"
        fragment = f"#{target.fragment}" if target.fragment else ""
        linked = self.by_url.get(path)
        if linked and self.links == "pages":
            relative = Path("../" * (page.exported.count("/")) + linked.exported).as_posix()
            return (relative if linked != page else "") + fragment or "#"
        return self.guide_url(path) + fragment

    def rewrite_src(self, page: ExportPage, src: str) -> str | None:
        scheme = urlsplit(src).scheme.lower()
        if scheme:
            return src if scheme == "https" else None
        path = urlsplit(urljoin("/" + page.url_path, src)).path
        if self.links == "pages":
            self.pictures.add(path.lstrip("/"))
            return "../" * page.exported.count("/") + path.lstrip("/")
        return self.guide_url(path)

    def clean(self, page: ExportPage, article: Tag) -> None:
        for node in article.find_all(string=lambda text: isinstance(text, Comment)):
            node.extract()
        for tag in article.find_all(REMOVE):
            tag.decompose()
        for tag in article.select("a.headerlink"):
            tag.decompose()
        # An admonition ("In a crisis") stays a marked group with its title in bold.
        for box in article.select("div.admonition"):
            box.attrs = {"role": "note"}
            title = box.select_one(".admonition-title")
            if title:
                title.attrs = {}
                title.wrap(article.new_tag("p"))
                title.name = "strong"
        for tag in article.find_all(True):
            allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag.name, set())
            tag.attrs = {key: value for key, value in tag.attrs.items() if key in allowed}
            if tag.name == "a" and "href" in tag.attrs:
                href = self.rewrite_href(page, tag["href"])
                if href is None:
                    del tag["href"]
                else:
                    tag["href"] = href
            if tag.name == "img" and "src" in tag.attrs:
                src = self.rewrite_src(page, tag["src"])
                if src is None:
                    tag.decompose()
                else:
                    tag["src"] = src
        # Wrappers with nothing left to say (the theme's table scroll boxes, code colouring, the
        # glossary's <nav> of letters: a council's page has its own navigation; the links stay).
        for tag in reversed(article.find_all(["div", "span", "nav"])):
            if not tag.attrs:
                if tag.get_text() == "" and not tag.find(True):
                    tag.decompose()
                else:
                    tag.unwrap()

    def export_page(self, page: ExportPage) -> tuple[str, str]:
        source = self.site / page.built
        if not source.is_file():
            raise ExportError(f"{page.built}: not in the built site: build it first (make export does)")
        soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            raise ExportError(f"{page.built}: has no <article>: is this a page of the guide?")
        lang = soup.html.get("lang", "en") if soup.html else "en"
        title = soup.title.get_text(strip=True) if soup.title else page.name
        self.clean(page, article)
        body = "".join(str(child) for child in article.children).strip()
        return title, document(lang, title, body)

    def run(self) -> list[Path]:
        if self.out.exists():
            shutil.rmtree(self.out)
        written, titles = [], {}
        for page in self.pages:
            title, text = self.export_page(page)
            titles[page] = title
            target = self.out / page.exported
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
        for picture in sorted(self.pictures):
            source = self.site / picture
            if source.is_file():
                (self.out / picture).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, self.out / picture)
        index = self.out / "index.html"
        index.write_text(self.index(titles), encoding="utf-8")
        written.append(index)
        return written

    def index(self, titles: dict[ExportPage, str]) -> str:
        sections, versions = [], []
        for page in self.pages:
            if page.version not in versions:
                versions.append(page.version)
        for version in versions:
            items = "\n".join(
                f'<li><a href="{html.escape(page.exported)}">{html.escape(titles[page])}</a></li>'
                for page in self.pages if page.version == version
            )
            sections.append(f'<section lang="{html.escape(version.html_lang)}">\n<h2>{html.escape(version.name)}</h2>\n'
                            f'<ul>\n{items}\n</ul>\n</section>')
        intro = ("<p>Every page of the guide as plain HTML, one file per page, to paste into a web editor. "
                 + ("Links between pages lead to the published guide.</p>" if self.links == "guide"
                    else "Links between pages lead to the other files here: upload them together.</p>"))
        return document("en", "CETR Family Guide: exported pages", "<h1>CETR Family Guide: exported pages</h1>\n" + intro + "\n" + "\n".join(sections))


def document(lang: str, title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.export", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build --strict)")
    parser.add_argument("out", type=Path, help="the folder to write the exported pages to")
    parser.add_argument("--links", choices=LINK_MODES, help="default: export.links in local.yml, else guide")
    parser.add_argument("--site-url", help="default: site_url in local.yml")
    parser.add_argument("--docs", type=Path, default=PROJECT_ROOT / "docs")
    options = parser.parse_args(argv)
    links, site_url = options.links, options.site_url
    if links is None or site_url is None:
        from scripts.local_settings import SettingsError, load_settings

        try:
            data = load_settings(PROJECT_ROOT / "local.yml").data
        except SettingsError as error:
            print(f"local.yml:{error.problem.line}: {error.problem.rule}: {error.problem.message}", file=sys.stderr)
            return 1
        export_settings = data.get("export") if isinstance(data.get("export"), dict) else {}
        links = links or export_settings.get("links", "guide")
        site_url = site_url or data.get("site_url", "")
    try:
        versions = site_versions.load(options.docs.parent / "mkdocs.yml")
        written = Exporter(options.site, options.out, pages_of(options.docs, versions), links, site_url).run()
    except (ExportError, site_versions.VersionsError) as error:
        print(f"export: {error}", file=sys.stderr)
        return 1
    print(f"{len(written) - 1} pages and an index in {options.out}/ (links: {links})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
