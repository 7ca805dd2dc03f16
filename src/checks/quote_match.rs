//! `quote_match`: quotations checked across a draft. A quotation in a
//! display element (headline, dek, subhead, caption, pull quote) must be a
//! faithful, in-order excerpt of one body quotation; otherwise it is
//! aligned with the body quotation nearest it and the words it changes are
//! reported (`mismatch`), or, with no body quotation near, it is
//! `unsupported`. One speaker should not be quoted twice in near-identical
//! words (`variant`); an opened quotation must close (`unbalanced`). Each
//! finding is its own kind (`quote_mismatch`, `quote_unsupported`,
//! `quote_variant`, `quote_unbalanced`) in its own module.
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

use crate::checks::LoadContext;

use crate::document::{BlockKind, Document, Quote, QuoteMark};
use crate::rule_params;
use crate::source::LoadError;
use body::Body;
use display::DisplayQuote;
use judge::{judge, Verdict};
use serde_saphyr::Spanned;

pub use mismatch::KIND as MISMATCH;
pub use unbalanced::KIND as UNBALANCED;
pub use unsupported::KIND as UNSUPPORTED;
pub use variant::KIND as VARIANT;

rule_params! {
    /// The parameters of the two display-quote kinds, `quote_mismatch`
    /// and `quote_unsupported`.
    struct DisplayParams {
        /// In (0, 1]: the share of a display quote's content words a body
        /// quotation must hold to be taken for its source.
        #[serde(default)]
        #[schemars(with = "Option<f64>", extend("default" = DEFAULT_THRESHOLD))]
        threshold: Option<Spanned<f64>>,
        /// Block kinds whose quotations are display quotes.
        #[serde(default)]
        #[schemars(with = "Option<Vec<String>>")]
        display: Option<Spanned<Vec<String>>>,
        /// Quote marks a display quote may use: double, single, guillemet, low.
        #[serde(default)]
        #[schemars(with = "Option<Vec<String>>", extend("default" = mark_names(&default_marks())))]
        marks: Option<Spanned<Vec<String>>>,
        /// Shorter quotations (in words) are terms, not testimony.
        #[serde(default)]
        #[schemars(extend("default" = DEFAULT_MIN_WORDS))]
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

const DEFAULT_THRESHOLD: f64 = 0.5;
const DEFAULT_MIN_WORDS: usize = 2;

/// The parameter schema of a display-quote kind: the shared parameters,
/// with the display elements that kind checks by default.
fn display_schema(pull_quotes: bool) -> schemars::Schema {
    let mut schema = crate::checks::params_schema::<DisplayParams>();
    let kinds: Vec<&str> = default_display(pull_quotes)
        .iter()
        .map(|k| k.name())
        .collect();
    crate::checks::set_default(&mut schema, "display", serde_json::json!(kinds));
    schema
}

fn mark_names(marks: &[QuoteMark]) -> Vec<&'static str> {
    marks
        .iter()
        .filter_map(|m| MARKS.iter().find(|(_, k)| k == m).map(|(n, _)| *n))
        .collect()
}

const MARKS: &[(&str, QuoteMark)] = &[
    ("double", QuoteMark::Double),
    ("single", QuoteMark::Single),
    ("guillemet", QuoteMark::Guillemet),
    ("low", QuoteMark::Low),
];

/// What the display-quote kinds share: which quotations are display
/// quotes and how much of one a body quotation must hold to be its source.
struct DisplayRule {
    threshold: f64,
    display: Vec<BlockKind>,
    marks: Vec<QuoteMark>,
    min_words: usize,
}

impl DisplayRule {
    /// `pull_quotes`: whether pull quotes are display quotes by default.
    fn build(ctx: &LoadContext, pull_quotes: bool) -> Result<Self, LoadError> {
        let params: DisplayParams = ctx.params()?;
        let threshold = match &params.threshold {
            Some(t) if !(t.value > 0.0 && t.value <= 1.0) => {
                return Err(ctx.error_at(&t.referenced, "`threshold` must be in (0, 1]"));
            }
            Some(t) => t.value,
            None => DEFAULT_THRESHOLD,
        };
        let display = match &params.display {
            Some(list) => list
                .value
                .iter()
                .map(|name| {
                    BLOCK_KINDS
                        .iter()
                        .copied()
                        .find(|k| k.name() == name)
                        .ok_or_else(|| {
                            unknown(ctx, &list.referenced, "block kind", name, kind_names())
                        })
                })
                .collect::<Result<Vec<_>, _>>()?,
            None => default_display(pull_quotes),
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
            None => default_marks(),
        };
        Ok(DisplayRule {
            threshold,
            display,
            marks,
            min_words: params.min_words.unwrap_or(DEFAULT_MIN_WORDS),
        })
    }

    /// Judges every display quote this rule checks against the body's
    /// quotations and hands each verdict to `report`.
    fn judge_display_quotes(
        &self,
        doc: &Document,
        mut report: impl FnMut(&Body, &DisplayQuote, Verdict),
    ) {
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
            report(&body, dq, judge(dq, &body, &prose, self.threshold));
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let kinds: Vec<&str> = self.display.iter().map(|k| k.name()).collect();
        let marks: Vec<&str> = MARKS
            .iter()
            .filter(|(_, m)| self.marks.contains(m))
            .map(|(n, _)| *n)
            .collect();
        vec![
            ("threshold".into(), format!("{:.2}", self.threshold)),
            ("display".into(), kinds.join(", ")),
            ("marks".into(), marks.join(", ")),
            ("min-words".into(), self.min_words.to_string()),
        ]
    }
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
/// `quote_unsupported`: a paragraph is only taken for a pull quote when it
/// repeats a body quotation's words, so it is never unsupported.
fn default_display(pull_quotes: bool) -> Vec<BlockKind> {
    let mut kinds = vec![
        BlockKind::Title,
        BlockKind::Standfirst,
        BlockKind::Subhead,
        BlockKind::Caption,
    ];
    if pull_quotes {
        kinds.push(BlockKind::PullQuote);
    }
    kinds
}

/// Every quote mark. Single quotes in a British headline may condense a
/// claim rather than quote it ("Oil 'hits world economy'"): `display`
/// tells those from quotes given to a speaker.
fn default_marks() -> Vec<QuoteMark> {
    vec![
        QuoteMark::Double,
        QuoteMark::Guillemet,
        QuoteMark::Low,
        QuoteMark::Single,
    ]
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
