//! Message templates: `{name}` is replaced by the finding's field `name`.

/// Names used as `{name}` in a template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

/// Fills `template` from `fields`; unknown names are left as written.
pub fn render(template: &str, fields: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            fields
                .iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|(_, v)| (close, v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_fields_and_keeps_unknown() {
        let fields = vec![("match", "Druzes".to_string())];
        assert_eq!(
            render("use Druze, not {match} {x}", &fields),
            "use Druze, not Druzes {x}"
        );
        assert_eq!(placeholders("{a} and {b_c} {}"), vec!["a", "b_c"]);
    }
}
