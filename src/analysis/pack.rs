//! The tables of the seven languages other than English (their time words, event
//! triggers, country names, demonyms and capitals): 17 files of `data/`, about 40 KB
//! gzipped. The CLI and the tests have them compiled in (the default feature
//! `embedded-languages`). The page's module is built without them, so that an English
//! reader does not wait for them on a slow network: the analysis worker fetches them
//! from the site the first time an article needs them and installs them here
//! ([`install`]). Until then, and where they cannot be had, [`ready`] is false and an
//! article in another language is read with the English rules.

use std::sync::OnceLock;

use super::Error;

/// The files, by their path under `src/analysis/data/` (and under `languages/` on the
/// site).
pub const FILES: &[&str] = &[
    "time/fr.tsv",
    "time/de.tsv",
    "time/es.tsv",
    "time/pt.tsv",
    "time/tr.tsv",
    "time/ru.tsv",
    "time/uk.tsv",
    "events/fr.tsv",
    "events/de.tsv",
    "events/es.tsv",
    "events/pt.tsv",
    "events/tr.tsv",
    "events/ru.tsv",
    "events/uk.tsv",
    "country_names.tsv",
    "name_spellings.tsv",
    "demonym_endings.tsv",
];

#[cfg(feature = "embedded-languages")]
const EMBEDDED: &[&str] = &[
    include_str!("data/time/fr.tsv"),
    include_str!("data/time/de.tsv"),
    include_str!("data/time/es.tsv"),
    include_str!("data/time/pt.tsv"),
    include_str!("data/time/tr.tsv"),
    include_str!("data/time/ru.tsv"),
    include_str!("data/time/uk.tsv"),
    include_str!("data/events/fr.tsv"),
    include_str!("data/events/de.tsv"),
    include_str!("data/events/es.tsv"),
    include_str!("data/events/pt.tsv"),
    include_str!("data/events/tr.tsv"),
    include_str!("data/events/ru.tsv"),
    include_str!("data/events/uk.tsv"),
    include_str!("data/country_names.tsv"),
    include_str!("data/name_spellings.tsv"),
    include_str!("data/demonym_endings.tsv"),
];

#[cfg(not(feature = "embedded-languages"))]
const EMBEDDED: &[&str] = &[];

static INSTALLED: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Whether the tables are here: compiled in, or installed.
pub fn ready() -> bool {
    !EMBEDDED.is_empty() || INSTALLED.get().is_some()
}

/// Installs the tables fetched by the page's worker: `files` are (path as in
/// [`FILES`], text), every one of them. Once installed they stay for the life of the
/// program (a second call changes nothing).
pub fn install(files: Vec<(String, String)>) -> Result<(), Error> {
    let mut texts = Vec::with_capacity(FILES.len());
    for name in FILES {
        let Some((_, text)) = files.iter().find(|(n, _)| n == name) else {
            return Err(Error::model(format!("the tables of other languages: {name} is missing")));
        };
        // A page served by a host that answers every path with its home page.
        if text.trim_start().starts_with('<') {
            return Err(Error::model(format!("the tables of other languages: {name} is not a table")));
        }
        texts.push(&*Box::leak(text.clone().into_boxed_str()));
    }
    let _ = INSTALLED.set(texts);
    Ok(())
}

/// The text of table `name` (a path of [`FILES`]); empty when the tables are not here.
pub(crate) fn file(name: &str) -> &'static str {
    let i = FILES.iter().position(|f| *f == name);
    debug_assert!(i.is_some(), "{name} is not a table of other languages");
    let texts: &[&'static str] =
        if EMBEDDED.is_empty() { INSTALLED.get().map_or(&[], |v| v.as_slice()) } else { EMBEDDED };
    i.and_then(|i| texts.get(i)).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_compiled_in_for_the_cli_and_the_tests() {
        assert!(ready());
        for name in FILES {
            assert!(file(name).lines().any(|l| !l.starts_with('#') && !l.is_empty()), "{name}");
        }
    }

    #[test]
    fn the_service_worker_keeps_every_file_for_offline_use() {
        let sw = include_str!("../../sw.js");
        for name in FILES {
            assert!(sw.contains(&format!("'{name}'")), "sw.js does not list {name}");
        }
    }

    #[test]
    fn an_incomplete_or_wrong_set_is_refused() {
        let mut files: Vec<(String, String)> =
            FILES.iter().map(|f| (f.to_string(), "a\tb\tc".to_string())).collect();
        files.pop();
        assert!(install(files.clone()).unwrap_err().to_string().contains("demonym_endings.tsv is missing"));
        files.push(("demonym_endings.tsv".into(), "<!doctype html><html>".into()));
        assert!(install(files).unwrap_err().to_string().contains("is not a table"));
    }
}
