//! The attribution kinds — who-said-what errors, over the attribution
//! clauses, entities and quote speakers the document model extracts —
//! one kind per finding:
//! `attribution_duplicate` — two attribution clauses for one statement;
//! `attribution_conflict` — one quotation given to two speakers, one
//! person given two offices, roles or parties;
//! `attribution_missing` — a quotation nobody is said to say.
//! This module holds what they share.

use crate::document::{Attribution, BlockKind, Document, Quote, Speaker};

mod affiliations;
mod conflict;
mod duplicate;
mod missing;
mod shared_words;

pub use conflict::KIND as CONFLICT;
pub use duplicate::KIND as DUPLICATE;
pub use missing::KIND as MISSING;

fn default_min_words() -> usize {
    4
}

/// A rule file's word lists are compared with the text's words lower-cased.
fn lower_case_lists(lists: &mut [&mut Vec<String>]) {
    for list in lists.iter_mut() {
        for w in list.iter_mut() {
            *w = w.to_lowercase();
        }
    }
}

/// Lower-case words of a text.
fn words(text: &str) -> Vec<String> {
    raw_words(text).map(str::to_lowercase).collect()
}

/// The words of `text` as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

fn in_body(doc: &Document, a: &Attribution) -> bool {
    doc.kind_at(a.span.start) == BlockKind::Paragraph
}

/// Nothing but punctuation and closing marks from `at` to the end of the
/// sentence.
fn ends_sentence(doc: &Document, sentence: usize, at: usize) -> bool {
    doc.sentences
        .get(sentence)
        .and_then(|s| doc.prose.get(at..s.span.end))
        .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
}

/// Two speakers who cannot be one person: two different named entities,
/// or a named one and a new unnamed one ("a spokeswoman"). A description
/// ("the prime minister", "the BT boss") may be the named person.
fn distinct_speakers(a: &Speaker, b: &Speaker) -> bool {
    let indefinite = |s: &Speaker| {
        let first = s.name.split_whitespace().next().unwrap_or("");
        first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an")
    };
    match (a.entity, b.entity) {
        (Some(x), Some(y)) => x != y,
        (Some(_), None) => indefinite(b),
        (None, Some(_)) => indefinite(a),
        (None, None) => false,
    }
}

/// The clause closing a quotation names someone else than the clause
/// opening it, a named speaker: another named person (`Neil O'Brien said:
/// "…," Mr Ancram said`) or an unnamed new one ("…, according to a
/// Chelsea spokesman"). Returns the two speakers, opener first.
fn closed_by_other(q: &Quote) -> Option<(&Speaker, &Speaker)> {
    let opener = q.speaker.as_ref()?;
    let closer = &q.closing.as_ref()?.speaker;
    (opener.entity.is_some() && distinct_speakers(opener, closer)).then_some((opener, closer))
}
