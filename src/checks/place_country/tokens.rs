//! Words and punctuation of one sentence, with byte spans into the
//! document. Place patterns are matched over these tokens rather than with
//! one large regex, so each pattern can look left and right of a comma.

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
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` (a sentence starting at byte `base` of the document).
///
/// A word is letters and digits, joined across an apostrophe or hyphen
/// between letters ("Be'er", "As-Suwayda", "north-eastern"); an acronym
/// keeps its stops ("U.S."). Every other non-space character is a
/// one-character punctuation token.
pub(super) fn tokenise(text: &str, base: usize) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                span: base + start..base + end,
                is_word: false,
            });
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            let joins = j + 1 < chars.len()
                && matches!(chars[j].1, '\'' | '’' | '‘' | '-' | '‐')
                && is_word_char(chars[j + 1].1);
            if joins {
                j += 1;
                continue;
            }
            break;
        }
        // "U.S.", "U.A.E.": single capitals each followed by a stop.
        let single_capital = j == i + 1 && c.is_uppercase();
        if single_capital && j < chars.len() && chars[j].1 == '.' {
            let mut k = j;
            while k + 1 < chars.len() && chars[k].1 == '.' && chars[k + 1].1.is_uppercase() {
                let next_is_stop = chars.get(k + 2).is_some_and(|&(_, c)| c == '.');
                if !next_is_stop {
                    break;
                }
                k += 2;
            }
            if k > j {
                j = k + 1;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        tokens.push(Token {
            text: &text[start..end],
            span: base + start..base + end,
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
