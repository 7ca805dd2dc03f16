//! `repetition`: the same word twice in a row ("the the"), a classic
//! typing slip. The regex crate has no back-references, so this is a scan.

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{char_at, Document};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "repetition",
    fields: &["match"],
    build,
    summary: "flags a word repeated twice in a row",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    struct Params {
        /// Doubled pairs that are grammatical, in lower case: `had had`,
        /// `that that`.
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
        let same = |x: Span, y: Span| {
            let gap = &text[x.1..y.0];
            // Cheapest test first: this runs for every pair of adjacent words.
            same_word(&text[x.0..x.1], &text[y.0..y.1])
                && !gap.is_empty()
                && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\n'))
                && gap.matches('\n').count() < 2
        };
        // Four consecutive words slide past (a trailing None closes the
        // text): the middle pair is judged with its neighbours, and no list
        // of every word is kept (a long draft has millions).
        let mut window: [Option<Span>; 4] = [None; 4];
        for next in words(text).map(Some).chain([None]) {
            window = [window[1], window[2], window[3], next];
            let [before, Some(first), Some(second), after] = window else {
                continue;
            };
            // Runs of three or more ("no no no") are deliberate emphasis.
            if !same(first, second)
                || before.is_some_and(|w| same(w, first))
                || after.is_some_and(|w| same(second, w))
            {
                continue;
            }
            let (a, b) = (&text[first.0..first.1], &text[second.0..second.1]);
            // "Bora Bora", "Walla Walla": a capitalised repeat is a name.
            let name = b.starts_with(char::is_uppercase);
            let pair = format!("{} {}", a.to_lowercase(), b.to_lowercase());
            if !name && !self.exceptions.contains(&pair) && a.chars().any(char::is_alphabetic) {
                out.push(
                    Finding::at(first.0..second.1)
                        .field("match", format!("{a} {b}"))
                        .fix(first.1..second.1, ""),
                );
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![("exceptions".into(), self.exceptions.join(", "))]
    }
}

/// A word's byte range: (start, end).
type Span = (usize, usize);

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
fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Skip to a word's first letter or digit.
        let start = loop {
            let c = char_at(text, pos)?;
            if c.is_alphanumeric() {
                break pos;
            }
            pos += c.len_utf8();
        };
        while let Some(c) = char_at(text, pos) {
            let joins = matches!(c, '\'' | '’')
                && char_at(text, pos + c.len_utf8()).is_some_and(char::is_alphanumeric);
            if !(c.is_alphanumeric() || joins) {
                break;
            }
            pos += c.len_utf8();
        }
        Some((start, pos))
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
