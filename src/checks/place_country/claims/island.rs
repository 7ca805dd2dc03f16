//! "Osaka, on the northern island of Hokkaido": an island named as a
//! region puts the place on it.

use super::{Claim, NameRun, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// At `i`, after "on": "the [heading] island of TARGET".
    pub(super) fn island_of(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        if !self.is_word(i, &["the"]) {
            return;
        }
        let heading = self.heading_at(i + 1);
        let k = i + 1 + usize::from(heading.is_some());
        if !self.is_word(k, &["island"]) || !self.is_word(k + 1, &["of"]) {
            return;
        }
        let Some((target, end)) = self.target_at(k + 2) else {
            return;
        };
        if self.follows_claim(end, false, false, &target) {
            out.push(self.claim(Pattern::Appositive, run, target, heading, true));
        }
    }
}
