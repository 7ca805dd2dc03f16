//! The committed files generated from the code (JSON Schemas, docs/rules.md's
//! parameter tables and rule list) are up to date, as typos checks its
//! generated tables. `COPYDESK_BLESS=1 cargo test --test it generated_files`
//! rewrites them.

use copydesk::reference::GENERATED;
use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("COPYDESK_BLESS").is_some();
    let mut stale = Vec::new();
    for file in GENERATED {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let fresh = (file.render)(&current);
        if fresh == current {
            continue;
        }
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        } else {
            stale.push(file.path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}; run `COPYDESK_BLESS=1 cargo test --test it generated_files` and commit them"
    );
}

#[test]
fn generated_regions_are_refilled_from_the_code() {
    // The regions are filled from the code, whatever was written in them.
    let text = "intro\n<!-- generated: params repetition -->\nhand-edited\n<!-- end generated -->\noutro\n";
    let fresh = copydesk::reference::render_rules_md(text);
    assert!(fresh.contains("| `exceptions` |"), "{fresh}");
    assert!(!fresh.contains("hand-edited"));
    assert!(fresh.starts_with("intro\n") && fresh.ends_with("<!-- end generated -->\noutro\n"));
    assert_eq!(copydesk::reference::render_rules_md(&fresh), fresh);
}

fn validator(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap()
}

fn errors(v: &jsonschema::Validator, instance: &serde_json::Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn every_builtin_rule_file_is_valid_under_the_rule_schema() {
    let v = validator("docs/schema/rule.schema.json");
    for (path, text) in copydesk::rules::BUILTIN {
        let errs = errors(&v, &yaml(text));
        assert!(errs.is_empty(), "{path}: {errs:?}");
    }
}

#[test]
fn the_rule_schema_rejects_what_the_loader_rejects() {
    let v = validator("docs/schema/rule.schema.json");
    let rule = |extra: &str| {
        yaml(&format!(
            "id: house-words\nextends: existence\ncategory: style\nseverity: warning\nmessage: m\ndescription: d\nexamples: {{flag: [a], pass: [b]}}\n{extra}"
        ))
    };
    assert!(errors(&v, &rule("tokens: [x]")).is_empty());
    // A parameter of another kind, a missing required parameter, a
    // misspelt key and a bad enum value are each an error, as when loading.
    assert!(!errors(&v, &rule("tokens: [x]\nthreshold: 0.5")).is_empty());
    assert!(!errors(&v, &rule("")).is_empty());
    assert!(!errors(&v, &rule("tokens: [x]\nignorecse: true")).is_empty());
    assert!(!errors(&v, &rule("tokens: [x]\nscope: headline")).is_empty());
    let mut unknown = rule("tokens: [x]");
    unknown["extends"] = "existance".into();
    assert!(!errors(&v, &unknown).is_empty());
}

#[test]
fn the_config_schema_accepts_a_real_config_and_types_rule_params() {
    let v = validator("docs/schema/config.schema.json");
    let config = yaml(
        "rules: [house-rules]\nselect: [place, quote]\nignore: [doubled-word]\nseverity: {quote-variant: error}\nfail-level: error\nexclude: ['archive/**']\ngazetteer:\n  - {name: Little Snoring, country: GB, region: England}\nparams:\n  quote-mismatch: {threshold: 0.6}\n  my-house-rule: {anything: 1}\n",
    );
    assert!(errors(&v, &config).is_empty(), "{:?}", errors(&v, &config));
    assert!(!errors(&v, &yaml("selct: [place]")).is_empty());
    assert!(!errors(&v, &yaml("params: {quote-mismatch: {treshold: 0.6}}")).is_empty());
    assert!(!errors(&v, &yaml("fail-level: fatal")).is_empty());
}
