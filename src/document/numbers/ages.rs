//! Ages written with a named person: "John Smith, 45,", "Smith, aged
//! 45", "the 47-year-old Smith", "Smith, a 47-year-old teacher". The age
//! must touch the mention itself, so "his 47-year-old brother" and
//! "Smith's 47-year-old wife" give no age to Smith; and a bare surname
//! that two people named in the text share gives no age to either.

use crate::document::{Document, EntityKind};
use std::ops::Range;

/// An age given to one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The age as written ("45", "47-year-old").
    pub span: Range<usize>,
    /// In years.
    pub years: u32,
    /// Index into `Document::entities`.
    pub entity: usize,
    /// The mention it is written with.
    pub mention: Range<usize>,
    /// Index into `Document::sentences`.
    pub sentence: usize,
}

/// Words right before an age that put it in the past or make it no age
/// of the person now ("then 45", "the former 47-year-old").
const PAST: &[&str] = &["then", "former", "late"];

pub(super) fn ages(doc: &Document) -> Vec<Age> {
    let prose = &doc.prose;
    // Surnames shared by two people: a bare one could be either.
    let mut surnames: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for e in doc
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Organisation)
    {
        if let Some(last) = e.name.split_whitespace().last() {
            *surnames.entry(last).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for (index, e) in doc.entities.iter().enumerate() {
        if e.kind == EntityKind::Organisation {
            continue;
        }
        // A bare surname before the full name is written (when it is at
        // all: "Anelka" alone throughout is one person), or for someone
        // introduced as a relative ("his brother Sam Hughes"), may be the
        // other member of the family.
        let full_start = e
            .mentions
            .iter()
            .find(|m| doc.slice(&m.span).contains(' '))
            .map_or(0, |m| m.span.start);
        let relative = e.mentions.iter().any(|m| kin_before(prose, m.span.start));
        for m in &e.mentions {
            let written = doc.slice(&m.span);
            let bare = !written.contains(' ');
            let shared = surnames.get(written).is_some_and(|&n| n > 1);
            if bare && (shared || relative || m.span.start < full_start) {
                continue;
            }
            let found = age_after(prose, m.span.end).or_else(|| age_before(prose, m.span.start));
            if let Some((span, years)) = found {
                let Some(sentence) = doc.sentence_at(span.start) else {
                    continue;
                };
                out.push(Age {
                    span,
                    years,
                    entity: index,
                    mention: m.span.clone(),
                    sentence,
                });
            }
        }
    }
    out.sort_by_key(|a| a.span.start);
    out
}

/// Words for relatives that introduce a name ("his brother Sam Hughes",
/// "her son, Peter,").
const KIN: &[&str] = &[
    "brother",
    "sister",
    "son",
    "daughter",
    "father",
    "mother",
    "wife",
    "husband",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "partner",
    "twin",
    "stepson",
    "stepdaughter",
    "dad",
    "mum",
    "widow",
];

/// A relative's word right before `at` (a comma between allowed).
fn kin_before(prose: &str, at: usize) -> bool {
    let Some(before) = prose
        .get(at.saturating_sub(24)..at)
        .or_else(|| prose.get(..at))
    else {
        return false;
    };
    let last = before
        .trim_end_matches([' ', ','])
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    KIN.contains(&last.as_str())
}

/// A plain age: one to three digits, 1 to 115.
fn years(digits: &str) -> Option<u32> {
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1..=115).contains(y))
}

/// ", 45," / ", aged 45" / ", a 47-year-old …" after a mention.
fn age_after(prose: &str, at: usize) -> Option<(Range<usize>, u32)> {
    let rest = prose.get(at..)?;
    let after_comma = rest.strip_prefix(", ")?;
    let mut offset = at + 2;
    let mut text = after_comma;
    let mut apposition = false;
    for lead in ["aged ", "a ", "an ", "the "] {
        if let Some(t) = text.strip_prefix(lead) {
            apposition = lead != "aged ";
            offset += lead.len();
            text = t;
            break;
        }
    }
    let digits_len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let y = years(&text[..digits_len])?;
    let tail = &text[digits_len..];
    if apposition || tail.starts_with("-year-old") {
        // "Smith, a 47-year-old teacher": an apposition, or "Smith,
        // 47-year-old, …".
        let word = tail.strip_prefix("-year-old")?;
        let end = offset + digits_len + "-year-old".len();
        return (!word.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
            .then_some((offset..end, y));
    }
    // "Smith, 45, said" / "Smith, 45." / "Smith, 45, and …": the age
    // closes the apposition (not "Smith, 45 minutes later" or "4-1").
    let closes = tail.starts_with([',', ';', ')'])
        || tail.starts_with(". ")
        || tail == "."
        || tail.starts_with(".\n");
    closes.then_some((offset..offset + digits_len, y))
}

/// "the 47-year-old Smith": an age adjective right before the mention.
fn age_before(prose: &str, at: usize) -> Option<(Range<usize>, u32)> {
    let before = prose.get(..at)?;
    let trimmed = before.strip_suffix(' ')?;
    let stem = trimmed.strip_suffix("-year-old")?;
    let digits_start = stem.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| {
        i + stem[i..].chars().next().map_or(1, char::len_utf8)
    });
    let y = years(&stem[digits_start..])?;
    let word_before = stem[..digits_start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if PAST.contains(&word_before.as_str())
        || !stem[..digits_start].ends_with(' ') && digits_start > 0
    {
        return None;
    }
    Some((digits_start..trimmed.len(), y))
}
