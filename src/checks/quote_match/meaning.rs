//! Words whose change turns a quotation's meaning, whatever the tolerance:
//! negation ("can" for "cannot"), modality ("might" for "will"), numbers
//! ("ten" for "five"), degree ("deeply" for "almost"), hedges ("maybe"
//! dropped) and grammatical person ("I" for "you"). A headline may drop
//! "the" or "is"; it may never drop or swap one of these.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Why a word bears meaning a misquote must not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    Negation,
    Modality,
    Number,
    Degree,
    Hedge,
    Person,
}

impl Sense {
    pub fn name(self) -> &'static str {
        match self {
            Sense::Negation => "negation",
            Sense::Modality => "modality",
            Sense::Number => "number",
            Sense::Degree => "degree",
            Sense::Hedge => "hedge",
            Sense::Person => "person",
        }
    }
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot", "without",
    "nowhere", "no-one",
];

const MODALS: &[&str] = &[
    "may", "might", "will", "would", "can", "could", "should", "must", "shall", "ought",
];

const NUMBERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "twice",
    "double",
    "triple",
    "first",
    "second",
    "third",
    "last",
    "bn",
    "m",
];

/// Degree, quantity and superlatives: "very" for "a little bit",
/// "biggest" for "huge", "always" for nothing.
const DEGREE: &[&str] = &[
    "very",
    "most",
    "more",
    "less",
    "least",
    "deeply",
    "almost",
    "nearly",
    "totally",
    "utterly",
    "truly",
    "really",
    "just",
    "only",
    "even",
    "so",
    "too",
    "quite",
    "rather",
    "fairly",
    "slightly",
    "barely",
    "hardly",
    "extremely",
    "highly",
    "completely",
    "absolutely",
    "entirely",
    "always",
    "ever",
    "little",
    "bit",
    "all",
    "every",
    "some",
    "any",
    "much",
    "many",
    "few",
    "huge",
    "biggest",
    "best",
    "worst",
    "greatest",
    "hardest",
    "further",
    "final",
    "still",
    "already",
    "increasingly",
    "seriously",
    "serious",
    "grave",
    "total",
    "full",
    "complete",
    "whole",
];

const HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "guess",
    "think",
    "believe",
    "seems",
    "apparently",
    "if",
    "whether",
    "hope",
    "doubt",
];

const PERSONS: &[&str] = &[
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he",
    "him", "his", "she", "her", "hers", "they", "them", "their", "theirs",
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static NEGATION_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NEGATIONS));
static MODAL_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(MODALS));
static NUMBER_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NUMBERS));
static DEGREE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(DEGREE));
static HEDGE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(HEDGES));
static PERSON_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(PERSONS));

/// The sense a (normalised) word bears, if any. Contractions count by
/// their parts: "haven't" is a negation, "you'll" a modality, "I'm" a
/// person.
pub fn sense(word: &str) -> Option<Sense> {
    if word.ends_with("n't") || NEGATION_SET.contains(word) {
        return Some(Sense::Negation);
    }
    if word.ends_with("'ll") || word.ends_with("'d") || MODAL_SET.contains(word) {
        return Some(Sense::Modality);
    }
    if word.chars().any(|c| c.is_ascii_digit()) || NUMBER_SET.contains(word) {
        return Some(Sense::Number);
    }
    if DEGREE_SET.contains(word) {
        return Some(Sense::Degree);
    }
    if HEDGE_SET.contains(word) {
        return Some(Sense::Hedge);
    }
    let head = word.split('\'').next().unwrap_or(word);
    if PERSON_SET.contains(head) {
        return Some(Sense::Person);
    }
    None
}

/// Words of degree that lower or hedge what they modify: "almost
/// ashamed" is the opposite of "deeply ashamed"; "most" and "more" go one
/// way.
const LOWERING: &[&str] = &[
    "almost", "nearly", "slightly", "barely", "hardly", "little", "bit", "less", "least", "fairly",
    "rather", "quite", "just", "only", "some", "few",
];

/// For a word of degree, which way it moves what it modifies: up (+1) or
/// down (-1).
pub fn direction(word: &str) -> Option<i8> {
    if sense(word) != Some(Sense::Degree) {
        return None;
    }
    Some(if LOWERING.contains(&word) { -1 } else { 1 })
}

/// A word that, just before a quoted excerpt, scopes over it: cutting the
/// excerpt after it turns a doubt or a denial into a statement
/// ("Maybe a fragment should stay a fragment").
pub fn scopes_over_what_follows(word: &str) -> bool {
    matches!(
        sense(word),
        Some(Sense::Negation | Sense::Hedge | Sense::Modality)
    ) && !matches!(word, "if" | "whether" | "can" | "will" | "would")
        || matches!(word, "maybe" | "perhaps")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senses() {
        assert_eq!(sense("haven't"), Some(Sense::Negation));
        assert_eq!(sense("cannot"), Some(Sense::Negation));
        assert_eq!(sense("might"), Some(Sense::Modality));
        assert_eq!(sense("you'll"), Some(Sense::Modality));
        assert_eq!(sense("48bn"), Some(Sense::Number));
        assert_eq!(sense("ten"), Some(Sense::Number));
        assert_eq!(sense("deeply"), Some(Sense::Degree));
        assert_eq!(sense("biggest"), Some(Sense::Degree));
        assert_eq!(sense("perhaps"), Some(Sense::Hedge));
        assert_eq!(sense("i'm"), Some(Sense::Person));
        assert_eq!(sense("they"), Some(Sense::Person));
        assert_eq!(sense("retreat"), None);
        assert_eq!(sense("the"), None);
    }

    #[test]
    fn degree_directions() {
        assert_eq!(direction("deeply"), Some(1));
        assert_eq!(direction("almost"), Some(-1));
        assert_eq!(direction("most"), direction("more"));
        assert_eq!(direction("ashamed"), None);
    }

    #[test]
    fn scope_words() {
        assert!(scopes_over_what_follows("maybe"));
        assert!(scopes_over_what_follows("never"));
        assert!(scopes_over_what_follows("don't"));
        assert!(!scopes_over_what_follows("and"));
        assert!(!scopes_over_what_follows("will"));
    }
}
