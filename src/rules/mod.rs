//! YAML rules: one rule a file. Loading is two-stage: the shared fields
//! (id, extends, category, severity, message, description, examples) are
//! read first, then the kind named by `extends` reads the whole file again
//! into its own strict struct, so unknown keys are errors at their line.

mod description;
mod explain;
mod migrate;
pub mod schema;
mod template;

pub use crate::checks::LoadContext;
pub use crate::source::{yaml, LoadError, YamlSource};
pub use description::Description;
pub use explain::{explain_text, wrap};
pub use template::render as render_message;

use crate::checks::{self, Check};
use crate::diagnostic::Severity;
use crate::gazetteer::LocalPlace;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The rule's category, as in the JSON contract and `--select`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// A place put in the wrong country or region.
    Place,
    /// A quotation the body does not support.
    Quote,
    /// Duplicate, conflicting or missing attributions.
    Attribution,
    /// One thing named or spelled two ways.
    Consistency,
    /// House style.
    Style,
    /// Web furniture and leftovers in the copy.
    Hygiene,
    /// Figures, ages and dates that disagree with each other.
    Numbers,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 7] = [
        Category::Place,
        Category::Quote,
        Category::Attribution,
        Category::Consistency,
        Category::Style,
        Category::Hygiene,
        Category::Numbers,
    ];

    /// The name used in rule files, configs and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Place => "place",
            Category::Quote => "quote",
            Category::Attribution => "attribution",
            Category::Consistency => "consistency",
            Category::Style => "style",
            Category::Hygiene => "hygiene",
            Category::Numbers => "numbers",
        }
    }
}

/// Text a rule must flag and text it must leave alone.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must give at least one finding of the rule.
    #[serde(default)]
    pub flag: Vec<String>,
    /// Each must give none: put every false alarm you meet here.
    #[serde(default)]
    pub pass: Vec<String>,
}

/// Per-rule parameter overrides from the config: rule id -> key -> value.
pub type ParamOverrides = BTreeMap<String, BTreeMap<String, serde_json::Value>>;

/// What a config adds to rule loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Per-rule parameters from the config's `params:`.
    pub params: ParamOverrides,
    /// The config's `gazetteer:` additions.
    pub local_places: Arc<Vec<LocalPlace>>,
}

/// The shared fields every rule file has. Their doc comments are the
/// rule-file schema's descriptions (docs/schema/rule.schema.json).
#[derive(Deserialize, schemars::JsonSchema)]
struct CommonFields {
    /// Unique, kebab-case and stable: users select, ignore and suppress the
    /// rule by it.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    id: Spanned<String>,
    /// The check kind this rule configures; its parameters sit beside these
    /// fields.
    #[schemars(with = "String")]
    extends: Spanned<String>,
    category: Category,
    /// How serious a finding is: fact errors are errors, style is a warning.
    severity: Severity,
    /// The finding's message; `{name}` is filled from the finding's field
    /// `name` (each kind lists its fields).
    #[schemars(with = "String")]
    message: Spanned<String>,
    /// What the rule flags, why, how it decides, how to fix.
    description: description::DescriptionField,
    /// A page with more about the rule (the style-guide entry).
    #[serde(default)]
    link: Option<String>,
    /// Texts the rule must flag and texts it must leave alone, run by
    /// `copydesk test-rules` and the test suite.
    #[schemars(with = "Examples")]
    examples: Spanned<Examples>,
}

/// A loaded, compiled rule.
pub struct Rule {
    /// Unique, kebab-case id.
    pub id: String,
    /// The check kind it extends.
    pub kind: &'static str,
    /// Its category.
    pub category: Category,
    /// The rule's own severity (before config overrides).
    pub severity: Severity,
    /// The message template.
    pub message: String,
    /// What it flags, why, how to fix.
    pub description: Description,
    /// A page with more about the rule.
    pub link: Option<String>,
    /// Texts it must flag and must pass.
    pub examples: Examples,
    /// Where it came from: `rules/style/druze-plural.yaml` or a user path.
    pub origin: String,
    /// The compiled check.
    pub check: Box<dyn Check>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish()
    }
}

/// Parses and compiles one rule file.
pub fn parse_rule(ctx: &LoadContext) -> Result<Rule, LoadError> {
    let common: CommonFields = ctx.params()?;
    let id = &common.id;
    if !is_kebab(&id.value) {
        return Err(ctx.error_at(
            &id.referenced,
            format!("rule id `{}` must be kebab-case (a-z, 0-9, -)", id.value),
        ));
    }
    if let Some(err) = migrate::old_selector(ctx, &common.extends) {
        return Err(err);
    }
    let Some(kind) = checks::kind(&common.extends.value) else {
        let names: Vec<&str> = checks::KINDS.iter().map(|k| k.name).collect();
        let mut err = ctx.error_at(
            &common.extends.referenced,
            format!("unknown check kind `{}`", common.extends.value),
        );
        err.notes.push(format!("known kinds: {}", names.join(", ")));
        return Err(err);
    };
    let examples = &common.examples;
    if examples.value.flag.is_empty() || examples.value.pass.is_empty() {
        return Err(ctx.error_at(
            &examples.referenced,
            "a rule needs at least one `flag` and one `pass` example",
        ));
    }
    for name in template::placeholders(&common.message.value) {
        if !kind.fields.contains(&name) {
            let mut err = ctx.error_at(
                &common.message.referenced,
                format!(
                    "message uses `{{{name}}}`, which `{}` does not provide",
                    kind.name
                ),
            );
            err.notes.push(format!(
                "fields of `{}`: {}",
                kind.name,
                kind.fields.join(", ")
            ));
            return Err(err);
        }
    }
    let check = (kind.build)(ctx)?;
    Ok(Rule {
        id: common.id.value,
        kind: kind.name,
        category: common.category,
        severity: common.severity,
        message: common.message.value,
        description: common.description.into_description(),
        link: common.link,
        examples: common.examples.value,
        origin: ctx.source.path.clone(),
        check,
    })
}

/// The `id:` of a rule file, read cheaply before parsing (to find its overrides).
fn rule_id_of(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|l| l.strip_prefix("id:"))
        .map(|v| v.trim().trim_matches(['"', '\'']))
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Built-in rule files, embedded at build time: (path, YAML text).
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// All rules in force, keyed by id so order is stable.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: BTreeMap<String, Rule>,
}

impl RuleSet {
    /// The built-in rules plus every `*.yaml`/`*.yml` file in `dirs`.
    /// All broken files are reported, not just the first.
    pub fn load(
        include_builtin: bool,
        dirs: &[impl AsRef<Path>],
    ) -> Result<RuleSet, Vec<LoadError>> {
        Self::load_with(include_builtin, dirs, &LoadOptions::default())
    }

    /// Like `load`, with the config's per-rule parameters applied (an
    /// override naming no loaded rule is an error) and its local places.
    pub fn load_with(
        include_builtin: bool,
        dirs: &[impl AsRef<Path>],
        options: &LoadOptions,
    ) -> Result<RuleSet, Vec<LoadError>> {
        let mut sources: Vec<YamlSource> = Vec::new();
        if include_builtin {
            sources.extend(BUILTIN.iter().map(|(p, t)| YamlSource::new(*p, *t)));
        }
        let mut errors = Vec::new();
        for dir in dirs {
            match read_rule_dir(dir.as_ref()) {
                Ok(found) => sources.extend(found),
                Err(e) => errors.push(e),
            }
        }
        let mut set = RuleSet::default();
        let mut seen = std::collections::HashSet::new();
        for source in sources {
            let id = rule_id_of(&source.text).map(str::to_string);
            seen.extend(id.clone());
            let mut ctx =
                LoadContext::with_overrides(source, id.and_then(|id| options.params.get(&id)));
            ctx.local_places = Arc::clone(&options.local_places);
            match parse_rule(&ctx) {
                Ok(rule) => {
                    if let Some(err) = set.insert(rule, &ctx) {
                        errors.push(err);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        for id in options.params.keys().filter(|id| !seen.contains(*id)) {
            errors.push(YamlSource::new("config", "").error_span(
                0..0,
                format!("`params` names rule `{id}`, which is not loaded"),
            ));
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// The built-in rules, compiled into the binary.
    pub fn builtin() -> Result<RuleSet, Vec<LoadError>> {
        Self::load(true, &[] as &[&Path])
    }

    /// Adds a rule; a duplicate id is an error at the second file's `id`.
    fn insert(&mut self, rule: Rule, ctx: &LoadContext) -> Option<LoadError> {
        if let Some(first) = self.rules.get(&rule.id) {
            let at = ctx
                .source
                .text
                .find(&format!("id: {}", rule.id))
                .map_or(0..0, |s| s..s + 3 + rule.id.len() + 1);
            let mut err = ctx
                .source
                .error_span(at, format!("duplicate rule id `{}`", rule.id));
            err.notes.push(format!("first defined in {}", first.origin));
            return Some(err);
        }
        self.rules.insert(rule.id.clone(), rule);
        None
    }

    /// The rule with id `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.get(id)
    }

    /// Every rule, in load order.
    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values()
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Reads every rule file below `dir`, sorted by path.
pub fn read_rule_dir(dir: &Path) -> Result<Vec<YamlSource>, LoadError> {
    let io_error = |e: &dyn std::fmt::Display| {
        YamlSource::new(dir.display().to_string(), "")
            .error_span(0..0, format!("cannot read rule directory: {e}"))
    };
    let mut paths = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
    {
        let entry = entry.map_err(|e| io_error(&e))?;
        let path = entry.path();
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if is_yaml && entry.file_type().is_some_and(|t| t.is_file()) {
            paths.push(path.to_path_buf());
        }
    }
    if paths.is_empty() && !dir.exists() {
        return Err(io_error(&"no such directory"));
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let bytes = std::fs::read(&p).map_err(|e| {
                YamlSource::new(&name, "").error_span(0..0, format!("cannot read rule file: {e}"))
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                YamlSource::new(&name, "").error_span(
                    0..0,
                    format!(
                        "rule file is not valid UTF-8 (byte {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            Ok(YamlSource::new(name, text))
        })
        .collect()
}
