//! `figure_conflict`: one count of people stated two ways in the body
//! ("at least 12 people were killed" … "the attack killed 10 people")
//! with no cue of an update ("rose to", "later", "now", "revised", a new
//! day) or of another event ("another", "elsewhere", a year). Only counts
//! of an event of people are compared (the dead, the injured, the
//! arrested …): amounts of money and other nouns change for too many
//! reasons a text need not give.

use super::{consistent, has_cue, lower_words, Reach};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{BlockKind, Document, Figure, Unit};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "figure_conflict",
    fields: &["figure", "other", "counts"],
    build,
    summary: "one count stated two ways in the body",
    params: crate::checks::params_schema::<Params>,
};

fn default_about() -> f64 {
    0.15
}

fn default_nearly() -> f64 {
    0.2
}

rule_params! {
    struct Params {
        /// "about 50" allows 50 give or take this fraction.
        #[serde(default = "default_about")]
        about_tolerance: f64,
        /// "nearly 50" allows up to this fraction under 50.
        #[serde(default = "default_nearly")]
        nearly_tolerance: f64,
        /// Words in either sentence that explain a change or a different
        /// event ("rose", "later", "now", "revised", "another"); a weekday
        /// or year only one sentence names, or two different places
        /// ("in Baghdad" … "in Mosul"), do too.
        #[serde(default)]
        update_cues: Vec<String>,
    }
}

struct Conflict {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    for w in &mut params.update_cues {
        *w = w.to_lowercase();
    }
    Ok(Box::new(Conflict { params }))
}

impl Check for Conflict {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let numbers = doc.numbers();
        let counts: Vec<&Figure> = numbers
            .figures
            .iter()
            .filter(|f| self.candidate(doc, f, &numbers.figures))
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        for (i, a) in counts.iter().enumerate() {
            let Some(key) = a.counts.as_deref() else {
                continue;
            };
            if reported.contains(&key) {
                continue;
            }
            let reach = Reach {
                about: self.params.about_tolerance,
                nearly: self.params.nearly_tolerance,
                round_from: f64::INFINITY,
            };
            let clash = counts[i + 1..].iter().find(|b| {
                a.same_thing(b)
                    && b.sentence != a.sentence
                    && !consistent(a, b, reach)
                    && !self.explained(doc, a, b)
            });
            let Some(b) = clash else {
                continue;
            };
            reported.push(key);
            out.push(
                Finding::at(b.span.clone())
                    .field("figure", doc.slice(&b.span))
                    .field("other", doc.slice(&a.span))
                    .field("counts", key)
                    .label(
                        a.span.clone(),
                        format!("first stated as {} here", doc.slice(&a.span)),
                    ),
            );
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("about-tolerance".into(), p.about_tolerance.to_string()),
            ("nearly-tolerance".into(), p.nearly_tolerance.to_string()),
            ("update-cues".into(), p.update_cues.join(", ")),
        ]
    }
}

impl Conflict {
    /// A body count of an event of people, the only one of its kind in its
    /// sentence (two there are parts or places: "12 in X and 3 in Y"),
    /// not a part of another ("two of the dead"), nor the old value of a
    /// change ("from 10 to 12").
    fn candidate(&self, doc: &Document, f: &Figure, all: &[Figure]) -> bool {
        let in_body = doc
            .sentences
            .get(f.sentence)
            .and_then(|s| doc.blocks.get(s.block))
            .is_some_and(|b| b.kind == BlockKind::Paragraph);
        let part = doc
            .prose
            .get(f.span.end..)
            .is_some_and(|rest| rest.starts_with(" of "));
        let alone = all
            .iter()
            .filter(|g| g.sentence == f.sentence && g.counts == f.counts)
            .count()
            == 1;
        in_body && f.event && f.unit == Unit::Count && !f.changed_from && !part && alone
    }

    /// A cue in either sentence, or something that sets the two apart.
    fn explained(&self, doc: &Document, a: &Figure, b: &Figure) -> bool {
        let text = |f: &Figure| {
            doc.sentences
                .get(f.sentence)
                .map_or("", |s| doc.slice(&s.span))
        };
        let (ta, tb) = (text(a), text(b));
        let (wa, wb) = (lower_words(ta), lower_words(tb));
        // Days and years each names: a new one is a new moment.
        let days = |w: &[String]| -> Vec<String> {
            w.iter()
                .filter(|x| {
                    crate::document::WEEKDAYS
                        .iter()
                        .any(|d| d.eq_ignore_ascii_case(x))
                        || x.len() == 4 && x.bytes().all(|c| c.is_ascii_digit())
                })
                .cloned()
                .collect()
        };
        let (da, db) = (days(&wa), days(&wb));
        let new_day = da.iter().any(|d| !db.contains(d)) || db.iter().any(|d| !da.contains(d));
        let (pa, pb) = (places(ta), places(tb));
        let other_place = !pa.is_empty() && !pb.is_empty() && pa.iter().all(|p| !pb.contains(p));
        has_cue(&wa, &self.params.update_cues)
            || has_cue(&wb, &self.params.update_cues)
            || new_day
            || other_place
    }
}

/// Capitalised words after "in", "at", "near": where it happened.
fn places(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = words
        .windows(2)
        .filter(|w| matches!(w[0].to_lowercase().as_str(), "in" | "at" | "near" | "on"))
        .filter(|w| w[1].starts_with(|c: char| c.is_uppercase()))
        .map(|w| {
            w[1].trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}
