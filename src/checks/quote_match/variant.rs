//! `quote-variant`: one speaker quoted twice in the body in near-identical,
//! different words. Only one speaker's quotes are compared with each
//! other (grouped by name, at most `MAX_QUOTES_PER_SPEAKER` each), so the
//! cost stays linear in the draft.

use super::inner_text;
use super::pattern::{is_excerpt, pattern};
use super::similarity::{content_words, nearest, Diff};
use super::words::{words, Word};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{BlockKind, Document, Quote};
use crate::rule_params;
use crate::source::LoadError;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_saphyr::Spanned;

pub const KIND: Kind = Kind {
    name: "quote_variant",
    fields: &["speaker", "quote", "body"],
    build,
    summary: "one speaker quoted twice in near-identical, different words",
    params: crate::checks::params_schema::<Params>,
};

const DEFAULT_THRESHOLD: f64 = 0.8;

rule_params! {
    struct Params {
        /// In (0, 1]: how alike two quotations of one speaker must be to
        /// count as one statement quoted two ways.
        #[serde(default)]
        #[schemars(with = "Option<f64>", extend("default" = DEFAULT_THRESHOLD))]
        threshold: Option<Spanned<f64>>,
    }
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let threshold = match params.threshold {
        Some(t) if !(t.value > 0.0 && t.value <= 1.0) => {
            return Err(ctx.error_at(&t.referenced, "`threshold` must be in (0, 1]"));
        }
        Some(t) => t.value,
        None => DEFAULT_THRESHOLD,
    };
    Ok(Box::new(Variant { threshold }))
}

struct Variant {
    threshold: f64,
}

impl Check for Variant {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        variants(doc, self.threshold, out);
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![("threshold".into(), format!("{:.2}", self.threshold))]
    }
}

/// At most this many words may differ (on either side) for two quotes to
/// count as one quote misquoted: a synonym swapped, a word or two added
/// or dropped. More is a paraphrase, which is not this rule's business.
const MAX_CHANGED_WORDS: usize = 2;

/// Shorter quotes of one speaker are not compared: a few words may recur
/// in two different statements.
const VARIANT_MIN_WORDS: usize = 5;

/// Quotes of one speaker compared pairwise, at most (keeps the cost bounded).
const MAX_QUOTES_PER_SPEAKER: usize = 64;

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

pub fn variants(doc: &Document, threshold: f64, out: &mut Vec<Finding>) {
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
                .find_map(|earlier| variant_of(doc, threshold, later, earlier));
            out.extend(earlier);
        }
    }
}

/// A finding on `later` when it rewords `earlier`.
fn variant_of(
    doc: &Document,
    threshold: f64,
    later: &Prepared,
    earlier: &Prepared,
) -> Option<Finding> {
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
        is_one_quote_changed(short_words, window, &diff)
    };
    // Whole clauses of the longer quote only: a few words shared with
    // the middle of a long quote are another statement (bbc-business-087,
    // "make an accounting decision?" and "… to make an accounting entry
    // into Worldcom books?").
    let near = nearest(short_words, long_words, accept)?;
    if near.score < threshold {
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
                near.score, threshold
            )),
    )
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

/// Two word runs that are one quote changed a little: a word swapped, a
/// word or two added or dropped, or the same words reordered; sharing
/// words that carry meaning, not just "the" and "of".
fn is_one_quote_changed(quoted: &[&str], body: &[&str], diff: &Diff) -> bool {
    let changed = diff.only_here.len().max(diff.only_there.len());
    // 'hits' for 'the' rewords the sentence; it is no word misquoted.
    let odd_swap = matches!((diff.only_here.as_slice(), diff.only_there.as_slice()),
        ([a], [b]) if super::words::is_stopword(a) != super::words::is_stopword(b));
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
