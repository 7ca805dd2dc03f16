//! JSON Schemas derived from the code: a rule file's (the shared fields
//! plus, for each check kind, its own parameters) and each kind's
//! parameters as documentation rows. docs/schema/ and docs/rules.md are
//! generated from these, and a test fails when the committed ones are stale.

use super::{CommonFields, BUILTIN};
use crate::checks::{self, Kind};
use serde_json::{json, Map, Value};

/// One parameter of a check kind, as the docs and `explain` describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDoc {
    /// The key in a rule file (kebab-case).
    pub name: String,
    /// The JSON type, or the allowed values ("all | body | …").
    pub type_name: String,
    /// The default in YAML flow syntax, or None when the key is required.
    pub default: Option<String>,
    pub required: bool,
    pub description: String,
}

/// The parameters of `kind`, in the order of its struct.
pub fn parameters(kind: &Kind) -> Vec<ParamDoc> {
    let schema = (kind.params)();
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, property)| ParamDoc {
            name: name.clone(),
            type_name: type_name(property),
            default: property.get("default").map(flow),
            required: required.contains(&name.as_str()),
            description: property
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

fn type_name(property: &Value) -> String {
    if let Some(values) = property.get("enum").and_then(Value::as_array) {
        return one_of(values.iter());
    }
    // An enum whose variants are documented: `oneOf` of constants.
    if let Some(variants) = property.get("oneOf").and_then(Value::as_array) {
        let consts: Vec<&Value> = variants.iter().filter_map(|v| v.get("const")).collect();
        if consts.len() == variants.len() {
            return one_of(consts.into_iter());
        }
    }
    let types: Vec<&str> = match property.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let types: Vec<&str> = types.into_iter().filter(|t| *t != "null").collect();
    match types.as_slice() {
        ["array"] => {
            let item = property.get("items").map(type_name).unwrap_or_default();
            match item.strip_prefix("one of: ") {
                Some(values) => format!("list of: {values}"),
                None if item.is_empty() => "list".into(),
                None => format!("list of {item}"),
            }
        }
        ["object"] => "map".into(),
        [t] => (*t).into(),
        _ => String::new(),
    }
}

fn one_of<'a>(values: impl Iterator<Item = &'a Value>) -> String {
    format!(
        "one of: {}",
        values.map(flow).collect::<Vec<_>>().join(", ")
    )
}

/// A JSON value as YAML flow syntax reads it (strings bare when safe).
fn flow(value: &Value) -> String {
    match value {
        Value::String(s) if !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '-') => {
            s.clone()
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// The built-in rules' ids and kinds, read from their files' text (no
/// rule is compiled).
pub fn builtin_ids() -> Vec<(&'static str, &'static str)> {
    BUILTIN
        .iter()
        .filter_map(|(_, text)| {
            let field = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.trim().trim_matches('"'))
            };
            Some((field("id:")?, field("extends:")?))
        })
        .collect()
}

/// The schema of a rule file: the shared fields, and for each kind (picked
/// by `extends`) its own parameters, every other key an error — as the
/// loader does. Draft-07 `if`/`then`, which yaml-language-server reads.
pub fn rule_file_schema() -> Value {
    let common = checks::params_schema::<CommonFields>().to_value();
    let mut properties = common["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let names: Vec<&str> = checks::KINDS.iter().map(|k| k.name).collect();
    properties.insert(
        "extends".into(),
        json!({
            "description": common["properties"]["extends"]["description"],
            "enum": names,
        }),
    );
    let shared: Vec<String> = properties.keys().cloned().collect();
    let per_kind: Vec<Value> = checks::KINDS
        .iter()
        .map(|kind| {
            let params = (kind.params)().to_value();
            let mut own = params["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for name in &shared {
                own.insert(name.clone(), Value::Bool(true));
            }
            let mut then = Map::new();
            then.insert("description".into(), json!(kind.summary));
            then.insert("properties".into(), Value::Object(own));
            if let Some(required) = params.get("required") {
                then.insert("required".into(), required.clone());
            }
            then.insert("additionalProperties".into(), Value::Bool(false));
            json!({
                "if": {"properties": {"extends": {"const": kind.name}}, "required": ["extends"]},
                "then": then,
            })
        })
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "copydesk rule",
        "description": "One copydesk rule: the shared fields and the parameters of the check kind it extends. Generated from the code; see docs/rules.md.",
        "type": "object",
        "required": common["required"],
        "properties": properties,
        "allOf": per_kind,
    })
}

/// For a config's `params:`: each built-in rule's id with its kind's
/// parameters (none required: the rule file already sets them).
pub fn builtin_params_schema() -> Value {
    let mut rules = Map::new();
    for (id, kind_name) in builtin_ids() {
        let Some(kind) = checks::kind(kind_name) else {
            continue;
        };
        let params = (kind.params)().to_value();
        rules.insert(
            id.to_string(),
            json!({
                "description": format!("Parameters of `{id}` (kind `{kind_name}`)."),
                "type": "object",
                "properties": params.get("properties").cloned().unwrap_or_else(|| json!({})),
                "additionalProperties": false,
            }),
        );
    }
    json!({
        "description": "Per-rule parameters: rule id -> parameter -> value, as in the rule's own file.",
        "type": "object",
        "properties": rules,
        "additionalProperties": {"type": "object"},
    })
}
