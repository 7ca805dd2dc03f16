//! Quotation extraction: curly and straight double quotes, « », „ “, and
//! single quotes told apart from apostrophes (don't, the parties’).
//! A double quote left open at the end of a paragraph is a multi-paragraph
//! quote when the next paragraph reopens; otherwise it is unbalanced. Text
//! whose paragraphs were run together keeps the reopening mark mid-block
//! (`… address book. “The mobile …`): that too continues the quote.

use super::Block;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// The quote marks a quotation uses.
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
/// One quotation: its marks, its words and where it sits.
pub struct Quote {
    /// From the opening mark to past the closing one (block end if unclosed).
    pub span: Range<usize>,
    /// The quoted words, without marks.
    pub inner: Range<usize>,
    /// Index of the block it is in.
    pub block: usize,
    /// The marks it uses.
    pub mark: QuoteMark,
    /// The opening mark was closed in the same block.
    pub closed: bool,
    /// Unclosed, but the quotation goes on in a reopened passage: the next
    /// paragraph opens with a quote mark, or a new sentence in the same
    /// block does (paragraphs run together).
    pub continues: bool,
    /// Inside another quotation.
    pub nested: bool,
    /// Who is quoted, where the text says so.
    pub speaker: Option<Speaker>,
    /// A second clause closing a quotation already attributed where it
    /// opens (`X said: "…," Y said`, or the last passage of a reopened
    /// quotation: `"A. "B," Y said`): two attributions on one quotation.
    pub closing: Option<Closing>,
}

/// A second attribution closing a quotation (see `Quote::closing`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// Who the closing clause names.
    pub speaker: Speaker,
    /// The quotation was opened in an earlier passage (`"A. "B," Y said`),
    /// not introduced by a clause and a colon.
    pub reopened: bool,
}

/// A speaker named by an attribution clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's name as written.
    pub name: String,
    /// Byte range of the name in the document text.
    pub span: Range<usize>,
    /// Index into `Document::entities` when the speaker is a named entity.
    pub entity: Option<usize>,
}

impl Quote {
    /// One or two words in quotes: a term or scare quote, not testimony.
    pub fn is_scare(&self, prose: &str) -> bool {
        prose
            .get(self.inner.clone())
            .is_none_or(|s| s.split_whitespace().count() <= 2)
    }

    /// An opening mark with no closing one that no later passage continues.
    pub fn is_unbalanced(&self) -> bool {
        !self.closed && !self.continues
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
        // The next paragraph reopens the quote, or goes on with the same
        // sentence (a line break in mid-sentence is no paragraph end).
        let next_opens = blocks
            .get(index + 1)
            .and_then(|b| prose.get(b.span.clone()))
            .map(str::trim_start)
            .is_some_and(|t| {
                t.starts_with(['“', '"', '«', '„', '‘']) || t.starts_with(char::is_lowercase)
            });
        let first = quotes.len();
        scan_block(prose, block, index, next_opens, &mut quotes);
        mark_nested(&mut quotes[first..]);
    }
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    quotes
}

/// One block's scanner state: the marks still open, innermost last.
struct Scanner<'a> {
    chars: Vec<(usize, char)>,
    base: usize,
    block: usize,
    stack: Vec<Open>,
    out: &'a mut Vec<Quote>,
}

impl Scanner<'_> {
    fn prev(&self, i: usize) -> Option<char> {
        i.checked_sub(1).map(|p| self.chars[p].1)
    }

    fn next(&self, i: usize) -> Option<char> {
        self.chars.get(i + 1).map(|n| n.1)
    }

    fn push(&mut self, mark: QuoteMark, i: usize) {
        let (at, ch) = self.chars[i];
        // Only the first marks of a pile-up stay open, so a block of stray
        // marks is scanned in linear time.
        if self.stack.len() >= MAX_OPEN {
            return;
        }
        self.stack.push(Open {
            mark,
            at: self.base + at,
            ch,
        });
    }

    /// Closes the innermost open mark matching `pred` with the mark at
    /// `i`; marks opened inside it and never closed are dropped (they were
    /// apostrophes or strays).
    fn close(&mut self, i: usize, pred: impl Fn(&Open) -> bool) -> bool {
        let Some(k) = self.stack.iter().rposition(pred) else {
            return false;
        };
        let open = self.stack.remove(k);
        self.stack.truncate(k);
        let (at, ch) = self.chars[i];
        let end = self.base + at;
        self.out
            .push(quote(&open, end, end + ch.len_utf8(), self.block, true));
        true
    }

    /// A new sentence reopens the innermost open mark matching `pred`: the
    /// paragraphs of a multi-paragraph quote were run together. The open
    /// quote ends before the reopening mark and continues after it.
    fn reopen(&mut self, i: usize, pred: impl Fn(&Open) -> bool) -> bool {
        if !self.after_sentence_end(i) {
            return false;
        }
        let Some(k) = self.stack.iter().rposition(pred) else {
            return false;
        };
        let open = self.stack.remove(k);
        self.stack.truncate(k);
        let end = self.base + self.end_of_text_before(i);
        let mut q = quote(&open, end, end, self.block, false);
        q.continues = true;
        self.out.push(q);
        true
    }

    /// The mark at `i` follows whitespace that follows sentence punctuation
    /// (possibly with closing marks): `… book. “The`, `… away." "Next`.
    fn after_sentence_end(&self, i: usize) -> bool {
        let mut j = i;
        let mut gap = false;
        while j > 0 && self.chars[j - 1].1.is_whitespace() {
            j -= 1;
            gap = true;
        }
        while j > 0 && matches!(self.chars[j - 1].1, '’' | '\'' | ')' | '»') {
            j -= 1;
        }
        gap && j > 0 && matches!(self.chars[j - 1].1, '.' | '!' | '?' | '…')
    }

    /// Byte offset (in the block) just past the last non-space before `i`.
    fn end_of_text_before(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && self.chars[j - 1].1.is_whitespace() {
            j -= 1;
        }
        match j.checked_sub(1) {
            Some(p) => self.chars[p].0 + self.chars[p].1.len_utf8(),
            None => 0,
        }
    }

    fn has_open(&self, pred: impl Fn(&Open) -> bool) -> bool {
        self.stack.iter().any(pred)
    }

    fn step(&mut self, i: usize) {
        let c = self.chars[i].1;
        let (prev, next) = (self.prev(i), self.next(i));
        let curly_double = |o: &Open| o.ch == '“';
        match c {
            '“' => {
                // „…“ closes with “. A “ before a space is a closing mark
                // typed the wrong way round (`France, “ he said`), never an
                // opening one; otherwise “ opens (or reopens).
                if self.close(i, |o| o.mark == QuoteMark::Low) {
                } else if next.is_none_or(char::is_whitespace) {
                    self.close(i, |o| o.mark == QuoteMark::Double);
                } else {
                    self.reopen(i, curly_double);
                    self.push(QuoteMark::Double, i);
                }
            }
            '”' => {
                self.close(i, |o| matches!(o.mark, QuoteMark::Double | QuoteMark::Low));
            }
            '"' => self.straight_double(i, prev, next),
            '«' => self.push(QuoteMark::Guillemet, i),
            '»' => {
                self.close(i, |o| o.mark == QuoteMark::Guillemet);
            }
            '„' => self.push(QuoteMark::Low, i),
            '‘' | '\'' | '’' => {
                let straight = c == '\'';
                let open_single =
                    self.has_open(|o| o.mark == QuoteMark::Single && (o.ch == '\'') == straight);
                if open_single && closes_single(prev, next) {
                    self.close(i, |o| o.mark == QuoteMark::Single);
                } else if c != '’' && opens_single(prev, next, &self.chars[i + 1..]) {
                    self.push(QuoteMark::Single, i);
                }
            }
            _ => {}
        }
    }

    /// A straight " is told apart by its neighbours: it opens after a space
    /// and before a word, closes after a word. A mark that does neither
    /// (an inch sign: `a 12" screen`) closes an open quote or is ignored.
    fn straight_double(&mut self, i: usize, prev: Option<char>, next: Option<char>) {
        let straight = |o: &Open| o.ch == '"';
        let is_open = self.has_open(straight);
        if opens_here(prev, next) {
            // Reopened after a sentence end, else nested with the same
            // mark (`"He said "no" to me"`).
            if is_open {
                self.reopen(i, straight);
            }
            self.push(QuoteMark::Double, i);
        } else if is_open {
            self.close(i, straight);
        }
    }

    /// Unclosed double quotes run to the block end; unclosed singles were
    /// apostrophes.
    fn finish(self, block_end: usize, next_opens: bool) {
        for open in self.stack {
            if open.mark == QuoteMark::Single {
                continue;
            }
            let mut q = quote(&open, block_end, block_end, self.block, false);
            q.continues = next_opens;
            self.out.push(q);
        }
    }
}

fn scan_block(prose: &str, block: &Block, index: usize, next_opens: bool, out: &mut Vec<Quote>) {
    let Some(text) = prose.get(block.span.clone()) else {
        return;
    };
    let mut scanner = Scanner {
        chars: text.char_indices().collect(),
        base: block.span.start,
        block: index,
        stack: Vec::new(),
        out,
    };
    for i in 0..scanner.chars.len() {
        scanner.step(i);
    }
    let end = block.span.start + text.trim_end().len();
    scanner.finish(end, next_opens);
}

/// A quote is nested when another quote of its block contains it.
fn mark_nested(quotes: &mut [Quote]) {
    let spans: Vec<Range<usize>> = quotes.iter().map(|q| q.span.clone()).collect();
    for (i, q) in quotes.iter_mut().enumerate() {
        q.nested = spans
            .iter()
            .enumerate()
            .any(|(j, s)| j != i && s.start <= q.span.start && q.span.end <= s.end && *s != q.span);
    }
}

/// `inner_end` is where the quoted words stop, `end` past the closing mark.
fn quote(open: &Open, inner_end: usize, end: usize, block: usize, closed: bool) -> Quote {
    let inner_start = open.at + open.ch.len_utf8();
    Quote {
        span: open.at..end.max(inner_start),
        inner: inner_start..inner_end.max(inner_start),
        block,
        mark: open.mark,
        closed,
        continues: false,
        nested: false,
        speaker: None,
        closing: None,
    }
}

/// A straight double quote that opens: after space or an opening bracket,
/// before a word.
fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '/' | '\'' | '‘')
    });
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

#[cfg(test)]
mod tests;
