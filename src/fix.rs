//! Applying fixes: non-overlapping replacements, earliest first; a fix
//! that overlaps one already taken waits for the next round (the engine's
//! `fix_text` runs rounds until nothing fixable is left).

use crate::diagnostic::{Diagnostic, Fix};
use std::ops::Range;

/// Rounds `Engine::fix_text` runs at most: each round applies at least one
/// fix, and a fix that keeps producing fixable text is a rule bug, not a
/// reason to loop forever.
pub const MAX_ROUNDS: usize = 10;

/// A text with fixes applied, and where each replaced span went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The text with the fixes applied.
    pub text: String,
    /// How many fixes were applied.
    pub count: usize,
    /// (old span, length of its replacement), in text order.
    edits: Vec<(Range<usize>, usize)>,
}

impl Applied {
    /// Where an offset of the old text lies in the new one. An offset inside
    /// a replaced span goes to the start (`at_end` false) or end of its
    /// replacement.
    pub fn map_offset(&self, offset: usize, at_end: bool) -> usize {
        let mut delta: isize = 0;
        for (span, new_len) in &self.edits {
            if offset <= span.start {
                break;
            }
            if offset < span.end {
                let new_start = span.start.saturating_add_signed(delta);
                return if at_end {
                    new_start + new_len
                } else {
                    new_start
                };
            }
            delta += *new_len as isize - span.len() as isize;
        }
        offset.saturating_add_signed(delta)
    }

    /// Where `range` of the original text lies in the fixed text.
    pub fn map_range(&self, range: &Range<usize>) -> Range<usize> {
        self.map_offset(range.start, false)..self.map_offset(range.end, true)
    }
}

/// The fixes `apply` takes: sorted, none overlapping an earlier one, all
/// inside the text and on char boundaries.
fn chosen<'a>(text: &str, diagnostics: &'a [Diagnostic]) -> Vec<&'a Fix> {
    let mut fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut pos = 0;
    let mut taken: Vec<&Fix> = Vec::new();
    for fix in fixes {
        let fits = fix.span.start >= pos
            && fix.span.start <= fix.span.end
            && fix.span.end <= text.len()
            && text.is_char_boundary(fix.span.start)
            && text.is_char_boundary(fix.span.end);
        // Two insertions at one point would make their order matter.
        let same_insertion = taken.last().is_some_and(|t| {
            t.span.is_empty() && fix.span.is_empty() && t.span.start == fix.span.start
        });
        if fits && !same_insertion {
            pos = fix.span.end;
            taken.push(fix);
        }
    }
    taken
}

/// Applies every non-overlapping fix of `diagnostics` once.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> Applied {
    let fixes = chosen(text, diagnostics);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut edits = Vec::with_capacity(fixes.len());
    for fix in &fixes {
        out.push_str(&text[pos..fix.span.start]);
        out.push_str(&fix.replacement);
        pos = fix.span.end;
        edits.push((fix.span.clone(), fix.replacement.len()));
    }
    out.push_str(&text[pos..]);
    Applied {
        text: out,
        count: fixes.len(),
        edits,
    }
}

/// The text with every non-overlapping fix of `diagnostics` applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> String {
    apply_fixes(text, diagnostics).text
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn with_fix(span: Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic {
            rule: "r".into(),
            category: "style".into(),
            severity: Severity::Warning,
            message: "m".into(),
            span: span.clone(),
            labels: vec![],
            notes: vec![],
            fix: Some(Fix {
                span,
                replacement: replacement.into(),
            }),
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let text = "abcdef";
        let applied = apply_fixes(
            text,
            &[with_fix(1..4, "X"), with_fix(2..3, "Y"), with_fix(4..5, "")],
        );
        assert_eq!(applied.text, "aXf");
        assert_eq!(applied.count, 2);
    }

    #[test]
    fn offsets_follow_the_edits() {
        let applied = apply_fixes("one two three", &[with_fix(4..7, "2"), with_fix(0..0, ">")]);
        assert_eq!(applied.text, ">one 2 three");
        assert_eq!(applied.map_offset(8, false), 7); // "three"
        assert_eq!(applied.map_range(&(4..7)), 5..6);
        assert_eq!(applied.map_range(&(0..3)), 0..4);
    }

    #[test]
    fn out_of_text_and_split_char_fixes_are_ignored() {
        let applied = apply_fixes("é", &[with_fix(1..2, "e"), with_fix(0..9, "")]);
        assert_eq!(applied.text, "é");
        assert_eq!(applied.count, 0);
    }
}
