//! Building `prose`, the same-length copy of a draft's text with
//! everything that is not prose (a BOM, markup, comments, front-matter
//! keys) blanked to spaces, so every offset found in it is also an offset
//! into the file. Every parser of the document blanks through here.

use std::ops::Range;

/// Replaces a leading BOM by spaces so offsets stay put.
pub(super) fn blank_bom(text: &str) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text.to_string(),
    }
}

/// Blanks `range` of `prose` except the `keep` sub-ranges.
pub(super) fn blank_outside(prose: &mut String, range: Range<usize>, keep: &[Range<usize>]) {
    let mut pos = range.start;
    let mut holes = Vec::new();
    for k in keep {
        holes.push(pos..k.start);
        pos = k.end;
    }
    holes.push(pos..range.end);
    for hole in holes {
        blank(prose, hole);
    }
}

/// Replaces the chars in `range` by ASCII spaces, keeping newlines.
pub(super) fn blank(prose: &mut String, range: Range<usize>) {
    let Some(slice) = prose.get(range.clone()) else {
        return;
    };
    let replaced: String = slice
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' { '\n' } else { ' ' };
            std::iter::repeat_n(fill, c.len_utf8())
        })
        .collect();
    prose.replace_range(range, &replaced);
}

/// Blanks every HTML comment in `prose`: they are never prose.
pub(super) fn blank_comments(prose: &mut String) {
    let spans: Vec<Range<usize>> = super::suppressions::comments(prose)
        .map(|(span, _)| span)
        .collect();
    for span in spans {
        blank(prose, span);
    }
}
