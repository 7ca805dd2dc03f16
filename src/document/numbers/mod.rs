//! The figures of a draft: numbers in digits or words, with currencies,
//! magnitudes, percentages, ranges and approximations, each tied to what
//! it counts ("12 people were killed", "killing 12", "12 dead", "a death
//! toll of 12" all count the dead); the ages given to named people; and
//! weekdays written with dates. Computed on first use (through the
//! memo), so drafts linted without the number rules pay nothing.

mod ages;
mod counted;
mod scan;
mod tokens;
mod words;

use super::{Document, Sentence};
pub use ages::Age;
use std::ops::Range;
use std::sync::Arc;

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// As written: "12", "£3.2bn".
    Exact,
    /// "about", "around", "some", "an estimated".
    About,
    /// "nearly", "almost", "close to": a little under.
    Nearly,
    /// "more than", "at least", "over".
    AtLeast,
    /// "up to", "less than", "under", "as many as".
    AtMost,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A plain count or amount.
    Count,
    /// A percentage.
    Percent,
    /// Money, by currency code ("GBP", "USD", "EUR", "JPY").
    Money(&'static str),
}

/// One figure of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The whole phrase: "nearly £3.2bn", "at least 12", "10 to 12".
    pub span: Range<usize>,
    /// The number as written, with its sign and magnitude: "£3.2bn".
    pub number: Range<usize>,
    /// The value (the low end of a range), magnitudes applied.
    pub value: f64,
    /// The high end of a range ("10 to 12", "10-12").
    pub high: Option<f64>,
    /// The place of the last digit written: 0.1e9 for "3.2bn", 1 for "12";
    /// the rounding a reader allows.
    pub precision: f64,
    /// The span a vague plural covers ("dozens": 24 to 199).
    pub vague: Option<(f64, f64)>,
    /// "nearly", "at least", … or none.
    pub approx: Approx,
    /// Count, percentage or money.
    pub unit: Unit,
    /// What it counts: an event ("dead", "injured", "arrested") or a
    /// noun, singular ("job", "loss", "people"), with the word after it
    /// when that may be the head ("power project"); None when unclear.
    pub counts: Option<String>,
    /// Where the text says what it counts.
    pub counts_span: Option<Range<usize>>,
    /// `counts` is an event of people (the dead, the injured …).
    pub event: bool,
    /// "from 10 to 12": this is the old value of a change.
    pub changed_from: bool,
    /// Index into `Document::sentences`.
    pub sentence: usize,
}

impl Figure {
    /// Whether two figures count the same thing: the same event or first
    /// noun, and the same word after it when both have one ("26 power
    /// projects" and "two power stations" do not; "900 jobs cut" and "600
    /// jobs" do).
    pub fn same_thing(&self, other: &Figure) -> bool {
        let (Some(a), Some(b)) = (self.counts.as_deref(), other.counts.as_deref()) else {
            return false;
        };
        let (a1, a2) = a.split_once(' ').map_or((a, None), |(x, y)| (x, Some(y)));
        let (b1, b2) = b.split_once(' ').map_or((b, None), |(x, y)| (x, Some(y)));
        a1 == b1 && (a2.is_none() || b2.is_none() || a2 == b2)
    }
}

/// The figures and ages of a document.
#[derive(Debug, Default)]
pub struct Numbers {
    /// Every figure, in document order.
    pub figures: Vec<Figure>,
    /// Ages written with a named person, in document order.
    pub ages: Vec<Age>,
}

impl Document {
    /// The figures and ages of the text (computed once, on first use).
    pub fn numbers(&self) -> Arc<Numbers> {
        self.memo.get_or_compute(0, || Numbers {
            figures: figures(&self.prose, &self.sentences),
            ages: ages::ages(self),
        })
    }
}

/// The figures of each sentence, in order.
fn figures(prose: &str, sentences: &[Sentence]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        let toks = tokens::tokens(prose, s.span.clone());
        scan::sentence_figures(prose, &toks, index, &mut out);
    }
    out
}

#[cfg(test)]
mod tests;
