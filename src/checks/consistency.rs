//! `consistency`: two or more spellings of one thing must not both appear
//! in a document. The spelling used most (first on a tie) wins; every use
//! of another spelling is reported with a label on the first winning one.

use super::pattern::compile;
use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rule_params;
use crate::source::LoadError;
use regex::Regex;
use serde_saphyr::Spanned;

pub const KIND: Kind = Kind {
    name: "consistency",
    fields: &["match", "preferred"],
    build,
    summary: "one spelling of a thing per document",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    struct Params {
        /// List of groups; each group lists two or more spellings of one
        /// thing, as literal text (not patterns).
        #[schemars(with = "Vec<Vec<String>>")]
        either: Vec<Spanned<Vec<String>>>,
        /// Compare regardless of case.
        #[serde(default)]
        ignorecase: bool,
    }
}

struct Group {
    regex: Regex,
    spellings: Vec<String>,
}

struct Consistency {
    groups: Vec<Group>,
    ignorecase: bool,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let mut groups = Vec::new();
    for set in &params.either {
        if set.value.len() < 2 {
            return Err(ctx.error_at(
                &set.referenced,
                "each `either` entry needs two or more spellings",
            ));
        }
        let mut sorted = set.value.clone();
        // Longest first, so "al-Qaeda" wins over a shorter spelling inside it.
        sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let alternation: Vec<String> = sorted.iter().map(|s| regex::escape(s)).collect();
        let pattern = format!(r"\b(?:{})\b", alternation.join("|"));
        let at = Spanned::new(pattern.clone(), set.referenced, set.defined);
        groups.push(Group {
            regex: compile(&pattern, &at, params.ignorecase, ctx)?,
            spellings: set.value.clone(),
        });
    }
    Ok(Box::new(Consistency {
        groups,
        ignorecase: params.ignorecase,
    }))
}

impl Consistency {
    fn spelling_of(&self, group: &Group, found: &str) -> Option<usize> {
        group.spellings.iter().position(|s| {
            if self.ignorecase {
                s.eq_ignore_ascii_case(found)
            } else {
                s == found
            }
        })
    }
}

impl Check for Consistency {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for group in &self.groups {
            // (spelling index, span) in document order.
            let uses: Vec<(usize, std::ops::Range<usize>)> = group
                .regex
                .find_iter(&doc.prose)
                .filter_map(|m| self.spelling_of(group, m.as_str()).map(|i| (i, m.range())))
                .collect();
            let Some(preferred) = preferred_spelling(&uses, group.spellings.len()) else {
                continue;
            };
            let Some(first) = uses.iter().find(|(i, _)| *i == preferred) else {
                continue;
            };
            let name = &group.spellings[preferred];
            for (i, span) in uses.iter().filter(|(i, _)| *i != preferred) {
                out.push(
                    Finding::at(span.clone())
                        .field("match", group.spellings[*i].clone())
                        .field("preferred", name.clone())
                        .label(first.1.clone(), format!("spelled `{name}` here")),
                );
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let sets: Vec<String> = self
            .groups
            .iter()
            .map(|g| g.spellings.join(" / "))
            .collect();
        vec![
            ("either".into(), sets.join("; ")),
            ("ignorecase".into(), self.ignorecase.to_string()),
        ]
    }
}

/// The most used spelling, the first used on a tie; None unless two differ.
fn preferred_spelling(uses: &[(usize, std::ops::Range<usize>)], n: usize) -> Option<usize> {
    let mut counts = vec![0usize; n];
    let mut first_seen = vec![usize::MAX; n];
    for (order, (i, _)) in uses.iter().enumerate() {
        counts[*i] += 1;
        first_seen[*i] = first_seen[*i].min(order);
    }
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return None;
    }
    (0..n)
        .filter(|&i| counts[i] > 0)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(first_seen[i])))
}
