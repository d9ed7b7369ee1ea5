"""Headless Chromium for the review-page tests: the system browser, driven by Playwright.

No browser is downloaded: the executable is the one the machine has
(Debian's ``chromium``, installed by .ci/run), or $CHROMIUM_PATH.
"""
from __future__ import annotations

import os
import shutil

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# For every highlight: its fact id, fragment number, element id, text, and the
# number of characters (code points, as Python counts) before it in the text.
COLLECT_MARKS = """() => {
  const doc = document.getElementById('doc-text');
  const marks = [];
  for (const el of doc.querySelectorAll('mark.f')) {
    const range = document.createRange();
    range.setStart(doc, 0);
    range.setEnd(el, 0);
    marks.push({fact: el.dataset.fact, part: Number(el.dataset.part), id: el.id,
                kind: el.classList[1].slice(2), text: el.textContent,
                start: Array.from(range.toString()).length});
  }
  return {text: doc.textContent, marks: marks};
}"""


def chromium_path() -> str:
    given = os.environ.get("CHROMIUM_PATH")
    if given:
        return given
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("no Chromium found: install Debian's chromium (apt-get install chromium) "
                       "or set CHROMIUM_PATH")


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(),
                                      args=["--no-sandbox", "--disable-gpu"])


def facts_in_dom(page) -> tuple:
    """(text, {fact id: {'kind', 'start', 'text', 'anchors'}}) as the browser sees the page."""
    seen = page.evaluate(COLLECT_MARKS)
    facts = {}
    for mark in sorted(seen["marks"], key=lambda m: (m["fact"], m["part"])):
        fact = facts.setdefault(mark["fact"], {"kind": mark["kind"], "start": None, "text": "", "anchors": 0})
        if mark["part"] == 0:
            fact["start"] = mark["start"]
            fact["anchors"] += 1 if mark["id"] == f"f-{mark['fact']}" else 0
        fact["text"] += mark["text"]
    return seen["text"], facts
