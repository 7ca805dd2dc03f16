//! "in Kirkuk in northern Iraq"; "Suwayda in southern Syria".

use super::{Claim, NameRun, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// "X in [the] heading TARGET", or "in X in [the] TARGET".
    pub(super) fn in_country(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        let Some((heading, target, end)) = self.headed_target(i) else {
            return;
        };
        // "to X in Y" is a journey, not a location, unless "close to".
        let near = run.start >= 2
            && self.is_word(run.start - 1, &["to"])
            && self.is_word(run.start - 2, &["close", "closer", "next", "adjacent"]);
        let prep = self.locative_before(run)
            && (near || !(run.start > 0 && self.is_word(run.start - 1, &["to", "of"])));
        if heading.is_none() && !prep {
            return;
        }
        if !self.follows(end, false, run.opener.is_some(), true, &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::InCountry, run, target, heading, explicit));
    }
}
