//! A display quote as a pattern of word runs, cuts (… or ...) and
//! [bracketed] insertions, and where it occurs as a faithful excerpt: its
//! runs found in order, each contiguous, cuts over any number of words,
//! insertions over a few.

use super::words::words;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// At most this many body words may stand for one `[bracketed]` insertion.
const BRACKET_SPAN: usize = 5;

/// At most this many words may be cut at one `…` (keeps a search of a
/// quotation left open over a whole archive linear).
const MAX_CUT: usize = 400;

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

/// The indices (into `pattern_words`) of the words a cut or insertion
/// comes just before: between them and the word before, body words may be
/// left out.
pub fn gap_before(pattern: &[Piece]) -> Vec<bool> {
    let mut gaps = Vec::new();
    let mut pending = false;
    for piece in pattern {
        match piece {
            Piece::Words(run) => {
                for (k, _) in run.iter().enumerate() {
                    gaps.push(k == 0 && pending);
                }
                pending = false;
            }
            Piece::Cut | Piece::Insertion => pending = true,
        }
    }
    gaps
}

/// Does the pattern open with a cut or insertion (the excerpt is marked
/// as starting mid-sentence)?
pub fn opens_with_gap(pattern: &[Piece]) -> bool {
    matches!(pattern.first(), Some(Piece::Cut | Piece::Insertion))
}

/// Is the pattern a faithful excerpt of `stream`?
pub fn is_excerpt<S: AsRef<str>>(pattern: &[Piece], stream: &[S]) -> bool {
    find_excerpt(pattern, stream, |_| 0..stream.len()).is_some()
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

    pub fn positions(&self, word: &str) -> &[usize] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

/// The first word of the pattern's first run, if any.
pub fn first_word(pattern: &[Piece]) -> Option<&str> {
    pattern.iter().find_map(|p| match p {
        Piece::Words(w) => w.first().map(String::as_str),
        _ => None,
    })
}

/// The stretch of `stream` the pattern matches, trying the positions
/// `starts` gives for its first word.
pub fn find_excerpt<S: AsRef<str>, I: IntoIterator<Item = usize>>(
    pattern: &[Piece],
    stream: &[S],
    starts: impl Fn(&str) -> I,
) -> Option<Range<usize>> {
    let pieces: Vec<&Piece> = trim_gaps(pattern);
    let Some(Piece::Words(first)) = pieces.first() else {
        return None;
    };
    let first_word = first.first()?;
    starts(first_word).into_iter().find_map(|at| {
        if !run_at(first, stream, at) {
            return None;
        }
        rest_matches(&pieces[1..], stream, at + first.len()).map(|end| at..end)
    })
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

fn run_at<S: AsRef<str>>(run: &[String], stream: &[S], at: usize) -> bool {
    at + run.len() <= stream.len() && run.iter().zip(&stream[at..]).all(|(a, b)| a == b.as_ref())
}

/// Matches the pieces after a matched run ending at `pos`; the end of
/// the whole match.
fn rest_matches<S: AsRef<str>>(pieces: &[&Piece], stream: &[S], pos: usize) -> Option<usize> {
    let mut max_gap = 0usize;
    let mut unbounded = false;
    let mut i = 0;
    while i < pieces.len() {
        match pieces[i] {
            Piece::Cut => unbounded = true,
            Piece::Insertion => max_gap += BRACKET_SPAN,
            Piece::Words(run) => {
                let last = if unbounded {
                    (pos + MAX_CUT).min(stream.len())
                } else {
                    (pos + max_gap).min(stream.len())
                };
                return (pos..=last).find_map(|at| {
                    if run_at(run, stream, at) {
                        rest_matches(&pieces[i + 1..], stream, at + run.len())
                    } else {
                        None
                    }
                });
            }
        }
        i += 1;
    }
    Some(pos)
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
            find_excerpt(&pat(display), &s, |w| WordIndex::of(&s)
                .positions(w)
                .to_vec())
            .is_some(),
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
    fn gaps_and_the_matched_stretch() {
        let p = pat("We will … win [it] now");
        assert_eq!(gap_before(&p), vec![false, false, true, true]);
        assert!(!opens_with_gap(&p));
        assert!(opens_with_gap(&pat("… win")));
        let s = stream("So we will surely win it now");
        let s: Vec<&str> = s.iter().map(String::as_str).collect();
        assert_eq!(find_excerpt(&p, &s, |_| 0..s.len()), Some(1..7));
    }
}
