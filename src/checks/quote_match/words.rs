//! Words of quoted text, normalised so that case, punctuation, quote style
//! and diacritics never count as a difference, with the clause boundaries
//! a display quote is usually cut at.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization as _;

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Lower-case, without diacritics, apostrophes as `'`.
    pub norm: String,
    /// Byte span in the prose.
    pub span: Range<usize>,
    /// First word, or preceded by clause punctuation.
    pub clause_start: bool,
    /// Last word, or followed by clause punctuation.
    pub clause_end: bool,
}

/// The words of `prose[range]`. A word is a run of letters and digits,
/// with apostrophes inside it (don't, people’s); hyphens split words, so
/// "in-form" and "in form" compare equal.
pub fn words(prose: &str, range: Range<usize>) -> Vec<Word> {
    let Some(text) = prose.get(range.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let mut gap_start = 0;
    let is_word_char = |i: usize| -> bool {
        let c = chars[i].1;
        if c.is_alphanumeric() {
            return true;
        }
        // An apostrophe between two letters belongs to the word.
        matches!(c, '\'' | '’')
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.1.is_alphanumeric())
    };
    for i in 0..=chars.len() {
        let inside = i < chars.len() && is_word_char(i);
        let at = chars.get(i).map_or(text.len(), |c| c.0);
        match (start, inside) {
            (None, true) => {
                let clause_start = out.is_empty() || is_clause_gap(&text[gap_start..at]);
                if let Some(last) = out.last_mut() {
                    last.clause_end |= clause_start;
                }
                out.push(Word {
                    norm: String::new(),
                    span: range.start + at..range.start + at,
                    clause_start,
                    clause_end: false,
                });
                start = Some(at);
            }
            (Some(s), false) => {
                if let Some(last) = out.last_mut() {
                    last.norm = normalise(&text[s..at]);
                    last.span.end = range.start + at;
                }
                start = None;
                gap_start = at;
            }
            _ => {}
        }
    }
    if let Some(last) = out.last_mut() {
        last.clause_end = true;
    }
    out
}

/// Punctuation between two words that ends a clause or sentence.
fn is_clause_gap(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '.', '!', '?', '…', '—', '–', '(', ')', '“', '”', '"', '«', '»', '„',
    ]) || gap.contains(" - ")
}

/// Lower-case, diacritics stripped, curly apostrophes made straight, and
/// the -ize spellings folded into -ise ("commercialization" quotes
/// "commercialisation" faithfully).
pub fn normalise(word: &str) -> String {
    // Plain ASCII (most words) has no decomposition and nothing to strip.
    let lower = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect()
    };
    fold_ize(lower)
}

/// "organization", "realized", "criticizing" as their -ise spellings.
fn fold_ize(word: String) -> String {
    const SUFFIXES: &[&str] = &["ize", "izes", "ized", "izing", "ization", "izations"];
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            // "size", "prize", "seize": the stem must be a word of its own.
            if stem.chars().count() >= 4 {
                return format!("{stem}is{}", &suffix[2..]);
            }
        }
    }
    word
}

/// Function words: sharing only these says nothing about two quotes.
pub fn is_stopword(word: &str) -> bool {
    const STOPWORDS: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's",
        "this", "that", "these", "those", "i", "we", "you", "he", "she", "they", "me", "us", "him",
        "her", "them", "my", "our", "your", "his", "their", "not", "no", "so", "do", "does", "did",
        "have", "has", "had", "will", "would", "can", "could", "should", "there", "what", "which",
        "who", "if", "than", "then", "about", "into", "up", "out", "all", "i'm", "we're", "i've",
        "we've", "don't", "that's",
    ];
    // A hash set: this is asked for every word of the body.
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text, 0..text.len())
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn case_punctuation_quote_style_and_diacritics_vanish() {
        assert_eq!(
            norms("We’re a nation, of “lazy” so-and-sos!"),
            norms("we're A nation of lazy so and sos")
        );
        assert_eq!(norms("Café RISQUÉ"), vec!["cafe", "risque"]);
        assert_eq!(norms("commercialization"), norms("commercialisation"));
        assert_eq!(norms("prize size"), vec!["prize", "size"]);
    }

    #[test]
    fn clause_boundaries() {
        let text = "He said, in short, that it works. Fine";
        let w = words(text, 0..text.len());
        let starts: Vec<&str> = w
            .iter()
            .filter(|w| w.clause_start)
            .map(|w| &text[w.span.clone()])
            .collect();
        assert_eq!(starts, vec!["He", "in", "that", "Fine"]);
        let ends: Vec<&str> = w
            .iter()
            .filter(|w| w.clause_end)
            .map(|w| &text[w.span.clone()])
            .collect();
        assert_eq!(ends, vec!["said", "short", "works", "Fine"]);
    }
}
