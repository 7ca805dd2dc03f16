//! `copydesk lsp`: a Language Server Protocol server, so writers see the
//! findings as they type. It is a front end of the engine like the CLI:
//! drafts are linted with `Engine::lint_text` under the config each one's
//! `.copydesk.yaml` gives (through a `Workspace`), findings become
//! diagnostics with their evidence as related information, fixes and
//! suppression comments become code actions, and a rule's explanation is
//! the hover. It prints nothing: it writes only to its transport.
//!
//! The loop (`run`) works over any `lsp_server::Connection`, so tests and
//! the fuzz target drive it in memory; `serve_stdio` runs it over stdin
//! and stdout with a transport that survives malformed frames.

mod actions;
mod convert;
mod documents;
mod lint;
mod requests;
mod rule_docs;
mod server;
mod settings;
mod stale;
pub mod transport;

pub use server::{run, Outcome};
pub use settings::DEFAULT_DELAY;

/// Serves one session over stdio; the outcome decides the exit status.
pub fn serve_stdio() -> std::io::Result<Outcome> {
    let (connection, threads) = transport::stdio()?;
    let outcome = run(&connection);
    drop(connection);
    threads.join();
    Ok(outcome)
}
