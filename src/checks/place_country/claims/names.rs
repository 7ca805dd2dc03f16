//! Place names found by walking left or right from a shape's anchor word.

use super::words::{heading_of, is_name_word, is_particle, is_possessive, OPENERS, TITLES};
use super::{HeadingMention, NameRun, Scanner};
use crate::document::lower_case;

impl<'a> Scanner<'a> {
    /// The place name ending at token `end` (inclusive), walking left.
    /// A possessive may sit inside a name ("King's Lynn") but not end it.
    pub(super) fn name_before(&self, end: usize) -> Option<NameRun> {
        let last = self.t.get(end)?;
        if !is_name_word(last) || is_possessive(last) {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start < 5 {
            let prev = &self.t[start - 1];
            if is_name_word(prev) {
                start -= 1;
            } else if is_particle(prev) && start >= 2 && is_name_word(&self.t[start - 2]) {
                start -= 2;
            } else if prev.is_punct('.')
                && start >= 2
                && ["St", "Ste", "Mt", "Ft"].contains(&self.t[start - 2].text)
            {
                // "St. Louis"
                start -= 2;
            } else {
                break;
            }
        }
        // "Residents of Qardaha": keep "of" only inside a known name
        // ("Isle of Wight").
        if let Some(of) = (start..end).rev().find(|&k| self.t[k].is("of")) {
            if self.gaz.places_named(self.text(start, end + 1)).is_empty() {
                start = of + 1;
            }
        }
        self.trim_run(start, end + 1)
    }

    /// The place name starting at token `start`, walking right.
    pub(super) fn name_after(&self, start: usize) -> Option<NameRun> {
        let first = self.t.get(start)?;
        if !first.is_capitalised() {
            return None;
        }
        let mut end = start + 1;
        while end - start < 6 && !self.t.get(end - 1).is_some_and(is_possessive) {
            match self.t.get(end) {
                Some(t) if is_name_word(t) => end += 1,
                Some(t) if is_particle(t) && self.t.get(end + 1).is_some_and(is_name_word) => {
                    end += 2
                }
                _ => break,
            }
        }
        self.trim_run(start, end)
    }

    /// Drops a sentence opener; rejects people's names ("Mr Jordan").
    pub(super) fn trim_run(&self, mut start: usize, end: usize) -> Option<NameRun> {
        let mut opener = None;
        let sentence_start = self.t[..start].iter().all(|t| !t.is_word);
        if sentence_start && OPENERS.contains(&self.t[start].text) && end - start > 1 {
            opener = Some(start);
            start += 1;
        }
        if TITLES.contains(&self.t[start].text.trim_end_matches('.')) {
            return None;
        }
        // A particle may not start or end a name.
        if is_particle(&self.t[start]) || is_particle(&self.t[end - 1]) {
            return None;
        }
        Some(NameRun { start, end, opener })
    }

    pub(super) fn place_text(&self, run: &NameRun) -> String {
        let s = self.text(run.start, run.end);
        s.strip_suffix("'s")
            .or_else(|| s.strip_suffix("’s"))
            .unwrap_or(s)
            .to_string()
    }

    /// A heading word at `i`, adjective or noun ("southern", "north-eastern",
    /// "west", "centre"); None when capitalised (a name, not a direction).
    /// A heading after an intensifier at `i - 1` ("far west"): marked far,
    /// its span and word widened to take the intensifier in.
    pub(super) fn intensified(&self, i: usize, mut h: HeadingMention) -> HeadingMention {
        if let Some(t) = i.checked_sub(1).and_then(|k| self.word_at(k)) {
            if ["far", "deep", "extreme"].contains(&lower_case(t.text).as_ref()) {
                h.heading.far = true;
                h.word = format!("{} {}", t.text, h.word);
                h.span = t.span.start..h.span.end;
            }
        }
        h
    }

    pub(super) fn heading_at(&self, i: usize) -> Option<HeadingMention> {
        let t = self.word_at(i)?;
        if t.is_capitalised() {
            return None;
        }
        heading_of(t.text).map(|heading| HeadingMention {
            heading,
            span: t.span.clone(),
            word: t.text.to_string(),
        })
    }
}
