//! A rule's documentation as `copydesk explain` prints it and the language
//! server's hover shows it.

use super::Rule;

/// The rule's documentation as `explain` prints it.
pub fn explain_text(rule: &Rule) -> String {
    let mut s = format!(
        "{} ({} {}, kind `{}`)\n\n{}\n",
        rule.id,
        rule.category.as_str(),
        rule.severity.as_str(),
        rule.kind,
        rule.description.text()
    );
    s.push_str(&format!("\nMessage: {}\n", rule.message));
    if let Some(kind) = crate::checks::kind(rule.kind) {
        s.push_str(&format!("Kind: `{}` — {}\n", kind.name, kind.summary));
    }
    let params = rule.check.parameters();
    let docs = crate::checks::kind(rule.kind)
        .map(super::schema::parameters)
        .unwrap_or_default();
    if !params.is_empty() {
        s.push_str("\nParameters (the values in use, each under what it means):\n");
        for (k, v) in params {
            let meaning = docs.iter().find(|d| d.name == k).map(|d| &d.description);
            for line in wrap(meaning.map_or("", |m| m.as_str()), 70) {
                s.push_str(&format!("  # {line}\n"));
            }
            // Long lists ("a -> b; c -> d") read better one item a line.
            let items: Vec<&str> = v.split("; ").collect();
            if items.len() > 1 {
                s.push_str(&format!("  {k}:\n"));
                for item in items {
                    s.push_str(&format!("    {item}\n"));
                }
            } else {
                s.push_str(&format!("  {k}: {v}\n"));
            }
        }
    }
    s.push_str("\nFlags (each must give a finding):\n");
    for e in &rule.examples.flag {
        s.push_str(&format!("  - {}\n", e.trim_end().replace('\n', "\n    ")));
    }
    s.push_str("\nPasses (each must give none):\n");
    for e in &rule.examples.pass {
        s.push_str(&format!("  - {}\n", e.trim_end().replace('\n', "\n    ")));
    }
    if let Some(link) = &rule.link {
        s.push_str(&format!("\nSee: {link}\n"));
    }
    s.push_str(&format!("\nDefined in {}\n", rule.origin));
    s
}

/// Greedy word wrap at `width` characters (a word longer than that keeps
/// its own line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            super::wrap("aa bb cc dd", 5),
            vec!["aa bb".to_string(), "cc dd".to_string()]
        );
        assert_eq!(super::wrap("", 5), Vec::<String>::new());
    }
}
