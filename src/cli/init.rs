//! `copydesk init`: starts a drafts repository with a commented
//! `.copydesk.yaml` (naming its JSON Schema for editors), a pre-commit
//! entry and, with `--github`, a workflow using the copydesk action.
//! Nothing is overwritten without `--force`, and nothing is written when
//! any file is refused, so a second run changes nothing.

use super::output::print_error;
use super::InitArgs;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::path::PathBuf;

const CONFIG: &str = include_str!("templates/copydesk.yaml");
const PRE_COMMIT: &str = include_str!("templates/pre-commit-config.yaml");
const WORKFLOW: &str = include_str!("templates/github-workflow.yml");
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The files `init` writes: path below the directory, and contents.
pub fn files(github: bool) -> Vec<(&'static str, String)> {
    let fill = |t: &str| {
        let action = REPOSITORY
            .trim_end_matches('/')
            .trim_start_matches("https://github.com/");
        t.replace(
            "{{schema}}",
            &format!("{REPOSITORY}/raw/v{VERSION}/docs/schema/config.schema.json"),
        )
        .replace("{{repository}}", REPOSITORY)
        .replace("{{action}}", action)
        .replace("{{version}}", VERSION)
    };
    let mut out = vec![
        (".copydesk.yaml", fill(CONFIG)),
        (".pre-commit-config.yaml", fill(PRE_COMMIT)),
    ];
    if github {
        out.push((".github/workflows/copydesk.yml", fill(WORKFLOW)));
    }
    out
}

pub fn run(args: &InitArgs) -> u8 {
    let mut stderr = StandardStream::stderr(ColorChoice::Never);
    let planned: Vec<(PathBuf, String)> = files(args.github)
        .into_iter()
        .map(|(rel, text)| (args.dir.join(rel), text))
        .collect();
    let existing: Vec<&PathBuf> = planned
        .iter()
        .map(|(p, _)| p)
        .filter(|p| p.exists())
        .collect();
    if !args.force && !existing.is_empty() {
        for p in &existing {
            let _ = print_error(
                &mut stderr,
                &p.display().to_string(),
                "already exists; not overwritten (use --force to replace it)",
            );
        }
        return 2;
    }
    for (path, text) in &planned {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, text));
        if let Err(e) = written {
            let _ = print_error(&mut stderr, &path.display().to_string(), &e.to_string());
            return 2;
        }
        println!("wrote {}", path.display());
    }
    println!("next: edit .copydesk.yaml, then `copydesk check`");
    0
}
