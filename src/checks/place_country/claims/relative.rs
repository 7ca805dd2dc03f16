//! "Geneva, which lies in France"; "Zurich, which is located in southern
//! Germany": a relative clause that places the name before it.

use super::{Claim, NameRun, Pattern, Scanner};

/// Verbs of position in "X, which lies in …".
const POSITION_VERBS: &[&str] = &["lies", "lay", "is", "was", "sits", "sat", "stands", "stood"];

/// Participles between the verb and "in" ("which is located in").
const POSITION_PARTICIPLES: &[&str] = &["located", "situated", "set", "nestled", "found"];

impl<'a> Scanner<'a> {
    /// After "X,": "which|that VERB [located] in [heading] TARGET".
    pub(super) fn relative(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        if !self.is_word(i, &["which", "that"]) || !self.is_word(i + 1, POSITION_VERBS) {
            return;
        }
        let mut k = i + 2;
        if self.is_word(k, &["just", "now", "also"]) {
            k += 1;
        }
        if self.is_word(k, POSITION_PARTICIPLES) {
            k += 1;
        }
        if !self.is_word(k, &["in"]) {
            return;
        }
        let Some((heading, target, end)) = self.headed_target(k + 1) else {
            return;
        };
        if !self.follows(end, false, run.opener.is_some(), true, &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Relative, run, target, heading, explicit));
    }
}
