//! Which pairs an edit found are one name misspelled, judged from how
//! each spelling is used in the text (sentence openers, countries,
//! places, first names).

use super::keys::letters;
use super::Spelling;
use crate::gazetteer::Gazetteer;
use rustc_hash::FxHashMap as HashMap;

/// A pair one edit apart is one name misspelled, not two words: a word
/// only ever opening a sentence must be long or name-like (not "Spin" or
/// "More" beside "Spain" or "Moore"), a country or its adjective written
/// less often is that country (Greece beside a runner called Greene,
/// German beside Germany), and one use of each, one with a first name
/// and the other without, is too little to tell a typo from two names
/// (the firm Philips, the analyst Mark Phillips).
pub(super) fn edits_plausible(
    spellings: &HashMap<&str, Spelling>,
    a: &str,
    b: &str,
    sounded: bool,
) -> bool {
    let (Some(sa), Some(sb)) = (spellings.get(a), spellings.get(b)) else {
        return false;
    };
    for (text, s) in [(a, sa), (b, sb)] {
        if opener_only(s) && letters(text).chars().count() < 5 {
            return false;
        }
    }
    let g = Gazetteer::global();
    let country_word = |t: &str| g.is_country_name(t) || g.country_by_adjective(t).is_some();
    let (odd, usual) = if sa.spans.len() <= sb.spans.len() {
        (a, b)
    } else {
        (b, a)
    };
    if country_word(odd) && (sa.spans.len() != sb.spans.len() || country_word(usual)) {
        return false;
    }
    // Two places the gazetteer knows are two places (Boston / Bolton).
    if !g.places_named(a).is_empty() && !g.places_named(b).is_empty() {
        return false;
    }
    // Two spellings that only sound alike are never a country misspelled
    // (Britain / Briton): a country's typo is one letter.
    if sounded && (country_word(odd) || country_word(usual)) {
        return false;
    }
    true
}

/// Never written capitalised inside a sentence, nor with a title, first
/// name or surname beside it.
pub(super) fn opener_only(s: &Spelling) -> bool {
    !s.proper && !s.titled && s.before.is_empty() && s.after.is_empty()
}

/// How the two spellings are used says they name two things, whatever
/// their letters:
/// - one is a person (a title or first name before it) and the other is
///   never a name by itself, only the first word of a longer name or a
///   sentence opener ("Bill Gates", "Mr Gates" beside "the Games
///   Developers Conference", "Games consoles sales …");
/// - one is written at least twice, every time after the same word and
///   never with a title, so it is part of that longer name ("Standard
///   Life"), and the other is never written after that word ("the
///   derivatives market Liffe").
pub(super) fn two_names(a: &Spelling, b: &Spelling) -> bool {
    let person = |s: &Spelling| s.titled || !s.before.is_empty();
    // A first name is followed by a surname too: the words after it must
    // not be the other's (Alastair / Alistair Campbell).
    let only_a_modifier = |s: &Spelling, other: &Spelling| {
        s.alone == 0
            && s.before.is_empty()
            && !s.titled
            && s.followed > 0
            && s.after.is_disjoint(&other.after)
    };
    let inside_one_name = |s: &Spelling, other: &Spelling| {
        s.spans.len() >= 2
            && !s.titled
            && s.preceded == s.spans.len()
            && s.before.len() == 1
            && s.before.is_disjoint(&other.before)
    };
    (person(a) && only_a_modifier(b, a))
        || (person(b) && only_a_modifier(a, b))
        || inside_one_name(a, b)
        || inside_one_name(b, a)
}
