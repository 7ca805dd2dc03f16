//! Words of the prose with their byte spans and sentence, and the
//! punctuation between them. Hyphens and apostrophes inside a word keep it
//! whole ("al-Sharaa", "O'Donoghue"); a possessive 's is split off and
//! remembered, so "Straw's" is the name "Straw".

use crate::document::Sentence;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Token {
    /// The word without a possessive ending.
    pub span: Range<usize>,
    pub sentence: usize,
    pub possessive: bool,
}

/// Splits every sentence into words, in document order.
pub fn tokenize(prose: &str, sentences: &[Sentence]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let Some(text) = prose.get(sentence.span.clone()) else {
            continue;
        };
        let base = sentence.span.start;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(at, c)) = chars.peek() {
                // A joiner counts only between two letters or digits.
                let joins = matches!(c, '-' | '\'' | '’' | '‐')
                    && text[at + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !(c.is_alphanumeric() || joins) {
                    break;
                }
                end = at + c.len_utf8();
                chars.next();
            }
            let word = &text[start..end];
            let possessive = ["'s", "’s"]
                .iter()
                .find(|s| word.ends_with(*s) && word.len() > 3);
            let end = possessive.map_or(end, |s| end - s.len());
            tokens.push(Token {
                span: base + start..base + end,
                sentence: index,
                possessive: possessive.is_some(),
            });
        }
    }
    tokens
}

/// Text of a token.
pub fn word<'a>(prose: &'a str, token: &Token) -> &'a str {
    prose.get(token.span.clone()).unwrap_or("")
}

/// The text between two tokens (punctuation and spaces), including a
/// possessive ending of the first.
pub fn gap<'a>(prose: &'a str, left: &Token, right: &Token) -> &'a str {
    prose.get(left.span.end..right.span.start).unwrap_or("")
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Only spaces (one line) between two words: they can be one name.
pub fn is_plain_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}
