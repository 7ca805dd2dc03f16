//! When two spellings a small edit apart are one name. The edit allowed
//! scales with the name: none for the shortest, one letter from four
//! letters (a changed letter from five), two when the spellings also
//! sound alike (a transliteration). An edit at either end must not be
//! grammar (Kenya / Kenyan, Israel / Israeli, Conservative /
//! Conservatives) and a changed first letter must stand for one sound
//! (Gaddafi / Qaddafi).

use super::keys::{fold, folds_together, sound};

/// `a` and `b` are lower-case letters. `first_name`: both are first
/// names of one surname-matched person, where a wider edit anywhere is
/// one name (Ian / Iain, German / Herman) but a gendered ending is two
/// people (Paul / Paula).
pub(super) fn one_name(a: &str, b: &str, first_name: bool) -> bool {
    if a == b {
        return false;
    }
    if folds_together(a, b) {
        return true;
    }
    let (fa, fb) = (fold(a, false), fold(b, false));
    let (x, y): (Vec<char>, Vec<char>) = (fa.chars().collect(), fb.chars().collect());
    let n = x.len().min(y.len());
    let distance = strsim::osa_distance(&fa, &fb);
    if first_name {
        return !gendered_ending(&x, &y)
            && ((distance == 1 && n >= 3) || (distance == 2 && n >= 6));
    }
    match distance {
        1 if n >= 5 => edit_allowed(&x, &y),
        2 if n >= 5 && sound(&fa) == sound(&fb) => edit_allowed(&x, &y) && !gendered_ending(&x, &y),
        _ => false,
    }
}

/// Edits between two spellings' folded letters.
pub(super) fn distance(a: &str, b: &str) -> usize {
    let (la, lb) = (super::keys::letters(a), super::keys::letters(b));
    strsim::osa_distance(&fold(&la, false), &fold(&lb, false))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Letters that stand for one sound at the start of a transliterated
/// name: Gaddafi / Qaddafi, Celtic / Keltic, Zayed / Sayed.
fn same_sound(a: char, b: char) -> bool {
    const GROUPS: &[&str] = &["gkqc", "szc", "fv", "iyj"];
    GROUPS.iter().any(|g| g.contains(a) && g.contains(b))
}

/// The first letter and the ending keep what makes a word a word.
fn edit_allowed(x: &[char], y: &[char]) -> bool {
    let prefix = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    if prefix == 0 {
        return x.len() == y.len() && same_sound(x[0], y[0]) && x[1..] == y[1..];
    }
    let at_end = prefix >= x.len().min(y.len()) || (x.len() == y.len() && prefix + 1 == x.len());
    (!at_end || !grammar_ending(x, y)) && !pet_form(x, y)
}

/// A familiar form of a first name is the same person, not a slip:
/// Steve / Stevie, Jon / Jonny, Rob / Robbie, Andy / Andie — one
/// spelling is the other's stem (its final e dropped, a doubled last
/// consonant single) with "ie", "y" or "ey" after it.
pub(super) fn pet_form(x: &[char], y: &[char]) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let stem_of = |ending: &[char]| long.strip_suffix(ending);
    let Some(stem) = stem_of(&['i', 'e'])
        .or_else(|| stem_of(&['e', 'y']))
        .or_else(|| stem_of(&['y']))
    else {
        return false;
    };
    let short = short.strip_suffix(&['e']).unwrap_or(short);
    let single = |s: &[char]| match s {
        [.., p, q] if p == q => s[..s.len() - 1].to_vec(),
        _ => s.to_vec(),
    };
    stem.len() >= 2 && (stem == short || single(stem) == short)
}

/// An edit of the last letter that is a word's grammar: a plural or
/// demonym letter added (s, n, i, a, o), a plural s for another ending, or a changed final vowel in a
/// shorter word (Roma / Rome).
fn grammar_ending(x: &[char], y: &[char]) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() + 1 == long.len() && long.starts_with(short) {
        // Also y and e: Malone / Maloney, Brown / Browne are two names.
        return matches!(
            long[long.len() - 1],
            's' | 'n' | 'i' | 'a' | 'o' | 'y' | 'e'
        );
    }
    if short.len() == long.len() {
        let (p, q) = (x[x.len() - 1], y[y.len() - 1]);
        if p == 's' && (is_vowel(q) || q == 'y') || q == 's' && (is_vowel(p) || p == 'y') {
            // Germans / Germany.
            return true;
        }
        return is_vowel(p)
            && is_vowel(q)
            && short.len() < 7
            && !matches!((p, q), ('i', 'y') | ('y', 'i'));
    }
    false
}

/// Paul / Paula, Mario / Maria, Louis / Louise: a first name's ending
/// that marks the other sex is another person.
fn gendered_ending(x: &[char], y: &[char]) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() + 1 == long.len() && long.starts_with(short) {
        return matches!(long[long.len() - 1], 'a' | 'e' | 'o');
    }
    let (p, q) = (x[x.len() - 1], y[y.len() - 1]);
    x.len() == y.len()
        && p != q
        && x[..x.len() - 1] == y[..y.len() - 1]
        && matches!(p, 'a' | 'e' | 'o')
        && matches!(q, 'a' | 'e' | 'o')
}
