#!/usr/bin/env python3
"""Generates src/analysis/data/plover.tsv from PLOVER's CAMEO to PLOVER table.

    python3 scripts/gen_plover.py ../shared/corpora/cameo/plover/CAMEO2PLOVER-2021.txt \
        > src/analysis/data/plover.tsv

Source: CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0, edited by Philip
Schrodt; see src/analysis/data/NOTICE.md). Output: a header, then one line per CAMEO code
the table maps, and each root with its header's type (the first where a root has two:
08 is CONCEDE, with RETREAT for its codes that say so). Roots 01 and 02 have none:
PLOVER drops them. A code the table does not list (1951) takes its parent's type.

    cameo<TAB>event<TAB>mode<TAB>context

The event type is read from each code's own line, not from its root's header (1712 is
ASSAULT under 17, 191 and 192 COERCE). A mode that is really a context (the 175 lines'
pro_autocracy) moves to the context column; several contexts are joined by ';'. Where a
code appears twice (175), the first line wins.
"""
import re
import sys

EVENTS = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
CONTEXTS = {"pro_autocracy", "pro_democracy"}


def main(path):
    seen = {}
    for raw in open(path, encoding="ascii"):
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        fields = [f.strip() for f in rest.split(",")]
        event = fields[0].upper()
        if event not in EVENTS:
            raise SystemExit(f"{path}: unknown PLOVER event {event!r} for {code}")
        mode = fields[1] if len(fields) > 1 else ""
        context = ",".join(fields[2:]).strip() if len(fields) > 2 else ""
        contexts = [c.strip() for c in re.split(r"[;,]", context) if c.strip()]
        if mode in CONTEXTS:
            contexts.insert(0, mode)
            mode = ""
        if code not in seen:
            seen[code] = (event, mode, ";".join(contexts))
    print("cameo\tevent\tmode\tcontext")
    for code in sorted(seen):
        event, mode, context = seen[code]
        print(f"{code}\t{event}\t{mode}\t{context}")


if __name__ == "__main__":
    main(sys.argv[1])
