//! YAML front matter (`---` … `---` or `...`) at the top of a draft,
//! parsed with serde-saphyr's event parser (granit-parser). The display
//! fields (`title`, `subtitle`, `dek`, …) become blocks whose words keep
//! their place in the file, whatever the scalar style (plain, quoted,
//! folded `>`, literal `|`, any chomping); `date` and `tags` are kept as
//! metadata. A front matter that is not valid YAML is a located error.

mod scalar;

use super::BlockKind;
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

/// A front-matter value other than a display field, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaValue {
    /// The value as YAML reads it.
    pub value: String,
    /// Bytes of the file holding it (quotes excluded).
    pub span: Range<usize>,
}

/// What the front matter says besides the display fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatterMeta {
    /// `date`: the publication date as written (for date checks).
    pub date: Option<MetaValue>,
    /// `tags`: a list, or one comma-separated string.
    pub tags: Vec<MetaValue>,
}

/// Front matter that is not valid YAML, or not a mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// Byte offset in the file where the problem was found.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column (in chars) of `offset`.
    pub column: usize,
    /// The parser's description.
    pub message: String,
}

impl std::fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "front matter is not valid YAML: {} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// One display field: its block kind, the span of its value, and the runs
/// of that span that are the value's words (the rest is blanked).
pub(super) struct Field {
    pub kind: BlockKind,
    pub span: Range<usize>,
    pub runs: Vec<Range<usize>>,
}

pub(super) struct FrontMatter {
    /// Byte offset just past the closing `---` line.
    pub end: usize,
    pub fields: Vec<Field>,
    pub meta: FrontMatterMeta,
    pub error: Option<FrontMatterError>,
}

impl FrontMatter {
    /// Every run of every display field, in file order.
    pub fn values(&self) -> Vec<Range<usize>> {
        let mut runs: Vec<Range<usize>> = self
            .fields
            .iter()
            .flat_map(|f| f.runs.iter().cloned())
            .collect();
        runs.sort_by_key(|r| r.start);
        runs
    }

    pub fn blocks(&self) -> Vec<super::Block> {
        self.fields
            .iter()
            .map(|f| super::Block {
                kind: f.kind,
                span: f.span.clone(),
            })
            .collect()
    }
}

/// Finds and parses the front matter; `None` when the draft has none (no
/// `---` first line, no closing line, or a first line that is not a
/// `key:` — a text that merely opens with a rule).
pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    let (region, end) = delimit(text)?;
    let mut fm = FrontMatter {
        end,
        fields: Vec::new(),
        meta: FrontMatterMeta::default(),
        error: None,
    };
    if let Err((offset, message)) = read_yaml(text, region, &mut fm) {
        // Nothing of a broken front matter is linted; the error says why.
        fm.fields.clear();
        fm.meta = FrontMatterMeta::default();
        let (line, column) = line_column(text, offset);
        fm.error = Some(FrontMatterError {
            offset,
            line,
            column,
            message,
        });
    }
    fm.fields.sort_by_key(|f| f.span.start);
    Some(fm)
}

/// The located error of the draft's front matter, if it has a broken one.
pub fn error(text: &str) -> Option<FrontMatterError> {
    parse(text)?.error
}

/// The YAML between the delimiter lines, and the offset past the closing one.
fn delimit(text: &str) -> Option<(Range<usize>, usize)> {
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[offset..].find('\n')? + offset;
    if text[offset..first_end].trim_end() != "---" {
        return None;
    }
    let start = first_end + 1;
    let mut pos = start;
    let mut seen_content = false;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        if matches!(line, "---" | "...") {
            return Some((start..pos, (line_end + 1).min(text.len())));
        }
        let content = line.trim_start();
        if !seen_content && !content.is_empty() && !content.starts_with('#') {
            if !looks_like_key(line) {
                return None;
            }
            seen_content = true;
        }
        pos = line_end + 1;
    }
    None
}

/// `key:` or `key: value` at the start of a line: a YAML mapping begins.
fn looks_like_key(line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let after = &line[colon + 1..];
    !line.starts_with(char::is_whitespace)
        && colon > 0
        && (after.is_empty() || after.starts_with([' ', '\t']))
}

type Located = (usize, String);

/// Walks the events of the mapping, filling `fm`; offsets are the file's.
fn read_yaml(text: &str, region: Range<usize>, fm: &mut FrontMatter) -> Result<(), Located> {
    let base = region.start;
    let yaml = &text[region];
    let mut events: Vec<(Event<'_>, Range<usize>)> = Vec::new();
    for item in Parser::new_from_str(yaml) {
        match item {
            Ok((event, span)) => events.push((event, shift(&span, base))),
            Err(e) => {
                let at = e.marker().byte_offset().unwrap_or(0).min(yaml.len());
                return Err((base + at, e.info()));
            }
        }
    }
    let mut it = events.into_iter().peekable();
    while let Some((event, span)) = it.next() {
        match event {
            Event::StreamStart | Event::DocumentStart(..) | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::MappingStart(..) => return read_mapping(text, &mut it, fm),
            // An empty front matter reads as one empty (null) scalar.
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {}
            _ => {
                return Err((
                    span.start,
                    "expected a mapping of keys to values (`title: …`)".into(),
                ))
            }
        }
    }
    Ok(())
}

type Events<'a> = std::iter::Peekable<std::vec::IntoIter<(Event<'a>, Range<usize>)>>;

fn read_mapping(text: &str, it: &mut Events<'_>, fm: &mut FrontMatter) -> Result<(), Located> {
    while let Some((event, _)) = it.next() {
        let key = match event {
            Event::MappingEnd => return Ok(()),
            Event::Scalar(key, ..) => key.into_owned(),
            // A complex key (a mapping or list as key): skip it and its value.
            other => {
                skip_node(&other, it);
                if let Some((value, _)) = it.next() {
                    skip_node(&value, it);
                }
                continue;
            }
        };
        let Some((value, span)) = it.next() else {
            break;
        };
        match value {
            Event::Scalar(v, style, ..) => field(text, &key, &v, style, span, fm),
            Event::SequenceStart(..) if key == "tags" => read_tags(text, it, fm),
            other => skip_node(&other, it),
        }
    }
    Ok(())
}

/// Records a top-level scalar the checks use.
fn field(
    text: &str,
    key: &str,
    value: &str,
    style: ScalarStyle,
    span: Range<usize>,
    fm: &mut FrontMatter,
) {
    let kind = match key {
        "title" | "headline" => BlockKind::Title,
        "subtitle" | "dek" | "description" | "standfirst" | "summary" => BlockKind::Standfirst,
        "date" => {
            fm.meta.date = meta_value(text, value, style, span);
            return;
        }
        "tags" => {
            fm.meta.tags = tags_from_string(text, value, style, span);
            return;
        }
        _ => return,
    };
    let runs = scalar::segments(text, span, style);
    if let (Some(first), Some(last)) = (runs.first(), runs.last()) {
        fm.fields.push(Field {
            kind,
            span: first.start..last.end,
            runs,
        });
    }
}

fn meta_value(
    text: &str,
    value: &str,
    style: ScalarStyle,
    span: Range<usize>,
) -> Option<MetaValue> {
    let runs = scalar::segments(text, span, style);
    let (first, last) = (runs.first()?, runs.last()?);
    Some(MetaValue {
        value: value.trim().to_string(),
        span: first.start..last.end,
    })
}

/// `tags: a, b` (one plain or quoted line): one tag per comma.
fn tags_from_string(
    text: &str,
    value: &str,
    style: ScalarStyle,
    span: Range<usize>,
) -> Vec<MetaValue> {
    let runs = scalar::segments(text, span, style);
    if runs.len() != 1 || style == ScalarStyle::DoubleQuoted && value.contains('\\') {
        // Across lines or with escapes the pieces have no single place;
        // the whole value stands for them.
        return meta_value(text, value, style, span_of(&runs))
            .into_iter()
            .collect();
    }
    let run = runs[0].clone();
    let mut out = Vec::new();
    let mut pos = run.start;
    for piece in text[run.clone()].split(',') {
        let lead = piece.len() - piece.trim_start().len();
        let tag = piece.trim();
        if !tag.is_empty() {
            let start = pos + lead;
            out.push(MetaValue {
                value: tag.to_string(),
                span: start..start + tag.len(),
            });
        }
        pos += piece.len() + 1;
    }
    out
}

fn span_of(runs: &[Range<usize>]) -> Range<usize> {
    match (runs.first(), runs.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}

/// `tags:` as a list: its scalar items (nested lists and maps skipped).
fn read_tags(text: &str, it: &mut Events<'_>, fm: &mut FrontMatter) {
    while let Some((event, span)) = it.next() {
        match event {
            Event::SequenceEnd => return,
            Event::Scalar(v, style, ..) => {
                fm.meta.tags.extend(meta_value(text, &v, style, span));
            }
            other => skip_node(&other, it),
        }
    }
}

/// Consumes the rest of a node whose first event was `first`.
fn skip_node(first: &Event<'_>, it: &mut Events<'_>) {
    if !matches!(first, Event::MappingStart(..) | Event::SequenceStart(..)) {
        return;
    }
    let mut depth = 1usize;
    for (event, _) in it.by_ref() {
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

fn shift(span: &Span, base: usize) -> Range<usize> {
    let r = span.byte_range().unwrap_or(0..0);
    base + r.start..base + r.end
}

/// 1-based line and char column of byte `offset`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
