//! `quote-mismatch`: a display quote that changes the words of the body
//! quotation it was taken from. The label shows that quotation's stretch
//! ("the body quotes it as …"); the notes give the word differences, with
//! the sense each one touches (negation, modality, number, degree, hedge,
//! person).

use super::align::Alignment;
use super::body::Body;
use super::display::DisplayQuote;
use super::judge::Verdict;
use super::similarity::Diff;
use super::{element_name, inner_text, DisplayRule};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::source::LoadError;
use std::ops::Range;

pub const KIND: Kind = Kind {
    name: "quote_mismatch",
    fields: &["quote", "body", "element"],
    build,
    summary: "a display quotation that changes the words of the body quotation it comes from",
    params: || super::display_schema(true),
};

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    Ok(Box::new(Mismatch(DisplayRule::build(ctx, true)?)))
}

struct Mismatch(DisplayRule);

impl Check for Mismatch {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.0
            .judge_display_quotes(doc, |body, dq, verdict| match verdict {
                Verdict::Changed(alignment) => out.push(changed(doc, body, dq, &alignment)),
                Verdict::Unscoped { quote, range, word } => {
                    out.push(unscoped(doc, body, dq, quote, &range, &word))
                }
                _ => {}
            });
    }

    fn parameters(&self) -> Vec<(String, String)> {
        self.0.parameters()
    }
}

/// The finding for a display quote aligned with a body quotation whose
/// words it changes.
pub fn changed(doc: &Document, body: &Body, dq: &DisplayQuote, a: &Alignment) -> Finding {
    let mut range = a.body_range();
    for &(_, p) in &a.moved {
        range = range.start.min(p)..range.end.max(p + 1);
    }
    // Words moved: the whole clause is the comparison.
    if !a.moved.is_empty() {
        let quote = body.quotes[a.quote].1.clone();
        while range.start > quote.start && !body.words[range.start].clause_start {
            range.start -= 1;
        }
        while range.end < quote.end && !body.words[range.end - 1].clause_end {
            range.end += 1;
        }
    }
    let there: Vec<&str> = range.clone().map(|p| body.norm(p)).collect();
    let here: Vec<&str> = dq.words.iter().map(String::as_str).collect();
    let diff = Diff::between(&here, &there);
    let mut note = diff.describe("body");
    let senses = senses(a);
    if !senses.is_empty() {
        note.push_str(&format!(" (changes {})", senses.join(", ")));
    }
    let (span, text) = stretch(doc, body, a.quote, range);
    finding(doc, dq, span, text).note(note)
}

/// The senses the counted changes touch: negation, number, …
fn senses(a: &Alignment) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for sense in a.changes.iter().flat_map(|c| c.senses()) {
        if !names.contains(&sense.name()) {
            names.push(sense.name());
        }
    }
    names
}

/// The finding for an excerpt cut just after a word that scoped over it.
pub fn unscoped(
    doc: &Document,
    body: &Body,
    dq: &DisplayQuote,
    q: usize,
    range: &Range<usize>,
    word: &str,
) -> Finding {
    let (span, text) = stretch(doc, body, q, range.start - 1..range.end);
    finding(doc, dq, span, text).note(format!(
        "the body has '{word}' just before these words; cut off, the quote says more than \
         the speaker did"
    ))
}

fn finding(doc: &Document, dq: &DisplayQuote, span: Range<usize>, text: String) -> Finding {
    Finding::at(dq.quote.span.clone())
        .field("quote", inner_text(doc, dq.quote))
        .field("body", text.clone())
        .field("element", element_name(dq.kind))
        .label(span, format!("the body quotes it as “{text}”"))
}

/// The label span and text of body words `range` of quotation `q`: the
/// whole quotation with its marks when the range is all of it.
fn stretch(doc: &Document, body: &Body, q: usize, range: Range<usize>) -> (Range<usize>, String) {
    let (quote, whole) = (body.quotes[q].0, body.quotes[q].1.clone());
    if range == whole {
        return (quote.span.clone(), inner_text(doc, quote));
    }
    let span = body.words[range.start].span.start..body.words[range.end - 1].span.end;
    let text = doc.slice(&span).to_string();
    (span, text)
}
