//! What must surround a claim for it to read as a location: a locative
//! word before the place, and no list or clause after the country.

use super::targets::is_city_state;
use super::words::{FOLLOWERS, LOCATIVE, SETTLEMENT_WORDS};
use super::{NameRun, Scanner, Target};

impl<'a> Scanner<'a> {
    /// Whether what follows a claimed country keeps the location reading.
    /// `list_is_fatal`: "X, COUNTRY and …" reads as a list.
    pub(super) fn follows_claim(
        &self,
        after: usize,
        list_is_fatal: bool,
        opener: bool,
        target: &Target,
    ) -> bool {
        self.follows(after, list_is_fatal, opener, false, target)
    }

    /// As `follows_claim`; `any_word`: a lower-case word after the country
    /// cannot make it the subject of a clause ("in Frankfurt in Germany
    /// have said"), so any may follow.
    pub(super) fn follows(
        &self,
        after: usize,
        list_is_fatal: bool,
        opener: bool,
        any_word: bool,
        target: &Target,
    ) -> bool {
        let Some(next) = self.t.get(after) else {
            return true;
        };
        if next.is_word {
            if next.is("and") || next.is("or") {
                return !list_is_fatal && self.target_at(after + 1).is_none();
            }
            return any_word || (!opener && FOLLOWERS.contains(&next.text));
        }
        if !next.is_punct(',') {
            return !next.is_punct('&') && !next.is_punct('/');
        }
        // "in X, COUNTRY, COUNTRY and …" is a list of countries, and
        // "in Tokyo, Singapore, and Sydney" a list of cities.
        let mut y = after + 1;
        let closed = self.word_at(y).is_some_and(|t| t.is("and") || t.is("or"));
        if closed {
            y += 1;
        }
        // Regions too, when they are of one country: "in New York,
        // Illinois, and Texas" lists states.
        let same_kind = |t: &Target| {
            t.country.is_some()
                || (target.country.is_none()
                    && t.regions
                        .iter()
                        .any(|r| target.regions.iter().any(|q| q.country == r.country)))
        };
        if self.target_at(y).is_some_and(|(t, _)| same_kind(&t)) {
            // ", and Texas" closes a list of the claimed kind.
            return !closed && self.is_not_list(y);
        }
        if self.name_after(y).is_some() && is_city_state(self.gaz, target) {
            return false;
        }
        true
    }

    /// After "in X, C1, C2": a list unless no "and"/"or" closes it
    /// ("in Pattaya, Finland, Thailand, on Tuesday" is a location).
    pub(super) fn is_not_list(&self, mut i: usize) -> bool {
        while let Some((_, end)) = self.target_at(i) {
            match self.t.get(end) {
                Some(t) if t.is_punct(',') => {
                    i = end + 1;
                    if self.word_at(i).is_some_and(|t| t.is("and") || t.is("or")) {
                        return false;
                    }
                }
                Some(t) if t.is("and") || t.is("or") => return false,
                _ => return true,
            }
        }
        true
    }

    /// True when the word before the name is a locative preposition, or a
    /// sentence opener ("In Paris, …") was dropped.
    pub(super) fn locative_before(&self, run: &NameRun) -> bool {
        if let Some(o) = run.opener {
            return [
                "In", "At", "From", "Near", "Outside", "Inside", "Around", "To",
            ]
            .contains(&self.t[o].text);
        }
        if run.start == 0 || !self.is_word(run.start - 1, LOCATIVE) {
            return false;
        }
        // "residents of Qardaha, Syria", but not "Ronaldinho of Barcelona,
        // Brazil": "of" after a name is a club or a title.
        if self.t[run.start - 1].is("of") && run.start >= 2 {
            let head = &self.t[run.start - 2];
            let sentence_initial = self.t[..run.start - 2].iter().all(|t| !t.is_word);
            return !head.is_capitalised() || sentence_initial;
        }
        true
    }

    /// "the city of X": the framing names a place.
    pub(super) fn framed_as_place(&self, run: &NameRun) -> bool {
        run.opener.is_none()
            && run.start >= 2
            && self.is_word(run.start - 1, &["of"])
            && self.is_word(run.start - 2, SETTLEMENT_WORDS)
    }
}
