//! One quotation given to two speakers: a later quotation repeats a run
//! of an earlier one's words — a whole sentence, a fragment quoted in
//! reported speech ("Menzies Campbell said it was "certainly the most
//! damaging testimony …"") or a short phrase lifted whole from it ("who
//! called it "truly overwhelming"") — and the text names someone else as
//! its speaker. Runs are hashed as word windows, so each quotation is
//! compared with all earlier ones in time linear in its words.

use super::conflict::{same_speaker, Conflicts};
use super::{distinct_speakers, words};
use crate::diagnostic::Finding;
use crate::document::{Document, Quote};
use rustc_hash::{FxHashMap as HashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// Shortest quotation looked up whole inside earlier ones: two words, and
/// only when both speakers are named people.
const SHORTEST_FRAGMENT: usize = 2;

impl Conflicts {
    pub(super) fn quote_conflicts(&self, doc: &Document, out: &mut Vec<Finding>) {
        let (whole, shared) = self.quote_lengths();
        let window = shared.max(SHORTEST_FRAGMENT + 1);
        // Every run of `window` words, and every shorter run, of the
        // quotations seen so far, with the first quotation holding it.
        let mut seen: HashMap<u64, &Quote> = HashMap::default();
        for q in doc
            .quotes
            .iter()
            .filter(|q| (q.closed || q.continues) && !q.nested)
        {
            let w = words(doc.slice(&q.inner));
            if let Some(speaker) = &q.speaker {
                let shared = if w.len() < window {
                    // A short quotation: found whole in an earlier one.
                    (content_words(&w) >= SHORTEST_FRAGMENT)
                        .then_some(())
                        .filter(|_| w.len() >= whole || named(q))
                        .and_then(|_| seen.get(&run_key(&w)))
                        .filter(|first| w.len() >= whole || named(first))
                } else {
                    w.windows(window).find_map(|run| seen.get(&run_key(run)))
                };
                if let Some(first) = shared {
                    if let Some(earlier) = &first.speaker {
                        if !same_speaker(&earlier.name, &speaker.name)
                            && distinct_speakers(earlier, speaker)
                        {
                            out.push(
                                Finding::at(speaker.span.clone())
                                    .field(
                                        "conflict",
                                        format!(
                                            "these words are attributed to {} here but to {} earlier",
                                            speaker.name, earlier.name
                                        ),
                                    )
                                    .label(
                                        first.span.clone(),
                                        format!("quoted as {}'s here", earlier.name),
                                    )
                                    .label(q.span.clone(), "the same words"),
                            );
                        }
                    }
                }
            }
            // The first quotation holding a run, or the first whose speaker
            // is named when the first was given to a description.
            let replaces = |held: &&Quote| !named(held) && named(q);
            for size in SHORTEST_FRAGMENT..=window {
                for run in w.windows(size) {
                    seen.entry(run_key(run))
                        .and_modify(|held| {
                            if replaces(held) {
                                *held = q;
                            }
                        })
                        .or_insert(q);
                }
            }
        }
    }
}

/// A run of words as one hash: the runs of every quotation are kept, so
/// they are kept as numbers, not as copies of the words.
fn run_key(run: &[String]) -> u64 {
    let mut h = FxHasher::default();
    run.len().hash(&mut h);
    for w in run {
        w.hash(&mut h);
    }
    h.finish()
}

/// Words that carry meaning: "a disgrace" is a stock phrase anyone may
/// use, "truly overwhelming" a phrase lifted from someone.
fn content_words(words: &[String]) -> usize {
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "was", "be", "it", "for",
        "at", "as", "by", "not", "no", "very", "so", "all", "this", "that",
    ];
    words
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .count()
}

/// The quotation's speaker is a named person or organisation.
fn named(q: &Quote) -> bool {
    q.speaker.as_ref().is_some_and(|s| s.entity.is_some())
}
