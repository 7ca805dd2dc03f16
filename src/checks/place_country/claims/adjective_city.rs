//! "the Spanish city of Valencia"; "the Iraqi capital, Baghdad".

use super::words::{MODIFIER_BREAKERS, SETTLEMENT_WORDS};
use super::HeadingMention;
use super::{Claim, Pattern, Scanner};

impl<'a> Scanner<'a> {
    /// "the [heading] ADJ city of X", "the ADJ capital[,] X".
    pub(super) fn adjective_city(&self, i: usize, out: &mut Vec<Claim>) {
        let (heading, a) = match self.heading_at(i) {
            Some(h) => (Some(h), i + 1),
            None => (None, i),
        };
        if heading.is_some() && self.is_word(a, SETTLEMENT_WORDS) && self.is_word(a + 1, &["of"]) {
            self.implied_city(heading, a + 2, out);
            return;
        }
        for len in [2, 1] {
            let adjective_end = a + len;
            if adjective_end > self.t.len() {
                continue;
            }
            // "the Austrian lakeside resort of": up to two descriptive words.
            let Some(type_at) = (adjective_end..adjective_end + 3).find(|&k| {
                self.is_word(k, SETTLEMENT_WORDS)
                    && self.t[adjective_end..k].iter().all(|t| {
                        t.is_word && !t.is_capitalised() && !MODIFIER_BREAKERS.contains(&t.text)
                    })
            }) else {
                continue;
            };
            let Some(target) = self.adjective(a, adjective_end) else {
                continue;
            };
            let modified = type_at > adjective_end;
            let capital = self.is_word(type_at, &["capital"]) && !modified;
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

    /// "the northern city of Guangzhou": the country is the one the story
    /// is about, judged only for a well-known place.
    fn implied_city(&self, heading: Option<HeadingMention>, x: usize, out: &mut Vec<Claim>) {
        let Some(run) = self.name_after(x) else {
            return;
        };
        if run.opener.is_some() {
            return;
        }
        let place = self.place_text(&run);
        let Some(h) = heading.as_ref() else {
            return;
        };
        let Some(target) = self.implied_country(&place, h.span.clone(), "the country") else {
            return;
        };
        out.push(self.claim(Pattern::AdjectiveCity, &run, target, heading, true));
    }
}
