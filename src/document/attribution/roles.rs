//! The company or club role a title names — "BP chief executive",
//! "Fiat's finance director", "Wigan chairman", "Acpo vice-president" —
//! so that two roles given to one person can be told apart.

use super::{lexicon, Title};

/// A leading role in a firm, club or body: its head word, the words
/// that qualify it ("finance" in "finance director") and whether it is
/// the deputy's ("vice-president", "deputy chairman").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub head: &'static str,
    pub qualifiers: Vec<String>,
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
];

impl Title {
    /// The leading role this title names, if any.
    pub fn role(&self) -> Option<Role> {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
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
        let deputy = vice
            || self
                .modifiers
                .iter()
                .any(|m| m == "deputy" || m == "vice" || m == "assistant");
        Some(Role {
            head,
            qualifiers,
            deputy,
        })
    }
}

impl Role {
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
