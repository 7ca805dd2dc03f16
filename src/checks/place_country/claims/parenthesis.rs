//! "in Mulhouse (France)".

use super::{Claim, NameRun, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// "in X (TARGET)".
    pub(super) fn parenthesis(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        let Some((target, end)) = self.target_at(i) else {
            return;
        };
        // Only "in"/"at"/"near": "signed from Ajax (Holland)" names a club.
        let located =
            run.start > 0 && self.is_word(run.start - 1, &["in", "at", "near", "outside"]);
        if !self.t.get(end).is_some_and(|t| t.is_punct(')')) || !located {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Parenthesis, run, target, None, explicit));
    }
}
