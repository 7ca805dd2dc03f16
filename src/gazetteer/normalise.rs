//! Name normalisation shared by the index keys and the queries.
//!
//! `scripts/build_gazetteer.py` builds every key with the same algorithm
//! (its `normalise`); change both together and rebuild the data.

use unicode_normalization::UnicodeNormalization as _;

/// Leading words dropped by the Arabic-article retry ("As-Suwayda" ~ "Suwayda").
pub(crate) const ARABIC_ARTICLES: &[&str] =
    &["al", "as", "ad", "ar", "an", "at", "az", "ash", "el"];

/// Characters dropped outright: apostrophes and the signs used for ayn and hamza.
const DROPPED: &[char] = &['\'', '`', 'ʿ', 'ʼ', '’', '‘', 'ʾ', '´', 'ʻ'];

/// Letters that NFKD leaves whole, mapped to their usual ASCII spelling.
fn special_letter(ch: char) -> Option<&'static str> {
    Some(match ch {
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        _ => return None,
    })
}

/// Normalises a place name for lookup.
///
/// NFKD, strip combining marks, drop apostrophes (' ` ʿ ʼ ’), lower-case,
/// turn punctuation and hyphens into single spaces, trim:
/// `"As-Suwaydāʼ"` → `"as suwayda"`, `"Be'er Sheva"` → `"beer sheva"`.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    };
    for ch in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(ch) || DROPPED.contains(&ch) {
            continue;
        }
        match special_letter(ch) {
            Some(s) => s.chars().for_each(|c| push(c, &mut out)),
            None => ch.to_lowercase().for_each(|c| push(c, &mut out)),
        }
    }
    out
}

/// The key without a leading Arabic article, if it has one and more words.
pub(crate) fn strip_article(key: &str) -> Option<&str> {
    let (first, rest) = key.split_once(' ')?;
    (ARABIC_ARTICLES.contains(&first) && !rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_news_spellings() {
        assert_eq!(normalise("As-Suwaydāʼ"), "as suwayda");
        assert_eq!(normalise("  Be'er   Sheva "), "beer sheva");
        assert_eq!(normalise("Dar‘ā"), "dara");
        assert_eq!(normalise("Ţarţūs"), "tartus");
        assert_eq!(normalise("Łódź"), "lodz");
        assert_eq!(normalise("Deir ez-Zor"), "deir ez zor");
        assert_eq!(normalise("U.S."), "u s");
        assert_eq!(normalise("---"), "");
    }

    #[test]
    fn strips_articles() {
        assert_eq!(strip_article("as suwayda"), Some("suwayda"));
        assert_eq!(strip_article("al"), None);
        assert_eq!(strip_article("alep"), None);
        assert_eq!(strip_article("deir ez zor"), None);
    }
}
