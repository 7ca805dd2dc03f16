//! Plain-text block segmentation and the classification of blocks into
//! title, subhead, byline and body paragraphs (shared with Markdown).

use super::front_matter::FrontMatter;
use super::prose::{blank_bom, blank_outside};
use super::{Block, BlockKind, Quote};
use std::ops::Range;

/// Closing marks that may follow sentence punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];

/// Splits plain text into blocks: a blank line always ends a block, and
/// each line is its own block unless it looks hard-wrapped (long, ending
/// mid-sentence), so one-line-per-paragraph drafts and wrapped drafts both work.
pub(super) fn plain_text(text: &str, fm: Option<&FrontMatter>) -> (String, Vec<Block>) {
    let mut prose = blank_bom(text);
    let body_start = match fm {
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
    let mut blocks = fm.map_or_else(Vec::new, FrontMatter::blocks);
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

/// Longest quotation (in words) taken for a pull quote on its own
/// evidence; longer standalone quotations are body paragraphs quoting
/// someone at length, unless they repeat another quotation nearly word
/// for word or carry the speaker's name ("“…” – Jane Doe").
const PULL_QUOTE_MAX_WORDS: usize = 15;
const PULL_QUOTE_LONG_WORDS: usize = 30;
/// Longest name (and role) attached to a pull quote, in words.
const PULL_QUOTE_NAME_WORDS: usize = 8;

/// Marks pull quotes: a short one-line paragraph that is nothing but one
/// quotation, perhaps with its speaker's name after a dash, and repeats
/// (most of) the words of a quotation in another paragraph. A standalone
/// quotation that repeats nothing is testimony in its own right and stays
/// body text, as does one introduced by the block before ("He added:") or
/// continuing a quote it left open.
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
        let Some(shape) = pull_quote_shape(text).filter(|_| !introduced) else {
            continue;
        };
        let long = shape.words > PULL_QUOTE_MAX_WORDS;
        if long && !shape.named && shape.words > PULL_QUOTE_LONG_WORDS {
            continue;
        }
        let strict = long && !shape.named;
        let repeated = quotes.iter().any(|q| {
            q.block != i
                && blocks
                    .get(q.block)
                    .is_some_and(|b| b.kind == BlockKind::Paragraph)
                && repeats_words(
                    shape.quoted,
                    prose.get(q.inner.clone()).unwrap_or(""),
                    strict,
                )
        });
        if repeated {
            blocks[i].kind = BlockKind::PullQuote;
        }
    }
}

/// Most (60%) of the words of `pull`, and at least two, occur in `source`;
/// `strict`: 80%, and 60% of its longer words.
fn repeats_words(pull: &str, source: &str, strict: bool) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let source = words(source);
    let pull = words(pull);
    let found = pull.iter().filter(|w| source.contains(w)).count();
    if !strict {
        return found >= 2 && 5 * found >= 3 * pull.len();
    }
    let long: Vec<&String> = pull.iter().filter(|w| w.chars().count() > 3).collect();
    let long_found = long.iter().filter(|w| source.contains(w)).count();
    5 * found >= 4 * pull.len() && 5 * long_found >= 3 * long.len()
}

/// A paragraph that is one quotation, perhaps with a name after it.
struct PullShape<'a> {
    /// The quotation with its marks.
    quoted: &'a str,
    words: usize,
    /// A speaker's name follows after a dash.
    named: bool,
}

fn pull_quote_shape(text: &str) -> Option<PullShape<'_>> {
    if text.contains('\n') {
        return None;
    }
    let (quoted, tail) = split_attached_name(text);
    if let Some(tail) = tail {
        let name_words = tail.split_whitespace().count();
        let name_like = tail.starts_with(char::is_uppercase)
            && (1..=PULL_QUOTE_NAME_WORDS).contains(&name_words)
            && !ends_sentence(tail);
        if !name_like {
            return None;
        }
    }
    let core = quoted.strip_suffix('.').unwrap_or(quoted);
    let (first, last) = (core.chars().next()?, core.chars().last()?);
    let pair = matches!(
        (first, last),
        ('“', '”') | ('"', '"') | ('«', '»') | ('„', '“') | ('„', '”')
    ) || tail.is_some() && matches!((first, last), ('‘', '’') | ('\'', '\''));
    let doubles = quoted
        .chars()
        .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
        .count();
    let single = matches!(first, '‘' | '\'');
    let ok = pair && (doubles == 2 || single && doubles == 0) && core.chars().count() > 2;
    ok.then(|| PullShape {
        quoted,
        words: quoted.split_whitespace().count(),
        named: tail.is_some(),
    })
}

/// "“…” – Jane Doe, role" as the quotation and the name after the dash.
fn split_attached_name(text: &str) -> (&str, Option<&str>) {
    for dash in [" - ", " – ", " — ", " –", " —"] {
        if let Some(at) = text.rfind(dash) {
            let (quoted, rest) = (text[..at].trim_end(), text[at + dash.len()..].trim());
            let closes = quoted.ends_with(['”', '"', '’', '\'', '»', '“']);
            if closes && !rest.is_empty() {
                return (quoted, Some(rest));
            }
        }
    }
    (text, None)
}

/// More double quotes opened than closed (an odd number of straight ones).
fn leaves_double_quote_open(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') > count('”') || count('"') % 2 == 1 || count('«') > count('»')
}
