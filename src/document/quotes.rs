//! Quotation extraction: curly and straight double quotes, « », „ “, and
//! single quotes told apart from apostrophes (don't, the parties’).
//! A double quote left open at the end of a paragraph is a multi-paragraph
//! quote when the next paragraph reopens; otherwise it is unbalanced.

use super::Block;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// “ ” or straight "
    Double,
    /// ‘ ’ or straight '
    Single,
    /// « »
    Guillemet,
    /// „ “ (German style)
    Low,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to past the closing one (block end if unclosed).
    pub span: Range<usize>,
    /// The quoted words, without marks.
    pub inner: Range<usize>,
    pub block: usize,
    pub mark: QuoteMark,
    /// The opening mark was closed in the same block.
    pub closed: bool,
    /// Unclosed, but the next paragraph reopens: a multi-paragraph quote.
    pub continues: bool,
    /// Inside another quotation.
    pub nested: bool,
    /// Who is quoted, where the text says so.
    pub speaker: Option<Speaker>,
}

/// A speaker named by an attribution clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub span: Range<usize>,
}

impl Quote {
    /// One or two words in quotes: a term or scare quote, not testimony.
    pub fn is_scare(&self, prose: &str) -> bool {
        prose
            .get(self.inner.clone())
            .is_none_or(|s| s.split_whitespace().count() <= 2)
    }
}

/// Real prose nests quotations two or three deep; marks opened past this
/// depth are left unmatched.
const MAX_OPEN: usize = 16;

struct Open {
    mark: QuoteMark,
    at: usize,
    /// The opening char (to match straight with straight).
    ch: char,
}

pub(super) fn extract(prose: &str, blocks: &[Block]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let next_opens = blocks
            .get(index + 1)
            .and_then(|b| prose.get(b.span.clone()))
            .is_some_and(|t| t.trim_start().starts_with(['“', '"', '«', '„', '‘']));
        scan_block(prose, block, index, next_opens, &mut quotes);
    }
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    quotes
}

fn scan_block(prose: &str, block: &Block, index: usize, next_opens: bool, out: &mut Vec<Quote>) {
    let Some(text) = prose.get(block.span.clone()) else {
        return;
    };
    let base = block.span.start;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut stack: Vec<Open> = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|n| n.1);
        let pos = base + at;
        let close_top =
            |stack: &mut Vec<Open>, out: &mut Vec<Quote>, pred: &dyn Fn(&Open) -> bool| {
                if let Some(k) = stack.iter().rposition(pred) {
                    // Anything opened after the one we close was never closed.
                    let open = stack.remove(k);
                    stack.truncate(k);
                    out.push(quote(&open, pos, c.len_utf8(), index, k > 0, true));
                    return true;
                }
                false
            };
        match c {
            '“' if !close_top(&mut stack, out, &|o| o.mark == QuoteMark::Low) => {
                stack.push(Open {
                    mark: QuoteMark::Double,
                    at: pos,
                    ch: c,
                });
            }
            '”' => {
                close_top(&mut stack, out, &|o| {
                    matches!(o.mark, QuoteMark::Double | QuoteMark::Low)
                });
            }
            '"' => {
                let closes = stack.iter().any(|o| o.ch == '"') && !opens_here(prev, next);
                if !closes || !close_top(&mut stack, out, &|o| o.ch == '"') {
                    stack.push(Open {
                        mark: QuoteMark::Double,
                        at: pos,
                        ch: c,
                    });
                }
            }
            '«' => stack.push(Open {
                mark: QuoteMark::Guillemet,
                at: pos,
                ch: c,
            }),
            '»' => {
                close_top(&mut stack, out, &|o| o.mark == QuoteMark::Guillemet);
            }
            '„' => stack.push(Open {
                mark: QuoteMark::Low,
                at: pos,
                ch: c,
            }),
            '‘' | '\'' | '’' => {
                let open_single = stack
                    .iter()
                    .any(|o| o.mark == QuoteMark::Single && (o.ch == '\'') == (c == '\''));
                if open_single && closes_single(prev, next) {
                    close_top(&mut stack, out, &|o| o.mark == QuoteMark::Single);
                } else if c != '’' && opens_single(prev, next, &chars[i + 1..]) {
                    stack.push(Open {
                        mark: QuoteMark::Single,
                        at: pos,
                        ch: c,
                    });
                }
            }
            _ => {}
        }
        // Only the first marks of a pile-up stay open, so a block of stray
        // marks is scanned in linear time.
        stack.truncate(MAX_OPEN);
    }
    // Unclosed double quotes run to the block end; unclosed singles were apostrophes.
    let nested_floor = stack.len();
    for (depth, open) in stack.into_iter().enumerate() {
        if open.mark == QuoteMark::Single {
            continue;
        }
        let mut q = quote(
            &open,
            block.span.end,
            0,
            index,
            depth > 0 && nested_floor > 1,
            false,
        );
        q.continues = next_opens;
        out.push(q);
    }
}

fn quote(
    open: &Open,
    close_at: usize,
    close_len: usize,
    block: usize,
    nested: bool,
    closed: bool,
) -> Quote {
    let inner_start = open.at + open.ch.len_utf8();
    Quote {
        span: open.at..close_at + close_len,
        inner: inner_start..close_at.max(inner_start),
        block,
        mark: open.mark,
        closed,
        continues: false,
        nested,
        speaker: None,
    }
}

/// A straight double quote that opens: after space or an opening bracket,
/// before a word.
fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
    let after_ok = next.is_some_and(|n| !n.is_whitespace() && !matches!(n, ',' | '.' | ';' | ')'));
    before_ok && after_ok
}

fn opens_single(prev: Option<char>, next: Option<char>, rest: &[(usize, char)]) -> bool {
    let before_ok = prev
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '“' | '"' | '—' | '–' | ':'));
    // ‘90s, 'em, 'n' are elisions, not quotations.
    let digits = rest.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    let elision = digits >= 2 || next.is_some_and(|n| n.is_ascii_digit());
    before_ok && next.is_some_and(char::is_alphanumeric) && !elision
}

/// A closing single quote: after a word or punctuation, not inside a word
/// (don't, Be'er).
fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|p| !p.is_whitespace());
    let before_gap = next.is_none_or(|n| !n.is_alphanumeric());
    after_word && before_gap
}
