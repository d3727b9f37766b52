//! `dateline`: the analysis core on the command line.
//!
//! ```text
//! dateline analyze [--published FILE=YYYY-MM-DD]... [--language FILE=CODE]... [--today YYYY-MM-DD] [--format json|csv|cameo|dates|dates-csv|jsonl] PATH...
//! dateline map [--published FILE=YYYY-MM-DD]... [--language FILE=CODE]... [--today YYYY-MM-DD] PATH...
//! dateline reduce [--today YYYY-MM-DD] [--format json|csv|cameo|dates|dates-csv] PATH...
//! dateline text [--today YYYY-MM-DD] [--format json|text] PATH...
//! dateline timeml --out DIR FILE.tml...
//! ```
//!
//! The shell reads files and the clock; the core gets bytes and dates.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline::analysis::{self, describe, export, ingest, lang, Analyzer, Document, TimeTagger};

const USAGE: &str = "\
usage: dateline analyze [--published FILE=YYYY-MM-DD]... [--language FILE=CODE]... [--today YYYY-MM-DD] [--format json|csv|cameo|dates|dates-csv|jsonl] PATH...
       dateline map [--published FILE=YYYY-MM-DD]... [--language FILE=CODE]... [--today YYYY-MM-DD] PATH...
       dateline reduce [--today YYYY-MM-DD] [--format json|csv|cameo|dates|dates-csv] PATH...
       dateline text [--today YYYY-MM-DD] [--format json|text] PATH...
       dateline timeml --out DIR FILE.tml...

analyze   reads article files and folders (- for standard input) and prints their timeline;
          with --format jsonl it streams: each input line is one article (JSON), each
          output line its analysis, in constant memory (a map step for Spark or Hadoop);
          with --format dates (JSON) or dates-csv it prints the pile's key dates, highest
          score first, each with why it scores so and its events
map       the first half of analyze, for a run spread over machines: each input line is
          one article (JSON), each output line what the article gives alone (its part)
reduce    the second half: reads map's lines (in the pile's order) and prints the
          pile's timeline as analyze does (actors unified, reports merged)
text      prints what is read from each file: title, publication date and why, warnings, text
timeml    writes each TimeML file to DIR with this tagger's TIMEX3 tags in its TEXT";

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(code) => code,
        Err(Usage(msg)) => {
            eprintln!("dateline: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// A usage error: the message, then the usage text, exit status 2.
struct Usage(String);

impl From<lexopt::Error> for Usage {
    fn from(e: lexopt::Error) -> Usage {
        Usage(e.to_string())
    }
}

enum Format {
    Json,
    Csv,
    /// The CAMEO event table (TSV).
    Cameo,
    /// The story's key dates (JSON).
    Dates,
    /// The story's key dates (CSV).
    DatesCsv,
}

fn format_of(name: Option<&str>) -> Format {
    match name {
        Some("csv") => Format::Csv,
        Some("cameo") => Format::Cameo,
        Some("dates") => Format::Dates,
        Some("dates-csv") => Format::DatesCsv,
        _ => Format::Json,
    }
}

/// What a streaming run prints per input line.
#[derive(Clone, Copy, PartialEq)]
enum Stream {
    /// The article's analysis (`analyze --format jsonl`).
    Analyses,
    /// The article's part, for `reduce` (`map`).
    Parts,
}

fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, Usage> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(Long("help")) | Some(Short('h')) => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(arg) => return Err(Usage(arg.unexpected().to_string())),
        None => return Err(Usage("expected a command: analyze, map, reduce, text or timeml".into())),
    };
    match command.as_str() {
        "analyze" => {
            let Some(o) = options(
                &mut parser,
                "analyze",
                &["json", "csv", "cameo", "jsonl", "dates", "dates-csv"],
                true,
            )?
            else {
                return Ok(ExitCode::SUCCESS);
            };
            if o.format.as_deref() == Some("jsonl") {
                return Ok(stream(o.paths, o.published, o.today, Stream::Analyses));
            }
            Ok(analyze(o.paths, o.published, o.today, format_of(o.format.as_deref())))
        }
        "map" => {
            let Some(o) = options(&mut parser, "map", &[], true)? else {
                return Ok(ExitCode::SUCCESS);
            };
            Ok(stream(o.paths, o.published, o.today, Stream::Parts))
        }
        "reduce" => {
            let Some(o) =
                options(&mut parser, "reduce", &["json", "csv", "cameo", "dates", "dates-csv"], false)?
            else {
                return Ok(ExitCode::SUCCESS);
            };
            Ok(reduce(o.paths, o.today, format_of(o.format.as_deref())))
        }
        "text" => {
            let Some(o) = options(&mut parser, "text", &["json", "text"], false)? else {
                return Ok(ExitCode::SUCCESS);
            };
            Ok(text(o.paths, o.today, o.format.as_deref() == Some("json")))
        }
        "timeml" => {
            let mut out = None;
            let mut files = Vec::new();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("out") => out = Some(PathBuf::from(parser.value()?)),
                    Value(p) => files.push(PathBuf::from(p)),
                    _ => return Err(Usage(arg.unexpected().to_string())),
                }
            }
            let out = out.ok_or_else(|| Usage("timeml expects --out DIR".into()))?;
            if files.is_empty() {
                return Err(Usage("timeml expects at least one FILE.tml".into()));
            }
            Ok(timeml(&out, &files))
        }
        other => {
            Err(Usage(format!("unknown command {other:?}: expected analyze, map, reduce, text or timeml")))
        }
    }
}

/// The options `analyze` and `text` share, as read.
struct Options {
    published: Settings,
    /// `--today`, else the system clock's date.
    today: jiff::civil::Date,
    format: Option<String>,
    paths: Vec<PathBuf>,
}

/// The user's settings per file: `--published FILE=YYYY-MM-DD`, `--language FILE=CODE`.
#[derive(Default)]
struct Settings {
    dates: Vec<(String, jiff::civil::Date)>,
    languages: Vec<(String, String)>,
}

impl Settings {
    fn apply(self, mut builder: analysis::AnalyzerBuilder) -> analysis::AnalyzerBuilder {
        for (file, date) in self.dates {
            builder = builder.published(file, date);
        }
        for (file, code) in self.languages {
            builder = builder.language(file, code);
        }
        builder
    }
}

/// Reads the options of `command`: `--format` one of `formats`, `--today`, `--published`
/// when `published` is allowed, and at least one PATH. None when help was asked for (and
/// printed).
fn options(
    parser: &mut lexopt::Parser,
    command: &str,
    formats: &[&str],
    published: bool,
) -> Result<Option<Options>, Usage> {
    use lexopt::prelude::*;
    let (mut today, mut format, mut dates, mut paths) = (None, None, Settings::default(), Vec::new());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("published") if published => {
                let v = parser.value()?.string()?;
                let (file, date) = v
                    .rsplit_once('=')
                    .ok_or_else(|| Usage(format!("--published expects FILE=YYYY-MM-DD, found {v:?}")))?;
                let date =
                    analysis::parse_date(date).map_err(|e| Usage(format!("--published {file}: {e}")))?;
                dates.dates.push((base_name(Path::new(file)), date));
            }
            Long("language") if published => {
                let v = parser.value()?.string()?;
                let (file, code) = v
                    .rsplit_once('=')
                    .ok_or_else(|| Usage(format!("--language expects FILE=CODE, found {v:?}")))?;
                if lang::name(code).is_none() {
                    let codes: Vec<&str> = lang::codes().collect();
                    return Err(Usage(format!(
                        "--language {file}: expected one of {}, found {code:?}",
                        codes.join(", ")
                    )));
                }
                dates.languages.push((base_name(Path::new(file)), code.to_string()));
            }
            Long("today") => {
                let v = parser.value()?.string()?;
                today = Some(analysis::parse_date(&v).map_err(|e| Usage(format!("--today: {e}")))?);
            }
            Long("format") if !formats.is_empty() => {
                let v = parser.value()?.string()?;
                if !formats.contains(&v.as_str()) {
                    let (last, rest) = formats.split_last().expect("a command has formats");
                    return Err(Usage(format!(
                        "--format expects {} or {last}, found {v:?}",
                        rest.join(", ")
                    )));
                }
                format = Some(v);
            }
            Value(p) => paths.push(PathBuf::from(p)),
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            _ => return Err(Usage(arg.unexpected().to_string())),
        }
    }
    if paths.is_empty() {
        return Err(Usage(format!("{command} expects at least one PATH (- for standard input)")));
    }
    Ok(Some(Options { published: dates, today: today.unwrap_or_else(clock_today), format, paths }))
}

/// Today's date from the system clock: the one place the CLI reads it.
fn clock_today() -> jiff::civil::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        .unwrap_or(jiff::civil::date(2000, 1, 1))
}

fn base_name(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.to_string_lossy().into_owned())
}

/// Expands folders (sorted, recursively; hidden files skipped) into files.
fn expand(paths: Vec<PathBuf>, errors: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p);
        } else if p.is_dir() {
            match std::fs::read_dir(&p) {
                Ok(rd) => {
                    let mut children: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|c| !base_name(c).starts_with('.'))
                        .collect();
                    children.sort();
                    out.extend(expand(children, errors));
                }
                Err(e) => errors.push(format!("file {}: cannot read folder: {e}", p.display())),
            }
        } else {
            out.push(p);
        }
    }
    out
}

fn analyze(paths: Vec<PathBuf>, published: Settings, today: jiff::civil::Date, format: Format) -> ExitCode {
    let mut errors = Vec::new();
    let docs = read_all(paths, &mut errors);
    let mut builder = Analyzer::builder(today);
    // Dates a user had set (articles restored from an export), then --published.
    for doc in &docs {
        if let Some(p) = doc.published.as_ref().filter(|p| p.by_user) {
            builder = builder.published(doc.file.clone(), p.date);
        }
    }
    let analysis = published.apply(builder).build().analyze(&docs);
    print(&analysis, format);
    report(&errors, false)
}

fn print(analysis: &analysis::Analysis, format: Format) {
    let out = match format {
        Format::Json => export::to_json(analysis) + "\n",
        Format::Csv => export::to_csv(analysis),
        Format::Cameo => export::to_cameo_tsv(analysis),
        Format::Dates => export::key_dates_json(analysis) + "\n",
        Format::DatesCsv => export::key_dates_csv(analysis),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
}

/// `reduce`: the parts `map` printed, one JSON line each, in the pile's order (the
/// inputs in the order given, each line by line), made into the pile's analysis by the
/// core's `combine` (which dates an undated article from the others, as `analyze`
/// does: `--today` as given to `map`) and printed as `analyze` prints. A line `map` could not read (its
/// `error`) is named on standard error and left out (exit status 1); so is a line that
/// is not a part.
fn reduce(paths: Vec<PathBuf>, today: jiff::civil::Date, format: Format) -> ExitCode {
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    each_line(paths, &mut errors, |name, n, line, errors| {
        match serde_json::from_slice::<analysis::Part>(line) {
            Ok(part) => parts.push(part),
            Err(e) => {
                let why = serde_json::from_slice::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("error").and_then(|x| x.as_str()).map(str::to_string))
                    .unwrap_or_else(|| format!("not a part written by dateline map ({e})"));
                errors.push(format!("file {name}, line {n}: left out: {why}"));
            }
        }
    });
    print(&Analyzer::builder(today).build().combine(parts), format);
    report(&errors, false)
}

/// `analyze --format jsonl`: each line of each input (a file, or - for standard input)
/// is one article as JSON (the fields the JSON reader knows: text, title, date, url…);
/// each is analysed on its own and printed as one line: the analysis (schema 1) with
/// the input's name and line number. Memory stays that of one article, however long
/// the stream. A line that cannot be read prints {"input", "line", "error"} and the
/// stream goes on (exit status 1 at the end). `map` is the same with each line's
/// [`Part`](analysis::Part) instead of its analysis.
fn stream(paths: Vec<PathBuf>, published: Settings, today: jiff::civil::Date, what: Stream) -> ExitCode {
    let analyzer = published.apply(Analyzer::builder(today)).build();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut errors = Vec::new();
    each_line(paths, &mut errors, |name, n, line, _errors| {
        let label = format!("{name}:{n}");
        let read = ingest::check_size(&label, line.len()).and_then(|_| ingest::read_json(&label, line));
        let mut value = match read {
            Ok(mut doc) => {
                doc.file = label;
                match what {
                    Stream::Analyses => serde_json::to_value(analyzer.analyze(std::slice::from_ref(&doc))),
                    Stream::Parts => serde_json::to_value(analyzer.part(&doc)),
                }
                .expect("analysis serialises")
            }
            Err(e) => {
                failed = true;
                eprintln!("dateline: {e}");
                serde_json::json!({ "error": e.to_string() })
            }
        };
        if let Some(map) = value.as_object_mut() {
            map.insert("input".into(), name.into());
            map.insert("line".into(), n.into());
        }
        let _ = serde_json::to_writer(&mut out, &value);
        // Each answer goes out at once: the reader may be waiting for it.
        let _ = out.write_all(b"\n").and_then(|_| out.flush());
    });
    let _ = out.flush();
    report(&errors, failed)
}

/// Calls `f(input name, line number, line, errors)` for each non-blank line of each
/// input (a file, or - for standard input), in order; an input or line that cannot be
/// read is named in `errors` and the rest go on.
fn each_line(
    paths: Vec<PathBuf>,
    errors: &mut Vec<String>,
    mut f: impl FnMut(&str, usize, &[u8], &mut Vec<String>),
) {
    use std::io::BufRead;
    for path in expand(paths, errors) {
        let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
            ("stdin".to_string(), Box::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(&path) {
                Ok(f) => (base_name(&path), Box::new(std::io::BufReader::new(f))),
                Err(e) => {
                    errors.push(format!("file {}: cannot read: {e}", path.display()));
                    continue;
                }
            }
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    errors.push(format!("file {name}: cannot read line {}: {e}", n + 1));
                    break;
                }
            };
            if !line.iter().all(u8::is_ascii_whitespace) {
                f(&name, n + 1, &line, errors);
            }
        }
    }
}

/// Prints the files that could not be read to standard error; exit status 1 when there
/// were any (or `failed`: errors already printed), else 0.
fn report(errors: &[String], failed: bool) -> ExitCode {
    for e in errors {
        eprintln!("dateline: {e}");
    }
    if failed || !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads files and folders into documents. A file over the size limit is refused by
/// its size, unread; files past the total limit are not read; every file that cannot
/// be read gets an error naming it and the reason, and the others are still read.
fn read_all(paths: Vec<PathBuf>, errors: &mut Vec<String>) -> Vec<Document> {
    let files = expand(paths, errors);
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
    let sizes: Vec<(String, usize)> = files
        .iter()
        .map(|p| (p.display().to_string(), if p.as_os_str() == "-" { 0 } else { size(p) }))
        .collect();
    let (fit, over_total) = ingest::within_total(&sizes);
    let mut docs = Vec::new();
    for (path, (_, bytes)) in files.iter().zip(&sizes).take(fit) {
        let (name, bytes) = if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => ("stdin.txt".to_string(), buf),
                Err(e) => {
                    errors.push(format!("file -: cannot read standard input: {e}"));
                    continue;
                }
            }
        } else {
            let name = base_name(path);
            if let Err(e) = ingest::check_size(&name, *bytes) {
                errors.push(e.to_string());
                continue;
            }
            match std::fs::read(path) {
                Ok(b) => (name, b),
                Err(e) => {
                    errors.push(format!("file {}: cannot read: {e}", path.display()));
                    continue;
                }
            }
        };
        match ingest::read_files(&name, &bytes) {
            Ok(read) => docs.extend(read),
            Err(e) => errors.push(e.to_string()),
        }
    }
    errors.extend(over_total);
    docs
}

/// `dateline text`: what the analysis reads from each file, before it looks for events.
fn text(paths: Vec<PathBuf>, today: jiff::civil::Date, json: bool) -> ExitCode {
    let mut errors = Vec::new();
    let docs = read_all(paths, &mut errors);
    let mut out = String::new();
    if json {
        let items: Vec<serde_json::Value> = docs
            .iter()
            .map(|doc| {
                let p = describe::publication(doc, today);
                serde_json::json!({
                    "file": doc.file,
                    "title": doc.title,
                    "language": lang::detect(&doc.text).map(|d| d.code),
                    "published": p.date.map(|d| d.to_string()),
                    "published_source": p.source,
                    "published_reason": p.reason,
                    "warnings": doc.warnings,
                    "text": doc.text,
                })
            })
            .collect();
        out = serde_json::to_string_pretty(&items).unwrap_or_default() + "\n";
    } else {
        for (i, doc) in docs.iter().enumerate() {
            let p = describe::publication(doc, today);
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("==> {} <==\ntitle: {}\n", doc.file, doc.title));
            match lang::detect(&doc.text) {
                Some(l) => out.push_str(&format!("language: {} ({})\n", l.code, l.reason)),
                None => out.push_str("language: unknown (too few common words of the eight languages)\n"),
            }
            match p.date {
                Some(d) => out.push_str(&format!("published: {d} ({})\n", p.reason)),
                None => out.push_str(&format!("published: unknown ({})\n", p.reason)),
            }
            for w in &doc.warnings {
                out.push_str(&format!("warning: {w}\n"));
            }
            out.push('\n');
            out.push_str(doc.text.trim_end());
            out.push('\n');
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    report(&errors, false)
}

fn timeml(out: &Path, files: &[PathBuf]) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("dateline: cannot create {}: {e}", out.display());
        return ExitCode::from(1);
    }
    let tagger = TimeTagger::new();
    let mut failed = false;
    for f in files {
        let result = std::fs::read_to_string(f)
            .map_err(|e| format!("file {}: cannot read: {e}", f.display()))
            .and_then(|tml| {
                analysis::timeml::annotate(&tml, &tagger)
                    .map_err(|e| e.in_file(f.display().to_string()).to_string())
            })
            .and_then(|tagged| {
                std::fs::write(out.join(base_name(f)), tagged)
                    .map_err(|e| format!("file {}: cannot write: {e}", out.join(base_name(f)).display()))
            });
        if let Err(e) = result {
            eprintln!("dateline: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
