//! Applying fixes: non-overlapping replacements, earliest first; a fix
//! that overlaps one already taken waits for the next run.

use crate::diagnostic::Diagnostic;

/// The text with every non-overlapping fix of `diagnostics` applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for fix in fixes {
        if fix.span.start < pos || fix.span.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..fix.span.start]);
        out.push_str(&fix.replacement);
        pos = fix.span.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// How many fixes `apply` would take.
pub fn count(diagnostics: &[Diagnostic]) -> usize {
    let mut fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut pos = 0;
    fixes
        .into_iter()
        .filter(|f| {
            let take = f.span.start >= pos;
            if take {
                pos = f.span.end;
            }
            take
        })
        .count()
}
