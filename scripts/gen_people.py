#!/usr/bin/env python3
"""Generates src/analysis/data/people.tsv: people with their country and roles.

    python3 scripts/gen_people.py /work/shared/corpora/cameo/phoenix/Phoenix.Countries.actors.txt \
        src/analysis/data/countries.tsv > src/analysis/data/people.tsv

Sources (see src/analysis/data/NOTICE.md):

- Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance): people with synonyms
  and date-bounded role codes (`RECEP_TAYYIP_ERDOGAN_`, `+ERDOGAN_`, `[TURGOV >030314]`).
  Kept: people holding an open-ended (current when Phoenix was last updated) top-level
  role (ISO3 + agent, e.g. TURGOV, RUSELI) whose ISO3 code is in countries.tsv; their
  name, whether the surname alone is a synonym, and the synonyms with another surname.
- LEADERS below: heads of state and government and foreign ministers of major
  countries since 2019, who are missing from Phoenix (last updated around 2016-2019).
  General knowledge: no package on PyPI or npm ships a current list (EveryPolitician's
  packages fetch 2017 data from the web).

Layout: `@ISO3` starts a country; then one person a line, tab-separated: the name
(with `*` when the surname alone is attested in Phoenix), the role's agent code (GOV,
ELI, OPP, ...), its years `FROM-TO` (TO empty while current), and other names whose
last word differs (`|`-separated; may be absent).
"""
import re
import sys
import unicodedata

# name, other names, roles (code, from, to): general knowledge, see the docstring.
LEADERS = [
    ("Donald Trump", "Donald J. Trump", [("USAGOV", "20170120", "20210120"), ("USAGOV", "20250120", "")]),
    ("Joe Biden", "Joseph Biden|Joseph R. Biden", [("USAGOV", "20090120", "20170120"), ("USAGOV", "20210120", "20250120")]),
    ("JD Vance", "J.D. Vance|James David Vance", [("USAGOV", "20250120", "")]),
    ("Marco Rubio", "", [("USAGOV", "20250121", "")]),
    ("Antony Blinken", "Tony Blinken", [("USAGOV", "20210126", "20250120")]),
    ("Pete Hegseth", "", [("USAGOV", "20250125", "")]),
    ("Steve Witkoff", "Steven Witkoff", [("USAGOV", "20250120", "")]),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy|Volodymyr Zelenskiy|Vladimir Zelensky", [("UKRGOV", "20190520", "")]),
    ("Andrii Sybiha", "Andriy Sybiha", [("UKRGOV", "20240905", "")]),
    ("Dmytro Kuleba", "Dmitry Kuleba", [("UKRGOV", "20200304", "20240905")]),
    ("Denys Shmyhal", "Denis Shmyhal", [("UKRGOV", "20200304", "")]),
    ("Yulia Svyrydenko", "", [("UKRGOV", "20191129", "")]),
    ("Andriy Yermak", "Andrii Yermak", [("UKRGOV", "20200211", "20251128")]),
    ("Rustem Umerov", "", [("UKRGOV", "20230906", "")]),
    ("Mikhail Mishustin", "", [("RUSGOV", "20200116", "")]),
    ("Dmitry Peskov", "Dmitri Peskov", [("RUSGOV", "20120522", "")]),
    ("Yuri Ushakov", "Yury Ushakov", [("RUSGOV", "20120521", "")]),
    ("Kirill Dmitriev", "", [("RUSGOV", "20250201", "")]),
    ("Hakan Fidan", "", [("TURGOV", "20100527", "")]),
    ("Li Qiang", "", [("CHNGOV", "20230311", "")]),
    ("Keir Starmer", "", [("GBRGOV", "20240705", "")]),
    ("Rishi Sunak", "", [("GBRGOV", "20221025", "20240705")]),
    ("David Lammy", "", [("GBRGOV", "20240705", "")]),
    ("Yvette Cooper", "", [("GBRGOV", "20240705", "")]),
    ("Emmanuel Macron", "", [("FRAGOV", "20140826", "")]),
    ("Jean-Noel Barrot", "Jean-Noël Barrot", [("FRAGOV", "20240921", "")]),
    ("Friedrich Merz", "", [("DEUGOV", "20250506", "")]),
    ("Johann Wadephul", "", [("DEUGOV", "20250506", "")]),
    ("Olaf Scholz", "", [("DEUGOV", "20180314", "20250506")]),
    ("Annalena Baerbock", "", [("DEUGOV", "20211208", "20250506")]),
    ("Giorgia Meloni", "", [("ITAGOV", "20221022", "")]),
    ("Antonio Tajani", "", [("ITAGOV", "20221022", "")]),
    ("Sanae Takaichi", "", [("JPNGOV", "20251021", "")]),
    ("Shigeru Ishiba", "", [("JPNGOV", "20241001", "20251021")]),
    ("Fumio Kishida", "", [("JPNGOV", "20121226", "20241001")]),
    ("Subrahmanyam Jaishankar", "S. Jaishankar|S Jaishankar", [("INDGOV", "20190530", "")]),
    ("Isaac Herzog", "", [("ISRGOV", "20210707", "")]),
    ("Gideon Saar", "Gideon Sa'ar", [("ISRGOV", "20241105", "")]),
    ("Israel Katz", "", [("ISRGOV", "20150514", "")]),
    ("Masoud Pezeshkian", "", [("IRNGOV", "20240728", "")]),
    ("Abbas Araghchi", "Abbas Araqchi", [("IRNGOV", "20240821", "")]),
    ("Faisal bin Farhan", "Faisal bin Farhan Al Saud", [("SAUGOV", "20191023", "")]),
    ("Mark Carney", "", [("CANGOV", "20250314", "")]),
    ("Melanie Joly", "Mélanie Joly", [("CANGOV", "20211026", "")]),
    ("Anita Anand", "", [("CANGOV", "20210826", "")]),
    ("Donald Tusk", "", [("POLGOV", "20231213", "")]),
    ("Radoslaw Sikorski", "Radosław Sikorski", [("POLGOV", "20231213", "")]),
    ("Karol Nawrocki", "", [("POLGOV", "20250806", "")]),
    ("Andrzej Duda", "", [("POLGOV", "20150806", "20250806")]),
    ("Ahmed al-Sharaa", "Ahmad al-Sharaa|Abu Mohammed al-Jolani", [("SYRGOV", "20250129", "")]),
    ("Asaad al-Shaibani", "Asaad Hassan al-Shaibani", [("SYRGOV", "20241221", "")]),
    ("Lee Jae-myung", "", [("KORGOV", "20250604", "")]),
    ("Yoon Suk Yeol", "Yoon Suk-yeol", [("KORGOV", "20220510", "20250404")]),
    ("Ishaq Dar", "", [("PAKGOV", "20240311", "")]),
    ("Shehbaz Sharif", "", [("PAKGOV", "20220411", "")]),
    ("Nikol Pashinyan", "", [("ARMGOV", "20180508", "")]),
    ("Pedro Sanchez", "Pedro Sánchez", [("ESPGOV", "20180602", "")]),
    ("Anthony Albanese", "", [("AUSGOV", "20220523", "")]),
    ("Penny Wong", "", [("AUSGOV", "20220523", "")]),
    ("Claudia Sheinbaum", "", [("MEXGOV", "20241001", "")]),
    ("Javier Milei", "", [("ARGGOV", "20231210", "")]),
    ("Cyril Ramaphosa", "", [("ZAFGOV", "20140526", "")]),
    ("Badr Abdelatty", "Badr Abdel Aty", [("EGYGOV", "20240703", "")]),
    ("Mohammed bin Abdulrahman Al Thani", "Sheikh Mohammed bin Abdulrahman", [("QATGOV", "20160127", "")]),
    ("Alexander Stubb", "", [("FINGOV", "20240301", "")]),
    ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva|Lula da Silva|Lula", [("BRAGOV", "20030101", "20101231"), ("BRAGOV", "20230101", "")]),
]

NOT_NAME = {
    "PRESIDENT", "MINISTER", "PRIME", "FOREIGN", "AMBASSADOR", "GENERAL", "GEN.", "SECRETARY", "LEADER",
    "CHIEF", "KING", "QUEEN", "PRINCE", "SHEIKH", "EMIR", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE",
    "SPEAKER", "VICE", "DEPUTY", "CHAIRMAN", "GOVERNOR", "SENATOR", "MAYOR", "PARTY", "COMMANDER",
    "DR.", "MR.", "MRS.", "COL.", "LT.", "MAJ.", "CAPT.", "ADM.", "JUSTICE", "JUDGE", "OPPOSITION",
    "RUSSIAN", "AMERICAN", "FORMER", "CROWN", "MINISTRY", "OFFICE", "GOVERNMENT", "ARMY",
    "COUNCIL", "PRESIDENTIAL", "OF", "THE", "SENATE", "EX", "SEN.", "REP.", "GOV.",
}
PARTICLES = {"bin", "bint", "al", "de", "van", "von", "der", "da", "di", "la", "le", "du", "ibn", "abu", "el", "del", "dos", "das"}


def date(s):
    """'030314' -> '20030314' (two-digit years up to 20 are 20xx); '' stays ''."""
    s = s.strip()
    if not s:
        return ""
    if len(s) == 6:
        yy = int(s[:2])
        return ("20" if yy <= 20 else "19") + s
    return s[:8]


def roles(line):
    out = []
    for code, rng in re.findall(r"\[([A-Z]{3,})\s*([^\]]*)\]", line):
        rng = rng.split("#")[0].strip()
        if not rng:
            continue  # undated: unknown bounds
        if rng.startswith(">"):
            lo, hi = date(rng[1:]), ""
        elif rng.startswith("<"):
            lo, hi = "", date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            lo, hi = date(a), date(b)
        else:
            continue
        out.append((code, lo, hi))
    return out


def title(name):
    words = [w for w in name.replace("_", " ").split() if w]
    out = []
    for w in words:
        lw = w.lower()
        out.append(lw if lw in PARTICLES and out else "-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(out)


def is_name(syn):
    words = syn.replace("_", " ").split()
    return 1 <= len(words) <= 5 and not any(w.upper() in NOT_NAME for w in words)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s.replace("ı", "i")) if not unicodedata.combining(c)).lower()


def main(phoenix, countries):
    iso = {l.split("\t")[0] for l in open(countries, encoding="utf-8") if l.strip() and not l.startswith("#")}
    entries = []
    cur = None
    for raw in open(phoenix, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        if body[0] not in " \t+[":
            cur = {"name": body.split("[")[0].strip().rstrip("_"), "syn": [], "roles": roles(body)}
            entries.append(cur)
        elif cur is not None and body.lstrip().startswith("+"):
            cur["syn"].append(body.lstrip()[1:].split("[")[0].strip().rstrip("_"))
            cur["roles"].extend(roles(body))
        elif cur is not None and body.lstrip().startswith("["):
            cur["roles"].extend(roles(body))
    rows = []
    for e in entries:
        # Current top-level roles (country + agent, open-ended) from 2000 on.
        rs = [(c, lo, hi) for c, lo, hi in e["roles"] if len(c) == 6 and c[:3] in iso and not hi]
        if not rs or not e["name"] or not is_name(e["name"]) or " " not in e["name"].replace("_", " "):
            continue
        rows.append((title(e["name"]), e["syn"], rs))
    for name, other, rs in LEADERS:
        rows = [r for r in rows if fold(r[0]) != fold(name)]
        # Leaders are known by their surname alone.
        rows.append((name, [o for o in other.split("|") if o] + [name.split()[-1]], rs))
    by_country = {}
    for name, syns, rs in rows:
        last = fold(name.split()[-1])
        # The surname alone is attested ("+LAVROV"): flag it; other names only when their
        # last word differs (the loader matches by surname and first name).
        alone = any(fold(s.replace("_", " ")) == last for s in syns)
        other = []
        for s in syns:
            t = s.replace("_", " ")
            if not is_name(s) or fold(t.split()[-1]) == last or fold(t) in map(fold, other):
                continue
            other.append(title(s) if s.isascii() else t)
        code, lo, hi = max(rs, key=lambda r: (r[2] == "", r[2], r[1]))
        span = f"{lo[:4]}-{hi[:4]}"
        by_country.setdefault(code[:3], []).append((name + ("*" if alone else ""), code[3:], span, other))
    print("# Generated by scripts/gen_people.py from Phoenix.Countries.actors.txt (MIT, Open Event Data")
    print("# Alliance) and a short general-knowledge list of leaders since 2019 (see NOTICE.md).")
    print("# @ISO3, then: name (* = known by the surname alone), role (GOV, ELI, ...), years, other names")
    for iso3 in sorted(by_country):
        print(f"@{iso3}")
        kept = {}
        # The latest role of a name that appears twice.
        for name, agent, span, other in sorted(by_country[iso3], key=lambda r: r[2]):
            kept[fold(name.rstrip("*"))] = (name, agent, span, other)
        for name, agent, span, other in sorted(kept.values()):
            print(f"{name}\t{agent}\t{span}\t{'|'.join(other)}".rstrip("\t"))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
