//! What a display quote is to the body: a faithful excerpt of one body
//! quotation; that quotation changed (aligned with it, words differ); an
//! excerpt cut just after a word that scoped over it ("maybe", "not"); or
//! no body quotation's words at all.

use super::align::{align, Alignment, Tolerance};
use super::body::Body;
use super::display::DisplayQuote;
use super::meaning::scopes_over_what_follows;
use super::pattern::{opens_with_gap, WordIndex};
use super::words::is_stopword;
use std::ops::Range;

/// Display quotes of this many words or fewer are terms or scare quotes
/// when the body uses the words, quoted or not.
const SHORT: usize = 3;

pub enum Verdict {
    Faithful,
    /// Aligned with a body quotation whose words it changes.
    Changed(Alignment),
    /// An excerpt of body quotation `quote` (at `range`), cut just after
    /// `word`, which scoped over it.
    Unscoped {
        quote: usize,
        range: Range<usize>,
        word: String,
    },
    /// No body quotation holds it; the body paragraphs may, in the
    /// writer's words (`prose`).
    Unsupported {
        prose: Option<Range<usize>>,
    },
    /// Nothing to say: a term, or a headline's condensed claim.
    Quiet,
}

/// `share`: how much of the display's content words a body quotation
/// must hold to be taken for its source.
pub fn judge(dq: &DisplayQuote, body: &Body, prose: &WordIndex, share: f64) -> Verdict {
    if dq.words.is_empty() {
        return Verdict::Quiet;
    }
    let candidates = body.candidates(&dq.words, dq.quote.span.start);
    let mut unscoped = None;
    for &q in &candidates {
        for range in body.excerpts_in(q, &dq.pattern) {
            match scope_word(body, q, &range, dq) {
                None => return Verdict::Faithful,
                Some(word) => {
                    unscoped.get_or_insert(Verdict::Unscoped {
                        quote: q,
                        range,
                        word,
                    });
                }
            }
        }
    }
    if let Some(verdict) = unscoped {
        return verdict;
    }
    let best = candidates
        .iter()
        .filter_map(|&q| align(body, q, &dq.words, &dq.gaps, dq.tolerance))
        .filter(|a| supports(body, a, dq, share))
        .max_by_key(|a| (2 * a.content + a.pairs.len(), std::cmp::Reverse(a.quote)));
    if let Some(mut alignment) = best {
        // A short headline phrase that condenses a claim ('more likely')
        // may move a degree word along its direction, not reverse it.
        if dq.words.len() <= SHORT && dq.tolerance == Tolerance::Headlinese && !dq.testimony {
            alignment.changes.retain(|c| !c.keeps_direction());
        }
        return if alignment.changes.is_empty() && alignment.moved.is_empty() {
            Verdict::Faithful
        } else {
            Verdict::Changed(alignment)
        };
    }
    let in_prose = body.in_prose(&dq.pattern, prose);
    if dq.words.len() <= SHORT && in_prose.is_some() || !dq.testimony {
        return Verdict::Quiet;
    }
    Verdict::Unsupported { prose: in_prose }
}

/// The body word just before an excerpt, in the same clause, when it
/// scopes over the excerpt and the display does not mark a cut there.
fn scope_word(body: &Body, q: usize, range: &Range<usize>, dq: &DisplayQuote) -> Option<String> {
    let quote_start = body.quotes[q].1.start;
    if opens_with_gap(&dq.pattern) || range.start == quote_start {
        return None;
    }
    if body.words[range.start].clause_start {
        return None;
    }
    let before = body.norm(range.start - 1);
    scopes_over_what_follows(before).then(|| before.to_string())
}

/// Is the alignment close enough for the body quotation to be the
/// display quote's source (and so its differences misquotes)?
fn supports(body: &Body, a: &Alignment, dq: &DisplayQuote, share: f64) -> bool {
    let n = dq.words.len();
    let aligned = a.pairs.len() + a.moved.len();
    // A quoted word or two in the body is a term, not the source of a
    // longer display quote ('FBI virus' over the body's "FBI").
    let source = body.quotes[a.quote].1.len();
    if a.content == 0 || source < n.min(SHORT) {
        return false;
    }
    if n <= SHORT {
        // Sharing a name is no evidence a short phrase was taken from a
        // quotation ('hides Blair' and "Tony Blair seems …").
        let shares_a_word = a
            .pairs
            .iter()
            .any(|&(i, p)| !is_stopword(&dq.words[i]) && !body.is_name(p));
        return aligned + 1 >= n && shares_a_word;
    }
    // The body stretch may hold words the display leaves out, but not
    // more than the display has: then it is another statement that
    // shares a few words ("blocks Google news site").
    let range = a.body_range();
    if range.len().saturating_sub(a.pairs.len()) > n {
        return false;
    }
    let content = dq.words.iter().filter(|w| !is_stopword(w)).count();
    let headline_ok = dq.tolerance == Tolerance::Verbatim || 2 * aligned >= n;
    a.content as f64 >= share * content as f64
        && 3 * aligned >= n
        && headline_ok
        && a.longest_run() >= 2
}
