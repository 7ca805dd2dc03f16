//! `age_conflict`: one person given two ages ("John Smith, 45," … "the
//! 47-year-old Smith"). Who is who comes from the entity layer: an age
//! counts only when it touches a mention of the person (not "his
//! 47-year-old brother"), and a bare surname two people share gives none.
//! A sentence with a cue of another time ("then", "when", a year) is
//! left alone: ages change.

use super::{has_cue, lower_words};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{Age, Document};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "age_conflict",
    fields: &["name", "age", "other"],
    build,
    summary: "one person given two ages",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    struct Params {
        /// Words in either sentence that put an age at another time
        /// ("then", "when", "turned", "birthday"); a year written there
        /// does too.
        #[serde(default)]
        time_cues: Vec<String>,
    }
}

struct AgeConflict {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    for w in &mut params.time_cues {
        *w = w.to_lowercase();
    }
    Ok(Box::new(AgeConflict { params }))
}

impl Check for AgeConflict {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let numbers = doc.numbers();
        let mut reported = Vec::new();
        for (i, a) in numbers.ages.iter().enumerate() {
            if reported.contains(&a.entity) || self.other_time(doc, a) {
                continue;
            }
            let Some(b) = numbers.ages[i + 1..]
                .iter()
                .find(|b| b.entity == a.entity && b.years != a.years && !self.other_time(doc, b))
            else {
                continue;
            };
            reported.push(a.entity);
            let name = doc.entities[a.entity].name.clone();
            out.push(
                Finding::at(b.span.clone())
                    .field("name", name.clone())
                    .field("age", b.years.to_string())
                    .field("other", a.years.to_string())
                    .label(a.span.clone(), format!("{name} is {} here", a.years)),
            );
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![("time-cues".into(), self.params.time_cues.join(", "))]
    }
}

impl AgeConflict {
    fn other_time(&self, doc: &Document, age: &Age) -> bool {
        let Some(s) = doc.sentences.get(age.sentence) else {
            return true;
        };
        let words = lower_words(doc.slice(&s.span));
        has_cue(&words, &self.params.time_cues) || words.iter().any(|w| is_year(w))
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}
