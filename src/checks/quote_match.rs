//! `quote_match`: quotations checked across a draft. A quotation in a
//! display element (headline, dek, subhead, caption, pull quote) must be a
//! faithful excerpt of the body; one speaker should not be quoted twice in
//! near-identical words; an opened quotation must close. One rule file per
//! finding, chosen with `finds:`.
//!
//! Cost stays linear in the draft: display quotes are compared with body
//! quotes only, never body with body (except one speaker's own quotes).

mod similarity;
mod words;

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{BlockKind, Document, Quote, QuoteMark};
use crate::rule_params;
use crate::source::LoadError;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use serde_saphyr::Spanned;
use similarity::{
    content_words, is_excerpt, is_excerpt_indexed, nearest, pattern, pattern_words, Anchoring,
    Diff, Nearest, Piece, WordIndex,
};
use std::ops::Range;
use words::{is_stopword, words, Word};

pub const KIND: Kind = Kind {
    name: "quote_match",
    fields: &["quote", "body", "element", "speaker", "mark"],
    build,
    summary: "display quotations the body does not support; variant and unclosed quotations",
};

/// What a `quote_match` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Finds {
    /// A display quote close to a body quote but not faithful to it.
    Mismatch,
    /// A display quote with no body quote near it.
    Unsupported,
    /// One speaker quoted twice in near-identical, different words.
    Variant,
    /// An opening mark that never closes.
    Unbalanced,
}

impl Finds {
    fn name(self) -> &'static str {
        match self {
            Finds::Mismatch => "mismatch",
            Finds::Unsupported => "unsupported",
            Finds::Variant => "variant",
            Finds::Unbalanced => "unbalanced",
        }
    }

    fn default_threshold(self) -> Option<f64> {
        match self {
            Finds::Mismatch => Some(0.6),
            Finds::Unsupported => Some(0.4),
            Finds::Variant => Some(0.8),
            Finds::Unbalanced => None,
        }
    }

    fn uses_display(self) -> bool {
        matches!(self, Finds::Mismatch | Finds::Unsupported)
    }
}

rule_params! {
    struct Params {
        /// mismatch | unsupported | variant | unbalanced
        finds: Finds,
        /// Similarity in 0..=1 (see the rule descriptions).
        #[serde(default)]
        threshold: Option<Spanned<f64>>,
        /// Block kinds whose quotations are display quotes.
        #[serde(default)]
        display: Option<Spanned<Vec<String>>>,
        /// Quote marks a display quote may use: double, single, guillemet, low.
        #[serde(default)]
        marks: Option<Spanned<Vec<String>>>,
        /// Shorter quotations (in words) are terms, not testimony.
        #[serde(default)]
        min_words: Option<usize>,
    }
}

const BLOCK_KINDS: &[BlockKind] = &[
    BlockKind::Title,
    BlockKind::Standfirst,
    BlockKind::Subhead,
    BlockKind::Caption,
    BlockKind::PullQuote,
    BlockKind::Byline,
    BlockKind::Paragraph,
];

const MARKS: &[(&str, QuoteMark)] = &[
    ("double", QuoteMark::Double),
    ("single", QuoteMark::Single),
    ("guillemet", QuoteMark::Guillemet),
    ("low", QuoteMark::Low),
];

/// At most this many words may differ (on either side) for two quotes to
/// count as one quote misquoted: a synonym swapped, a word or two added
/// or dropped. More is a paraphrase, which is not this rule's business.
const MAX_CHANGED_WORDS: usize = 2;

/// Shorter quotes of one speaker are not compared: a few words may recur
/// in two different statements.
const VARIANT_MIN_WORDS: usize = 5;

/// Quotes of one speaker compared pairwise, at most (keeps the cost bounded).
const MAX_QUOTES_PER_SPEAKER: usize = 64;

struct QuoteMatch {
    finds: Finds,
    threshold: f64,
    display: Vec<BlockKind>,
    marks: Vec<QuoteMark>,
    min_words: usize,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let finds = params.finds;
    let threshold = match (&params.threshold, finds.default_threshold()) {
        (Some(t), Some(_)) if !(t.value > 0.0 && t.value <= 1.0) => {
            return Err(ctx.error_at(&t.referenced, "`threshold` must be in (0, 1]"));
        }
        (Some(t), Some(_)) => t.value,
        (Some(t), None) => {
            return Err(ctx.error_at(
                &t.referenced,
                format!("`threshold` does not apply to `finds: {}`", finds.name()),
            ));
        }
        (None, default) => default.unwrap_or(0.0),
    };
    for (given, key) in [(&params.display, "display"), (&params.marks, "marks")] {
        if let Some(list) = given.as_ref().filter(|_| !finds.uses_display()) {
            return Err(ctx.error_at(
                &list.referenced,
                format!("`{key}` does not apply to `finds: {}`", finds.name()),
            ));
        }
    }
    let display = match &params.display {
        Some(list) => list
            .value
            .iter()
            .map(|name| {
                BLOCK_KINDS
                    .iter()
                    .copied()
                    .find(|k| k.name() == name)
                    .ok_or_else(|| unknown(ctx, &list.referenced, "block kind", name, kind_names()))
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => default_display(finds),
    };
    let marks = match &params.marks {
        Some(list) => list
            .value
            .iter()
            .map(|name| {
                MARKS
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, m)| *m)
                    .ok_or_else(|| {
                        let names = MARKS.iter().map(|(n, _)| *n).collect();
                        unknown(ctx, &list.referenced, "quote mark", name, names)
                    })
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => default_marks(finds),
    };
    Ok(Box::new(QuoteMatch {
        finds,
        threshold,
        display,
        marks,
        min_words: params.min_words.unwrap_or(3),
    }))
}

fn unknown(
    ctx: &LoadContext,
    at: &serde_saphyr::Location,
    what: &str,
    name: &str,
    known: Vec<&str>,
) -> LoadError {
    let mut err = ctx.error_at(at, format!("unknown {what} `{name}`"));
    err.notes.push(format!("known: {}", known.join(", ")));
    err
}

fn kind_names() -> Vec<&'static str> {
    BLOCK_KINDS.iter().map(|k| k.name()).collect()
}

/// Every display element for mismatches; pull quotes are left out of
/// `unsupported`: a paragraph is only taken for a pull quote when it
/// repeats a body quotation's words, so it is never unsupported.
fn default_display(finds: Finds) -> Vec<BlockKind> {
    let mut kinds = vec![
        BlockKind::Title,
        BlockKind::Standfirst,
        BlockKind::Subhead,
        BlockKind::Caption,
    ];
    if finds != Finds::Unsupported {
        kinds.push(BlockKind::PullQuote);
    }
    kinds
}

/// Any mark for mismatches. `unsupported` leaves single quotes out: in
/// British headline style they mark a condensed claim attributed to
/// someone ("Oil 'hits world economy'"), not verbatim words.
fn default_marks(finds: Finds) -> Vec<QuoteMark> {
    let mut marks = vec![QuoteMark::Double, QuoteMark::Guillemet, QuoteMark::Low];
    if finds != Finds::Unsupported {
        marks.push(QuoteMark::Single);
    }
    marks
}

impl Check for QuoteMatch {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self.finds {
            Finds::Mismatch | Finds::Unsupported => self.display_quotes(doc, out),
            Finds::Variant => self.variants(doc, out),
            Finds::Unbalanced => unbalanced(doc, out),
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let mut params = vec![("finds".to_string(), self.finds.name().to_string())];
        if self.finds.default_threshold().is_some() {
            params.push(("threshold".into(), format!("{:.2}", self.threshold)));
        }
        if self.finds.uses_display() {
            let kinds: Vec<&str> = self.display.iter().map(|k| k.name()).collect();
            let marks: Vec<&str> = MARKS
                .iter()
                .filter(|(_, m)| self.marks.contains(m))
                .map(|(n, _)| *n)
                .collect();
            params.push(("display".into(), kinds.join(", ")));
            params.push(("marks".into(), marks.join(", ")));
            params.push(("min-words".into(), self.min_words.to_string()));
        }
        params
    }
}

/// Body quotes a display quote is compared with word by word, at most.
const MAX_CANDIDATES: usize = 32;

/// A quote of one speaker as `variants` compares it with the others:
/// its words, their normal forms and its content words, made once.
struct Prepared<'a> {
    quote: &'a Quote,
    words: &'a [Word],
    norms: Vec<&'a str>,
    /// Content words in order, and as a set.
    content: Vec<&'a str>,
    content_set: HashSet<&'a str>,
}

impl<'a> Prepared<'a> {
    fn of(quote: &'a Quote, words: &'a [Word]) -> Self {
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        let content = content_words(&norms);
        let content_set = content.iter().copied().collect();
        Prepared {
            quote,
            words,
            norms,
            content,
            content_set,
        }
    }
}

/// A quotation with its words.
type QuoteWords<'d> = (&'d Quote, Vec<Word>);

/// The body as the display quotes are checked against it.
struct Body<'d> {
    /// Every word of the body paragraphs, for faithful excerpts.
    stream: Vec<String>,
    /// Body quotations with their words.
    quotes: Vec<(&'d Quote, Vec<Word>)>,
    /// Which body quotations hold each content word, ascending: a display
    /// quote is only set against those sharing a content word with it, so
    /// a long draft with many display quotes is not compared all-pairs.
    by_content_word: HashMap<String, Vec<usize>>,
}

impl<'d> Body<'d> {
    fn of(doc: &'d Document) -> Self {
        let is_body = |block: usize| {
            doc.blocks
                .get(block)
                .is_some_and(|b| b.kind == BlockKind::Paragraph)
        };
        let stream = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .flat_map(|b| words(&doc.prose, b.span.clone()))
            .map(|w| w.norm)
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .filter(|q| is_body(q.block))
            .map(|q| (q, words(&doc.prose, q.inner.clone())))
            .filter(|(_, w)| !w.is_empty())
            .collect::<Vec<_>>();
        let mut by_content_word: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, (_, quote_words)) in quotes.iter().enumerate() {
            for w in quote_words.iter().filter(|w| !is_stopword(&w.norm)) {
                let holders = by_content_word.entry(w.norm.clone()).or_default();
                if holders.last() != Some(&i) {
                    holders.push(i);
                }
            }
        }
        Body {
            stream,
            quotes,
            by_content_word,
        }
    }

    /// Indices of the body quotes holding at least half of the content
    /// words of `quote` (counted as `is_one_quote_changed` counts them),
    /// ascending.
    fn sharing_content(&self, quote: &[&str]) -> Vec<usize> {
        let content = content_words(quote);
        let mut held: Vec<usize> = content
            .iter()
            .filter_map(|w| self.by_content_word.get(*w))
            .flatten()
            .copied()
            .collect();
        held.sort_unstable();
        let mut sharing: Vec<(usize, usize)> = held
            .chunk_by(|a, b| a == b)
            .filter(|run| 2 * run.len() >= content.len())
            .map(|run| (run.len(), run[0]))
            .collect();
        // In a very long text (an archive in one file) a short quote's
        // words are in hundreds of body quotes; only those sharing the most
        // are compared word by word, which keeps the cost linear.
        if sharing.len() > MAX_CANDIDATES {
            sharing.sort_unstable_by_key(|&(shared, i)| (std::cmp::Reverse(shared), i));
            sharing.truncate(MAX_CANDIDATES);
            sharing.sort_unstable_by_key(|&(_, i)| i);
        }
        sharing.into_iter().map(|(_, i)| i).collect()
    }

    /// The stretch of the body quotes `among` (ascending indices) nearest
    /// to `quote`.
    fn nearest(
        &self,
        quote: &[&str],
        among: impl IntoIterator<Item = usize>,
        anchoring: Anchoring,
        accept: &dyn Fn(&[&str]) -> bool,
    ) -> Option<(usize, Nearest)> {
        let mut best: Option<(usize, Nearest)> = None;
        for i in among {
            let Some((_, body_words)) = self.quotes.get(i) else {
                continue;
            };
            if let Some(found) = nearest(quote, body_words, anchoring, accept) {
                if best.as_ref().is_none_or(|(_, b)| found.score > b.score) {
                    best = Some((i, found));
                }
            }
        }
        best
    }
}

impl QuoteMatch {
    fn display_quotes(&self, doc: &Document, out: &mut Vec<Finding>) {
        let candidates: Vec<(&Quote, BlockKind, Vec<Piece>)> = doc
            .quotes
            .iter()
            .filter_map(|quote| {
                let kind = doc.blocks.get(quote.block)?.kind;
                let checked = self.display.contains(&kind)
                    && self.marks.contains(&quote.mark)
                    && !quote.nested
                    && !quote.is_scare(&doc.prose);
                if !checked {
                    return None;
                }
                let pattern = pattern(&doc.prose, quote.inner.clone());
                let long_enough = pattern_words(&pattern).len() >= self.min_words;
                long_enough.then_some((quote, kind, pattern))
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let body = Body::of(doc);
        let stream: Vec<&str> = body.stream.iter().map(String::as_str).collect();
        let index = WordIndex::of(&stream);
        for (quote, kind, pattern) in candidates {
            if is_excerpt_indexed(&pattern, &stream, &index) {
                continue;
            }
            let quoted = pattern_words(&pattern);
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            let finding = match self.finds {
                Finds::Mismatch => self.mismatch(doc, &body, quote, kind, &quoted),
                _ => self.unsupported(doc, &body, quote, kind, &quoted, &index),
            };
            out.extend(finding);
        }
    }

    fn mismatch(
        &self,
        doc: &Document,
        body: &Body,
        quote: &Quote,
        kind: BlockKind,
        quoted: &[&str],
    ) -> Option<Finding> {
        // Both searches below accept only stretches holding at least half
        // of the quote's content words (equal but for stopwords; or one
        // quote changed a little), so other body quotes are skipped.
        let among = body.sharing_content(quoted);
        // Equal but for what the tolerance allows: supported.
        let tolerance = Tolerance::of(quote);
        let equal = |window: &[&str]| is_tolerated_equal(&Diff::between(quoted, window), tolerance);
        if body
            .nearest(quoted, among.iter().copied(), Anchoring::Anywhere, &equal)
            .is_some()
        {
            return None;
        }
        // A body quote of a word or two is a term, not the source of a
        // longer display quote; and only a close variant is a misquote.
        let accept = |window: &[&str]| {
            window.len() >= self.min_words
                && is_one_quote_changed(quoted, window, &Diff::between(quoted, window), tolerance)
        };
        let (index, near) = body.nearest(quoted, among, Anchoring::Either, &accept)?;
        if near.score < self.threshold {
            return None;
        }
        let (body_quote, body_words) = &body.quotes[index];
        let window: Vec<&str> = body_words[near.window.clone()]
            .iter()
            .map(|w| w.norm.as_str())
            .collect();
        let diff = Diff::between(quoted, &window);
        let (label_span, body_text) = stretch(doc, body_quote, body_words, &near.window);
        Some(
            Finding::at(quote.span.clone())
                .field("quote", inner_text(doc, quote))
                .field("body", body_text.clone())
                .field("element", element_name(kind))
                .label(label_span, format!("the body quotes it as “{body_text}”"))
                .note(diff.describe("body"))
                .note(format!(
                    "similarity {:.2} (threshold {:.2})",
                    near.score, self.threshold
                )),
        )
    }

    fn unsupported(
        &self,
        doc: &Document,
        body: &Body,
        quote: &Quote,
        kind: BlockKind,
        quoted: &[&str],
        stream: &WordIndex,
    ) -> Option<Finding> {
        let near = body
            .nearest(quoted, 0..body.quotes.len(), Anchoring::Anywhere, &|_| true)
            .map_or(0.0, |(_, n)| n.score);
        if near >= self.threshold {
            return None;
        }
        // A headline that reports the body's own (unquoted) words is
        // condensed reporting, not a made-up quote: stay quiet.
        let content = content_words(quoted);
        let in_body = content.iter().filter(|w| stream.contains(w)).count();
        if content.is_empty() || 2 * in_body >= content.len() {
            return None;
        }
        Some(
            Finding::at(quote.span.clone())
                .field("quote", inner_text(doc, quote))
                .field("element", element_name(kind))
                .note(format!(
                    "no body quotation comes near it (best similarity {near:.2}, threshold {:.2})",
                    self.threshold
                )),
        )
    }

    fn variants(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut by_speaker: Vec<(String, Vec<QuoteWords>)> = Vec::new();
        let mut by_group: HashMap<String, Vec<usize>> = HashMap::default();
        for quote in &doc.quotes {
            let (Some(speaker), Some(BlockKind::Paragraph)) = (
                quote.speaker.as_ref(),
                doc.blocks.get(quote.block).map(|b| b.kind),
            ) else {
                continue;
            };
            if quote.nested || quote.is_scare(&doc.prose) {
                continue;
            }
            let quote_words = words(&doc.prose, quote.inner.clone());
            if quote_words.len() < VARIANT_MIN_WORDS {
                continue;
            }
            let key = speaker.name.to_lowercase();
            // Speakers that can be `same_speaker` share their first two
            // words, so only those are tried (in order, as a search of the
            // whole list would): a long text has thousands of speakers.
            let group = speaker_group(&key);
            let found = by_group.get(&group).and_then(|ids| {
                ids.iter()
                    .copied()
                    .find(|&i| same_speaker(&by_speaker[i].0, &key))
            });
            match found {
                Some(i) if by_speaker[i].1.len() < MAX_QUOTES_PER_SPEAKER => {
                    by_speaker[i].1.push((quote, quote_words))
                }
                Some(_) => {}
                None => {
                    by_group.entry(group).or_default().push(by_speaker.len());
                    by_speaker.push((key, vec![(quote, quote_words)]));
                }
            }
        }
        for (_, quotes) in &by_speaker {
            let prepared: Vec<Prepared> = quotes
                .iter()
                .map(|(quote, words)| Prepared::of(quote, words))
                .collect();
            for (later_index, later) in prepared.iter().enumerate() {
                let earlier = prepared[..later_index]
                    .iter()
                    .find_map(|earlier| self.variant_of(doc, later, earlier));
                out.extend(earlier);
            }
        }
    }

    /// A finding on `later` when it rewords `earlier`.
    fn variant_of(&self, doc: &Document, later: &Prepared, earlier: &Prepared) -> Option<Finding> {
        let (a, b) = (&later.norms, &earlier.norms);
        // Cheapest test first: every pair of one speaker's quotes is tried.
        let shared = later
            .content
            .iter()
            .filter(|w| earlier.content_set.contains(*w))
            .count();
        if shared < 2 {
            return None;
        }
        // One repeating a part of the other is faithful.
        let (short, long) = if a.len() <= b.len() {
            (&later.quote.inner, b)
        } else {
            (&earlier.quote.inner, a)
        };
        if is_excerpt(&pattern(&doc.prose, short.clone()), long) {
            return None;
        }
        let (later_words, earlier_words) = (later.words, earlier.words);
        let (later, earlier) = (later.quote, earlier.quote);
        // Set the shorter against the stretches of the longer.
        let (short_words, long_words, short_is_later) = if a.len() <= b.len() {
            (&a, earlier_words, true)
        } else {
            (&b, later_words, false)
        };
        let accept = |window: &[&str]| {
            let diff = Diff::between(short_words, window);
            is_one_quote_changed(short_words, window, &diff, Tolerance::Verbatim)
        };
        // Whole clauses of the longer quote only: a few words shared with
        // the middle of a long quote are another statement (bbc-business-087,
        // "make an accounting decision?" and "… to make an accounting entry
        // into Worldcom books?").
        let near = nearest(short_words, long_words, Anchoring::Clauses, accept)?;
        if near.score < self.threshold {
            return None;
        }
        let window: Vec<&str> = long_words[near.window.clone()]
            .iter()
            .map(|w| w.norm.as_str())
            .collect();
        let diff = if short_is_later {
            Diff::between(short_words, &window)
        } else {
            Diff::between(&window, short_words)
        };
        let earlier_text = inner_text(doc, earlier);
        let speaker = later.speaker.as_ref().map_or("", |s| s.name.as_str());
        Some(
            Finding::at(later.span.clone())
                .field("quote", inner_text(doc, later))
                .field("body", earlier_text.clone())
                .field("speaker", speaker)
                .label(
                    earlier.span.clone(),
                    format!("quoted earlier as “{earlier_text}”"),
                )
                .note(diff.describe("the earlier quote"))
                .note(format!(
                    "similarity {:.2} (threshold {:.2})",
                    near.score, self.threshold
                )),
        )
    }
}

/// One speaker named two ways: the same name, or one with an affiliation
/// after it ("Ian Hunter" and "Ian Hunter at Goodbody Stockbrokers").
/// The first two words of a speaker's name: equal for any two names
/// `same_speaker` takes for one.
fn speaker_group(name: &str) -> String {
    name.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_speaker(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short_words: Vec<&str> = short.split_whitespace().collect();
    let long_words: Vec<&str> = long.split_whitespace().collect();
    short == long || (short_words.len() >= 2 && long_words.starts_with(&short_words))
}

/// How far a display quote may stray from its source's words unflagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tolerance {
    /// Only case, punctuation, quote style and diacritics may differ.
    Verbatim,
    /// British headlines in single quotes condense: function words
    /// dropped, words added or left out ("Worldcom boss 'left books
    /// alone'"). Only a word swapped for another, or reordered, counts.
    Headlinese,
}

impl Tolerance {
    fn of(quote: &Quote) -> Tolerance {
        if quote.mark == QuoteMark::Single {
            Tolerance::Headlinese
        } else {
            Tolerance::Verbatim
        }
    }
}

/// Two word runs that are one quote changed a little: a word swapped for
/// one of its sort, a word or two added or dropped, or the same words
/// reordered; sharing words that carry meaning, not just "the" and "of".
fn is_one_quote_changed(quoted: &[&str], body: &[&str], diff: &Diff, tolerance: Tolerance) -> bool {
    let counted = |words: &[String]| -> Vec<String> {
        words
            .iter()
            .filter(|w| tolerance == Tolerance::Verbatim || !is_stopword(w))
            .cloned()
            .collect()
    };
    let (mut here, mut there) = (counted(&diff.only_here), counted(&diff.only_there));
    if tolerance == Tolerance::Headlinese {
        // Headlines change a word's form: 'learn' for "learning".
        here.retain(|h| match there.iter().position(|t| same_stem(h, t)) {
            Some(k) => {
                there.remove(k);
                false
            }
            None => true,
        });
    }
    let changed = here.len().max(there.len());
    // A headline condensing in single quotes adds or drops words by
    // design; only a word swapped for another, or reordered, misquotes.
    let headline_swap = !here.is_empty() && !there.is_empty();
    if tolerance == Tolerance::Headlinese && !headline_swap && !diff.reordered {
        return false;
    }
    // 'hits' for 'the' rewords the sentence; it is no word misquoted.
    let odd_swap = matches!((here.as_slice(), there.as_slice()),
        ([a], [b]) if is_stopword(a) != is_stopword(b));
    let content = content_words(quoted);
    let body_content = content_words(body);
    let shared = content.iter().filter(|w| body_content.contains(w)).count();
    (changed > 0 || diff.reordered)
        && !odd_swap
        && changed <= MAX_CHANGED_WORDS
        && 3 * changed <= quoted.len().max(body.len())
        && shared >= 1
        && 2 * shared >= content.len()
}

/// One word a form of the other: "learn" and "learning", "target" and "targets".
fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.starts_with(short)
}

/// No word changed but those the tolerance allows, and no reordering.
fn is_tolerated_equal(diff: &Diff, tolerance: Tolerance) -> bool {
    let allowed = |w: &String| tolerance == Tolerance::Headlinese && is_stopword(w);
    !diff.reordered && diff.only_here.iter().chain(&diff.only_there).all(allowed)
}

/// The label span and text of the body stretch: the whole quotation with
/// its marks when the stretch is all of it.
fn stretch(
    doc: &Document,
    quote: &Quote,
    quote_words: &[Word],
    window: &Range<usize>,
) -> (Range<usize>, String) {
    let whole = window.start == 0 && window.end == quote_words.len();
    let span = if whole {
        quote.span.clone()
    } else {
        quote_words[window.start].span.start..quote_words[window.end - 1].span.end
    };
    let text = if whole {
        inner_text(doc, quote)
    } else {
        doc.slice(&span).to_string()
    };
    (span, text)
}

/// The quoted words, without the comma or colon that belongs to the
/// sentence around them ("…,” he said).
fn inner_text(doc: &Document, quote: &Quote) -> String {
    let text = doc.slice(&quote.inner).trim();
    text.trim_end_matches([',', ';', ':'])
        .trim_end()
        .to_string()
}

fn element_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "headline",
        BlockKind::Standfirst => "standfirst",
        BlockKind::Subhead => "subhead",
        BlockKind::Caption => "caption",
        BlockKind::PullQuote => "pull quote",
        BlockKind::Byline => "byline",
        BlockKind::Paragraph => "paragraph",
    }
}

/// Opening marks that no closing mark or reopened paragraph answers.
fn unbalanced(doc: &Document, out: &mut Vec<Finding>) {
    for quote in doc.quotes.iter().filter(|q| q.is_unbalanced()) {
        let mark = doc
            .slice(&(quote.span.start..quote.inner.start))
            .to_string();
        out.push(
            Finding::at(quote.span.start..quote.inner.start)
                .field("mark", mark)
                .note(
                    "the paragraph ends with the quotation still open, and the next \
                     paragraph does not reopen it",
                ),
        );
    }
}

#[cfg(test)]
mod tests;
