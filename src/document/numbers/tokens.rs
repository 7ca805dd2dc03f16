//! Tokens for the figure scanner: words and numbers with their spans,
//! currency and percent signs, and whether punctuation separates a token
//! from the one before. A token keeps the joiners between its letters and
//! digits ("3.2bn", "1,000", "47-year-old", "twenty-one", "10-12").

use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub span: Range<usize>,
    /// A sign (£ $ € ¥ %) rather than a word or number.
    pub sign: bool,
    /// Punctuation (not only spaces) lies between this token and the one
    /// before, or the sentence starts here.
    pub after_break: bool,
    /// A comma lies right before this token.
    pub after_comma: bool,
}

const SIGNS: &[char] = &['£', '$', '€', '¥', '%'];
const JOINERS: &[char] = &[',', '.', '-', '\'', '’', '–'];

/// The tokens of `prose[span]`, offsets into `prose`.
pub fn tokens(prose: &str, span: Range<usize>) -> Vec<Tok> {
    let Some(text) = prose.get(span.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut gap_break = true;
    let mut gap_comma = false;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if SIGNS.contains(&c) {
            out.push(Tok {
                span: span.start + at..span.start + at + c.len_utf8(),
                sign: true,
                after_break: gap_break,
                after_comma: gap_comma,
            });
            gap_break = false;
            gap_comma = false;
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if !c.is_whitespace() {
                gap_break = true;
            }
            if c == ',' {
                gap_comma = true;
            }
            i += 1;
            continue;
        }
        let start = at;
        let mut j = i + 1;
        while j < chars.len() {
            let (_, d) = chars[j];
            let joined = JOINERS.contains(&d)
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                && joins(d, chars[j - 1].1, chars[j + 1].1);
            if d.is_alphanumeric() || joined {
                j += if joined { 2 } else { 1 };
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(a, _)| a);
        out.push(Tok {
            span: span.start + start..span.start + end,
            sign: false,
            after_break: gap_break,
            after_comma: gap_comma,
        });
        gap_break = false;
        gap_comma = false;
        i = j;
    }
    out
}

/// A comma or full stop joins digits only ("1,000", "3.2"); a hyphen or
/// apostrophe joins anything ("47-year-old", "O'Neill").
fn joins(joiner: char, before: char, after: char) -> bool {
    match joiner {
        ',' | '.' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => true,
    }
}
