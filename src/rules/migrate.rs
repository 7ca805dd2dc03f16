//! Rule files written for an older copydesk: a kind that served several
//! rules through a mode key (`finds:` or `check:`) is now one kind per
//! mode, and `extends:` is the only key that picks what runs. An old file
//! gets an error at the old key that names the kind to write instead.

use super::{LoadContext, LoadError};
use crate::checks;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A kind that was split: (old kind, its mode key, the prefix of the new
/// kinds). The new kind is the prefix and the mode (`finds: mismatch` under
/// `quote_match` is `quote_mismatch`).
const SPLIT: &[(&str, &str, &str)] = &[
    ("quote_match", "finds", "quote_"),
    ("place_country", "check", "place_"),
    ("attribution", "finds", "attribution_"),
];

/// The mode keys, read leniently beside whatever else the file holds.
#[derive(Deserialize)]
struct ModeKeys {
    #[serde(default)]
    finds: Option<Spanned<String>>,
    #[serde(default)]
    check: Option<Spanned<String>>,
}

/// The error for an old rule file, or `None` when the file is current.
pub(super) fn old_selector(ctx: &LoadContext, extends: &Spanned<String>) -> Option<LoadError> {
    let keys: ModeKeys = ctx.params().ok()?;
    let split = SPLIT.iter().find(|(old, _, _)| *old == extends.value);
    for (key, mode) in [("finds", &keys.finds), ("check", &keys.check)] {
        let Some(mode) = mode else { continue };
        let Some(&(_, _, prefix)) = split.filter(|(_, k, _)| *k == key) else {
            continue;
        };
        let new = format!("{prefix}{}", mode.value);
        let mut err = ctx.error_at(
            &mode.referenced,
            format!(
                "`{key}:` no longer picks a rule's check: each finding is its own kind; \
                 write `extends: {new}` and remove this line"
            ),
        );
        if checks::kind(&new).is_none() {
            err.message = format!(
                "`{key}: {}` is not a finding of `{}`",
                mode.value, extends.value
            );
        }
        err.notes.push(format!(
            "kinds from `{}`: {}",
            extends.value,
            kinds_from(prefix)
        ));
        err.notes
            .push("changed in copydesk 0.2 (see CHANGELOG.md)".to_string());
        return Some(err);
    }
    // The old kind name alone (its default mode was implied).
    if let Some((old, key, prefix)) = split.filter(|_| checks::kind(&extends.value).is_none()) {
        let mut err = ctx.error_at(
            &extends.referenced,
            format!("the kind `{old}` was split by its `{key}:`; each finding is its own kind"),
        );
        err.notes
            .push(format!("write one of: {}", kinds_from(prefix)));
        return Some(err);
    }
    None
}

fn kinds_from(prefix: &str) -> String {
    let names: Vec<&str> = checks::KINDS
        .iter()
        .map(|k| k.name)
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::rules::{parse_rule, LoadContext, YamlSource};

    fn load_error(yaml: &str) -> crate::source::LoadError {
        let text = format!(
            "id: r\n{yaml}category: place\nseverity: error\nmessage: x\ndescription: x\nexamples: {{flag: [a], pass: [b]}}\n"
        );
        parse_rule(&LoadContext::new(YamlSource::new("r.yaml", text))).unwrap_err()
    }

    #[test]
    fn an_old_mode_key_is_an_error_at_its_line_naming_the_new_kind() {
        let err = load_error("extends: place_country\ncheck: direction\n");
        assert!(
            err.message.contains("write `extends: place_direction`"),
            "{}",
            err.message
        );
        // Located at the old key's value, on line 3 of the file.
        assert!(err.to_string().starts_with("r.yaml:3:"), "{err}");
        let err = load_error("extends: place_country\ncheck: country\n");
        assert!(
            err.message.contains("write `extends: place_country`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn attribution_finds_names_its_kind() {
        let err = load_error("extends: attribution\nfinds: duplicate\n");
        assert!(
            err.message
                .contains("write `extends: attribution_duplicate`"),
            "{}",
            err.message
        );
        let err = load_error("extends: attribution\nfinds: sideways\n");
        assert!(
            err.message
                .contains("`finds: sideways` is not a finding of `attribution`"),
            "{}",
            err.message
        );
        let err = load_error("extends: attribution\n");
        assert!(err.message.contains("was split"), "{}", err.message);
        assert!(
            err.notes.iter().any(|n| n.contains("attribution_conflict")),
            "{:?}",
            err.notes
        );
    }

    #[test]
    fn the_new_kinds_load_without_a_mode_key() {
        for kind in [
            "place_country",
            "place_direction",
            "place_contradiction",
            "attribution_duplicate",
            "attribution_conflict",
            "attribution_missing",
        ] {
            let text = format!(
                "id: r\nextends: {kind}\ncategory: place\nseverity: error\nmessage: x\ndescription: x\nexamples: {{flag: [a], pass: [b]}}\n"
            );
            assert!(parse_rule(&LoadContext::new(YamlSource::new("r.yaml", text))).is_ok());
        }
    }
}
