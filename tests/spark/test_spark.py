"""Spark, run for real: the README's recipe (recipe.py) in local mode over a JSON Lines
file of real articles, against `dateline analyze` on the same file.

Run by `./dev test-spark` (which installs pyspark and builds the CLI first):

    python -m unittest discover -s tests/spark -p 'test_*.py'

Environment: DATELINE_BIN (the release binary), DATELINE_SHARED (../shared).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("DATELINE_BIN", os.path.join(ROOT, "target", "release", "dateline"))
SHARED = os.environ.get("DATELINE_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
TODAY = "2026-12-03"


def pile(path):
    """The samples, the article-extraction corpus's bodies and one Timeline17 topic
    (each article with its publication date, from its file name), one JSON line each.
    Returns the number of lines."""
    lines = []
    for f in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        with open(f, encoding="utf-8") as fh:
            lines.append({"title": os.path.basename(f), "text": fh.read()})
    with open(os.path.join(SHARED, "corpora", "article-extraction", "ground-truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    for key in sorted(truth):
        lines.append({"url": truth[key]["url"], "text": truth[key]["articleBody"]})
    for f in sorted(glob.glob(os.path.join(SHARED, "corpora", "timelines-t17", "mj", "articles", "*.txt"))):
        with open(f, encoding="utf-8") as fh:
            lines.append({"title": os.path.basename(f), "date": os.path.basename(f)[:10], "text": fh.read()})
    # Line and paragraph separators inside a text (JSON keeps them raw): a line is
    # still one article.
    lines.append({"title": "Separators", "date": "2025-11-25",
                  "text": "On Monday, President Ilse Vantrow met King Theodric Morwen.\u2028"
                          "On Tuesday, Vantrow spoke by phone with Morwen.\u2029\u0085"})
    with open(path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(lines)


def events(analysis):
    """Each event as its merge key and its sources (article, evidence span), sorted."""
    return sorted(
        (e["key"], tuple(sorted((s["article"], s["start"], s["end"]) for s in e["sources"])))
        for e in analysis["events"]
    )


class SparkRecipe(unittest.TestCase):
    def test_the_readme_shows_the_recipe_word_for_word(self):
        with open(os.path.join(ROOT, "tests", "spark", "recipe.py"), encoding="utf-8") as fh:
            recipe = fh.read()
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
            self.assertIn("```python\n" + recipe + "```", fh.read())

    def test_the_recipe_gives_analyze_timeline(self):
        with tempfile.TemporaryDirectory() as tmp:
            articles = os.path.join(tmp, "articles.jsonl")
            n = pile(articles)
            self.assertGreater(n, 200)
            out = os.path.join(tmp, "timeline")
            recipe = os.path.join(ROOT, "tests", "spark", "recipe.py")
            subprocess.run([sys.executable, recipe, BIN, articles, out, "local[2]", TODAY], check=True)
            with open(os.path.join(out, "part-00000"), encoding="utf-8") as fh:
                spark = json.load(fh)
            self.assertEqual(glob.glob(os.path.join(out, "part-0000[1-9]")), [], "one timeline")
            analyzed = subprocess.run(
                [BIN, "analyze", "--today", TODAY, articles], check=True, capture_output=True, text=True
            )
            direct = json.loads(analyzed.stdout)
            self.assertEqual(len(spark["articles"]), n)
            self.assertEqual(
                [a["title"] for a in spark["articles"]], [a["title"] for a in direct["articles"]], "the pile's order"
            )
            self.assertGreater(len(direct["events"]), 500)
            self.assertEqual(events(spark), events(direct))
            self.assertEqual(
                [a["published"] for a in spark["articles"]], [a["published"] for a in direct["articles"]]
            )
            # Reports merged across articles: some events cite several.
            self.assertTrue(any(len({s["article"] for s in e["sources"]}) > 1 for e in spark["events"]))


if __name__ == "__main__":
    unittest.main()
