//! Plain-text block segmentation and the classification of blocks into
//! title, subhead, byline and body paragraphs (shared with Markdown).

use super::prose::{blank_bom, blank_outside};
use super::{front_matter, Block, BlockKind, Quote};
use std::ops::Range;

/// Closing marks that may follow sentence punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];

/// Splits plain text into blocks: a blank line always ends a block, and
/// each line is its own block unless it looks hard-wrapped (long, ending
/// mid-sentence), so one-line-per-paragraph drafts and wrapped drafts both work.
pub(super) fn plain_text(text: &str) -> (String, Vec<Block>) {
    let mut prose = blank_bom(text);
    let body_start = match front_matter::parse(text) {
        Some(fm) => {
            blank_outside(&mut prose, 0..fm.end, &fm.values());
            fm.end
        }
        None => 0,
    };
    super::prose::blank_comments(&mut prose);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in line_spans(&prose, body_start) {
        let content = trimmed(&prose, line.clone());
        if content.is_empty() {
            spans.extend(current.take());
            continue;
        }
        current = match current {
            Some(open) if is_wrapped(&prose[open.clone()]) => Some(open.start..content.end),
            Some(open) => {
                spans.push(open);
                Some(content)
            }
            None => Some(content),
        };
    }
    spans.extend(current);
    let mut blocks = front_matter::parse(text).map_or_else(Vec::new, |fm| fm.blocks());
    let has_title = blocks.iter().any(|b| b.kind == BlockKind::Title);
    for (i, span) in spans.into_iter().enumerate() {
        let kind = classify(&prose[span.clone()], i == 0 && !has_title);
        blocks.push(Block { kind, span });
    }
    (prose, blocks)
}

/// Line spans (without the newline) from `from` on.
fn line_spans(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let span = pos..end;
        pos = end + 1;
        Some(span)
    })
}

/// The span without surrounding whitespace (including `\r`).
pub(super) fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    start..end.max(start)
}

/// A line that runs on into the next: long and not ending a sentence.
fn is_wrapped(block: &str) -> bool {
    let last_line = block.rsplit('\n').next().unwrap_or(block).trim_end();
    last_line.chars().count() >= 40 && !ends_sentence(last_line) && !last_line.ends_with(':')
}

/// Ends with sentence punctuation, possibly followed by closing marks.
pub(super) fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end().trim_end_matches(CLOSERS);
    core.ends_with(['.', '!', '?', '…', ';'])
}

/// Decides what a block is from its text alone.
pub(super) fn classify(block: &str, first: bool) -> BlockKind {
    let text = block.trim();
    if is_byline(text) {
        return BlockKind::Byline;
    }
    if is_caption(text) {
        return BlockKind::Caption;
    }
    let one_line = !text.contains('\n');
    if first && one_line && text.chars().count() <= 160 && !text.ends_with('.') {
        return BlockKind::Title;
    }
    if one_line && is_subhead_text(text) {
        return BlockKind::Subhead;
    }
    BlockKind::Paragraph
}

/// A crosshead: short, few words, no sentence or clause punctuation at the end,
/// not a list item.
pub(super) fn is_subhead_text(text: &str) -> bool {
    let core = text.trim_end_matches(CLOSERS).trim_end();
    // Length first: counting words of every long paragraph was a hot spot.
    !text.is_empty()
        && text.chars().count() <= 80
        && (1..=12).contains(&text.split_whitespace().count())
        && !core.ends_with(['.', ',', ';', ':', '!', '?', '…'])
        && !text.starts_with(['-', '*', '•', '–', '—'])
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn is_byline(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "source:",
        "sources:",
        "reporting by",
        "written by",
        "additional reporting",
        "editing by",
        "compiled by",
    ];
    let short = text.chars().count() <= 120;
    // "By Jane Doe" but not "By contrast, …": short, capitalised, no full stop.
    let by_name = text.strip_prefix("By ").is_some_and(|rest| {
        rest.starts_with(char::is_uppercase)
            && rest.chars().count() <= 60
            && !ends_sentence(rest)
            && !rest.contains(',')
    });
    short && (by_name || PREFIXES.iter().any(|p| starts_with_ignore_case(text, p)))
}

fn is_caption(text: &str) -> bool {
    const PREFIXES: &[&str] = &["caption:", "photo:", "image:", "pictured:", "picture:"];
    PREFIXES.iter().any(|p| starts_with_ignore_case(text, p))
}

/// `text.to_lowercase().starts_with(prefix)` for an ASCII lower-case
/// prefix, without lower-casing (and allocating) the whole block.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Longest quotation (in words) taken for a pull quote; longer standalone
/// quotations are body paragraphs quoting someone at length.
const PULL_QUOTE_MAX_WORDS: usize = 15;

/// Marks pull quotes: a short one-line paragraph that is nothing but one
/// double-quoted quotation and repeats (most of) the words of a quotation
/// in another paragraph. A standalone quotation that repeats nothing is
/// testimony in its own right and stays body text, as does one introduced
/// by the block before ("He added:") or continuing a quote it left open.
pub(super) fn mark_pull_quotes(prose: &str, blocks: &mut [Block], quotes: &[Quote]) {
    for i in 0..blocks.len() {
        if blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        let text = prose.get(blocks[i].span.clone()).unwrap_or("").trim();
        let introduced = i
            .checked_sub(1)
            .and_then(|p| prose.get(blocks[p].span.clone()))
            .is_some_and(|before| {
                let before = before.trim_end();
                before.ends_with(':') || leaves_double_quote_open(before)
            });
        if introduced || !is_one_short_quotation(text) {
            continue;
        }
        let repeated = quotes.iter().any(|q| {
            q.block != i
                && blocks
                    .get(q.block)
                    .is_some_and(|b| b.kind == BlockKind::Paragraph)
                && repeats_words(text, prose.get(q.inner.clone()).unwrap_or(""))
        });
        if repeated {
            blocks[i].kind = BlockKind::PullQuote;
        }
    }
}

/// Most (60%) of the words of `pull`, and at least two, occur in `source`.
fn repeats_words(pull: &str, source: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let source = words(source);
    let pull = words(pull);
    let found = pull.iter().filter(|w| source.contains(w)).count();
    found >= 2 && 5 * found >= 3 * pull.len()
}

fn is_one_short_quotation(text: &str) -> bool {
    let core = text.strip_suffix('.').unwrap_or(text);
    let (Some(first), Some(last)) = (core.chars().next(), core.chars().last()) else {
        return false;
    };
    let pair = matches!(
        (first, last),
        ('“', '”') | ('"', '"') | ('«', '»') | ('„', '“') | ('„', '”')
    );
    let marks = text
        .chars()
        .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
        .count();
    pair && marks == 2
        && core.chars().count() > 2
        && !text.contains('\n')
        && text.split_whitespace().count() <= PULL_QUOTE_MAX_WORDS
}

/// More double quotes opened than closed (an odd number of straight ones).
fn leaves_double_quote_open(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') > count('”') || count('"') % 2 == 1 || count('«') > count('»')
}
