//! Errors in rule and config files, located in the YAML source so they can
//! be shown like any other diagnostic (file, line, column, carets).

use serde_saphyr::{Location, RenderOptions, SnippetMode};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
/// A bad rule file or config: the file, the position and what is wrong.
pub struct LoadError {
    /// The file's path.
    pub path: String,
    /// The file's text, for the excerpt under the message.
    pub source: String,
    /// Byte range of the offending part.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// Help lines (did-you-mean, the accepted values).
    pub notes: Vec<String>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let index = super::LineIndex::new(&self.source);
        let (line, col) = index.line_col(&self.source, self.span.start);
        write!(f, "{}:{line}:{col}: {}", self.path, self.message)
    }
}

impl std::error::Error for LoadError {}

/// The YAML file being loaded, for locating errors in it.
#[derive(Debug, Clone)]
pub struct YamlSource {
    /// The file's path.
    pub path: String,
    /// The file's text.
    pub text: String,
}

impl YamlSource {
    /// A source with this path and text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        YamlSource {
            path: path.into(),
            text: text.into(),
        }
    }

    /// An error at byte range `span` of this file.
    pub fn error_span(&self, span: Range<usize>, message: impl Into<String>) -> LoadError {
        LoadError {
            path: self.path.clone(),
            source: self.text.clone(),
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    /// An error at a parser location (the whole scalar or key there).
    pub fn error_at(&self, loc: &Location, message: impl Into<String>) -> LoadError {
        self.error_span(self.span_of(loc), message)
    }

    /// A serde-saphyr error, at its location (or the file start).
    pub fn from_yaml(&self, err: &serde_saphyr::Error) -> LoadError {
        let mut options = RenderOptions::default();
        options.snippets = SnippetMode::Off;
        let rendered = err.render_with_options(options);
        let first = rendered.lines().next().unwrap_or("invalid YAML");
        let message = match first.strip_prefix("budget breached: ") {
            // serde-saphyr's own wording names a Rust struct; say what it means.
            Some(detail) => format!(
                "YAML beyond the limits for rule and config files (too many aliases, anchors, nodes or levels of nesting): {}",
                detail.split(" at line ").next().unwrap_or(detail)
            ),
            None => strip_location_suffix(first),
        };
        let suggestion = super::suggest::for_unknown_field(&message);
        let mut error = match err.location() {
            Some(loc) if loc != Location::UNKNOWN => self.error_at(&loc, message),
            _ => self.error_span(0..0, message),
        };
        if let Some(name) = suggestion {
            error.notes.push(format!("did you mean `{name}`?"));
        }
        error
    }

    fn span_of(&self, loc: &Location) -> Range<usize> {
        let start = loc
            .span()
            .byte_offset()
            .and_then(|b| usize::try_from(b).ok())
            .unwrap_or_else(|| self.offset_of(loc.line(), loc.column()));
        let start = start.min(self.text.len());
        let len = loc
            .span()
            .byte_len()
            .and_then(|b| usize::try_from(b).ok())
            .unwrap_or(0);
        let end = if len > 0 {
            (start + len).min(self.text.len())
        } else {
            token_end(&self.text, start)
        };
        start..end
    }

    fn offset_of(&self, line: u64, column: u64) -> usize {
        let index = super::LineIndex::new(&self.text);
        let line = usize::try_from(line.saturating_sub(1)).unwrap_or(0);
        let Some(start) = index.line_start(line) else {
            return self.text.len();
        };
        let col = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
        self.text[start..]
            .char_indices()
            .nth(col)
            .map_or(self.text.len(), |(i, _)| start + i)
    }
}

/// The end of the word or key starting at `start`, for carets under it
/// (never past a bracket, so `[[[[…` does not underline a whole line).
fn token_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    let len = rest
        .find(['\n', ':', ',', '[', ']', '{', '}'])
        .unwrap_or(rest.len());
    start + rest[..len].trim_end().len()
}

/// serde-saphyr appends " at line X column Y"; the diagnostic shows it already.
fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
