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
                let (a, b) = (&text[p_start..p_end], &text[start..end]);
                // Cheapest test first: this runs for every word of the draft.
                if same_word(a, b) && self.is_slip(a, b, &text[p_end..start]) {
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

impl Repetition {
    /// A repeat of the same word, `gap` between them, that is a typing slip.
    fn is_slip(&self, a: &str, b: &str, gap: &str) -> bool {
        let only_space = !gap.is_empty()
            && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\n')
            && gap.matches('\n').count() < 2;
        // "Bora Bora", "Walla Walla": a capitalised repeat is a name.
        let name = b.starts_with(char::is_uppercase);
        let excepted =
            self.exceptions
                .contains(&format!("{} {}", a.to_lowercase(), b.to_lowercase()));
        only_space && !name && !excepted && a.chars().any(char::is_alphabetic)
    }
}

/// `a.to_lowercase() == b.to_lowercase()` without allocating: it runs on
/// every pair of adjacent words. `str::to_lowercase` differs from lowering
/// char by char only for a capital sigma (final form), so that case keeps
/// the allocating comparison.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else if a.contains('Σ') || b.contains('Σ') {
        a.to_lowercase() == b.to_lowercase()
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
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

#[cfg(test)]
mod tests {
    use super::same_word;

    #[test]
    fn same_word_ignores_case_like_to_lowercase() {
        assert!(same_word("the", "THE"));
        assert!(same_word("café", "CAFÉ"));
        assert!(same_word("don’t", "Don’t"));
        assert!(!same_word("café", "cafe"));
        assert!(!same_word("in", "on"));
        // A capital sigma lower-cases to its final form at the end of a word.
        assert!(same_word("ΟΔΟΣ", "οδος"));
    }
}
