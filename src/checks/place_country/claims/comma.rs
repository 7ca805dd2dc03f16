//! "in Tokyo, Japan"; "in Aleppo, Idlib province"; "Suwayda, in southern Syria".

use super::words::REGION_WORDS;
use super::{Claim, NameRun, Pattern, Scanner};
use crate::document::lower_case;

impl<'a> Scanner<'a> {
    /// "in X, [heading] TARGET" with a locative word before X, or "X,
    /// Idlib province" (a typed region needs no preposition).
    pub(super) fn comma(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        // "in Suwayda, in southern Syria, …"
        let comma_in = self.is_word(i, &["in"]);
        let i = if comma_in { i + 1 } else { i };
        let Some((heading, target, end)) = self.headed_target(i) else {
            return;
        };
        let typed_region = target.country.is_none()
            && self
                .t
                .get(end - 1)
                .is_some_and(|t| REGION_WORDS.contains(&lower_case(t.text).as_ref()));
        // "Suwayda, in southern Syria": the heading makes it geographic.
        let headed = comma_in && heading.is_some();
        if !self.locative_before(run) && !typed_region && !headed {
            return;
        }
        if !self.follows_claim(end, true, run.opener.is_some(), &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Comma, run, target, heading, explicit));
    }
}
