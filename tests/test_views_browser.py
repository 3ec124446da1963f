"""The seed's page in a real browser: headless Chromium shows its entities highlighted."""

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from sahel_news.pipeline import parse_article
from sahel_news.views import KINDS, render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="needs Debian's chromium package (apt-get install chromium); .ci/run installs it",
    ),
]

# A browser that touches nothing outside this run: no network services, a new profile.
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--force-device-scale-factor=1",
]


def chromium(tmp_path, *args):
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


class Marks(HTMLParser):
    """Each <mark>'s classes and text, from the DOM Chromium rendered."""

    def __init__(self):
        super().__init__()
        self.marks = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.open.append((dict(attrs).get("class", "").split(), []))

    def handle_data(self, data):
        for _, texts in self.open:
            texts.append(data)

    def handle_endtag(self, tag):
        if tag == "mark":
            classes, texts = self.open.pop()
            self.marks.append((classes, "".join(texts)))


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, seed_text):
    path = tmp_path_factory.mktemp("view") / "seed.html"
    path.write_text(render_html(parse_article(seed_text)), encoding="utf-8")
    return path


def hex_rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


class TestSeedInChromium:
    def test_the_rendered_dom_marks_the_seed_entities(self, tmp_path, seed_page):
        """In the DOM Chromium builds, the seed's entities are marks of their kinds."""
        dom = chromium(tmp_path, "--dump-dom", seed_page.as_uri()).stdout
        parser = Marks()
        parser.feed(dom)
        found = {(text, classes[-1]) for classes, text in parser.marks if "ent" in classes}
        for expected in [
            ("Mali", "ent-country"),
            ("Burkina Faso", "ent-country"),
            ("Yunus-Bek Yevkurov", "ent-person"),
            ("Assimi Goita", "ent-person"),
            ("Russian Defense Ministry", "ent-org"),
            ("European Union", "ent-org"),
            ("visited", "ent-event"),
            ("on Monday", "ent-time"),
            ("Bamako", "ent-place"),
        ]:
            assert expected in found

    def test_each_kind_is_painted_in_its_colour(self, tmp_path, seed_page):
        """The top of the page, all article text, shows every kind in its colour."""
        from PIL import Image

        shot = tmp_path / "seed.png"
        chromium(tmp_path, "--window-size=1000,700", f"--screenshot={shot}", seed_page.as_uri())
        with Image.open(shot) as image:
            colours = {rgb: count for count, rgb in image.convert("RGB").getcolors(1 << 20) or []}
        for kind, (_, colour) in KINDS.items():
            assert colours.get(hex_rgb(colour), 0) > 500, kind
