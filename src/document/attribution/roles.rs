//! The company or club role a title names — "BP chief executive",
//! "Fiat's finance director", "Wigan chairman", "Acpo vice-president" —
//! so that two roles given to one person can be told apart.

use super::{lexicon, Title};

/// A leading role in a firm, club or body: its head word, the words
/// that qualify it ("finance" in "finance director") and whether it is
/// the deputy's ("vice-president", "deputy chairman").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// "chairman", "executive", "director".
    pub head: &'static str,
    /// The words that qualify it, nearest first ("finance").
    pub qualifiers: Vec<String>,
    /// A deputy's post ("vice-president", "deputy head").
    pub deputy: bool,
}

/// Heads of leading roles, grouped by the heads that name one role
/// written two ways (a club's chairman is often called its president;
/// a football manager its coach). One person holds one of these groups
/// at a time, unless the text joins them ("chairman and chief
/// executive").
const LEADING: &[&[&str]] = &[
    &[
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "president",
    ],
    &["executive"],
    &["director"],
    &["manager", "coach"],
    &["head", "headteacher", "headmaster", "headmistress"],
];

impl Title {
    /// The leading role this title names, if any.
    pub fn role(&self) -> Option<Role> {
        // "BP chief executive Lord Browne": an honorific after the role.
        let mut words: Vec<&str> = self.text.split_whitespace().collect();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| lexicon::honorific_gender(w).is_some())
        {
            words.pop();
        }
        let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let deputy = self
            .modifiers
            .iter()
            .any(|m| m == "deputy" || m == "vice" || m == "assistant");
        Role::of_words(&words, deputy)
    }
}

impl Role {
    /// The leading role that lower-case `words` end with ("chief",
    /// "executive"), if any; `deputy` when a modifier says so.
    pub fn of_words(words: &[String], deputy: bool) -> Option<Role> {
        let (last, before) = words.split_last()?;
        let (bare, vice) = match last.strip_prefix("vice-") {
            Some(rest) => (rest, true),
            None => (last.as_str(), false),
        };
        let head = LEADING
            .iter()
            .flat_map(|g| g.iter())
            .find(|h| **h == bare)?;
        let qualifiers: Vec<String> = before
            .iter()
            .rev()
            .take_while(|w| lexicon::ROLE_QUALIFIERS.contains(&w.as_str()))
            .cloned()
            .collect();
        let deputy = vice || deputy || before.last().is_some_and(|w| w == "deputy");
        Some(Role {
            head,
            qualifiers,
            deputy,
        })
    }

    /// The two roles cannot both be one person's: different groups of
    /// heads, a deputy and the post itself, or two directors of
    /// different kinds (finance / marketing).
    pub fn excludes(&self, other: &Role) -> bool {
        let group = |h: &str| LEADING.iter().position(|g| g.contains(&h));
        if group(self.head) != group(other.head) {
            return true;
        }
        if self.deputy != other.deputy {
            return true;
        }
        let (a, b) = (&self.qualifiers, &other.qualifiers);
        self.head == "director" && !a.is_empty() && !b.is_empty() && a != b
    }

    /// The role in words: "chief executive", "vice-president".
    pub fn words(&self) -> String {
        let mut out: Vec<&str> = self.qualifiers.iter().rev().map(String::as_str).collect();
        out.push(self.head);
        let text = out.join(" ");
        if self.deputy {
            format!("deputy {text}")
        } else {
            text
        }
    }
}
