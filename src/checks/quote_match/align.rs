//! A display quote aligned word by word with the stretch of one body
//! quotation that holds most of its words, and the differences that
//! alignment leaves: words swapped, added, or dropped without an
//! ellipsis. Which differences count depends on the tolerance: a double
//! quote must be verbatim; a British headline in single quotes may drop
//! function words and change a word's form, never a word that bears
//! meaning (see `meaning`).

use super::body::Body;
use super::meaning::{direction, sense, Sense};
use super::words::is_stopword;

/// Positions of a display word looked up in one quotation, at most.
const MAX_HITS: usize = 64;

/// How far a display quote may stray from its source's words unflagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// Only case, punctuation, quote style, apostrophes and diacritics.
    Verbatim,
    /// British headlines in single quotes condense: function words
    /// dropped, a word's form changed ('learn' for "learning"), words of
    /// their own put before the quoted ones ('to target stamp duty').
    Headlinese,
}

/// One place where the display quote and the body differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The display quote's words there.
    pub here: Vec<String>,
    /// The body's words there.
    pub there: Vec<String>,
}

impl Change {
    /// The senses the change touches: "negation" for "can" and "cannot".
    pub fn senses(&self) -> Vec<Sense> {
        let mut senses: Vec<Sense> = Vec::new();
        let here: Vec<Option<Sense>> = self.here.iter().map(|w| sense(w)).collect();
        let there: Vec<Option<Sense>> = self.there.iter().map(|w| sense(w)).collect();
        for s in here.iter().chain(&there).flatten() {
            if !senses.contains(s) {
                senses.push(*s);
            }
        }
        senses
    }

    /// A degree word for one of the same direction ('more' for "most"),
    /// nothing else: a condensed headline phrase may do that.
    pub fn keeps_direction(&self) -> bool {
        let here: Vec<&String> = self.here.iter().filter(|w| counts(w)).collect();
        let Some(d) = here.first().and_then(|w| direction(w)) else {
            return false;
        };
        here.iter().all(|w| direction(w) == Some(d))
            && self.there.iter().any(|w| direction(w) == Some(d))
    }
}

/// A display quote aligned with one body quotation.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub quote: usize,
    /// (display word index, body word position) pairs, ascending in both.
    pub pairs: Vec<(usize, usize)>,
    /// Aligned words that carry meaning (not function words).
    pub content: usize,
    /// (display word index, body word position) of words both sides have,
    /// but in another order.
    pub moved: Vec<(usize, usize)>,
    pub changes: Vec<Change>,
}

impl Alignment {
    /// The body words from the first aligned to the last.
    pub fn body_range(&self) -> std::ops::Range<usize> {
        match (self.pairs.first(), self.pairs.last()) {
            (Some(a), Some(b)) => a.1..b.1 + 1,
            _ => 0..0,
        }
    }

    /// The longest run aligned word for word.
    pub fn longest_run(&self) -> usize {
        longest_run(&self.pairs)
    }
}

fn longest_run(pairs: &[(usize, usize)]) -> usize {
    let mut best = 0;
    let mut run = 0;
    for (k, pair) in pairs.iter().enumerate() {
        let follows = k > 0 && pair.0 == pairs[k - 1].0 + 1 && pair.1 == pairs[k - 1].1 + 1;
        run = if follows { run + 1 } else { 1 };
        best = best.max(run);
    }
    best
}

/// Two words the tolerance takes for one.
fn same_word(a: &str, b: &str, tolerance: Tolerance) -> bool {
    a == b || tolerance == Tolerance::Headlinese && same_stem(a, b)
}

/// One word a form of the other: "learn" and "learning", "target" and "targets".
pub fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.starts_with(short) && sense(a) == sense(b)
}

/// Aligns `display` (with `gap_before`, see `pattern::gap_before`) with
/// the stretch of body quotation `q` that holds most of its words.
pub fn align(
    body: &Body,
    q: usize,
    display: &[String],
    gap_before: &[bool],
    tolerance: Tolerance,
) -> Option<Alignment> {
    let range = body.quotes[q].1.clone();
    let n = display.len();
    // The densest cluster of the display's words in the quotation.
    let mut hits: Vec<usize> = Vec::new();
    for word in display.iter().filter(|w| !is_stopword(w)) {
        hits.extend(body.in_quote(q, word, MAX_HITS));
    }
    if hits.is_empty() {
        for word in display {
            hits.extend(body.in_quote(q, word, MAX_HITS));
        }
    }
    if hits.is_empty() {
        return None;
    }
    hits.sort_unstable();
    hits.dedup();
    let width = 2 * n + 4;
    let (mut best_lo, mut best_count) = (hits[0], 0);
    let mut lo = 0;
    for hi in 0..hits.len() {
        while hits[hi] - hits[lo] > width {
            lo += 1;
        }
        if hi - lo + 1 > best_count {
            best_count = hi - lo + 1;
            best_lo = hits[lo];
        }
    }
    let start = best_lo.saturating_sub(n + 2).max(range.start);
    let end = (best_lo + width + n + 2).min(range.end);
    let window: Vec<&str> = (start..end).map(|p| body.norm(p)).collect();
    let pairs = lcs_pairs(display, &window, tolerance)
        .into_iter()
        .map(|(i, j)| (i, j + start))
        .collect::<Vec<_>>();
    let pairs = prune_strays(display, &pairs);
    if pairs.is_empty() {
        return None;
    }
    let content = pairs
        .iter()
        .filter(|(i, _)| !is_stopword(&display[*i]))
        .count();
    let moved = moved_words(body, start..end, display, &pairs, tolerance);
    let mut changes = changes(body, q, display, gap_before, &pairs, tolerance);
    // A moved word is no word added or dropped: "word order differs".
    for change in &mut changes {
        for &(i, p) in &moved {
            if let Some(k) = change.here.iter().position(|w| *w == display[i]) {
                change.here.remove(k);
            }
            if let Some(k) = change.there.iter().position(|w| w == body.norm(p)) {
                change.there.remove(k);
            }
        }
    }
    changes.retain(|c| {
        c.here
            .iter()
            .chain(&c.there)
            .any(|w| tolerance == Tolerance::Verbatim || counts(w))
    });
    Some(Alignment {
        quote: q,
        pairs,
        content,
        moved,
        changes,
    })
}

/// Display words left unaligned that the body stretch has, unaligned,
/// elsewhere: the same words in another order.
fn moved_words(
    body: &Body,
    window: std::ops::Range<usize>,
    display: &[String],
    pairs: &[(usize, usize)],
    tolerance: Tolerance,
) -> Vec<(usize, usize)> {
    let mut taken: Vec<usize> = pairs.iter().map(|&(_, p)| p).collect();
    // A headline condenses "leaked the Budget" as 'Budget leak': only a
    // word moved across the aligned ones reorders the quote.
    let window = match (tolerance, pairs.first(), pairs.last()) {
        (Tolerance::Headlinese, Some(a), Some(b)) => a.1..b.1 + 1,
        _ => window,
    };
    let mut moved = Vec::new();
    for (i, word) in display.iter().enumerate() {
        // A headline's function words are its own ('to target').
        let own = tolerance == Tolerance::Headlinese && is_stopword(word);
        if own || pairs.iter().any(|&(a, _)| a == i) {
            continue;
        }
        let found = window
            .clone()
            .find(|&p| !taken.contains(&p) && same_word(word, body.norm(p), tolerance));
        if let Some(p) = found {
            taken.push(p);
            moved.push((i, p));
        }
    }
    moved
}

/// Longest common subsequence pairs of the two word runs.
fn lcs_pairs(a: &[String], b: &[&str], tolerance: Tolerance) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if same_word(&a[i], b[j], tolerance) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same_word(&a[i], b[j], tolerance) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Drops aligned function words that stand alone (a "to" or "the" met
/// by chance far from the rest): a pair counts when it is a content word
/// or its neighbour in the display is aligned to its neighbour in the body.
fn prune_strays(display: &[String], pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let adjacent = |a: (usize, usize), b: (usize, usize)| b.0 == a.0 + 1 && b.1 == a.1 + 1;
    pairs
        .iter()
        .enumerate()
        .filter(|&(k, &pair)| {
            let before = k.checked_sub(1).is_some_and(|p| adjacent(pairs[p], pair));
            let after = pairs.get(k + 1).is_some_and(|&next| adjacent(pair, next));
            before || after || !is_stopword(&display[pair.0])
        })
        .map(|(_, &p)| p)
        .collect()
}

/// The differences around and between the aligned pairs that count under
/// the tolerance.
fn changes(
    body: &Body,
    q: usize,
    display: &[String],
    gap_before: &[bool],
    pairs: &[(usize, usize)],
    tolerance: Tolerance,
) -> Vec<Change> {
    let range = body.quotes[q].1.clone();
    let counted = |w: &String| tolerance == Tolerance::Verbatim || counts(w);
    let words = |from: usize, to: usize| -> Vec<String> {
        (from..to).map(|p| body.norm(p).to_string()).collect()
    };
    let mut out = Vec::new();
    // Between aligned pairs: a swap, an addition, or a drop (allowed only
    // where the display marks a cut).
    for k in 1..pairs.len() {
        let ((i, j), (i2, j2)) = (pairs[k - 1], pairs[k]);
        let here: Vec<String> = display[i + 1..i2].to_vec();
        let cut = gap_before[i + 1..=i2].iter().any(|&g| g);
        let there = if cut { Vec::new() } else { words(j + 1, j2) };
        if here.iter().any(counted) || there.iter().any(counted) {
            out.push(Change { here, there });
        }
    }
    let (first, last) = (pairs[0], pairs[pairs.len() - 1]);
    // Before the first aligned word: the body's words back to the clause
    // start, as many as the display has there and two more.
    let lead_here: Vec<String> = display[..first.0].to_vec();
    let mut from = first.1;
    while from > range.start
        && !body.words[from].clause_start
        && first.1 - from < lead_here.len() + 2
    {
        from -= 1;
    }
    let lead_there = if gap_before.first().copied().unwrap_or(false) {
        Vec::new()
    } else {
        words(from, first.1)
    };
    // A word swapped before the aligned words only when those hold two
    // content words: 'to grow' before "in 2005" is the headline's frame.
    let core_content = pairs
        .iter()
        .filter(|(i, _)| !is_stopword(&display[*i]))
        .count();
    // Nor before a name: the word before one is its frame ('blocks'
    // before "Google News").
    let swapped = core_content >= 2
        && !body.is_name(first.1)
        && neighbours_differ(body, lead_here.last(), from..first.1, true);
    if edge_counts(&lead_here, tolerance, swapped) {
        out.insert(
            0,
            Change {
                here: lead_here,
                there: lead_there,
            },
        );
    }
    // After the last aligned word, to the clause end likewise.
    let tail_here: Vec<String> = display[last.0 + 1..].to_vec();
    let mut to = last.1 + 1;
    while to < range.end && !body.words[to - 1].clause_end && to - last.1 <= tail_here.len() + 2 {
        to += 1;
    }
    let tail_there = words(last.1 + 1, to);
    // After a run of the body's words, the body going on with other
    // words than the display is an ending swapped ("… the price for Mr
    // Blair's pledges" over "… the price of bureaucratic Britain").
    let long_run = longest_run(pairs) >= 3
        && tail_here.iter().any(|w| !is_stopword(w))
        && tail_there.iter().any(|w| !is_stopword(w));
    let swapped = long_run || neighbours_differ(body, tail_here.first(), last.1 + 1..to, false);
    if edge_counts(&tail_here, tolerance, swapped) {
        out.push(Change {
            here: tail_here,
            there: tail_there,
        });
    }
    out
}

/// A word a headline may not drop or swap: a content word, or one that
/// bears meaning.
fn counts(word: &str) -> bool {
    !is_stopword(word) || sense(word).is_some()
}

/// The display and the body go on from the aligned words with a
/// different content word each: "total" and "fundamental" before "lack
/// of trust". A headline's own framing meets a function word ('to target'
/// before "the stamp duty") or a name ('hides' before "Tony Blair").
fn neighbours_differ(
    body: &Body,
    here: Option<&String>,
    there: std::ops::Range<usize>,
    before: bool,
) -> bool {
    let at = if before {
        there.end.checked_sub(1).filter(|&p| p >= there.start)
    } else {
        Some(there.start).filter(|&p| p < there.end)
    };
    let Some(at) = at else {
        return false;
    };
    here.is_some_and(|w| !is_stopword(w)) && !is_stopword(body.norm(at)) && !body.is_name(at)
}

/// Words the display adds at its start or end count when verbatim; a
/// headline's own framing words count only when they bear meaning, or
/// when they swap the body's neighbouring word.
fn edge_counts(here: &[String], tolerance: Tolerance, swapped: bool) -> bool {
    if here.is_empty() {
        return false;
    }
    match tolerance {
        Tolerance::Verbatim => true,
        Tolerance::Headlinese => swapped || here.iter().any(|w| sense(w).is_some()),
    }
}
