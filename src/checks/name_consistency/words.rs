//! The word scanner of `name_consistency`: the words a regex would find,
//! found by hand because this runs over every word of a draft.

use super::{Spelling, Word};
use crate::document::lower_case;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The words `[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}]+)*` finds,
/// found by hand: this runs over every word of a draft, and that regex's
/// cost per match was most of this check's time. The Unicode classes come
/// from the regex crate's own parser, so they are the regex's.
pub(super) struct WordClasses {
    /// `[\p{L}\p{M}]` and `[\p{L}\p{M}\p{N}]` as sorted ranges.
    letters: Vec<(char, char)>,
    letters_numbers: Vec<(char, char)>,
}

impl WordClasses {
    pub(super) fn new() -> Result<Self, String> {
        Ok(WordClasses {
            letters: unicode_class(r"[\p{L}\p{M}]")?,
            letters_numbers: unicode_class(r"[\p{L}\p{M}\p{N}]")?,
        })
    }

    pub(super) fn is_letter(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            in_ranges(&self.letters, c)
        }
    }

    pub(super) fn is_letter_or_number(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            in_ranges(&self.letters_numbers, c)
        }
    }

    /// Byte ranges of the words of `text`, left to right. The pattern's
    /// repetitions are greedy and each joined part starts with a separator,
    /// so the leftmost match is the longest run: no backtracking needed.
    pub(super) fn words(&self, text: &str) -> Vec<Range<usize>> {
        let skip = |from: usize, keep: &dyn Fn(char) -> bool| {
            from + text[from..]
                .chars()
                .take_while(|&c| keep(c))
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(c) = text[pos..].chars().next() {
            if !self.is_letter(c) {
                pos += c.len_utf8();
                continue;
            }
            let start = pos;
            pos = skip(pos + c.len_utf8(), &|c| self.is_letter_or_number(c));
            loop {
                let mut next = text[pos..].chars();
                match (next.next(), next.next()) {
                    (Some(sep @ ('\'' | '’' | '-' | '‐')), Some(first))
                        if self.is_letter(first) =>
                    {
                        pos = skip(pos + sep.len_utf8(), &|c| self.is_letter(c));
                    }
                    _ => break,
                }
            }
            out.push(start..pos);
        }
        out
    }
}

/// The ranges of a Unicode character class written as a regex.
fn unicode_class(pattern: &str) -> Result<Vec<(char, char)>, String> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Ok(class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect()),
        _ => Err(format!("`{pattern}` is no Unicode character class")),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Marks the one-word spellings also written in lower case ("Press" and
/// "press"): a common word, not a name. Only the spellings are hashed, and
/// the text's lower-case words are looked up in them.
pub(super) fn mark_lower_seen(words: &[Word], spellings: &mut HashMap<&str, Spelling>) {
    let mut by_lower: HashMap<String, Vec<&str>> = HashMap::default();
    for text in spellings.keys() {
        if !text.contains([' ', '-']) {
            by_lower.entry(text.to_lowercase()).or_default().push(text);
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for w in words.iter().filter(|w| !w.capital) {
        if let Some(texts) = by_lower.remove(lower_case(w.text).as_ref()) {
            seen.extend(texts);
        }
    }
    for text in seen {
        if let Some(s) = spellings.get_mut(text) {
            s.lower_seen = true;
        }
    }
}
