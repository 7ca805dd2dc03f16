//! Claims whose country is a possessive: "Rotterdam, Belgium's second
//! city" (apposition), "Lille, in Belgium's far west" and "Brisbane, on
//! Australia's west coast" (a part of the country), "Malaysia's northern
//! province of Aceh" (a division of the country) and "Frankfurt's state of
//! Bavaria" (the region a city lies in).

use super::words::{is_possessive, MODIFIER_BREAKERS, REGION_WORDS, SETTLEMENT_WORDS};
use super::{Claim, NameRun, Pattern, Scanner, Target};
use crate::document::lower_case;

/// Nouns that may follow a heading word in "in Belgium's far west coast":
/// the part of the country the heading names.
const PART_WORDS: &[&str] = &[
    "coast",
    "coastline",
    "corner",
    "tip",
    "edge",
    "region",
    "regions",
    "part",
    "reaches",
    "border",
    "fringe",
    "outskirts",
    "shore",
    "seaboard",
    "highlands",
];

/// Qualifiers before a heading noun ("far west", "deep south").
const INTENSIFIERS: &[&str] = &["far", "deep", "extreme", "remote", "rural", "mountainous"];

/// Modifiers that make "capital" some other capital than the seat of
/// government ("Mumbai, India's commercial capital").
const OTHER_CAPITALS: &[&str] = &[
    "commercial",
    "financial",
    "economic",
    "business",
    "cultural",
    "industrial",
    "former",
    "old",
    "ancient",
    "historic",
    "historical",
    "one-time",
    "onetime",
    "erstwhile",
    "de",
    "legislative",
    "administrative",
    "judicial",
    "spiritual",
    "religious",
    "provincial",
    "regional",
    "state",
    "summer",
    "winter",
    "tourist",
    "party",
    "fashion",
    "music",
    "film",
    "gambling",
    "media",
    "tech",
    "technology",
    "shopping",
    "sporting",
    "sports",
    "gay",
    "design",
    "murder",
    "crime",
    "drug",
    "drugs",
    "oil",
    "wine",
    "european",
    "world",
];

impl<'a> Scanner<'a> {
    /// A possessive country or region ("Belgium's", "South Africa's", "the
    /// United States'") at `i`, and the index after it.
    pub(super) fn possessive_target(&self, i: usize) -> Option<(Target, usize)> {
        let start = if self.word_at(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        let end = (start..(start + 4).min(self.t.len()))
            .take_while(|&k| self.t[k].is_capitalised())
            .find(|&k| is_possessive(&self.t[k]))?
            + 1;
        let raw = self.text(start, end);
        let text = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .or_else(|| raw.strip_suffix('\''))
            .or_else(|| raw.strip_suffix('’'))?;
        let country = self.gaz.country_named(text);
        let regions = self.gaz.regions_named(text);
        if country.is_none() && regions.is_empty() {
            return None;
        }
        let mut target = self.target(start, end, text, country, regions);
        target.text = text.to_string();
        Some((target, end))
    }

    /// After "X,": "[the] COUNTRY's [modifiers] city|capital|port".
    pub(super) fn possessive_apposition(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        if self.is_word(i, &["in", "on"]) {
            self.possessive_part(run, i + 1, out);
            return;
        }
        let Some((target, mut m)) = self.possessive_target(i) else {
            return;
        };
        let mut heading = None;
        let mut modifiers = Vec::new();
        while m < self.t.len() && modifiers.len() < 4 {
            let t = &self.t[m];
            if !t.is_word || t.is_capitalised() || MODIFIER_BREAKERS.contains(&t.text) {
                return;
            }
            if SETTLEMENT_WORDS.contains(&t.text) {
                break;
            }
            heading = heading.or_else(|| self.heading_at(m));
            modifiers.push(t.text);
            m += 1;
        }
        if !self.is_word(m, SETTLEMENT_WORDS) {
            return;
        }
        let capital = self.is_word(m, &["capital"])
            && !modifiers
                .iter()
                .any(|w| OTHER_CAPITALS.contains(&lower_case(w).as_ref()));
        // "Bonn, Germany's capital city" ends there; "Lagos, Nigeria's
        // capital until 1991" is about the past.
        let next_is_word = self.word_at(m + 1).is_some();
        let mut claim = self.claim(Pattern::Possessive, run, target, heading, true);
        claim.capital = capital && !next_is_word;
        out.push(claim);
    }

    /// "X[,] in|on [the] COUNTRY's [far] HEADING [coast]": the heading
    /// names a part of the country.
    pub(super) fn possessive_part(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        let Some((target, mut m)) = self.possessive_target(i) else {
            return;
        };
        if self.is_word(m, INTENSIFIERS) {
            m += 1;
        }
        let Some(heading) = self.heading_at(m).map(|h| self.intensified(m, h)) else {
            return;
        };
        let mut end = m + 1;
        if self.is_word(end, PART_WORDS) {
            end += 1;
        }
        if !self.follows(end, false, run.opener.is_some(), true, &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Possessive, run, target, Some(heading), explicit));
    }

    /// At a possessive token `i`: "COUNTRY's [heading] province|state of X"
    /// puts X in the country; "CITY's state|province of REGION" puts the
    /// city in the region.
    pub(super) fn possessive_of(&self, i: usize, out: &mut Vec<Claim>) {
        // The longest capitalised run ending at the possessive that names
        // a country ("Although Malaysia's" → "Malaysia's").
        let starts = || {
            (i.saturating_sub(3)..=i).filter(|&k| self.t[k..=i].iter().all(|t| t.is_capitalised()))
        };
        let mut m = i + 1;
        let heading = self.heading_at(m);
        if heading.is_some() {
            m += 1;
        }
        let is_type = |k: usize| {
            self.word_at(k)
                .is_some_and(|t| SETTLEMENT_WORDS.contains(&lower_case(t.text).as_ref()))
        };
        if !is_type(m) || !self.is_word(m + 1, &["of"]) {
            return;
        }
        let type_word = self.t[m].text;
        let country = starts().find_map(|k| {
            self.possessive_target(k)
                .filter(|(t, end)| t.country.is_some() && *end == i + 1)
        });
        if let Some((target, _)) = country {
            {
                let Some(run) = self.name_after(m + 2) else {
                    return;
                };
                let mut claim = self.claim(Pattern::Possessive, &run, target, heading, true);
                if REGION_WORDS.contains(&type_word) {
                    claim.place = format!("{} {type_word}", claim.place);
                    claim.place_is_region = true;
                }
                out.push(claim);
                return;
            }
        }
        // "Frankfurt's state of Bavaria": the possessor is the place.
        if heading.is_some() || !REGION_WORDS.contains(&type_word) {
            return;
        }
        let Some((region, end)) = self.target_at(m + 2) else {
            return;
        };
        if region.country.is_some() || !self.ends_name(end) {
            return;
        }
        // The place: the run after any sentence opener ("In Frankfurt's").
        let Some(run) = starts().find_map(|k| self.trim_run(k, i + 1)) else {
            return;
        };
        let mut target = region;
        target.typed_region = true;
        out.push(self.claim(Pattern::Possessive, &run, target, None, false));
    }
}
