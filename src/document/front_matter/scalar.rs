//! Where a YAML scalar's text stands in the file. The parser gives the
//! scalar's value and the byte range of its source; a multi-line, quoted
//! or block scalar's value is not one run of the file's bytes, so the
//! value is kept as the source runs that carry its words: each line's
//! content without indentation, quotes, escape backslashes or doubled
//! single quotes. Everything between the runs is blanked in `prose`, so a
//! finding inside a folded title points at the line and column it has in
//! the file.

use serde_saphyr::granit_parser::ScalarStyle;
use std::ops::Range;

/// The runs of `text[span]` that carry the scalar's words, in order.
pub(super) fn segments(text: &str, span: Range<usize>, style: ScalarStyle) -> Vec<Range<usize>> {
    let Some(source) = text.get(span.clone()) else {
        return Vec::new();
    };
    let inner = match style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
            // The span includes both quote marks (ASCII, one byte each).
            if source.len() < 2 {
                return Vec::new();
            }
            span.start + 1..span.end - 1
        }
        _ => span,
    };
    let mut runs = Vec::new();
    for line in lines(text, inner) {
        let line = trimmed(text, line);
        if line.is_empty() {
            continue;
        }
        match style {
            ScalarStyle::DoubleQuoted => double_quoted(text, line, &mut runs),
            ScalarStyle::SingleQuoted => single_quoted(text, line, &mut runs),
            _ => runs.push(line),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// The lines of `range` (without their newline).
fn lines(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = range.start;
    while pos < range.end {
        let end = text[pos..range.end]
            .find('\n')
            .map_or(range.end, |i| pos + i);
        out.push(pos..end);
        pos = end + 1;
    }
    out
}

/// `range` without surrounding spaces, tabs and `\r`.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\r');
    let start = range.start + (s.len() - s.trim_start_matches(is_space).len());
    let end = range.start + s.trim_end_matches(is_space).len();
    start..end.max(start)
}

/// A double-quoted line: `\"`, `\\` and `\/` keep the escaped mark, other
/// escapes (`\n`, `\t`, `\u00e9` …) and a line-ending `\` are left out,
/// as their value is not the source's bytes.
fn double_quoted(text: &str, line: Range<usize>, runs: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut start = line.start;
    let mut i = line.start;
    while i < line.end {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        runs.push(start..i);
        let next = bytes.get(i + 1).copied().filter(|_| i + 1 < line.end);
        let skip = match next {
            Some(b'"' | b'\\' | b'/') => {
                // Keep the escaped mark itself.
                start = i + 1;
                i += 2;
                continue;
            }
            Some(b'x') => 4,
            Some(b'u') => 6,
            Some(b'U') => 10,
            Some(_) => 2,
            None => 1,
        };
        i = (i + skip).min(line.end);
        start = i;
    }
    runs.push(start..line.end);
}

/// A single-quoted line: `''` stands for one `'`, so the first is left out.
fn single_quoted(text: &str, line: Range<usize>, runs: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut start = line.start;
    let mut i = line.start;
    while i + 1 < line.end {
        if bytes[i] == b'\'' && bytes[i + 1] == b'\'' {
            runs.push(start..i);
            start = i + 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    runs.push(start..line.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, span: Range<usize>, style: ScalarStyle) -> Vec<&str> {
        segments(text, span, style)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn folded_lines_lose_their_indentation() {
        let text = "  Suwayda, a city\r\n  in southern India\n\n";
        let got = words(text, 2..text.len(), ScalarStyle::Folded);
        assert_eq!(got, ["Suwayda, a city", "in southern India"]);
    }

    #[test]
    fn double_quoted_escapes() {
        let text = r#""say \"no\" \u00e9t\u00e9 \
  next""#;
        let got = words(text, 0..text.len(), ScalarStyle::DoubleQuoted);
        assert_eq!(got, ["say ", "\"no", "\" ", "t", " ", "next"]);
    }

    #[test]
    fn single_quoted_doubled_mark() {
        let text = "'it''s here'";
        let got = words(text, 0..text.len(), ScalarStyle::SingleQuoted);
        assert_eq!(got, ["it", "'s here"]);
    }
}
