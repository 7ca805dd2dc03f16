//! The body's quotations as display quotes are checked against them: the
//! words of every body quotation one after the other, indexed by word, so
//! that a display quote is only ever set against the few quotations that
//! hold its words, nearest first (never display × body all-pairs); and the
//! words of the body paragraphs, for terms and scare quotes.

use super::pattern::{find_excerpt, first_word, Piece, WordIndex};
use super::words::{is_stopword, words, Word};
use crate::document::{BlockKind, Document, Quote};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Quotations a display quote is aligned with, at most.
const MAX_CANDIDATES: usize = 24;
/// Occurrences of one word looked at for one display quote, after and
/// before it in the text (a word used thousands of times in an archive
/// costs no more than this).
const NEAR_AFTER: usize = 48;
const NEAR_BEFORE: usize = 16;
/// Starts tried for one excerpt in one quotation.
const MAX_STARTS: usize = 64;

pub struct Body<'d> {
    /// Words of every body quotation, one quotation after the other.
    pub words: Vec<Word>,
    norms: Vec<String>,
    /// Capitalised inside a clause: a name ("Tony" in "Tony Blair").
    names: Vec<bool>,
    /// Each quotation and its range in `words`, in text order.
    pub quotes: Vec<(&'d Quote, Range<usize>)>,
    /// Which quotation each word belongs to.
    quote_of: Vec<usize>,
    index: HashMap<String, Vec<usize>>,
    /// Words of the body paragraphs (the writer's prose and quotations).
    pub prose: Vec<Word>,
    prose_norms: Vec<String>,
}

impl<'d> Body<'d> {
    pub fn of(doc: &'d Document) -> Self {
        let is_body = |block: usize| {
            doc.blocks
                .get(block)
                .is_some_and(|b| b.kind == BlockKind::Paragraph)
        };
        let mut body = Body {
            words: Vec::new(),
            norms: Vec::new(),
            names: Vec::new(),
            quotes: Vec::new(),
            quote_of: Vec::new(),
            index: HashMap::default(),
            prose: Vec::new(),
            prose_norms: Vec::new(),
        };
        // Nested quotations are words of the quotation around them.
        for quote in doc.quotes.iter().filter(|q| is_body(q.block) && !q.nested) {
            let quote_words = words(&doc.prose, quote.inner.clone());
            if quote_words.is_empty() {
                continue;
            }
            let start = body.words.len();
            let id = body.quotes.len();
            for w in quote_words {
                body.index
                    .entry(w.norm.clone())
                    .or_default()
                    .push(body.words.len());
                body.norms.push(w.norm.clone());
                let capital = doc.slice(&w.span).starts_with(char::is_uppercase);
                body.names.push(capital && !w.clause_start);
                body.quote_of.push(id);
                body.words.push(w);
            }
            body.quotes.push((quote, start..body.words.len()));
        }
        body.prose = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .flat_map(|b| words(&doc.prose, b.span.clone()))
            .collect();
        body.prose_norms = body.prose.iter().map(|w| w.norm.clone()).collect();
        body
    }

    pub fn norm(&self, at: usize) -> &str {
        &self.norms[at]
    }

    pub fn is_name(&self, at: usize) -> bool {
        self.names[at]
    }

    /// Positions of `word` in body quotations near byte `at` of the text:
    /// a few before it and more after (a display quote heads the story
    /// that quotes it).
    fn near(&self, word: &str, at: usize) -> &[usize] {
        let Some(all) = self.index.get(word) else {
            return &[];
        };
        let split = all.partition_point(|&p| self.words[p].span.start < at);
        &all[split.saturating_sub(NEAR_BEFORE)..(split + NEAR_AFTER).min(all.len())]
    }

    /// The quotations holding the most distinct words of `quote` (its
    /// content words, or all its words when it has none), best first.
    pub fn candidates(&self, quote: &[String], at: usize) -> Vec<usize> {
        let content: Vec<&String> = quote.iter().filter(|w| !is_stopword(w)).collect();
        let keys: Vec<&String> = if content.is_empty() {
            quote.iter().collect()
        } else {
            content
        };
        let mut held: HashMap<usize, (usize, usize)> = HashMap::default();
        let mut seen: Vec<&String> = Vec::new();
        for word in keys {
            if seen.contains(&word) {
                continue;
            }
            seen.push(word);
            let mut last = usize::MAX;
            for &p in self.near(word, at) {
                let q = self.quote_of[p];
                if q != last {
                    let entry = held.entry(q).or_insert((0, p));
                    entry.0 += 1;
                    last = q;
                }
            }
        }
        let mut ranked: Vec<(usize, usize, usize)> =
            held.into_iter().map(|(q, (n, p))| (n, p, q)).collect();
        // Most words shared first; then the quotation nearest after the
        // display quote.
        let distance = |p: usize| {
            let start = self.words[p].span.start;
            if start >= at {
                start - at
            } else {
                usize::MAX / 2 + (at - start)
            }
        };
        ranked.sort_unstable_by_key(|&(n, p, q)| (std::cmp::Reverse(n), distance(p), q));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(_, _, q)| q).collect()
    }

    /// Every place in quotation `q` where `pattern` is a faithful excerpt.
    pub fn excerpts_in(&self, q: usize, pattern: &[Piece]) -> Vec<Range<usize>> {
        let range = self.quotes[q].1.clone();
        let Some(first) = first_word(pattern) else {
            return Vec::new();
        };
        let Some(all) = self.index.get(first) else {
            return Vec::new();
        };
        let from = all.partition_point(|&p| p < range.start);
        let stream = &self.norms[range.clone()];
        all[from..]
            .iter()
            .take_while(|&&p| p < range.end)
            .take(MAX_STARTS)
            .filter_map(|&p| find_excerpt(pattern, stream, |_| [p - range.start]))
            .map(|r| r.start + range.start..r.end + range.start)
            .collect()
    }

    /// Positions of `word` within quotation `q`, at most `cap`.
    pub fn in_quote(&self, q: usize, word: &str, cap: usize) -> Vec<usize> {
        let range = self.quotes[q].1.clone();
        let Some(all) = self.index.get(word) else {
            return Vec::new();
        };
        let from = all.partition_point(|&p| p < range.start);
        all[from..]
            .iter()
            .take_while(|&&p| p < range.end)
            .take(cap)
            .copied()
            .collect()
    }

    /// Where the body paragraphs hold `pattern` as a faithful excerpt, in
    /// the writer's words or a quotation's.
    pub fn in_prose(&self, pattern: &[Piece], index: &WordIndex) -> Option<Range<usize>> {
        find_excerpt(pattern, &self.prose_norms, |w| {
            index.positions(w).iter().copied().take(MAX_STARTS * 16)
        })
    }

    pub fn prose_index(&self) -> WordIndex<'_> {
        let norms: Vec<&str> = self.prose_norms.iter().map(String::as_str).collect();
        WordIndex::of(&norms)
    }
}
