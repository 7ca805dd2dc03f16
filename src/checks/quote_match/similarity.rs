//! How close a quotation is to another: faithful excerpts (a contiguous
//! run of the words, with … for cuts and [brackets] for insertions) and,
//! failing that, a similarity that is both token-set and order-aware
//! (Sørensen–Dice over word multisets, Damerau–Levenshtein over word sequences,
//! via strsim), with the word-level difference for the report.

use super::words::{is_stopword, words, Word};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// At most this many body words may stand for one `[bracketed]` insertion.
const BRACKET_SPAN: usize = 5;

/// A display quote as a pattern: runs of words separated by cuts.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Words(Vec<String>),
    /// `…` or `...`: any number of words left out.
    Cut,
    /// `[…]`: the editor's words in place of up to a few of the speaker's.
    Insertion,
}

/// Splits a quotation's text into word runs, cuts and insertions.
pub fn pattern(prose: &str, inner: Range<usize>) -> Vec<Piece> {
    let Some(text) = prose.get(inner.clone()) else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    let flush = |from: usize, to: usize, pieces: &mut Vec<Piece>| {
        let run: Vec<String> = words(prose, inner.start + from..inner.start + to)
            .into_iter()
            .map(|w| w.norm)
            .collect();
        if !run.is_empty() {
            pieces.push(Piece::Words(run));
        }
    };
    while i < text.len() {
        let rest = &text[i..];
        let marker = if rest.starts_with('…') {
            Some((Piece::Cut, '…'.len_utf8()))
        } else if rest.starts_with("...") {
            Some((Piece::Cut, 3))
        } else if rest.starts_with('[') {
            rest.find(']').map(|close| (Piece::Insertion, close + 1))
        } else {
            None
        };
        match marker {
            Some((piece, len)) => {
                flush(run_start, i, &mut pieces);
                pieces.push(piece);
                i += len;
                run_start = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    flush(run_start, text.len(), &mut pieces);
    pieces
}

/// The words of a pattern, cuts and insertions left out.
pub fn pattern_words(pattern: &[Piece]) -> Vec<String> {
    pattern
        .iter()
        .filter_map(|p| match p {
            Piece::Words(w) => Some(w.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Is the pattern a faithful excerpt of `stream` (its runs found in order,
/// each contiguous, cuts anywhere, insertions over a few words)?
pub fn is_excerpt(pattern: &[Piece], stream: &[&str]) -> bool {
    excerpt_from(pattern, stream, |_| 0..stream.len())
}

/// Where each word of a long stream occurs: a whole body is searched for
/// many display quotes, each from where its first word occurs only.
pub struct WordIndex<'a>(HashMap<&'a str, Vec<usize>>);

impl<'a> WordIndex<'a> {
    pub fn of(stream: &[&'a str]) -> Self {
        let mut at: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, w) in stream.iter().enumerate() {
            at.entry(w).or_default().push(i);
        }
        WordIndex(at)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }

    fn positions(&self, word: &str) -> &[usize] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

/// `is_excerpt` over an indexed stream.
pub fn is_excerpt_indexed(pattern: &[Piece], stream: &[&str], index: &WordIndex) -> bool {
    excerpt_from(pattern, stream, |first| {
        index.positions(first).iter().copied()
    })
}

/// Tries the pattern at the positions `starts` gives for its first word.
fn excerpt_from<I: IntoIterator<Item = usize>>(
    pattern: &[Piece],
    stream: &[&str],
    starts: impl Fn(&str) -> I,
) -> bool {
    let pieces: Vec<&Piece> = trim_gaps(pattern);
    let Some(Piece::Words(first)) = pieces.first() else {
        return false;
    };
    let Some(first_word) = first.first() else {
        return false;
    };
    starts(first_word)
        .into_iter()
        .any(|at| run_at(first, stream, at) && rest_matches(&pieces[1..], stream, at + first.len()))
}

/// The pattern without leading or trailing cuts and insertions.
fn trim_gaps(pattern: &[Piece]) -> Vec<&Piece> {
    let start = pattern
        .iter()
        .position(|p| matches!(p, Piece::Words(_)))
        .unwrap_or(pattern.len());
    let end = pattern
        .iter()
        .rposition(|p| matches!(p, Piece::Words(_)))
        .map_or(start, |e| e + 1);
    pattern[start..end.max(start)].iter().collect()
}

fn run_at(run: &[String], stream: &[&str], at: usize) -> bool {
    at + run.len() <= stream.len() && run.iter().zip(&stream[at..]).all(|(a, b)| a == b)
}

/// Matches the pieces after a matched run ending at `pos`.
fn rest_matches(pieces: &[&Piece], stream: &[&str], pos: usize) -> bool {
    let mut max_gap = 0usize;
    let mut unbounded = false;
    let mut i = 0;
    while i < pieces.len() {
        match pieces[i] {
            Piece::Cut => unbounded = true,
            Piece::Insertion => max_gap += BRACKET_SPAN,
            Piece::Words(run) => {
                let last = if unbounded {
                    stream.len()
                } else {
                    (pos + max_gap).min(stream.len())
                };
                return (pos..=last).any(|at| {
                    run_at(run, stream, at)
                        && rest_matches(&pieces[i + 1..], stream, at + run.len())
                });
            }
        }
        i += 1;
    }
    true
}

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

/// Which stretches of a body quote a display quote is set against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// Whole clauses: starting at a clause start and ending at a clause end.
    Clauses,
    /// Starting at a clause start or ending at a clause end.
    Either,
    /// Any stretch.
    Anywhere,
}

/// Finds the stretch of `body` most like `quote`, trying stretches a
/// couple of words shorter or longer than the quote. A display quote is
/// cut from the body at clause or sentence boundaries; stretches from
/// mid-clause would match paraphrases by chance, hence `anchoring`.
/// Only stretches `accept` takes count.
pub fn nearest(
    quote: &[&str],
    body: &[Word],
    anchoring: Anchoring,
    accept: impl Fn(&[&str]) -> bool,
) -> Option<Nearest> {
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
            let (starts, ends) = (body[start].clause_start, body[end - 1].clause_end);
            let anchored = match anchoring {
                Anchoring::Clauses => starts && ends,
                Anchoring::Either => starts || ends,
                Anchoring::Anywhere => true,
            };
            if anchored {
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

    fn pat(text: &str) -> Vec<Piece> {
        pattern(text, 0..text.len())
    }

    fn stream(text: &str) -> Vec<String> {
        words(text, 0..text.len())
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    fn excerpt(display: &str, body: &str) -> bool {
        let s = stream(body);
        let s: Vec<&str> = s.iter().map(String::as_str).collect();
        let found = is_excerpt(&pat(display), &s);
        // Searching from the indexed first word finds the same.
        assert_eq!(
            is_excerpt_indexed(&pat(display), &s, &WordIndex::of(&s)),
            found
        );
        found
    }

    #[test]
    fn faithful_excerpts() {
        let body =
            "We’re a nation of lazy so-and-sos, and we can’t be bothered to write them down.";
        assert!(excerpt("We're a nation of lazy so-and-sos", body));
        assert!(excerpt("a Nation of Lazy So and Sos", body));
        assert!(excerpt("We’re a nation … can’t be bothered", body));
        assert!(excerpt("We’re a nation... can’t be bothered", body));
        assert!(excerpt("[Britons are] a nation of lazy so-and-sos", body));
        assert!(excerpt("we [Britons] can’t be bothered", body));
        assert!(excerpt("Cafe", "Café society"));
        assert!(!excerpt("We’re a of lazy so-and-sos", body));
        assert!(!excerpt("a nation of lazy so-and-sos … we’re", body));
    }

    #[test]
    fn pattern_pieces() {
        assert_eq!(
            pat("We [the party] will … win."),
            vec![
                Piece::Words(vec!["we".into()]),
                Piece::Insertion,
                Piece::Words(vec!["will".into()]),
                Piece::Cut,
                Piece::Words(vec!["win".into()]),
            ]
        );
    }

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
        let quote = ["i", "have", "had", "doors", "in", "my", "face"];
        let found = nearest(&quote, &body, Anchoring::Either, |_| true).unwrap();
        let got: Vec<&str> = body[found.window].iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            got,
            vec!["i", "have", "had", "doors", "slammed", "in", "my", "face"]
        );
    }
}
