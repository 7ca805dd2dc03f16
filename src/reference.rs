//! Reference documentation generated from the code: the JSON Schemas for
//! rule files and `.copydesk.yaml` (docs/schema/), and docs/rules.md's
//! parameter tables and built-in rule list. Each kind's parameters are
//! described once, on its `Params` struct; everything here derives from
//! that, and a test fails when a committed file is stale (run the tests with
//! `COPYDESK_BLESS=1` to rewrite them).

use crate::checks;
use crate::rules::schema::{parameters, rule_file_schema};
use crate::rules::RuleSet;

/// A generated file: its path in the repository and how to make it from
/// its current text (docs/rules.md keeps its hand-written prose).
pub struct Generated {
    pub path: &'static str,
    pub render: fn(&str) -> String,
}

/// Every file generated from the code.
pub const GENERATED: &[Generated] = &[
    Generated {
        path: "docs/schema/rule.schema.json",
        render: |_| pretty(&rule_file_schema()),
    },
    Generated {
        path: "docs/schema/config.schema.json",
        render: |_| pretty(&crate::config::config_schema()),
    },
    Generated {
        path: "docs/rules.md",
        render: render_rules_md,
    },
];

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

const BEGIN: &str = "<!-- generated: ";
const END: &str = "<!-- end generated -->";

/// Fills every `<!-- generated: WHAT -->` … `<!-- end generated -->`
/// region of `text`: `params KIND` with the kind's parameter table,
/// `builtin-rules` with the list of built-in rules.
pub fn render_rules_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(BEGIN) {
        let Some(close) = rest[at..].find("-->").map(|i| at + i + 3) else {
            break;
        };
        let what = rest[at + BEGIN.len()..close - 3].trim();
        let Some(end) = rest[close..].find(END).map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..close]);
        out.push('\n');
        out.push_str(&region(what));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn region(what: &str) -> String {
    if what == "builtin-rules" {
        return builtin_rules_table();
    }
    let Some(kind) = what.strip_prefix("params ").and_then(checks::kind) else {
        return format!("(unknown generated region `{what}`)\n");
    };
    let params = parameters(kind);
    if params.is_empty() {
        return "No parameters.\n".into();
    }
    let mut s =
        String::from("| parameter | type | default | meaning |\n| --- | --- | --- | --- |\n");
    for p in params {
        let default = match (&p.default, p.required) {
            (_, true) => "required".to_string(),
            (Some(d), _) => format!("`{d}`"),
            (None, _) => "—".to_string(),
        };
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            p.name,
            p.type_name,
            default,
            p.description.replace('|', "\\|")
        ));
    }
    s
}

fn builtin_rules_table() -> String {
    let Ok(rules) = RuleSet::builtin() else {
        return "(the built-in rules do not load)\n".into();
    };
    let mut rows: Vec<_> = rules.iter().collect();
    rows.sort_by_key(|r| (r.category, r.id.clone()));
    let mut s = String::from(
        "| rule | category | severity | kind | what it flags |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in rows {
        s.push_str(&format!(
            "| `{}` | {} | {} | `{}` | {} |\n",
            rule.id,
            rule.category.as_str(),
            rule.severity.as_str(),
            rule.kind,
            rule.description.summary().replace('|', "\\|")
        ));
    }
    s
}
