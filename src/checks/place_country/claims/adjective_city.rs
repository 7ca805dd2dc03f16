//! "the Spanish city of Valencia"; "the Iraqi capital, Baghdad".

use super::words::SETTLEMENT_WORDS;
use super::{Claim, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// "the [heading] ADJ city of X", "the ADJ capital[,] X".
    pub(super) fn adjective_city(&self, i: usize, out: &mut Vec<Claim>) {
        let (heading, a) = match self.heading_at(i) {
            Some(h) => (Some(h), i + 1),
            None => (None, i),
        };
        for len in [2, 1] {
            let type_at = a + len;
            if type_at > self.t.len() || !self.is_word(type_at, SETTLEMENT_WORDS) {
                continue;
            }
            let Some(target) = self.adjective(a, type_at) else {
                continue;
            };
            let capital = self.is_word(type_at, &["capital"]);
            let of_or_comma = self.is_word(type_at + 1, &["of"])
                || (capital && self.t.get(type_at + 1).is_some_and(|t| t.is_punct(',')));
            let x = if of_or_comma {
                type_at + 2
            } else if capital {
                type_at + 1
            } else {
                return;
            };
            if let Some(run) = self.name_after(x) {
                if run.opener.is_none() {
                    let mut claim = self.claim(Pattern::AdjectiveCity, &run, target, heading, true);
                    claim.capital = capital;
                    out.push(claim);
                }
            }
            return;
        }
    }
}
