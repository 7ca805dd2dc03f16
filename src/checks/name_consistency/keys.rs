//! Candidate keys of `name_consistency`: hashes of forms of a spelling's
//! letters, so two spellings of one name meet in one bucket without
//! comparing every pair, and the exact checks that confirm a shared key.

use rustc_hash::FxHashSet as HashSet;
use std::hash::Hasher;
use unicode_normalization::UnicodeNormalization as _;

/// A hash of `letters` of the parts written together, without building
/// the string.
pub(super) fn letters_key(parts: &[&str]) -> u64 {
    hash_chars(
        parts
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    )
}

/// The letters and digits of `s`, lower-cased.
pub(super) fn letters(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Letters with their diacritics folded away (Aragonés → aragones,
/// Hreiðarsson → hreidarsson, Solskjær → solskjaer). With `german`, an
/// umlaut is written as its vowel and e (Börse → boerse), the other
/// common way to write it without the mark.
pub(super) fn fold(lower: &str, german: bool) -> String {
    if lower.is_ascii() {
        return lower.to_string();
    }
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        let spelled = match c {
            'ä' | 'ö' | 'ü' if german => {
                out.push(match c {
                    'ä' => 'a',
                    'ö' => 'o',
                    _ => 'u',
                });
                "e"
            }
            'ð' | 'đ' => "d",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ß' => "ss",
            'ł' => "l",
            'þ' => "th",
            'ı' => "i",
            _ => {
                out.extend(
                    std::iter::once(c)
                        .nfd()
                        .filter(|m| !unicode_normalization::char::is_combining_mark(*m)),
                );
                continue;
            }
        };
        out.push_str(spelled);
    }
    out
}

/// A rough sound of a spelling, for names transliterated two ways
/// (Mohammed / Muhammad, Stephen / Steven, Ossie / Ozzie): digraphs read
/// as one sound, letters that stand for one sound merged, every vowel
/// one vowel, runs of one sound one letter. Only a candidate key: the
/// spellings must still be close in letters (`edits::one_name`).
pub(super) fn sound(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (sound, width) = match (c, next) {
            ('p', Some('h')) => ('f', 2),
            ('c', Some('k')) | ('k', Some('h')) => ('k', 2),
            ('t' | 'd' | 'g' | 'n', Some('h')) => (c, 2),
            ('c', Some('e' | 'i' | 'y')) | ('z', _) => ('s', 1),
            ('c' | 'q', _) => ('k', 1),
            ('v', _) => ('f', 1),
            ('a' | 'e' | 'i' | 'o' | 'u' | 'y', _) => ('a', 1),
            _ => (c, 1),
        };
        if !out.ends_with(sound) {
            out.push(sound);
        }
        i += width;
    }
    out
}

/// What puts two spellings side by side as candidates for one name: a
/// hash of a form of their letters. Hashes, not strings, because every
/// capitalised word makes several; two spellings sharing one are checked
/// exactly before they count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// The letters without spaces and hyphens: al-Sharaa / al Sharaa.
    Separators(u64),
    /// The letters with doubled ones single: Sullivan / Sulivan.
    Doubles(u64),
    /// The letters sorted. Swapping neighbours keeps the letters, so two
    /// spellings a swap apart are anagrams; one key a spelling instead of
    /// one per possible swap, checked exactly by `share_a_swap`.
    Anagram(u64),
    /// The folded letters, or them with one deleted (the deletion
    /// neighbourhood): two spellings one edit apart share one
    /// (Scorsese / Scorcese, Mourinho / Mourino).
    Deletion(u64),
    /// The letters with diacritics folded: Aragonés / Aragones.
    Folded(u64),
    /// The rough sound: Mohammed / Muhammad.
    Sound(u64),
}

pub(super) fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for c in chars {
        h.write_u32(u32::from(c));
    }
    h.finish()
}

/// Whether two spellings' letters (lower-cased) really have the form of
/// `key` in common, rather than only its hash.
pub(super) fn shares_key(key: Key, a: &str, b: &str) -> bool {
    match key {
        Key::Separators(_) => a == b,
        Key::Doubles(_) => collapse_doubles(a) == collapse_doubles(b),
        Key::Anagram(_) => share_a_swap(a, b),
        Key::Deletion(_) => share_a_deletion(&fold(a, false), &fold(b, false)),
        Key::Folded(_) => folds_together(a, b),
        Key::Sound(_) => sound(&fold(a, false)) == sound(&fold(b, false)),
    }
}

/// The two spellings are one once diacritics are folded, either way.
pub(super) fn folds_together(a: &str, b: &str) -> bool {
    let (a1, b1) = (fold(a, false), fold(b, false));
    a1 == b1 || fold(a, true) == b1 || a1 == fold(b, true)
}

/// Each word, or it with one letter deleted, meet.
pub(super) fn share_a_deletion(a: &str, b: &str) -> bool {
    let forms = |w: &str| -> HashSet<String> {
        let chars: Vec<char> = w.chars().collect();
        let mut out = HashSet::from_iter([w.to_string()]);
        for i in 0..chars.len() {
            out.insert(chars[..i].iter().chain(&chars[i + 1..]).collect::<String>());
        }
        out
    };
    !forms(a).is_disjoint(&forms(b))
}

/// The word and its variants with two different neighbouring letters
/// swapped.
fn swaps(lower: &str) -> HashSet<String> {
    let chars: Vec<char> = lower.chars().collect();
    let mut out = HashSet::from_iter([lower.to_string()]);
    for i in 0..chars.len().saturating_sub(1) {
        if chars[i] != chars[i + 1] {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            out.insert(c.into_iter().collect());
        }
    }
    out
}

/// Nielsen / Neilsen: the two words, or variants of them with one swap of
/// neighbouring letters each, meet.
pub(super) fn share_a_swap(a: &str, b: &str) -> bool {
    !swaps(a).is_disjoint(&swaps(b))
}

pub(super) fn collapse_doubles(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Two spellings sharing `key` are two spellings of one name.
pub(super) fn confirm(key: Key, a: &str, b: &str) -> bool {
    let (la, lb) = (letters(a), letters(b));
    if a.to_lowercase() == b.to_lowercase() {
        return matches!(key, Key::Separators(_)) && inner_case(a, b);
    }
    if la == lb {
        // "DJs" and "DJ’s" are punctuation; "WorldCom" and "Worldcom" are
        // one name with a capital inside it or not.
        return matches!(key, Key::Separators(_)) && separated(a, b);
    }
    if !shares_key(key, &la, &lb) {
        return false;
    }
    match key {
        Key::Separators(_) => separated(a, b),
        Key::Doubles(_) | Key::Anagram(_) => true,
        Key::Deletion(_) | Key::Folded(_) | Key::Sound(_) => {
            super::edits::one_name(&la, &lb, false)
        }
    }
}

/// One of them is written as two words or with a hyphen.
fn separated(a: &str, b: &str) -> bool {
    a.contains([' ', '-', '‐']) || b.contains([' ', '-', '‐'])
}

/// Same letters, same first letter, a capital inside one only
/// (PeopleSoft / Peoplesoft); not "van Persie" / "Van Persie".
fn inner_case(a: &str, b: &str) -> bool {
    let (ca, cb) = (a.chars().next(), b.chars().next());
    ca == cb
        && !separated(a, b)
        && a != b
        && a.chars().skip(1).any(char::is_uppercase) != b.chars().skip(1).any(char::is_uppercase)
}
