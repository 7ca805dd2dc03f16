//! YAML front matter (`---` … `---`) at the top of a draft. Only the
//! display fields are read, with spans into the original text, so the
//! headline and dek are checked where they stand.

use super::dates::CalendarDate;
use super::{Block, BlockKind};
use std::ops::Range;

pub(super) struct FrontMatter {
    /// Byte offset just past the closing `---` line.
    pub end: usize,
    pub fields: Vec<(BlockKind, Range<usize>)>,
    /// The `date:` value, when it is a `YYYY-MM-DD` date.
    pub date: Option<CalendarDate>,
}

impl FrontMatter {
    pub fn values(&self) -> Vec<Range<usize>> {
        self.fields.iter().map(|(_, r)| r.clone()).collect()
    }

    pub fn blocks(&self) -> Vec<Block> {
        self.fields
            .iter()
            .map(|(kind, span)| Block {
                kind: *kind,
                span: span.clone(),
            })
            .collect()
    }
}

/// Finds front matter and the spans of `title`, `subtitle`, `dek`,
/// `description` and `standfirst` values (single-line scalars).
pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[offset..];
    let first_end = body.find('\n')?;
    if body[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = offset + first_end + 1;
    let mut fields = Vec::new();
    let mut date = None;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        if matches!(line.trim_end(), "---" | "...") {
            fields.sort_by_key(|(_, r): &(BlockKind, Range<usize>)| r.start);
            return Some(FrontMatter {
                end: (line_end + 1).min(text.len()),
                fields,
                date,
            });
        }
        if let Some(value) = line.strip_prefix("date:") {
            date = date.or(CalendarDate::parse_iso(value));
        }
        if let Some(field) = display_field(line, pos) {
            fields.push(field);
        }
        pos = line_end + 1;
    }
    None
}

fn display_field(line: &str, line_start: usize) -> Option<(BlockKind, Range<usize>)> {
    let (key, _) = line.split_once(':')?;
    let kind = match key.trim() {
        "title" | "headline" => BlockKind::Title,
        "subtitle" | "dek" | "description" | "standfirst" | "summary" => BlockKind::Standfirst,
        _ => return None,
    };
    if key.starts_with(char::is_whitespace) {
        return None;
    }
    let value_start = line_start + key.len() + 1;
    let raw = &line[key.len() + 1..];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let (start, len) = match trimmed.chars().next() {
        Some(q @ ('"' | '\'')) if trimmed.len() >= 2 && trimmed.ends_with(q) => {
            (value_start + lead + 1, trimmed.len() - 2)
        }
        Some(_) => (value_start + lead, trimmed.len()),
        None => return None,
    };
    Some((kind, start..start + len))
}
