"""Tests of the TempEval-3 scorer: gold against itself scores 100, no TIMEX3 scores 0.

    python3 -m unittest scripts/test_tempeval.py
"""

import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tempeval  # noqa: E402

DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-10-25">yesterday</TIMEX3> that profit rose in <TIMEX3 tid="t2" type="DATE" value="1989-Q3">the third quarter</TIMEX3>, for <TIMEX3 tid="t3" type="DURATION" value="P9M">the nine months</TIMEX3>.
</TEXT>
</TimeML>
"""

SHARED = "/work/shared/corpora/tempeval3-train"


def write(d, sub, name, text):
    os.makedirs(os.path.join(d, sub), exist_ok=True)
    with open(os.path.join(d, sub, name), "w", encoding="utf-8") as f:
        f.write(text)


def strip_text_timex(doc):
    head, rest = doc.split("<TEXT>", 1)
    body, tail = rest.split("</TEXT>", 1)
    body = re.sub(r"</?TIMEX3[^>]*>", "", body)
    return head + "<TEXT>" + body + "</TEXT>" + tail


class ScorerTest(unittest.TestCase):
    def test_gold_scores_100(self):
        with tempfile.TemporaryDirectory() as g:
            write(g, "A", "x.tml", DOC)
            write(g, "B", "y.tml", DOC)
            figs, misses = tempeval.score(g, g)
            for sub in ("A", "B", "ALL"):
                for k in ("strict_f1", "relaxed_f1", "type_f1", "value_f1", "value_accuracy"):
                    self.assertAlmostEqual(figs[sub][k], 1.0, msg=f"{sub} {k}")
            self.assertEqual(misses, [])
            self.assertEqual(figs["ALL"]["gold"], 6)

    def test_no_timex_scores_0(self):
        with tempfile.TemporaryDirectory() as g, tempfile.TemporaryDirectory() as s:
            write(g, "A", "x.tml", DOC)
            write(s, "A", "x.tml", strip_text_timex(DOC))
            figs, misses = tempeval.score(g, s)
            for k in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"):
                self.assertEqual(figs["ALL"][k], 0.0, k)
            self.assertEqual(len([m for m in misses if m[0] == "FN"]), 3)

    def test_relaxed_and_attributes(self):
        # One span too short (relaxed match only), one wrong value, one missing.
        sys_doc = DOC.replace(
            '<TIMEX3 tid="t2" type="DATE" value="1989-Q3">the third quarter</TIMEX3>',
            'the <TIMEX3 tid="t2" type="DATE" value="1989-Q3">third quarter</TIMEX3>',
        ).replace('value="1989-10-25"', 'value="1989-10-24"').replace(
            '<TIMEX3 tid="t3" type="DURATION" value="P9M">the nine months</TIMEX3>', "the nine months"
        )
        with tempfile.TemporaryDirectory() as g, tempfile.TemporaryDirectory() as s:
            write(g, "A", "x.tml", DOC)
            write(s, "A", "x.tml", sys_doc)
            f = tempeval.score(g, s)[0]["ALL"]
            self.assertAlmostEqual(f["strict_p"], 1 / 2)
            self.assertAlmostEqual(f["strict_r"], 1 / 3)
            self.assertAlmostEqual(f["relaxed_p"], 1.0)
            self.assertAlmostEqual(f["relaxed_r"], 2 / 3)
            self.assertAlmostEqual(f["value_accuracy"], 1 / 2)
            self.assertAlmostEqual(f["value_f1"], 0.8 * 0.5)

    @unittest.skipUnless(os.path.isdir(SHARED), "TempEval-3 training data not available")
    def test_real_gold_against_itself(self):
        figs, misses = tempeval.score(SHARED, SHARED)
        self.assertEqual(figs["ALL"]["gold"], 1822)
        self.assertAlmostEqual(figs["ALL"]["value_f1"], 1.0)
        self.assertAlmostEqual(figs["ALL"]["strict_f1"], 1.0)
        self.assertEqual(misses, [])


if __name__ == "__main__":
    unittest.main()
