//! Words and punctuation of one sentence, with byte spans into the
//! document. Place patterns are matched over these tokens rather than with
//! one large regex, so each pattern can look left and right of a comma.

use crate::document::char_at;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
    pub is_word: bool,
}

impl Token<'_> {
    /// A word whose first letter is upper case ("Suwayda", "U.S.", "As-Suwayda").
    pub fn is_capitalised(&self) -> bool {
        self.is_word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is(&self, word: &str) -> bool {
        self.is_word && self.text == word
    }

    /// Case-insensitive comparison for ASCII words ("In" ~ "in").
    pub fn is_ci(&self, word: &str) -> bool {
        self.is_word && self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.is_word && self.text.starts_with(c)
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` (a sentence starting at byte `base` of the document).
///
/// A word is letters and digits, joined across an apostrophe or hyphen
/// between letters ("Be'er", "As-Suwayda", "north-eastern"); an acronym
/// keeps its stops ("U.S."). Every other non-space character is a
/// one-character punctuation token.
pub(super) fn tokenise(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let start = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            i += c.len_utf8();
            tokens.push(Token {
                text: &text[start..i],
                span: base + start..base + i,
                is_word: false,
            });
            continue;
        }
        let mut j = start;
        loop {
            while let Some(w) = char_at(text, j).filter(|&w| is_word_char(w)) {
                j += w.len_utf8();
            }
            match char_at(text, j) {
                Some(joiner @ ('\'' | '’' | '‘' | '-' | '‐'))
                    if char_at(text, j + joiner.len_utf8()).is_some_and(is_word_char) =>
                {
                    j += joiner.len_utf8();
                }
                _ => break,
            }
        }
        // "U.S.", "U.A.E.": single capitals each followed by a stop.
        let single_capital = j == start + c.len_utf8() && c.is_uppercase();
        if single_capital && char_at(text, j) == Some('.') {
            // k is at a stop; each round takes "X." after it.
            let mut k = j;
            while let Some(capital) = char_at(text, k + 1).filter(|n| n.is_uppercase()) {
                let after = k + 1 + capital.len_utf8();
                if char_at(text, after) != Some('.') {
                    break;
                }
                k = after;
            }
            if k > j {
                j = k + 1;
            }
        }
        tokens.push(Token {
            text: &text[start..j],
            span: base + start..base + j,
            is_word: true,
        });
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenise(text, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("Suwayda, a city in south-western Syria's As-Suwayda (Be’er)."),
            [
                "Suwayda",
                ",",
                "a",
                "city",
                "in",
                "south-western",
                "Syria's",
                "As-Suwayda",
                "(",
                "Be’er",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn keeps_acronym_stops() {
        assert_eq!(words("the U.S. city"), ["the", "U.S.", "city"]);
        assert_eq!(
            words("in the U.A.E., then"),
            ["in", "the", "U.A.E.", ",", "then"]
        );
        assert_eq!(words("Mr A. Smith"), ["Mr", "A", ".", "Smith"]);
    }

    #[test]
    fn spans_are_offsets_into_the_document() {
        let t = tokenise("in Dar‘ā, Syria", 10);
        assert_eq!(t[1].span, 13..21);
        assert_eq!(t[1].text, "Dar‘ā");
        assert!(t[3].is_capitalised());
    }
}
