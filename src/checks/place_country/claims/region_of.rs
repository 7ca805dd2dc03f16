//! "Idlib province of Syria"; "Suwayda governorate in Syria".

use super::{Claim, NameRun, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// "X province of [heading] TARGET", "X governorate in TARGET".
    pub(super) fn region_of(&self, run: &NameRun, type_word: usize, out: &mut Vec<Claim>) {
        let Some((heading, target, end)) = self.headed_target(type_word + 2) else {
            return;
        };
        if target.country.is_none() || !self.follows_claim(end, false, false, &target) {
            return;
        }
        let mut claim = self.claim(Pattern::RegionOf, run, target, heading, true);
        claim.place = format!("{} {}", claim.place, self.t[type_word].text);
        claim.place_is_region = true;
        out.push(claim);
    }
}
