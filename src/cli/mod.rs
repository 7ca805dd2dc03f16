//! Command-line interface: flags are defined (and documented) once here;
//! each subcommand lives in its own module and returns an exit code.

mod changed;
mod check;
mod files;
mod init;
mod interrupt;
mod new_rule;
mod output;
mod rule_commands;
mod sync;
mod vcs;
mod write;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// copydesk: an editorial fact-check and consistency linter for news drafts.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files or directories (default: the current directory; `-` reads stdin).
    Check(CheckArgs),
    /// List the rules in force: id, category, severity, kind.
    Rules(RulesArgs),
    /// Show a rule's description, parameters and examples.
    Explain {
        /// Rule id, e.g. `place-country`.
        rule: String,
        /// Config file whose rule directories to include.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Validate rule files and run their `flag`/`pass` examples.
    TestRules {
        /// Rule directories to test (default: the built-in rules).
        dirs: Vec<PathBuf>,
    },
    /// Write a commented rule file for a check kind, ready to edit and test.
    NewRule(NewRuleArgs),
    /// Run the language server on stdin/stdout, for editors (docs/editors.md).
    Lsp,
    /// Start a drafts repository: a commented .copydesk.yaml, a pre-commit
    /// entry and, with --github, a workflow using the copydesk action.
    Init(InitArgs),
    /// Fetch the config's rule packages into .copydesk/packages/ (runs never fetch).
    Sync {
        /// Config file (default: the nearest .copydesk.yaml).
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Directory to write the files into.
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Also write .github/workflows/copydesk.yml (the copydesk action).
    #[arg(long)]
    pub github: bool,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct NewRuleArgs {
    /// Check kind the rule extends (see `copydesk rules` or docs/rules.md).
    pub kind: String,
    /// Rule id, kebab-case; the file is named after it.
    pub id: String,
    /// Directory to write `ID.yaml` into (created if missing).
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Category: place, quote, attribution, consistency, style or hygiene
    /// [default: the kind's usual one].
    #[arg(long)]
    pub category: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style diagnostics with source lines.
    Human,
    /// One JSON object (versioned; see DESIGN.md).
    Json,
    /// One JSON object per diagnostic per line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// GitLab Code Quality report (the `codequality` artifact).
    Gitlab,
    /// reviewdog Diagnostic Format, JSON lines (`reviewdog -f=rdjsonl`).
    Rdjsonl,
    /// Checkstyle XML.
    Checkstyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Error,
    Warning,
    Info,
}

impl From<Level> for copydesk::diagnostic::Severity {
    fn from(l: Level) -> Self {
        match l {
            Level::Error => copydesk::diagnostic::Severity::Error,
            Level::Warning => copydesk::diagnostic::Severity::Warning,
            Level::Info => copydesk::diagnostic::Severity::Info,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories; `-` reads stdin. Directories are walked
    /// honouring .gitignore, skipping symbolic links (see --follow) and
    /// anything that is not a regular file; a named FIFO, socket or device
    /// is refused, not read.
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links when walking directories (a file reached twice
    /// is linted once; a link loop is reported). Named links are always
    /// followed.
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Use this config file instead of discovering `.copydesk.yaml` upwards.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Only run these rules or categories (comma-separated); replaces the config's `select`.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules or categories (comma-separated); added to the config's `ignore`.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 1 when a finding reaches this severity [default: warning, or the config's].
    #[arg(long, value_enum)]
    pub fail_level: Option<Level>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The drafts' date (YYYY-MM-DD), for weekdays written with a date but
    /// no year; a draft's front matter `date:` wins. Replaces the config's `date`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<copydesk::document::CalendarDate>,
    /// The path to report (and to find config from) when reading stdin with `-`.
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,
    /// Apply safe fixes to the files in place (atomically), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them; exit 1 if there are any.
    #[arg(long)]
    pub diff: bool,
    /// Only report findings on lines changed since this git revision (`git diff REF`).
    #[arg(long, value_name = "REF", conflicts_with = "diff_file")]
    pub diff_base: Option<String>,
    /// Only report findings on lines this unified diff adds or changes.
    #[arg(long, value_name = "PATCH")]
    pub diff_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Config file whose rule directories to include.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Parses arguments and runs; the exit code follows DESIGN.md
/// (0 clean, 1 findings at or above the fail level, 2 errors).
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules(args) => rule_commands::list(args.config.as_deref()),
        Command::Explain { rule, config } => rule_commands::explain(&rule, config.as_deref()),
        Command::TestRules { dirs } => rule_commands::test_rules(&dirs),
        Command::NewRule(args) => new_rule::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Sync { config } => sync::run(config.as_deref()),
        Command::Lsp => match copydesk::lsp::serve_stdio() {
            Ok(copydesk::lsp::Outcome::Clean) => 0,
            Ok(copydesk::lsp::Outcome::Abrupt) => 1,
            Err(e) => {
                eprintln!("error: cannot start the language server: {e}");
                2
            }
        },
    };
    ExitCode::from(code)
}

/// `--date`: a calendar date written YYYY-MM-DD.
fn parse_date(text: &str) -> Result<copydesk::document::CalendarDate, String> {
    copydesk::document::CalendarDate::parse_iso(text)
        .filter(|_| text.len() == 10)
        .ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
}
