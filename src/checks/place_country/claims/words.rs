//! Word lists the claim shapes read, and the word tests built on them.

use super::{Heading, Token};

/// Words that name a kind of settlement or area in an appositive
/// ("Suwayda, a city …") or after a country adjective ("the Syrian city of").
pub(super) const SETTLEMENT_WORDS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "capital",
    "suburb",
    "district",
    "province",
    "region",
    "state",
    "municipality",
    "county",
    "settlement",
    "resort",
    "enclave",
    "hamlet",
    "commune",
    "township",
    "governorate",
    "oasis",
    "metropolis",
    "borough",
    "island",
    "outpost",
    "stronghold",
];

/// Region type words after a name ("Idlib province", "Suwayda governorate").
pub(super) const REGION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "governate",
    "region",
    "state",
    "district",
    "oblast",
    "prefecture",
    "county",
    "department",
    "emirate",
    "canton",
    "voivodeship",
    "krai",
];

/// Lower-case particles inside place names ("Rio de Janeiro",
/// "Newcastle upon Tyne", "Frankfurt am Main").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el",
    "al", "ad", "as", "ash", "ar", "az", "ez", "es", "en", "van", "von", "der", "den", "ter",
    "upon", "am", "im", "an", "sur", "y", "bin", "ibn", "of",
];

/// Particles that never occur in running English, so a capitalised word
/// after them continues a name ("Rio de Janeiro", not "Syria of Assad").
pub(super) const FOREIGN_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el",
    "al", "ad", "ar", "az", "ez", "ash", "van", "von", "der", "den", "ter", "sur", "bin", "ibn",
];

/// Prepositions that make "X, COUNTRY" read as a location.
pub(super) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "into",
    "around",
    "inside",
    "via",
    "across",
    "throughout",
    "towards",
    "toward",
    "to",
    "of",
];

/// Capitalised words that open a sentence before the place ("In Paris, …").
pub(super) const OPENERS: &[&str] = &[
    "In", "At", "From", "Near", "Outside", "Inside", "Around", "To", "The", "And", "But", "Then",
];

/// Titles that make the run a person's name ("Mr Jordan", "President Paris").
pub(super) const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Dame",
    "President",
    "Prime",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "General",
    "Gen",
    "Col",
    "Capt",
    "Judge",
    "Senator",
    "Sen",
    "Rep",
    "Governor",
    "Gov",
    "Mayor",
    "Chancellor",
    "Minister",
    "Secretary",
];

/// Lower-case words after "X, COUNTRY" that keep the location reading
/// ("in Bangkok, Thailand, on 3 February"; "in Paris, France last week").
pub(super) const FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "during",
    "where",
    "when",
    "before",
    "after",
    "until",
    "since",
    "for",
    "from",
    "between",
    "over",
    "yesterday",
    "today",
    "tomorrow",
    "to",
];

/// Words that may follow "a city" before the "in COUNTRY" of an
/// appositive ("a city with a high proportion of Druze in southern Syria").
/// Anything else ("a city official in Texas") ends the appositive.
pub(super) const APPOSITIVE_GAP_OPENERS: &[&str] = &[
    "with",
    "of",
    "home",
    "known",
    "famous",
    "near",
    "close",
    "just",
    "located",
    "situated",
    "lying",
    "on",
    "some",
    "about",
    "around",
    "roughly",
    "populated",
    "inhabited",
    "mostly",
    "largely",
    "predominantly",
    "mainly",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "high",
    "deep",
    "far",
    "best",
];

/// Words that end an appositive gap: the "in COUNTRY" after them no
/// longer places the settlement ("a city whose people fled to camps in Jordan").
pub(super) const APPOSITIVE_GAP_BLOCKERS: &[&str] = &[
    "to", "from", "by", "at", "for", "than", "like", "and", "or", "but", "who", "whose", "which",
    "that", "where", "when", "while", "after", "before", "since", "during", "said", "says", "told",
    "was", "were", "is", "are", "has", "have", "had", "been", "will", "would", "visited",
    "twinned", "compared",
];

/// Words that cannot sit between "X, a" and "city": the phrase is about
/// something else ("Fidelis Nanga, a journalist based in the … capital").
pub(super) const MODIFIER_BREAKERS: &[&str] = &[
    "in", "of", "on", "at", "for", "from", "by", "to", "with", "based", "and", "or", "but", "who",
    "which", "that", "is", "was", "has", "had", "said",
];

pub(super) fn is_particle(t: &Token) -> bool {
    t.is_word && NAME_PARTICLES.contains(&t.text)
}

/// A capitalised word, or a lower-case article joined to a capital
/// ("ez-Zor", "al-Sham").
pub(super) fn is_name_word(t: &Token) -> bool {
    if t.is_capitalised() {
        return true;
    }
    t.is_word
        && t.text
            .split_once(['-', '‐'])
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Possessive or plural endings make a country word something else
/// ("Syria's unity").
pub(super) fn is_possessive(t: &Token) -> bool {
    t.text.ends_with("'s") || t.text.ends_with("’s") || t.text.ends_with("s'")
}

pub(super) fn heading_of(word: &str) -> Option<Heading> {
    let w = word.to_ascii_lowercase().replace(['-', '‐'], "");
    let w = w.strip_prefix("far").unwrap_or(&w).to_string();
    let mut h = Heading::default();
    let rest = match w.as_str() {
        "central" | "centre" | "center" => {
            h.central = true;
            return Some(h);
        }
        _ => w
            .strip_suffix("ern")
            .or_else(|| w.strip_suffix("erly"))
            .unwrap_or(&w),
    };
    let mut rest = rest;
    for (prefix, flag) in [("north", 0), ("south", 1)] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            if flag == 0 {
                h.north = true;
            } else {
                h.south = true;
            }
        }
    }
    match rest {
        "" => {}
        "east" => h.east = true,
        "west" => h.west = true,
        _ => return None,
    }
    (h != Heading::default()).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let h = heading_of("southern").expect("southern");
        assert!(h.south && !h.north && !h.east);
        let h = heading_of("north-eastern").expect("north-eastern");
        assert!(h.north && h.east);
        assert!(heading_of("southwest").is_some_and(|h| h.south && h.west));
        assert!(heading_of("central").is_some_and(|h| h.central));
        assert!(heading_of("Southern").is_some());
        assert!(heading_of("modern").is_none());
        assert!(heading_of("eastward").is_none());
    }
}
