//! A job's answer on its way from the worker to the page, in pieces of about a
//! megabyte of JSON: the worker never holds the whole answer twice (as data and as
//! JSON), the page never holds its JSON at all, and each piece is read in a task of its
//! own, so the page keeps answering while a 50,000-event answer arrives. Nothing here
//! touches the browser.
//!
//! The first piece is the [`Done`] without its articles, events and actors; the others
//! carry those, in order. Each article's text travels once: the documents' copies are
//! left out and restored from the articles (the evidence offsets point into them).

use crate::analysis::{ActorEntry, ArticleOut, EventOut};

use super::job::Done;

/// A piece is closed once it holds this many bytes of JSON (an item is never split).
pub const PIECE_BYTES: usize = 1 << 20;

/// One piece, as JSON: `{"Head":[{…},[articles, events, actors]]}`, `{"Articles":[…]}`, `{"Events":[…]}`, `{"Actors":[…]}`.
#[derive(serde::Deserialize)]
enum Piece {
    /// The answer without its articles, events and actors, and how many of each follow.
    Head(Done, [usize; 3]),
    Articles(Vec<ArticleOut>),
    Events(Vec<EventOut>),
    Actors(Vec<ActorEntry>),
}

/// Writes `done` as pieces, handing each to `send` (in order) as JSON bytes; returns
/// how many there were.
pub fn write(done: Done, send: &mut dyn FnMut(Vec<u8>)) -> Result<usize, serde_json::Error> {
    let mut writer = Writer::new(done);
    let mut count = 0;
    while let Some(piece) = writer.next_piece()? {
        send(piece);
        count += 1;
    }
    Ok(count)
}

/// Writes an answer a piece at a time (the worker packs and sends each before writing
/// the next, so only one is ever written and not yet sent).
pub struct Writer {
    head: Option<Done>,
    articles: Vec<ArticleOut>,
    events: Vec<EventOut>,
    actors: Vec<ActorEntry>,
    /// The list being written (0 articles, 1 events, 2 actors) and the next item in it.
    list: usize,
    at: usize,
}

impl Writer {
    pub fn new(mut done: Done) -> Writer {
        let articles = std::mem::take(&mut done.analysis.articles);
        let events = std::mem::take(&mut done.analysis.events);
        let actors = std::mem::take(&mut done.analysis.actors);
        let same_files =
            articles.iter().map(|a| a.file.as_str()).eq(done.docs.iter().map(|d| d.file.as_str()));
        if same_files {
            for (doc, article) in done.docs.iter_mut().zip(&articles) {
                if doc.text == article.text {
                    doc.text = String::new();
                }
            }
        }
        Writer { head: Some(done), articles, events, actors, list: 0, at: 0 }
    }

    /// The next piece, or None once all are written.
    pub fn next_piece(&mut self) -> Result<Option<Vec<u8>>, serde_json::Error> {
        if let Some(done) = self.head.take() {
            let mut head = br#"{"Head":["#.to_vec();
            serde_json::to_writer(&mut head, &done)?;
            head.push(b',');
            let counts = [self.articles.len(), self.events.len(), self.actors.len()];
            serde_json::to_writer(&mut head, &counts)?;
            head.extend_from_slice(b"]}");
            return Ok(Some(head));
        }
        loop {
            let piece = match self.list {
                0 => items("Articles", &self.articles, &mut self.at)?,
                1 => items("Events", &self.events, &mut self.at)?,
                2 => items("Actors", &self.actors, &mut self.at)?,
                _ => return Ok(None),
            };
            match piece {
                Some(p) => return Ok(Some(p)),
                None => {
                    self.list += 1;
                    self.at = 0;
                }
            }
        }
    }
}

/// `{"<tag>":[…]}` with the items from `*at` on, up to about [`PIECE_BYTES`]; None when
/// none are left.
fn items<T: serde::Serialize>(
    tag: &str,
    items: &[T],
    at: &mut usize,
) -> Result<Option<Vec<u8>>, serde_json::Error> {
    if *at >= items.len() {
        return Ok(None);
    }
    let mut buf = format!("{{\"{tag}\":[").into_bytes();
    for (k, item) in items[*at..].iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        serde_json::to_writer(&mut buf, item)?;
        *at += 1;
        if buf.len() >= PIECE_BYTES {
            break;
        }
    }
    buf.extend_from_slice(b"]}");
    Ok(Some(buf))
}

/// Reads pieces as they come and puts the answer together.
#[derive(Debug, Default)]
pub struct Reader {
    head: Option<Done>,
    articles: Vec<ArticleOut>,
    events: Vec<EventOut>,
    actors: Vec<ActorEntry>,
}

impl Reader {
    /// Reads one piece.
    pub fn read(&mut self, piece: &[u8]) -> Result<(), serde_json::Error> {
        // `from_str`, not `from_slice`: the page's wasm holds one JSON reader for each,
        // and the other JSON the page reads is text (21 KB gzipped saved).
        match serde_json::from_str(&String::from_utf8_lossy(piece))? {
            Piece::Head(done, [articles, events, actors]) => {
                // Exactly sized: growing by doubling would hold up to half as much again.
                self.head = Some(done);
                self.articles.reserve_exact(articles.min(1 << 20));
                self.events.reserve_exact(events.min(1 << 24));
                self.actors.reserve_exact(actors.min(1 << 24));
            }
            Piece::Articles(a) => self.articles.extend(a),
            Piece::Events(e) => self.events.extend(e),
            Piece::Actors(a) => self.actors.extend(a),
        }
        Ok(())
    }

    /// The answer, the documents' texts restored; None if no first piece came.
    pub fn finish(self) -> Option<Done> {
        let mut done = self.head?;
        done.analysis.articles = self.articles;
        done.analysis.events = self.events;
        done.analysis.actors = self.actors;
        for (doc, article) in done.docs.iter_mut().zip(&done.analysis.articles) {
            if doc.text.is_empty() && doc.file == article.file {
                doc.text = article.text.clone();
            }
        }
        Some(done)
    }
}

/// Writes `done` and reads it back, as the worker and the page do (for tests and the CLI's benchmarks).
pub fn round_trip(done: Done) -> Result<(Done, Vec<Vec<u8>>), serde_json::Error> {
    let mut pieces = Vec::new();
    write(done, &mut |p| pieces.push(p))?;
    let mut reader = Reader::default();
    for p in &pieces {
        reader.read(p)?;
    }
    Ok((reader.finish().expect("the first piece is the head"), pieces))
}
