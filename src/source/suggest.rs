//! "Did you mean …?": the known name closest to a misspelt one.

/// The candidate most like `name` (Jaro–Winkler above 0.8), if any.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (or
/// "expected `a` or `b`"): the field most like `x`, if any.
pub fn for_unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected
        .split(|c: char| c == ',' || c.is_whitespace() || c == '`')
        .filter(|w| !w.is_empty() && !matches!(*w, "expected" | "one" | "of" | "or"))
        .collect();
    closest(field, names).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_known_name() {
        assert_eq!(closest("plaice", ["place", "quote"]), Some("place"));
        assert_eq!(closest("zzz", ["place", "quote"]), None);
        assert_eq!(
            for_unknown_field(
                "unknown field `ignorcase`, expected one of `swap`, `ignorecase`, `scope`"
            )
            .as_deref(),
            Some("ignorecase")
        );
        assert_eq!(
            for_unknown_field("unknown field `ignorcase`, expected one of swap, ignorecase")
                .as_deref(),
            Some("ignorecase")
        );
        assert_eq!(for_unknown_field("invalid type: string"), None);
    }
}
