//! `quote_match`: quotations checked across a draft. A quotation in a
//! display element (headline, dek, subhead, caption, pull quote) must be a
//! faithful, in-order excerpt of one body quotation; otherwise it is
//! aligned with the body quotation nearest it and the words it changes are
//! reported (`mismatch`), or, with no body quotation near, it is
//! `unsupported`. One speaker should not be quoted twice in near-identical
//! words (`variant`); an opened quotation must close (`unbalanced`). One
//! rule file per finding, chosen with `finds:`; one module per finding.
//!
//! Cost stays linear in the draft: body quotations are indexed by their
//! words and a display quote is set against a capped number of those
//! holding its words, never display × body all-pairs.

mod align;
mod body;
mod display;
mod judge;
mod meaning;
mod mismatch;
mod pattern;
mod similarity;
mod unbalanced;
mod unsupported;
mod variant;
mod words;

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{BlockKind, Document, Quote, QuoteMark};
use crate::rule_params;
use crate::source::LoadError;
use body::Body;
use display::DisplayQuote;
use judge::{judge, Verdict};
use serde::Deserialize;
use serde_saphyr::Spanned;

pub const KIND: Kind = Kind {
    name: "quote_match",
    fields: &["quote", "body", "element", "speaker", "mark"],
    build,
    summary: "display quotations the body does not support; variant and unclosed quotations",
};

/// What a `quote_match` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Finds {
    /// A display quote close to a body quote but not faithful to it.
    Mismatch,
    /// A display quote with no body quote near it.
    Unsupported,
    /// One speaker quoted twice in near-identical, different words.
    Variant,
    /// An opening mark that never closes.
    Unbalanced,
}

impl Finds {
    fn name(self) -> &'static str {
        match self {
            Finds::Mismatch => "mismatch",
            Finds::Unsupported => "unsupported",
            Finds::Variant => "variant",
            Finds::Unbalanced => "unbalanced",
        }
    }

    fn default_threshold(self) -> Option<f64> {
        match self {
            Finds::Mismatch | Finds::Unsupported => Some(0.5),
            Finds::Variant => Some(0.8),
            Finds::Unbalanced => None,
        }
    }

    fn uses_display(self) -> bool {
        matches!(self, Finds::Mismatch | Finds::Unsupported)
    }
}

rule_params! {
    struct Params {
        /// mismatch | unsupported | variant | unbalanced
        finds: Finds,
        /// In 0..=1: for `mismatch` and `unsupported`, the share of a display
        /// quote's content words a body quotation must hold to be taken for
        /// its source; for `variant`, the similarity of two quotations.
        #[serde(default)]
        threshold: Option<Spanned<f64>>,
        /// Block kinds whose quotations are display quotes.
        #[serde(default)]
        display: Option<Spanned<Vec<String>>>,
        /// Quote marks a display quote may use: double, single, guillemet, low.
        #[serde(default)]
        marks: Option<Spanned<Vec<String>>>,
        /// Shorter quotations (in words) are terms, not testimony.
        #[serde(default)]
        min_words: Option<usize>,
    }
}

const BLOCK_KINDS: &[BlockKind] = &[
    BlockKind::Title,
    BlockKind::Standfirst,
    BlockKind::Subhead,
    BlockKind::Caption,
    BlockKind::PullQuote,
    BlockKind::Byline,
    BlockKind::Paragraph,
];

const MARKS: &[(&str, QuoteMark)] = &[
    ("double", QuoteMark::Double),
    ("single", QuoteMark::Single),
    ("guillemet", QuoteMark::Guillemet),
    ("low", QuoteMark::Low),
];

struct QuoteMatch {
    finds: Finds,
    threshold: f64,
    display: Vec<BlockKind>,
    marks: Vec<QuoteMark>,
    min_words: usize,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let finds = params.finds;
    let threshold = match (&params.threshold, finds.default_threshold()) {
        (Some(t), Some(_)) if !(t.value > 0.0 && t.value <= 1.0) => {
            return Err(ctx.error_at(&t.referenced, "`threshold` must be in (0, 1]"));
        }
        (Some(t), Some(_)) => t.value,
        (Some(t), None) => {
            return Err(ctx.error_at(
                &t.referenced,
                format!("`threshold` does not apply to `finds: {}`", finds.name()),
            ));
        }
        (None, default) => default.unwrap_or(0.0),
    };
    for (given, key) in [(&params.display, "display"), (&params.marks, "marks")] {
        if let Some(list) = given.as_ref().filter(|_| !finds.uses_display()) {
            return Err(ctx.error_at(
                &list.referenced,
                format!("`{key}` does not apply to `finds: {}`", finds.name()),
            ));
        }
    }
    let display = match &params.display {
        Some(list) => list
            .value
            .iter()
            .map(|name| {
                BLOCK_KINDS
                    .iter()
                    .copied()
                    .find(|k| k.name() == name)
                    .ok_or_else(|| unknown(ctx, &list.referenced, "block kind", name, kind_names()))
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => default_display(finds),
    };
    let marks = match &params.marks {
        Some(list) => list
            .value
            .iter()
            .map(|name| {
                MARKS
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, m)| *m)
                    .ok_or_else(|| {
                        let names = MARKS.iter().map(|(n, _)| *n).collect();
                        unknown(ctx, &list.referenced, "quote mark", name, names)
                    })
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => default_marks(finds),
    };
    Ok(Box::new(QuoteMatch {
        finds,
        threshold,
        display,
        marks,
        min_words: params.min_words.unwrap_or(2),
    }))
}

fn unknown(
    ctx: &LoadContext,
    at: &serde_saphyr::Location,
    what: &str,
    name: &str,
    known: Vec<&str>,
) -> LoadError {
    let mut err = ctx.error_at(at, format!("unknown {what} `{name}`"));
    err.notes.push(format!("known: {}", known.join(", ")));
    err
}

fn kind_names() -> Vec<&'static str> {
    BLOCK_KINDS.iter().map(|k| k.name()).collect()
}

/// Every display element for mismatches; pull quotes are left out of
/// `unsupported`: a paragraph is only taken for a pull quote when it
/// repeats a body quotation's words, so it is never unsupported.
fn default_display(finds: Finds) -> Vec<BlockKind> {
    let mut kinds = vec![
        BlockKind::Title,
        BlockKind::Standfirst,
        BlockKind::Subhead,
        BlockKind::Caption,
    ];
    if finds != Finds::Unsupported {
        kinds.push(BlockKind::PullQuote);
    }
    kinds
}

/// Every quote mark. Single quotes in a British headline may condense a
/// claim rather than quote it ("Oil 'hits world economy'"): `display`
/// tells those from quotes given to a speaker.
fn default_marks(_finds: Finds) -> Vec<QuoteMark> {
    vec![
        QuoteMark::Double,
        QuoteMark::Guillemet,
        QuoteMark::Low,
        QuoteMark::Single,
    ]
}

impl Check for QuoteMatch {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self.finds {
            Finds::Mismatch | Finds::Unsupported => self.display_quotes(doc, out),
            Finds::Variant => variant::variants(doc, self.threshold, out),
            Finds::Unbalanced => unbalanced::unbalanced(doc, out),
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let mut params = vec![("finds".to_string(), self.finds.name().to_string())];
        if self.finds.default_threshold().is_some() {
            params.push(("threshold".into(), format!("{:.2}", self.threshold)));
        }
        if self.finds.uses_display() {
            let kinds: Vec<&str> = self.display.iter().map(|k| k.name()).collect();
            let marks: Vec<&str> = MARKS
                .iter()
                .filter(|(_, m)| self.marks.contains(m))
                .map(|(n, _)| *n)
                .collect();
            params.push(("display".into(), kinds.join(", ")));
            params.push(("marks".into(), marks.join(", ")));
            params.push(("min-words".into(), self.min_words.to_string()));
        }
        params
    }
}

impl QuoteMatch {
    /// Judges every display quote this rule checks against the body's
    /// quotations and reports the verdicts its `finds` names.
    fn display_quotes(&self, doc: &Document, out: &mut Vec<Finding>) {
        let displayed: Vec<DisplayQuote> = doc
            .quotes
            .iter()
            .filter_map(|quote| {
                let kind = doc.blocks.get(quote.block)?.kind;
                let checked = self.display.contains(&kind)
                    && self.marks.contains(&quote.mark)
                    && !quote.nested;
                checked.then(|| DisplayQuote::of(doc, quote, kind))
            })
            .filter(|dq| dq.words.len() >= self.min_words)
            .collect();
        if displayed.is_empty() {
            return;
        }
        let body = Body::of(doc);
        let prose = body.prose_index();
        for dq in &displayed {
            let finding = match (self.finds, judge(dq, &body, &prose, self.threshold)) {
                (Finds::Mismatch, Verdict::Changed(alignment)) => {
                    Some(mismatch::changed(doc, &body, dq, &alignment))
                }
                (Finds::Mismatch, Verdict::Unscoped { quote, range, word }) => {
                    Some(mismatch::unscoped(doc, &body, dq, quote, &range, &word))
                }
                (Finds::Unsupported, Verdict::Unsupported { prose }) => {
                    Some(unsupported::unsupported(doc, &body, dq, prose.as_ref()))
                }
                _ => None,
            };
            out.extend(finding);
        }
    }
}

/// The quoted words, without the comma or colon that belongs to the
/// sentence around them ("…,” he said).
fn inner_text(doc: &Document, quote: &Quote) -> String {
    let text = doc.slice(&quote.inner).trim();
    text.trim_end_matches([',', ';', ':'])
        .trim_end()
        .to_string()
}

fn element_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "headline",
        BlockKind::Standfirst => "standfirst",
        BlockKind::Subhead => "subhead",
        BlockKind::Caption => "caption",
        BlockKind::PullQuote => "pull quote",
        BlockKind::Byline => "byline",
        BlockKind::Paragraph => "paragraph",
    }
}

#[cfg(test)]
mod shape_tests;
#[cfg(test)]
mod tests;
