//! A rule's documentation in named parts — what it flags, why, how it
//! decides, how to fix — so front ends can show each part on its own (the
//! one-line summary in `copydesk rules`, the card on the page, the hover in
//! an editor) without searching the text for headings.

use serde::Deserialize;

/// A rule's documentation. Rule files give it as a map of these parts, or
/// as one text with "What it flags:", "Why:" and "How to fix:" headings
/// (read into the same parts).
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Description {
    /// What it flags, in a sentence or two, with an example of the slip.
    pub flags: String,
    /// Why it matters: the harm to readers or the style-guide entry.
    pub why: String,
    /// How the rule decides and what it leaves alone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
    /// What the writer should do instead.
    pub fix: String,
}

const FLAGS: &str = "What it flags:";
const WHY: &str = "Why:";
const FIX: &str = "How to fix:";

impl Description {
    /// What it flags as one line, capitalised (SARIF's short description,
    /// `copydesk rules`).
    pub fn summary(&self) -> String {
        let line = self.flags.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut chars = line.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The documentation as one text with its section headings, as
    /// `explain`, SARIF and the JSON rule list give it.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut section = |heading: &str, body: &str| {
            let body = body.trim();
            if body.is_empty() {
                return;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            if !heading.is_empty() {
                out.push_str(heading);
                out.push(' ');
            }
            out.push_str(body);
        };
        section(FLAGS, &self.flags);
        section(WHY, &self.why);
        section("", &self.details);
        section(FIX, &self.fix);
        out
    }

    /// Reads a text with headings. Text before any heading, or a text with
    /// none, is what it flags; everything between "Why:" and "How to fix:"
    /// is the why (a text cannot mark where details start).
    pub fn from_text(text: &str) -> Description {
        let mut parts = Description::default();
        let mut current = &mut parts.flags;
        for line in text.lines() {
            let trimmed = line.trim_start();
            let rest = if let Some(rest) = trimmed.strip_prefix(FLAGS) {
                current = &mut parts.flags;
                rest
            } else if let Some(rest) = trimmed.strip_prefix(WHY) {
                current = &mut parts.why;
                rest
            } else if let Some(rest) = trimmed.strip_prefix(FIX) {
                current = &mut parts.fix;
                rest
            } else {
                line
            };
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(rest.trim_start_matches(' '));
        }
        for part in [
            &mut parts.flags,
            &mut parts.why,
            &mut parts.details,
            &mut parts.fix,
        ] {
            *part = part.trim().to_string();
        }
        parts
    }
}

/// What a rule file may write under `description:`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(
    untagged,
    expecting = "a description: a map with `flags`, `why`, `fix` (and optional `details`), or one text"
)]
pub(super) enum DescriptionField {
    Parts(Description),
    Text(String),
}

impl DescriptionField {
    pub(super) fn into_description(self) -> Description {
        match self {
            DescriptionField::Parts(parts) => parts,
            DescriptionField::Text(text) => Description::from_text(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_headings_reads_into_parts_and_back() {
        let text =
            "What it flags: a doubled word:\n\"the the\".\nWhy: a slip.\nHow to fix: delete one.";
        let d = Description::from_text(text);
        assert_eq!(d.flags, "a doubled word:\n\"the the\".");
        assert_eq!(d.why, "a slip.");
        assert_eq!(d.fix, "delete one.");
        assert_eq!(d.text(), text);
        assert_eq!(d.summary(), "A doubled word: \"the the\".");
    }

    #[test]
    fn text_without_headings_is_what_it_flags() {
        let d = Description::from_text("Flags stray boilerplate.");
        assert_eq!(d.flags, "Flags stray boilerplate.");
        assert!(d.why.is_empty() && d.fix.is_empty());
        assert_eq!(d.text(), "What it flags: Flags stray boilerplate.");
    }

    #[test]
    fn details_sit_between_why_and_fix() {
        let d = Description {
            flags: "a thing.".into(),
            why: "it misleads.".into(),
            details: "Only in headlines.".into(),
            fix: "change it.".into(),
        };
        assert_eq!(
            d.text(),
            "What it flags: a thing.\nWhy: it misleads.\nOnly in headlines.\nHow to fix: change it."
        );
    }
}
