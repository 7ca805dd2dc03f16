//! Command-line interface: flags are defined (and documented) once here;
//! each subcommand lives in its own module and returns an exit code.

mod check;
mod files;
mod rule_commands;

pub use rule_commands::{example_failure, explain_text};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style diagnostics with source lines.
    Human,
    /// One JSON object (versioned; see DESIGN.md).
    Json,
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

impl From<Level> for crate::diagnostic::Severity {
    fn from(l: Level) -> Self {
        match l {
            Level::Error => crate::diagnostic::Severity::Error,
            Level::Warning => crate::diagnostic::Severity::Warning,
            Level::Info => crate::diagnostic::Severity::Info,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories; directories are walked honouring .gitignore.
    pub paths: Vec<PathBuf>,
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
    /// The path to report (and to find config from) when reading stdin with `-`.
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,
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
    };
    ExitCode::from(code)
}
