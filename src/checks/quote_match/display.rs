//! Display quotes and the shapes that present them: a quotation in a
//! headline, standfirst, subhead, caption or pull quote, with what its
//! element says about it. Double quotes are someone's exact words; a
//! British headline's single quotes may condense a claim ("Oil 'hits
//! world economy'"), unless the shape gives them to a speaker ("X: '…'",
//! "'…', says X", "'…' - X"), they fill the element, or they speak in
//! the first or second person ('I don't do deals').

use super::align::Tolerance;
use super::pattern::{gap_before, pattern, pattern_words, Piece};
use super::words::words;
use crate::document::{BlockKind, Document, Quote, QuoteMark};

/// Verbs that give a headline quote to a speaker after it.
const SPEECH_VERBS: &[&str] = &[
    "says",
    "said",
    "asks",
    "asked",
    "warns",
    "warned",
    "admits",
    "admitted",
    "insists",
    "insisted",
    "claims",
    "claimed",
    "tells",
    "told",
    "declares",
    "declared",
    "adds",
    "added",
    "argues",
    "argued",
    "vows",
    "vowed",
    "according",
];

/// Pronouns of someone speaking: a quote in them is their own words (a
/// possessive alone, 'My memories of …', can title a piece).
const SPEAKING_PERSONS: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "we", "we're", "we've", "we'll", "we'd", "you",
    "you're", "you've", "you'll", "you'd",
];

pub struct DisplayQuote<'d> {
    pub quote: &'d Quote,
    pub kind: BlockKind,
    pub pattern: Vec<Piece>,
    pub words: Vec<String>,
    /// Whether a cut or insertion comes before each word.
    pub gaps: Vec<bool>,
    pub tolerance: Tolerance,
    /// Presented as someone's exact words (see the module note).
    pub testimony: bool,
}

impl<'d> DisplayQuote<'d> {
    pub fn of(doc: &Document, quote: &'d Quote, kind: BlockKind) -> Self {
        let pattern = pattern(&doc.prose, quote.inner.clone());
        let words = pattern_words(&pattern);
        let gaps = gap_before(&pattern);
        let tolerance = if quote.mark == QuoteMark::Single {
            Tolerance::Headlinese
        } else {
            Tolerance::Verbatim
        };
        let headline = matches!(kind, BlockKind::Title | BlockKind::Standfirst);
        let testimony = tolerance == Tolerance::Verbatim
            || !headline && fills_element(doc, quote)
            || given_to_speaker(doc, quote)
            || speaks_in_person(doc, quote);
        DisplayQuote {
            quote,
            kind,
            pattern,
            words,
            gaps,
            tolerance,
            testimony,
        }
    }
}

fn block_text<'a>(doc: &'a Document, quote: &Quote) -> (&'a str, &'a str) {
    let Some(block) = doc.blocks.get(quote.block) else {
        return ("", "");
    };
    let before = doc
        .prose
        .get(block.span.start..quote.span.start)
        .unwrap_or("");
    let after = doc.prose.get(quote.span.end..block.span.end).unwrap_or("");
    (before, after)
}

/// The quotation is (nearly) all its element says.
fn fills_element(doc: &Document, quote: &Quote) -> bool {
    let (before, after) = block_text(doc, quote);
    let rest = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    rest(before) == 0 && rest(after) == 0
}

/// The quote says "I", "we" or "you" (not "US", the country).
fn speaks_in_person(doc: &Document, quote: &Quote) -> bool {
    words(&doc.prose, quote.inner.clone())
        .iter()
        .any(|w| SPEAKING_PERSONS.contains(&w.norm.as_str()) && doc.slice(&w.span) != "US")
}

/// "X: '…'", "X: Y '…'", "'…', says X", "'…', X says", "'…' - X".
fn given_to_speaker(doc: &Document, quote: &Quote) -> bool {
    let (before, after) = block_text(doc, quote);
    if before.contains(':') {
        return true;
    }
    let after = after.trim_start();
    if after.starts_with(['-', '–', '—']) {
        return true;
    }
    let after = after.trim_start_matches([',', ':']).trim_start();
    after
        .split_whitespace()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| SPEECH_VERBS.contains(&w.as_str()))
}
