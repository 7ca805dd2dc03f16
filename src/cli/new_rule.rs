//! `copydesk new-rule KIND ID`: writes a commented rule file for a check
//! kind — every parameter of the kind explained, a message using the
//! kind's fields, and examples that pass `copydesk test-rules` as written,
//! so a standards desk starts from a rule that works and edits it.

use super::output::{color_stream, print_error};
use super::{ColorChoice, NewRuleArgs};
use copydesk::checks::{self, Kind};
use copydesk::rules::{self, Category, LoadContext, YamlSource};
use std::io::Write;
use std::path::Path;

/// Hand-written templates for the kinds whose parameters are settled.
const TEMPLATES: &[(&str, &str)] = &[
    ("existence", include_str!("templates/existence.yaml")),
    ("substitution", include_str!("templates/substitution.yaml")),
    ("consistency", include_str!("templates/consistency.yaml")),
    ("repetition", include_str!("templates/repetition.yaml")),
];
const GENERIC: &str = include_str!("templates/generic.yaml");

/// The category a rule of `kind` usually has.
fn default_category(kind: &str) -> Category {
    match kind {
        k if k.starts_with("place_") => Category::Place,
        k if k.starts_with("quote_") => Category::Quote,
        k if k.starts_with("attribution_") => Category::Attribution,
        "consistency" | "name_consistency" => Category::Consistency,
        "existence" => Category::Hygiene,
        "headline_figure" | "figure_conflict" | "age_conflict" | "date_weekday" => {
            Category::Numbers
        }
        _ => Category::Style,
    }
}

/// The rule file's text for `kind`. Kinds without a template start from a
/// built-in rule of that kind (which loads and passes its examples), else
/// from a generic skeleton to be completed by hand.
pub fn scaffold(kind: &Kind, id: &str, category: Category) -> String {
    let fill = |template: &str| {
        template
            .replace("{{id}}", id)
            .replace("{{kind}}", kind.name)
            .replace("{{category}}", category.as_str())
            .replace(
                "{{fields}}",
                &kind
                    .fields
                    .iter()
                    .map(|f| format!("{{{f}}}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
    };
    if let Some((_, template)) = TEMPLATES.iter().find(|(k, _)| *k == kind.name) {
        return annotate(&fill(template), kind);
    }
    if let Some(text) = builtin_of_kind(kind.name) {
        let mut out = format!(
            "# A rule of kind `{}`, copied from a built-in rule as a working\n# start; its parameters are described in docs/rules.md. Edit, then\n# run `copydesk test-rules DIR`.\n",
            kind.name
        );
        for line in text.lines() {
            if line.starts_with("id:") {
                out.push_str(&format!("id: {id}\n"));
            } else if line.starts_with("category:") {
                out.push_str(&format!("category: {}\n", category.as_str()));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        return annotate(&out, kind);
    }
    annotate(&fill(GENERIC), kind)
}

/// Puts each parameter's description (from the kind's `Params` doc
/// comments, the one source docs/rules.md and the schema also read) above
/// the line that sets it, and lists the parameters the text leaves at
/// their defaults, commented out, before `examples:`.
fn annotate(text: &str, kind: &Kind) -> String {
    let params = rules::schema::parameters(kind);
    let comment = |p: &rules::schema::ParamDoc| {
        rules::wrap(&p.description, 74)
            .iter()
            .map(|line| format!("# {line}\n"))
            .collect::<String>()
    };
    let set_here = |name: &str| {
        text.lines().any(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':'))
        })
    };
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let key = line.split(':').next().unwrap_or("");
        if let Some(p) = params.iter().find(|p| p.name == key) {
            out.extend(comment(p).lines().map(String::from));
        }
        if line.starts_with("examples:") {
            let unset: Vec<_> = params.iter().filter(|p| !set_here(&p.name)).collect();
            if !unset.is_empty() {
                let mut block = vec![format!(
                    "# Other parameters of `{}`, at their defaults:",
                    kind.name
                )];
                for p in unset {
                    block.extend(comment(p).lines().map(String::from));
                    block.push(match &p.default {
                        Some(default) => format!("# {}: {default}", p.name),
                        None => format!("# {}:", p.name),
                    });
                }
                block.push(String::new());
                // Before the comment that introduces `examples:`.
                let at = out.len() - out.iter().rev().take_while(|l| l.starts_with('#')).count();
                out.splice(at..at, block);
            }
        }
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

fn builtin_of_kind(kind: &str) -> Option<&'static str> {
    rules::BUILTIN.iter().map(|(_, text)| *text).find(|text| {
        text.lines()
            .any(|l| l.strip_prefix("extends:").is_some_and(|v| v.trim() == kind))
    })
}

pub fn run(args: &NewRuleArgs) -> u8 {
    let mut stderr = color_stream(ColorChoice::Auto, true);
    let mut fail = |what: &str, message: &str| {
        let _ = print_error(&mut stderr, what, message);
        2
    };
    let Some(kind) = checks::kind(&args.kind) else {
        let names: Vec<&str> = checks::KINDS.iter().map(|k| k.name).collect();
        return fail(
            &args.kind,
            &format!("unknown check kind (known kinds: {})", names.join(", ")),
        );
    };
    if !is_kebab(&args.id) {
        return fail(&args.id, "a rule id must be kebab-case (a-z, 0-9, -)");
    }
    let category = match &args.category {
        None => default_category(kind.name),
        Some(name) => match Category::ALL.iter().find(|c| c.as_str() == name) {
            Some(c) => *c,
            None => {
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                return fail(
                    name,
                    &format!("unknown category (expected one of: {})", names.join(", ")),
                );
            }
        },
    };
    let path = args.dir.join(format!("{}.yaml", args.id));
    if path.exists() {
        return fail(
            &path.display().to_string(),
            "already exists; not overwritten",
        );
    }
    let text = scaffold(kind, &args.id, category);
    if let Err(e) = write_new(&args.dir, &path, &text) {
        return fail(&path.display().to_string(), &e.to_string());
    }
    let mut out = format!("created {}\n", path.display());
    let ctx = LoadContext::new(YamlSource::new(path.display().to_string(), text));
    match rules::parse_rule(&ctx) {
        Ok(_) => out.push_str(&format!(
            "edit it, then run: copydesk test-rules {}\n",
            args.dir.display()
        )),
        Err(e) => out.push_str(&format!(
            "complete it by hand before it loads ({e}); then run: copydesk test-rules {}\n",
            args.dir.display()
        )),
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// Creates the directory if needed and the file only if it is new.
fn write_new(dir: &Path, path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk::lint::example_failure;

    /// Every kind's scaffold loads and its examples behave as written.
    #[test]
    fn every_template_loads_and_passes_its_examples() {
        for kind in checks::KINDS {
            let text = scaffold(kind, "house-rule", default_category(kind.name));
            let ctx = LoadContext::new(YamlSource::new("house-rule.yaml", text.clone()));
            let rule = match rules::parse_rule(&ctx) {
                Ok(r) => r,
                Err(e) => panic!("{}: scaffold does not load: {e}\n{text}", kind.name),
            };
            assert_eq!(rule.id, "house-rule");
            for (example, flag) in rule
                .examples
                .flag
                .iter()
                .map(|e| (e, true))
                .chain(rule.examples.pass.iter().map(|e| (e, false)))
            {
                assert_eq!(
                    example_failure(&rule, example, flag),
                    None,
                    "{}: {example}",
                    kind.name
                );
            }
        }
    }
}
