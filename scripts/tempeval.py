#!/usr/bin/env python3
"""TempEval-3 Task A scorer for temporal expressions (TIMEX3), standard library only.

Usage:
    python3 scripts/tempeval.py GOLD_DIR SYSTEM_DIR [--misses FILE] [--json]
    python3 scripts/tempeval.py GOLD_DIR --census REGEX

GOLD_DIR is searched recursively for *.tml files; each is paired with the system file at
the same relative path under SYSTEM_DIR, or else the system file with the same name.
The sub-corpus of a document is the first directory of its path relative to GOLD_DIR
(e.g. TimeBank, AQUAINT).

Figures, as the official TempEval-3 scorer defines them (micro-averaged over documents):

* strict extraction: a system TIMEX3 matches a gold one when their character spans in
  the tag-free TEXT are equal;
* relaxed extraction: the spans share at least one character; recall counts gold
  TIMEX3s with an overlapping system one, precision system TIMEX3s with an overlapping
  gold one;
* attributes (type, value): over relaxed-matched pairs, accuracy = correct / matched,
  and attribute F1 = relaxed F1 x accuracy.

With --misses FILE, writes every false negative (FN), false positive (FP), wrong value
(VALUE) and wrong type (TYPE) with its context.
"""

import argparse
import html
import json
import os
import re
import sys
from collections import defaultdict

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
ATTR = re.compile(r'([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"]*)"|\'([^\']*)\')')


def read_timeml(path):
    """Returns (plain TEXT without tags, [timex dicts with start, end, type, value, text])."""
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    open_at = doc.find("<TEXT>")
    close_at = doc.find("</TEXT>", open_at)
    if open_at < 0 or close_at < 0:
        raise ValueError(f"{path}: expected <TEXT>...</TEXT>")
    raw = doc[open_at + len("<TEXT>"):close_at]
    plain = []
    length = 0
    timexes = []
    stack = []
    pos = 0
    for m in TAG.finditer(raw):
        chunk = html.unescape(raw[pos:m.start()])
        plain.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if stack:
                t = stack.pop()
                t["end"] = length
                timexes.append(t)
        else:
            a = {k: (v1 if v1 is not None else v2) for k, _, v1, v2 in ATTR.findall(attrs)}
            t = {"start": length, "type": a.get("type", ""), "value": a.get("value", "")}
            if selfclosing:
                t["end"] = length
                timexes.append(t)
            else:
                stack.append(t)
    chunk = html.unescape(raw[pos:])
    plain.append(chunk)
    text = "".join(plain)
    out = []
    for t in timexes:
        s, e = t["start"], t["end"]
        # Spans compare without surrounding white space.
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        t["start"], t["end"] = s, e
        t["text"] = text[s:e]
        if e > s:
            out.append(t)
    out.sort(key=lambda t: (t["start"], t["end"]))
    return text, out


class Counts:
    def __init__(self):
        self.gold = 0
        self.system = 0
        self.strict = 0
        self.relaxed_gold = 0  # gold with an overlapping system timex
        self.relaxed_sys = 0  # system with an overlapping gold timex
        self.matched = 0
        self.type_ok = 0
        self.value_ok = 0

    def add(self, other):
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def figures(self):
        def prf(tp_p, tp_r):
            p = tp_p / self.system if self.system else 0.0
            r = tp_r / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        sp, sr, sf = prf(self.strict, self.strict)
        rp, rr, rf = prf(self.relaxed_sys, self.relaxed_gold)
        type_acc = self.type_ok / self.matched if self.matched else 0.0
        value_acc = self.value_ok / self.matched if self.matched else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "type_accuracy": type_acc,
            "type_f1": rf * type_acc,
            "value_accuracy": value_acc,
            "value_f1": rf * value_acc,
        }


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def context(text, t, width=50):
    s = max(0, t["start"] - width)
    e = min(len(text), t["end"] + width)
    return (text[s:t["start"]] + "[" + text[t["start"]:t["end"]] + "]" + text[t["end"]:e]).replace("\n", " ")


def score_doc(gold_path, sys_path, name, misses):
    c = Counts()
    gtext, gold = read_timeml(gold_path)
    if sys_path is None:
        system = []
        stext = gtext
    else:
        stext, system = read_timeml(sys_path)
    if stext != gtext:
        print(f"warning: {name}: system TEXT differs from gold TEXT; offsets may not align", file=sys.stderr)
    c.gold = len(gold)
    c.system = len(system)
    for g in gold:
        over = [s for s in system if overlaps(g, s)]
        exact = [s for s in over if s["start"] == g["start"] and s["end"] == g["end"]]
        if exact:
            c.strict += 1
        if not over:
            misses.append(("FN", name, g["text"], g["type"], g["value"], "", "", context(gtext, g)))
            continue
        c.relaxed_gold += 1
        c.matched += 1
        s = exact[0] if exact else over[0]
        if s["type"] == g["type"]:
            c.type_ok += 1
        else:
            misses.append(("TYPE", name, g["text"], g["type"], g["value"], s["text"], s["type"], context(gtext, g)))
        if s["value"] == g["value"]:
            c.value_ok += 1
        else:
            misses.append(("VALUE", name, g["text"], g["type"], g["value"], s["text"], s["value"], context(gtext, g)))
        if not exact:
            misses.append(("SPAN", name, g["text"], g["type"], g["value"], s["text"], s["value"], context(gtext, g)))
    for s in system:
        if any(overlaps(g, s) for g in gold):
            c.relaxed_sys += 1
        else:
            misses.append(("FP", name, "", "", "", s["text"], s["value"], context(stext, s)))
    return c


def find_pairs(gold_dir, sys_dir):
    by_name = {}
    for root, _, files in os.walk(sys_dir):
        for f in files:
            if f.endswith(".tml"):
                by_name.setdefault(f, os.path.join(root, f))
    pairs = []
    for root, _, files in os.walk(gold_dir):
        for f in sorted(files):
            if not f.endswith(".tml"):
                continue
            g = os.path.join(root, f)
            rel = os.path.relpath(g, gold_dir)
            s = os.path.join(sys_dir, rel)
            if not os.path.exists(s):
                s = by_name.get(f)
            parts = rel.split(os.sep)
            sub = parts[0] if len(parts) > 1 else "."
            pairs.append((sub, rel, g, s))
    pairs.sort()
    return pairs


def score(gold_dir, sys_dir):
    """Returns ({sub-corpus or 'ALL': figures}, misses)."""
    per = defaultdict(Counts)
    total = Counts()
    misses = []
    missing = 0
    for sub, rel, g, s in find_pairs(gold_dir, sys_dir):
        if s is None:
            missing += 1
            print(f"warning: no system file for {rel}", file=sys.stderr)
        c = score_doc(g, s, rel, misses)
        per[sub].add(c)
        total.add(c)
    out = {sub: c.figures() for sub, c in sorted(per.items())}
    out["ALL"] = total.figures()
    return out, misses


def table(figs):
    cols = [
        ("gold", "gold"), ("sys", "system"),
        ("strictP", "strict_p"), ("strictR", "strict_r"), ("strictF1", "strict_f1"),
        ("relaxP", "relaxed_p"), ("relaxR", "relaxed_r"), ("relaxF1", "relaxed_f1"),
        ("typeAcc", "type_accuracy"), ("typeF1", "type_f1"),
        ("valAcc", "value_accuracy"), ("valueF1", "value_f1"),
    ]
    lines = ["| corpus | " + " | ".join(c for c, _ in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for sub, f in figs.items():
        cells = []
        for _, k in cols:
            v = f[k]
            cells.append(str(v) if isinstance(v, int) else f"{100 * v:.2f}")
        lines.append(f"| {sub} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def value_shape(value):
    """The form of a TIMEX3 value, with the digits of the date abstracted away."""
    forms = [
        (r"\d{4}-W\d+", "YYYY-Wnn"), (r"\d{4}-WXX", "YYYY-WXX"), (r"\d{4}-W\d+-WE", "YYYY-Wnn-WE"),
        (r"\d{4}-\d\d-\d\dT.*", "day+time"), (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-\d\d", "month"),
        (r"\d{4}-Q\d", "quarter"), (r"\d{4}-QX", "YYYY-QX"), (r"\d{4}-XX(-XX)?", "YYYY-XX"),
        (r"\d{4}", "year"), (r"\d{3}", "decade (YYY)"), (r"\d{3}X", "decade (YYYX)"),
    ]
    for pattern, name in forms:
        if re.fullmatch(pattern, value):
            return name
    return value


def census(gold_dir, pattern):
    """Counts the gold TIMEX3s whose text matches `pattern` by corpus, type and value form:
    the majority convention of the annotators for that class of expression."""
    rx = re.compile(pattern, re.I)
    counts = defaultdict(int)
    examples = defaultdict(list)
    for root, _, files in os.walk(gold_dir):
        for name in sorted(files):
            if not name.endswith(".tml"):
                continue
            path = os.path.join(root, name)
            corpus = os.path.relpath(path, gold_dir).split(os.sep)[0]
            _, timexes = read_timeml(path)
            for t in timexes:
                if rx.fullmatch(t["text"].strip(" .,")):
                    key = (corpus, t["type"], value_shape(t["value"]))
                    counts[key] += 1
                    examples[key].append(f"{t['text']}={t['value']}")
    lines = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{n:4d}  {key[0]:10s} {key[1]:9s} {key[2]:14s} e.g. {', '.join(examples[key][:3])}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("system", nargs="?")
    ap.add_argument(
        "--census",
        metavar="REGEX",
        help="instead of scoring, count the gold TIMEX3s whose text matches REGEX by type and value form",
    )
    ap.add_argument("--misses", help="write false negatives, false positives and wrong values here")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.census:
        print(census(args.gold, args.census))
        return 0
    if not args.system:
        ap.error("SYSTEM_DIR is required unless --census is given")
    figs, misses = score(args.gold, args.system)
    if args.json:
        print(json.dumps(figs, indent=2))
    else:
        print(table(figs))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as f:
            for m in sorted(misses, key=lambda m: (m[0], m[1])):
                kind, name, gtext, gtype, gval, stext, sval, ctx = m
                f.write(f"{kind}\t{name}\tgold={gtext!r} {gtype} {gval}\tsys={stext!r} {sval}\t{ctx}\n")
        counts = defaultdict(int)
        for m in misses:
            counts[m[0]] += 1
        print("misses: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f" (in {args.misses})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
