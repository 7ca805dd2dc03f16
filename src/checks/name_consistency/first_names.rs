//! One person's first name written two ways: the same surname after two
//! first names a small edit apart (Ian / Iain Curtis, Kelly / Kelli
//! Holmes, German / Herman Gref). Two people who share a surname have
//! first names that differ more (Ralf and Michael Schumacher) or mark
//! the other sex (Paul / Paula); those are never compared as one.

use super::edits::{one_name, pet_form};
use super::keys::letters;
use crate::diagnostic::Finding;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// One is the other shortened or made familiar (Steven / Steve, Chris /
/// Christopher, Steve / Stevie): the same person, written as people
/// call him.
fn familiar(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    x.starts_with(&y) || y.starts_with(&x) || pet_form(&x, &y)
}

/// Words written before names that are no first names: compass words
/// of regions ("Northern Ireland", "Southern Ireland").
const NOT_FIRST_NAMES: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater", "New", "Old", "Great", "Little",
];

/// Can be a first name: letters only (not "Ex-Downing"), and no compass
/// or size word.
pub(super) fn may_be_first_name(word: &str) -> bool {
    word.chars().all(char::is_alphabetic) && !NOT_FIRST_NAMES.contains(&word)
}

/// First names written before one surname, with where each is written.
#[derive(Default)]
pub(super) struct FullNames<'a> {
    by_surname: HashMap<&'a str, Vec<(&'a str, Range<usize>)>>,
}

impl<'a> FullNames<'a> {
    /// `first` is written right before `surname`, at `span`.
    pub(super) fn push(&mut self, first: &'a str, surname: &'a str, span: Range<usize>) {
        self.by_surname
            .entry(surname)
            .or_default()
            .push((first, span));
    }

    /// A finding for each surname whose first name is written once one
    /// way and elsewhere another way a small edit apart. `known` says
    /// whether a pair of spellings is already reported as one name.
    /// `name_like` says whether a spelling can be a first name at all;
    /// `apart` whether two uses are in different sentences.
    pub(super) fn variants(
        &self,
        known: impl Fn(&str, &str) -> bool,
        name_like: impl Fn(&str) -> bool,
        apart: impl Fn(&Range<usize>, &Range<usize>) -> bool,
        out: &mut Vec<Finding>,
    ) {
        let mut surnames: Vec<_> = self.by_surname.iter().collect();
        surnames.sort_by_key(|(_, uses)| uses[0].1.start);
        for (surname, uses) in surnames {
            let mut counts: Vec<(&str, usize, &Range<usize>)> = Vec::new();
            for (first, span) in uses {
                match counts.iter_mut().find(|(f, _, _)| f == first) {
                    Some(c) => c.1 += 1,
                    None => counts.push((first, 1, span)),
                }
            }
            if counts.len() != 2 {
                // Three first names before one surname are a family.
                continue;
            }
            let (a, b) = (counts[0], counts[1]);
            let (la, lb) = (letters(a.0), letters(b.0));
            if !name_like(a.0)
                || !name_like(b.0)
                || !one_name(&la, &lb, true)
                || familiar(&la, &lb)
                || known(a.0, b.0)
            {
                continue;
            }
            // The odd spelling is written once, and less than the other
            // (on a tie, the later one).
            let (odd, usual) = if b.1 <= a.1 { (b, a) } else { (a, b) };
            // Both names in one sentence are two people the writer sets
            // side by side ("Ralf and Rolf Schumacher").
            if odd.1 != 1 || !apart(odd.2, usual.2) {
                continue;
            }
            out.push(
                Finding::at(odd.2.clone())
                    .field("match", odd.0)
                    .field("preferred", usual.0)
                    .label(usual.2.clone(), format!("`{} {surname}` here", usual.0)),
            );
        }
    }
}
