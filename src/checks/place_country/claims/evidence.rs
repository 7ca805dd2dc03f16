//! Evidence elsewhere in the text for where a place lies.

use super::super::tokens::tokenise;
use super::words::is_name_word;
use super::{Scanner, Target};
use crate::document::Document;
use crate::gazetteer::Gazetteer;
use std::ops::Range;

/// Evidence in another sentence that the text itself puts the place in
/// one of `countries`: a name for which `is_place` holds within a few
/// words of such a country ("Suwayda and its people are integral parts of
/// Syria"). Returns the span to label and the country as written.
pub(crate) fn find_evidence(
    doc: &Document,
    skip_sentence: usize,
    is_place: impl Fn(&str) -> bool,
    countries: &[crate::gazetteer::CountryCode],
) -> Option<(Range<usize>, String)> {
    const NEAR: usize = 12;
    const MAX_LABEL: usize = 120;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if index == skip_sentence {
            continue;
        }
        let tokens = tokenise(doc.slice(&sentence.span), sentence.span.start);
        let s = Scanner {
            doc,
            t: &tokens,
            sentence: index,
            gaz: Gazetteer::global(),
        };
        // Mentions of the right country first: they are rare, and only
        // names near one need a gazetteer lookup.
        let mentions: Vec<(usize, usize, Target)> = (0..tokens.len())
            .filter(|&j| tokens[j].is_capitalised())
            .filter_map(|j| s.target_at(j).map(|(t, end)| (j, end, t)))
            .filter(|(_, _, t)| {
                t.country
                    .is_some_and(|c| countries.contains(&super::super::lookup::sovereign(c.code)))
            })
            .collect();
        if mentions.is_empty() {
            continue;
        }
        for i in 0..tokens.len() {
            if i > 0 && is_name_word(&tokens[i - 1]) {
                continue;
            }
            let Some(run) = s.name_after(i) else {
                continue;
            };
            let near = mentions.iter().find(|(j, end, _)| {
                (*end <= run.start && run.start - end < NEAR)
                    || (*j >= run.end && j - run.end < NEAR)
            });
            let Some((_, _, target)) = near else {
                continue;
            };
            if !is_place(&s.place_text(&run)) {
                continue;
            }
            let place = s.span(run.start, run.end);
            let both = place.start.min(target.span.start)..place.end.max(target.span.end);
            let span = if both.len() <= MAX_LABEL {
                both
            } else {
                target.span.clone()
            };
            return Some((span, target.text.clone()));
        }
    }
    None
}
