//! "in Tokyo, Japan"; "in Aleppo, Idlib province"; "Suwayda, in southern Syria".

use super::words::REGION_WORDS;
use super::{Claim, NameRun, Pattern, Scanner};
use crate::document::lower_case;

impl<'a> Scanner<'a> {
    /// "in X, [heading] TARGET" with a locative word before X, or "X,
    /// Idlib province" (a typed region needs no preposition).
    pub(super) fn comma(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        // "in Suwayda, in southern Syria, …"; "in Accra, across the border
        // in Togo"; "in Durban, on the Western Cape coast".
        if self.based_compound(run, i, out) {
            return;
        }
        let (i, comma_in, coast) = self.comma_link(i);
        if comma_in && self.the_country_part(run, i, out) {
            return;
        }
        let Some((heading, target, mut end)) = self.headed_target(i) else {
            return;
        };
        if coast {
            if !self.is_word(end, COAST_WORDS) {
                return;
            }
            end += 1;
        }
        let typed_region = target.typed_region
            || (target.country.is_none()
                && self
                    .t
                    .get(end - 1)
                    .is_some_and(|t| REGION_WORDS.contains(&lower_case(t.text).as_ref())));
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

    /// The words after the comma that link the place to what follows: "in"
    /// (also "across the border in", "just over the border in") or "on
    /// the … coast". Returns where the target starts, whether "in" linked
    /// it, and whether a coast word must close it.
    fn comma_link(&self, i: usize) -> (usize, bool, bool) {
        if self.is_word(i, &["in"]) {
            return (i + 1, true, false);
        }
        if self.is_word(i, &["on"]) && self.is_word(i + 1, &["the"]) {
            return (i + 1, false, true);
        }
        // A short phrase about a border, ending in "in".
        let gap = (i..i + 5)
            .take_while(|&k| self.is_word(k, BORDER_GAP))
            .count();
        let border = (i..i + gap).any(|k| self.is_word(k, &["border", "frontier"]));
        if border && self.is_word(i + gap, &["in"]) {
            return (i + gap + 1, true, false);
        }
        (i, false, false)
    }

    /// "Adelaide, in the country's far north": a heading in the country
    /// the story is about. Returns whether the words were read so.
    fn the_country_part(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) -> bool {
        let place = self.place_text(run);
        let Some((target, mut m)) = self.the_country(i, &place) else {
            return false;
        };
        if self.is_word(m, &["far", "deep", "extreme"]) {
            m += 1;
        }
        let Some(heading) = self.heading_at(m).or_else(|| {
            let t = self.word_at(m)?;
            super::words::heading_of(t.text).map(|heading| super::HeadingMention {
                heading,
                span: t.span.clone(),
                word: t.text.to_string(),
            })
        }) else {
            return true;
        };
        let heading = self.intensified(m, heading);
        if self.follows(m + 1, false, run.opener.is_some(), true, &target) {
            out.push(self.claim(Pattern::Comma, run, target, Some(heading), false));
        }
        true
    }
}

/// Words of a phrase about a border between a place and its country.
const BORDER_GAP: &[&str] = &[
    "just", "across", "over", "the", "border", "frontier", "river",
];

/// Words that close "on the Western Cape coast".
const COAST_WORDS: &[&str] = &["coast", "coastline", "shore", "seaboard"];
impl<'a> Scanner<'a> {
    /// "the Jacksonville, Georgia-based firm": the compound places the
    /// name before it. Returns whether the word was such a compound.
    fn based_compound(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) -> bool {
        let Some(t) = self.word_at(i) else {
            return false;
        };
        let Some(stem) = t.text.strip_suffix("-based") else {
            return false;
        };
        let country = self.gaz.country_named(stem);
        let regions = self.gaz.regions_named(stem);
        if country.is_none() && regions.is_empty() {
            return true;
        }
        let mut target = self.target(i, i + 1, stem, country, regions);
        target.span = t.span.start..t.span.start + stem.len();
        out.push(self.claim(Pattern::Comma, run, target, None, false));
        true
    }
}
