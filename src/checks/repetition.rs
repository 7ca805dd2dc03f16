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
        let mut previous: Option<(usize, usize)> = None;
        for (start, end) in words(text) {
            if let Some((p_start, p_end)) = previous {
                let gap = &text[p_end..start];
                let (a, b) = (&text[p_start..p_end], &text[start..end]);
                let only_space = !gap.is_empty()
                    && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\n')
                    && gap.matches('\n').count() < 2;
                let same = a.to_lowercase() == b.to_lowercase();
                // "Bora Bora", "Walla Walla": a capitalised repeat is a name.
                let name = b.starts_with(char::is_uppercase);
                let excepted =
                    self.exceptions
                        .contains(&format!("{} {}", a.to_lowercase(), b.to_lowercase()));
                if only_space && same && !name && !excepted && a.chars().any(char::is_alphabetic) {
                    out.push(
                        Finding::at(p_start..end)
                            .field("match", format!("{a} {b}"))
                            .fix(p_end..end, ""),
                    );
                }
            }
            previous = Some((start, end));
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
