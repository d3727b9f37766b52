#!/usr/bin/env python3
"""Generates src/analysis/data/verbs.tsv from PETRARCH-2's verb-pattern dictionary.

    python3 scripts/gen_verbs.py /work/shared/corpora/cameo/petrarch2/CAMEO.2.0.txt \
        > src/analysis/data/verbs.tsv

Source: CAMEO.2.0.txt from github.com/openeventdata/petrarch2 (MIT, Open Event Data
Alliance; see src/analysis/data/NOTICE.md). What is kept:

- every verb synonym block (`---  NAME  [code]  ---`) with its default code;
- its member verbs, with their own code where one is given, and their irregular forms
  where the dictionary lists them in `{...}` (the Rust loader generates -s, -ed and
  -ing forms for the others: see `events.rs`, `inflections`);
- the block's patterns that can be matched on a flat token sequence without a parser:
  the verb first (`- * ...`), then plain words, prepositional phrases `(FOR TALKS)`,
  compounds `{ARMS SHIPMENT}` and synonym sets `&FOOD`. Patterns with a word before
  the verb, source/target markers (`$`, `+`), skips (`^`) or alternatives (`/`, `|`)
  need a parse and are left out, as are PETRARCH-2's `~` compound rules;
- the synonym sets those patterns use.

Output layout (tab-separated, `#` comments):

    &name<TAB>word|word phrase|...      a synonym set (folded, words by spaces)
    @<TAB>code                          a new verb block and its default code (- = none)
    v<TAB>code<TAB>forms                a member verb: code or empty for the block's,
                                        forms = lemma, or lemma|form|form (all forms given)
    p<TAB>code<TAB>pattern              a pattern of the block: elements by spaces,
                                        a compound's words joined by _, sets as &name,
                                        a prepositional phrase as (word ...); code - = no event
"""
import re
import sys


def code_of(field):
    """'[042:043]' -> '042'; '[:173]' -> None (only passive); '[---]' -> '-'."""
    inner = field.strip()[1:-1].strip()
    if inner == "---":
        return "-"
    active = inner.split(":")[0].strip()
    if not active:
        return None
    if not re.fullmatch(r"\d{3,4}", active):
        return None
    return active


def word(w):
    return w.strip().strip("_").lower().replace("_", " ")


def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    sets = {}
    i = 0
    start = next(k for k, l in enumerate(lines) if "VERB PATTERNS" in l)
    # Synonym sets.
    cur = None
    for line in lines[:start]:
        s = line.split("#")[0].rstrip()
        if s.startswith("&"):
            cur = s.strip().upper()
            sets[cur] = []
        elif s.startswith("+") and cur:
            sets[cur].append(word(s[1:]))
        elif not s.strip():
            cur = None
    blocks = []
    block = None
    header = re.compile(r"^---\s+(\S+)\s+(\[[^\]]*\])\s+---")
    for line in lines[start:]:
        m = header.match(line)
        if m:
            block = {"name": m.group(2), "code": code_of(m.group(2)) or "-", "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or not line.strip() or line.startswith("#") or line.startswith("~"):
            continue
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        if body.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", body)
            if not m:
                continue
            pat, code = m.group(1), code_of(m.group(2))
            if code is None or not pat.startswith("*"):
                continue
            rest = pat[1:].strip()
            if not rest or re.search(r"[$+^%|/=<>*]", rest):
                continue
            elems = []
            ok = True
            for tok in re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", rest):
                if tok.startswith("("):
                    inner = re.findall(r"\{[^}]*\}|\S+", tok[1:-1])
                    parts = [compound(x) for x in inner]
                    if any(p is None for p in parts) or not parts:
                        ok = False
                        break
                    elems.append("(" + " ".join(parts) + ")")
                else:
                    p = compound(tok)
                    if p is None:
                        ok = False
                        break
                    elems.append(p)
            if ok and elems:
                block["patterns"].append((code, " ".join(elems)))
            continue
        # A member verb: [+]WORD[_WORD] {FORMS} [code]
        m = re.match(r"^(\+?[A-Z][A-Z_\-'.]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", body.strip())
        if not m:
            continue
        lemma = word(m.group(1).lstrip("+"))
        forms = None
        if m.group(2) is not None:
            forms = [word(f.lstrip("+")) for f in m.group(2)[1:-1].split() if f.strip("+_")]
        code = ""
        if m.group(3):
            c = code_of(m.group(3))
            code = c if c else "-"
        block["verbs"].append((code, lemma, forms))
    used = set()
    out = []
    for b in blocks:
        pats = [(c, p) for c, p in b["patterns"] if c != b["code"]]
        # A block that can give no code (no default, no verb's own code, no pattern
        # with a code) is left out.
        if not b["verbs"] or (
            b["code"] == "-"
            and all(c in ("", "-") for c, _, _ in b["verbs"])
            and all(c == "-" for c, _ in pats)
        ):
            continue
        out.append(f"@\t{b['code']}")
        for code, lemma, forms in b["verbs"]:
            if forms is None:
                f = lemma
            else:
                f = "|".join([lemma] + [x for x in forms if x != lemma])
            out.append(f"v\t{code}\t{f}")
        seen = set()
        for code, pat in b["patterns"]:
            # A pattern that gives the block's default code adds nothing.
            if code == b["code"] or (code, pat) in seen:
                continue
            seen.add((code, pat))
            out.append(f"p\t{code}\t{pat}")
            for s in re.findall(r"&[a-z_]+", pat):
                used.add(s.upper())
    print("# Generated by scripts/gen_verbs.py from PETRARCH-2's CAMEO.2.0.txt (MIT, Open Event")
    print("# Data Alliance; see NOTICE.md). Layout in the script's docstring.")
    for name in sorted(used):
        if name in sets:
            print(f"{name.lower()}\t{'|'.join(sets[name])}")
    print("\n".join(out))


def compound(tok):
    """A pattern element: WORD, &SET or {A B} -> 'word', '&set', 'a_b'; None if not simple."""
    if tok.startswith("{"):
        words = tok[1:-1].split()
        if not words or any(not simple(w) for w in words):
            return None
        return "_".join(w.lower().strip("_") for w in words)
    if not simple(tok):
        return None
    return tok.lower().strip("_").replace("_", "_")


def simple(w):
    return re.fullmatch(r"&?[A-Z][A-Z\-'_.]*|\d+", w) is not None


if __name__ == "__main__":
    main(sys.argv[1])
