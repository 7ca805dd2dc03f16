//! How close one speaker's two quotations are (`quote-variant`): a
//! similarity that is both token-set and order-aware (Sørensen–Dice over
//! word multisets, Damerau–Levenshtein over word sequences, via strsim),
//! the best stretch of the longer quote, and the word-level difference for
//! the report.

use super::words::{is_stopword, Word};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The word-level difference between a quote and the words it is set against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// Words only the display (or later) quote has, in its order.
    pub only_here: Vec<String>,
    /// Words only the other quote has, in its order.
    pub only_there: Vec<String>,
    /// The shared words come in a different order.
    pub reordered: bool,
}

impl Diff {
    /// Aligns the two sides on their longest common subsequence; words
    /// left over on both sides moved, the rest were swapped, added or
    /// dropped.
    pub fn between(here: &[&str], there: &[&str]) -> Diff {
        let (n, m) = (here.len(), there.len());
        // lcs[i][j]: common subsequence length of here[i..] and there[j..].
        let mut lcs = vec![vec![0usize; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if here[i] == there[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut only_here, mut only_there) = (Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && here[i] == there[j] {
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                only_here.push(here[i].to_string());
                i += 1;
            } else {
                only_there.push(there[j].to_string());
                j += 1;
            }
        }
        let mut reordered = false;
        only_here.retain(|w| match only_there.iter().position(|t| t == w) {
            Some(k) => {
                only_there.remove(k);
                reordered = true;
                false
            }
            None => true,
        });
        Diff {
            only_here,
            only_there,
            reordered,
        }
    }

    /// "body has 'responsible' where this has 'reliable'; word order differs".
    pub fn describe(&self, other: &str) -> String {
        let mut parts = Vec::new();
        let pairs = self.only_here.len().min(self.only_there.len());
        for (here, there) in self.only_here.iter().zip(&self.only_there) {
            parts.push(format!("{other} has '{there}' where this has '{here}'"));
        }
        let quoted = |ws: &[String]| {
            ws.iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.only_there.len() > pairs {
            parts.push(format!(
                "{other} has {}, which this leaves out",
                quoted(&self.only_there[pairs..])
            ));
        }
        if self.only_here.len() > pairs {
            parts.push(format!(
                "this adds {}, which the {other} does not have",
                quoted(&self.only_here[pairs..])
            ));
        }
        if self.reordered {
            parts.push("word order differs".into());
        }
        parts.join("; ")
    }
}

/// Similarity of two word sequences in 0..=1: the better of the
/// order-blind Dice coefficient over word multisets and the order-aware
/// normalised word Damerau–Levenshtein distance.
pub fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, isize> = HashMap::default();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(c) = counts.get_mut(w).filter(|c| **c > 0) {
            *c -= 1;
            shared += 1;
        }
    }
    let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    let edits = strsim::generic_damerau_levenshtein(a, b);
    let ordered = 1.0 - edits as f64 / a.len().max(b.len()) as f64;
    dice.max(ordered)
}

/// The best stretch of `body` for `quote`: its word range and similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearest {
    pub window: Range<usize>,
    pub score: f64,
}

/// Finds the stretch of `body` most like `quote`, trying whole-clause
/// stretches a couple of words shorter or longer than the quote: a few
/// words shared with the middle of a long quote are another statement,
/// and would match paraphrases by chance. Only stretches `accept` takes
/// count.
pub fn nearest(quote: &[&str], body: &[Word], accept: impl Fn(&[&str]) -> bool) -> Option<Nearest> {
    let body_words: Vec<&str> = body.iter().map(|w| w.norm.as_str()).collect();
    let n = body_words.len();
    let lo = quote.len().saturating_sub(2).max(1);
    let hi = quote.len() + 2;
    let mut best: Option<Nearest> = None;
    let mut consider = |window: Range<usize>| {
        let stretch = &body_words[window.clone()];
        let score = similarity(quote, stretch);
        if best.as_ref().is_none_or(|b| score > b.score) && accept(stretch) {
            best = Some(Nearest { window, score });
        }
    };
    for start in 0..n {
        for len in lo..=hi.min(n - start) {
            let end = start + len;
            if body[start].clause_start && body[end - 1].clause_end {
                consider(start..end);
            }
        }
    }
    // A body quote shorter than any stretch tried is taken whole.
    if n > 0 && n < lo {
        consider(0..n);
    }
    best
}

/// Words of `quote` that carry meaning (not function words).
pub fn content_words<'a>(quote: &[&'a str]) -> Vec<&'a str> {
    quote.iter().copied().filter(|w| !is_stopword(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quote_match::words::words;

    #[test]
    fn diff_names_swaps_drops_and_order() {
        let d = Diff::between(
            &["reliable", "and", "honest"],
            &["honest", "and", "responsible"],
        );
        assert_eq!(
            d.describe("body"),
            "body has 'responsible' where this has 'reliable'; word order differs"
        );
        let d = Diff::between(&["a", "labour", "love"], &["a", "labour", "of", "love"]);
        assert_eq!(d.describe("body"), "body has 'of', which this leaves out");
        let d = Diff::between(&["ignorant", "and", "crass"], &["crass", "and", "ignorant"]);
        assert_eq!(d.describe("body"), "word order differs");
        // A repeated word dropped is not a reordering.
        let d = Diff::between(
            &["that's", "the", "last", "at", "moment"],
            &["that's", "the", "last", "at", "the", "moment"],
        );
        assert_eq!(d.describe("body"), "body has 'the', which this leaves out");
    }

    #[test]
    fn similarity_is_set_and_order_aware() {
        let s = similarity(&["ignorant", "and", "crass"], &["crass", "and", "ignorant"]);
        assert!((s - 1.0).abs() < 1e-9);
        let s = similarity(&["not", "an", "issue"], &["not", "an", "easy", "issue"]);
        assert!(s > 0.8, "{s}");
        assert!(similarity(&["a", "b"], &["c", "d"]) < 0.01);
    }

    #[test]
    fn nearest_window_in_a_long_quote() {
        let text = "I went there, and I have had doors slammed in my face, he said.";
        let body = words(text, 0..text.len());
        let quote = ["and", "i", "have", "had", "doors", "in", "my", "face"];
        let found = nearest(&quote, &body, |_| true).unwrap();
        let got: Vec<&str> = body[found.window].iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            got,
            vec!["and", "i", "have", "had", "doors", "slammed", "in", "my", "face"]
        );
    }
}
