//! The drafts the client has open: their text as the client last sent it
//! (full or incremental changes), version, and the lint of that version
//! when there is one. Only Markdown and plain-text documents are kept.

use crate::document::LineIndex;
use crate::engine::{Engine, Linted};
use lsp_types::{TextDocumentContentChangeEvent, Url};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Languages linted; other documents are ignored.
pub const LANGUAGES: &[&str] = &["markdown", "plaintext", "text", "mdx"];

pub struct OpenDocument {
    pub text: String,
    pub version: i32,
    /// The path the engine sees: the file path for `file:` URIs (config
    /// discovery and the format by extension), the URI otherwise.
    pub path: PathBuf,
    /// The lint of the current text, if it has been linted since it
    /// changed (none for a refused draft).
    pub linted: Option<Linted>,
    /// The findings of the current text as sent to the client; `None`
    /// until it is linted.
    pub report: Option<Vec<lsp_types::Diagnostic>>,
    /// The engine of the last lint: the last good settings.
    pub engine: Option<Arc<Engine>>,
    /// When to lint: set on each change, cleared once linted.
    pub due: Option<Instant>,
}

impl OpenDocument {
    pub fn new(uri: &Url, language: &str, text: String, version: i32) -> Self {
        let mut path = uri
            .to_file_path()
            .unwrap_or_else(|_| PathBuf::from(uri.path()));
        // An untitled Markdown buffer has no extension to tell its format.
        if language == "markdown" && path.extension().is_none() {
            path.set_extension("md");
        }
        OpenDocument {
            text,
            version,
            path,
            linted: None,
            report: None,
            engine: None,
            due: None,
        }
    }

    /// Applies changes in order; ranges count in UTF-16 units or bytes
    /// (`utf16`), as negotiated. Out-of-range positions are clamped.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, utf16: bool) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let lines = LineIndex::new(&self.text);
                    let at = |p: lsp_types::Position| {
                        lines.offset_of(&self.text, p.line as usize, p.character as usize, utf16)
                    };
                    let (start, end) = (at(range.start), at(range.end));
                    let (start, end) = (start.min(end), start.max(end));
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.linted = None;
        self.report = None;
    }
}

/// Open documents by URI.
#[derive(Default)]
pub struct Documents {
    pub open: HashMap<Url, OpenDocument>,
}

impl Documents {
    /// The document due to be linted soonest, and when.
    pub fn next_due(&self) -> Option<Instant> {
        self.open.values().filter_map(|d| d.due).min()
    }

    /// Documents whose delay has passed.
    pub fn due_by(&self, now: Instant) -> Vec<Url> {
        let mut due: Vec<Url> = self
            .open
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        due.sort();
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_changes_count_utf16_units() {
        let uri = Url::parse("file:///tmp/a.txt").unwrap();
        let mut doc = OpenDocument::new(&uri, "plaintext", "😀 ab\ncd".into(), 1);
        // After the emoji (2 units) and the space: "ab" -> "xy".
        doc.apply(vec![change(0, 3, 0, 5, "xy")], true);
        assert_eq!(doc.text, "😀 xy\ncd");
        doc.apply(
            vec![change(1, 0, 1, 99, "z"), change(9, 0, 9, 0, "!")],
            true,
        );
        assert_eq!(doc.text, "😀 xy\nz!");
        // Bytes: the emoji is four.
        doc.apply(vec![change(0, 5, 0, 7, "ab")], false);
        assert_eq!(doc.text, "😀 ab\nz!");
    }
}
