//! "Suwayda, a city … in southern Syria"; "Aleppo, a Syrian city";
//! "Damascus, the capital of Syria".

use super::words::{
    APPOSITIVE_GAP_BLOCKERS, APPOSITIVE_GAP_OPENERS, MODIFIER_BREAKERS, SETTLEMENT_WORDS,
};
use super::{Claim, NameRun, Pattern, Scanner, Target};

/// Settlement words that make a place part of a city ("a suburb of").
const SUBURB_WORDS: &[&str] = &[
    "suburb",
    "district",
    "neighbourhood",
    "neighborhood",
    "borough",
];

impl<'a> Scanner<'a> {
    /// "X, a [modifiers] city [gap] in [heading] TARGET", "X, the capital
    /// of TARGET", "X, a Syrian city".
    pub(super) fn appositive(&self, run: &NameRun, k: usize, out: &mut Vec<Claim>) {
        // Modifiers up to the settlement word.
        let mut m = k;
        let mut adjective: Option<Target> = None;
        let mut heading = None;
        // Lower-case words before the settlement word ("former", "second").
        let mut modified = false;
        while m < self.t.len() && m - k < 4 {
            let t = &self.t[m];
            if !t.is_word {
                return;
            }
            if SETTLEMENT_WORDS.contains(&t.text) {
                break;
            }
            if MODIFIER_BREAKERS.contains(&t.text) {
                return;
            }
            if t.is_capitalised() {
                // A country adjective: the whole capitalised run ("Syrian",
                // "South Korean"; not "Latin American").
                let mut end = m + 1;
                while self.t.get(end).is_some_and(|t| t.is_capitalised()) {
                    end += 1;
                }
                adjective = self.adjective(m, end);
                if adjective.is_none() {
                    return;
                }
                m = end;
                continue;
            }
            if let Some(h) = self.heading_at(m) {
                heading = Some(h);
            }
            modified = true;
            m += 1;
        }
        if !self.is_word(m, SETTLEMENT_WORDS) {
            return;
        }
        // "X, the Syrian capital" (not "a capital", "the former capital").
        let capital = self.is_word(m, &["capital"])
            && !modified
            && (k == 0 || !self.is_word(k - 1, &["a", "an"]));
        // "a port city": skip a second settlement word.
        if self.is_word(m + 1, SETTLEMENT_WORDS) {
            m += 1;
        }
        if let Some(adj) = adjective {
            let mut claim = self.claim(Pattern::Appositive, run, adj, heading.clone(), true);
            claim.capital = capital && self.word_at(m + 1).is_none_or(|t| !t.is("until"));
            out.push(claim);
            return;
        }
        // "the capital of Syria"; "a suburb of the Belgian capital".
        if self.is_word(m + 1, &["of"]) {
            let of_capital = self.capital_target(m + 2).map(|(t, end)| (None, t, end));
            let suburb = of_capital.is_some() && self.is_word(m, SUBURB_WORDS);
            if let Some((h, target, end)) = self.headed_target(m + 2).or(of_capital) {
                if self.follows_claim(end, false, false, &target) {
                    let mut claim = self.claim(Pattern::Appositive, run, target, h, true);
                    claim.capital = capital;
                    claim.suburb_of_capital = suburb;
                    out.push(claim);
                }
                return;
            }
        }
        let mut g = m + 1;
        if !self.is_word(g, &["in"]) && !self.is_word(g, APPOSITIVE_GAP_OPENERS) {
            return;
        }
        while g < self.t.len() && g - m <= 10 {
            let t = &self.t[g];
            if !t.is_word || APPOSITIVE_GAP_BLOCKERS.contains(&t.text) {
                return;
            }
            if t.is("in") {
                if let Some((h, target, end)) = self.headed_target(g + 1) {
                    if self.follows_claim(end, false, false, &target) {
                        out.push(self.claim(Pattern::Appositive, run, target, h, true));
                    }
                    return;
                }
            }
            g += 1;
        }
    }
}
