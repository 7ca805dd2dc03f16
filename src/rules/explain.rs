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
        rule.description.trim_end()
    );
    s.push_str(&format!("\nMessage: {}\n", rule.message));
    if let Some(kind) = crate::checks::kind(rule.kind) {
        s.push_str(&format!("Kind: `{}` — {}\n", kind.name, kind.summary));
    }
    let params = rule.check.parameters();
    if !params.is_empty() {
        s.push_str("\nParameters:\n");
        for (k, v) in params {
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
