"""Take the README's screenshot: the seeds' graph.html in headless Chromium, searching a name.

Usage: python scripts/screenshot_view.py [GRAPH_HTML] [PNG] [--search TEXT]
Needs Debian's chromium (/usr/bin/chromium) and the playwright package (no browser download).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=Path("output/graph.html"))
    parser.add_argument("png", nargs="?", type=Path, default=Path("docs/img/seeds-view.png"))
    parser.add_argument("--search", default="hue", help="text typed into the search box")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(args.page.resolve().as_uri())
        page.wait_for_selector("body[data-ready='true']")
        page.fill("#search", args.search)
        page.press("#search", "Enter")  # selects the first match and opens its side panel
        page.wait_for_timeout(1500)  # let the view settle on the selected node
        page.screenshot(path=str(args.png))
        browser.close()
    print(args.png)


if __name__ == "__main__":
    main()
