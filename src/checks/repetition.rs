//! `repetition`: the same word twice in a row ("the the"), a classic
//! typing slip. The regex crate has no back-references, so this is a scan.

use super::{Check, Kind};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rule_params;
use crate::rules::{LoadContext, LoadError};

pub const KIND: Kind = Kind {
    name: "repetition",
    fields: &["match"],
    build,
    summary: "flags a word repeated twice in a row",
};

rule_params! {
    struct Params {
        /// Doubled words that are grammatical ("had had", "that that").
        #[serde(default)]
        exceptions: Vec<String>,
    }
}

struct Repetition {
    exceptions: Vec<String>,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    Ok(Box::new(Repetition {
        exceptions: params.exceptions.iter().map(|e| e.to_lowercase()).collect(),
    }))
}

impl Check for Repetition {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let text = &doc.prose;
        let spans: Vec<(usize, usize)> = words(text).collect();
        let same = |i: usize, j: usize| {
            let (a, b) = (&text[spans[i].0..spans[i].1], &text[spans[j].0..spans[j].1]);
            let gap = &text[spans[i].1..spans[j].0];
            let only_space = !gap.is_empty()
                && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\n'))
                && gap.matches('\n').count() < 2;
            only_space && a.to_lowercase() == b.to_lowercase()
        };
        for i in 1..spans.len() {
            // Runs of three or more ("no no no") are deliberate emphasis.
            let run_before = i >= 2 && same(i - 2, i - 1);
            let run_after = i + 1 < spans.len() && same(i, i + 1);
            if !same(i - 1, i) || run_before || run_after {
                continue;
            }
            let (a, b) = (
                &text[spans[i - 1].0..spans[i - 1].1],
                &text[spans[i].0..spans[i].1],
            );
            // "Bora Bora", "Walla Walla": a capitalised repeat is a name.
            let name = b.starts_with(char::is_uppercase);
            let pair = format!("{} {}", a.to_lowercase(), b.to_lowercase());
            if !name && !self.exceptions.contains(&pair) && a.chars().any(char::is_alphabetic) {
                out.push(
                    Finding::at(spans[i - 1].0..spans[i].1)
                        .field("match", format!("{a} {b}"))
                        .fix(spans[i - 1].1..spans[i].1, ""),
                );
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![("exceptions".into(), self.exceptions.join(", "))]
    }
}

/// Word spans: letters, digits and inner apostrophes.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = iter.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = iter.peek() {
            if c.is_alphanumeric()
                || (matches!(c, '\'' | '’')
                    && text[i + c.len_utf8()..].starts_with(char::is_alphanumeric))
            {
                iter.next();
            } else {
                end = i;
                break;
            }
        }
        Some((start, end))
    })
}
