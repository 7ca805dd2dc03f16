//! `headline_figure`: a figure in the headline, standfirst, subhead or
//! pull quote that the body states differently for the same thing and
//! never as displayed ("12 killed" over "10 people were killed").
//! Rounding and approximation pass: "£3bn" over "£2.95bn", "nearly 50"
//! over "48", "dozens" over "36". So does a display figure the body
//! reaches by adding its counts up, or writes anywhere at all.

use super::{compatible, Reach};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{BlockKind, Document, Figure, Unit};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "headline_figure",
    fields: &["element", "figure", "body"],
    build,
    summary: "a display figure the body states otherwise",
    params: crate::checks::params_schema::<Params>,
};

fn default_about() -> f64 {
    0.15
}

fn default_nearly() -> f64 {
    0.2
}

fn default_round_from() -> f64 {
    100.0
}

rule_params! {
    struct Params {
        /// "about 50" allows 50 give or take this fraction.
        #[serde(default = "default_about")]
        about_tolerance: f64,
        /// "nearly 50" allows up to this fraction under 50.
        #[serde(default = "default_nearly")]
        nearly_tolerance: f64,
        /// Plain counts from this size up may be rounded to their last
        /// written digit ("500 jobs" over 480); smaller ones must match.
        #[serde(default = "default_round_from")]
        round_counts_from: f64,
        /// Nouns too general to say two figures count one thing ("rise",
        /// "stake", "year").
        #[serde(default)]
        generic_nouns: Vec<String>,
    }
}

struct Headline {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    for w in &mut params.generic_nouns {
        *w = w.to_lowercase();
    }
    Ok(Box::new(Headline { params }))
}

impl Check for Headline {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let numbers = doc.numbers();
        let kind = |f: &Figure| {
            doc.sentences
                .get(f.sentence)
                .and_then(|s| doc.blocks.get(s.block))
                .map_or(BlockKind::Paragraph, |b| b.kind)
        };
        let body: Vec<&Figure> = numbers
            .figures
            .iter()
            .filter(|f| kind(f) == BlockKind::Paragraph)
            .collect();
        for d in &numbers.figures {
            let element = kind(d);
            let shown = matches!(
                element,
                BlockKind::Title
                    | BlockKind::Standfirst
                    | BlockKind::Subhead
                    | BlockKind::PullQuote
            );
            if shown {
                if let Some(f) = self.finding(doc, d, element, &body) {
                    out.push(f);
                }
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("about-tolerance".into(), p.about_tolerance.to_string()),
            ("nearly-tolerance".into(), p.nearly_tolerance.to_string()),
            ("round-counts-from".into(), p.round_counts_from.to_string()),
            ("generic-nouns".into(), p.generic_nouns.join(", ")),
        ]
    }
}

impl Headline {
    /// A headline sum that says nothing of what it is ("GM pays dollars
    /// 2bn to …"): the first paragraph restates a headline, so when it
    /// gives exactly one sum in that currency, that sum is the one.
    fn sum_in_lead(
        &self,
        doc: &Document,
        d: &Figure,
        element: BlockKind,
        body: &[&Figure],
    ) -> Option<Finding> {
        if element != BlockKind::Title || !matches!(d.unit, Unit::Money(_)) {
            return None;
        }
        let reach = self.reach();
        let block = |f: &Figure| doc.sentences.get(f.sentence).map(|s| s.block);
        let lead = body.first().and_then(|f| block(f))?;
        let in_lead: Vec<&&Figure> = body
            .iter()
            .filter(|b| block(b) == Some(lead) && b.unit == d.unit)
            .collect();
        let [only] = in_lead.as_slice() else {
            return None;
        };
        let anywhere = body
            .iter()
            .any(|b| b.unit == d.unit && b.vague.is_none() && compatible(d, b, reach, false));
        if anywhere || only.changed_from || only.vague.is_some() {
            return None;
        }
        Some(
            Finding::at(d.span.clone())
                .field("element", element.name())
                .field("figure", doc.slice(&d.span))
                .field("body", doc.slice(&only.span))
                .label(
                    only.span.clone(),
                    format!("the first paragraph says {} here", doc.slice(&only.span)),
                ),
        )
    }

    fn reach(&self) -> Reach {
        Reach {
            about: self.params.about_tolerance,
            nearly: self.params.nearly_tolerance,
            round_from: self.params.round_counts_from,
        }
    }

    fn finding(
        &self,
        doc: &Document,
        d: &Figure,
        element: BlockKind,
        body: &[&Figure],
    ) -> Option<Finding> {
        let Some(counts) = d.counts.as_deref() else {
            return self.sum_in_lead(doc, d, element, body);
        };
        let head = counts.split(' ').next().unwrap_or(counts);
        if self.params.generic_nouns.iter().any(|g| g == head) {
            return None;
        }
        let reach = self.reach();
        let same: Vec<&&Figure> = body
            .iter()
            .filter(|b| b.unit == d.unit && (d.same_thing(b) || named_near(doc, d, b)))
            .collect();
        // "thousands of jobs" supports no exact display figure.
        let supports = |b: &Figure| d.vague.is_some() || b.vague.is_none();
        if same.is_empty()
            || same
                .iter()
                .any(|b| supports(b) && compatible(d, b, reach, false))
        {
            return None;
        }
        // Written anywhere in the body for something not plainly another
        // event ("40 injured" over "Forty people were killed" is a swap):
        // what it counts there may only be read wrong.
        let other_event = |b: &Figure| b.event && !d.same_thing(b);
        if body.iter().any(|b| {
            b.unit == d.unit
                && b.high.is_none()
                && supports(b)
                && !other_event(b)
                && compatible(d, b, reach, false)
        }) {
            return None;
        }
        // "10 killed in X … two more in Y" under "12 killed".
        let mut values: Vec<f64> = same
            .iter()
            .filter(|b| !b.changed_from)
            .map(|b| b.value)
            .collect();
        values.dedup();
        if values.len() > 1 {
            let (lo, hi) = super::allowed(d, reach, false);
            let sum: f64 = values.iter().sum();
            if sum >= lo && sum <= hi {
                return None;
            }
        }
        let evidence: Vec<&&&Figure> = same.iter().filter(|b| !b.changed_from).collect();
        let first = evidence.first()?;
        let body_text = doc.slice(&first.span).to_string();
        let mut finding = Finding::at(d.span.clone())
            .field("element", element.name())
            .field("figure", doc.slice(&d.span))
            .field("body", body_text);
        for b in evidence.iter().take(3) {
            finding = finding.label(
                b.span.clone(),
                format!("the body says {} here", doc.slice(&b.span)),
            );
        }
        Some(finding)
    }
}

/// Words a sum of money sits among: "a dollars 7bn deal with Shell" is
/// the "dollars 6bn gas deal" of a headline, and "a dollars 202.6bn debt
/// restructuring" its "debt swap". Only for money, whose figures often
/// have no noun after them or a different one.
const NEAR_WORDS: usize = 6;

/// `b` (money) has one of the words of what `d` counts within
/// `NEAR_WORDS` words of it, in its sentence.
fn named_near(doc: &Document, d: &Figure, b: &Figure) -> bool {
    if !matches!(b.unit, Unit::Money(_)) {
        return false;
    }
    let Some(key) = d.counts.as_deref() else {
        return false;
    };
    let Some(s) = doc.sentences.get(b.sentence) else {
        return false;
    };
    let before = doc.prose.get(s.span.start..b.span.start).unwrap_or("");
    let after = doc.prose.get(b.span.end..s.span.end).unwrap_or("");
    let singular = |w: &str| {
        let w = w.to_lowercase();
        w.strip_suffix('s').map_or(w.clone(), str::to_string)
    };
    let near: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(NEAR_WORDS)
        .chain(after.split_whitespace().take(NEAR_WORDS))
        .map(|w| singular(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    key.split(' ')
        .any(|k| near.iter().any(|w| *w == singular(k)))
}
