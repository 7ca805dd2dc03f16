//! A diagnostic on a very long line (a paragraph-per-file export, a
//! minified page) is shown against an excerpt of that line around its
//! labels, marked with `…`, instead of printing the whole line — which for
//! a megabyte-long line and many findings would print gigabytes.

use crate::diagnostic::Diagnostic;
use crate::document::LineIndex;
use codespan_reporting::files::{column_index, Error, Files};
use std::ops::Range;

/// Lines longer than this (bytes) are cut down around the labels.
const LONG_LINE: usize = 1_000;
/// Bytes of context kept either side of the labels.
const CONTEXT: usize = 120;
const ELLIPSIS: &str = "…";

/// One line of a file, cut down to `text`, which starts at byte `offset`
/// of the file (minus the leading ellipsis).
pub struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// Subtract from a file offset to get an offset into `text`.
    shift: isize,
    line_index: usize,
    /// Chars on the line before `text` starts.
    column_base: usize,
}

impl Excerpt<'_> {
    /// `span` of the file as a span of the excerpt.
    pub fn map(&self, span: &Range<usize>) -> Range<usize> {
        let at = |o: usize| usize::try_from(o as isize - self.shift).unwrap_or(0);
        at(span.start)..at(span.end)
    }
}

/// The excerpt to show `d` against, when all its labels sit on one line
/// longer than `LONG_LINE`; None to show the file as it is.
pub fn excerpt<'a>(
    name: &'a str,
    text: &str,
    lines: &LineIndex,
    d: &Diagnostic,
) -> Option<Excerpt<'a>> {
    let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
    let start = spans.clone().map(|s| s.start).min()?;
    let end = spans.map(|s| s.end).max()?;
    let line_index = lines.line_of(start);
    let line_start = lines.line_start(line_index)?;
    let line_end = lines
        .line_start(line_index + 1)
        .map_or(text.len(), |next| next - 1);
    if end > line_end || line_end - line_start <= LONG_LINE {
        return None;
    }
    let mut from = start.saturating_sub(CONTEXT).max(line_start);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT).min(line_end);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let (_, column) = lines.line_col(text, from);
    let lead = if from > line_start { ELLIPSIS } else { "" };
    let tail = if to < line_end { ELLIPSIS } else { "" };
    Some(Excerpt {
        name,
        text: format!("{lead}{}{tail}", &text[from..to]),
        shift: from as isize - lead.len() as isize,
        line_index,
        column_base: (column - 1).saturating_sub(usize::from(!lead.is_empty())),
    })
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(self.line_index)
    }

    fn column_number(&'a self, (): (), _line: usize, byte_index: usize) -> Result<usize, Error> {
        let in_excerpt = column_index(&self.text, 0..self.text.len(), byte_index);
        Ok(self.column_base + in_excerpt + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        if line_index == self.line_index {
            Ok(0..self.text.len())
        } else {
            Err(Error::LineTooLarge {
                given: line_index,
                max: self.line_index,
            })
        }
    }
}
