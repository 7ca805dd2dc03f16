//! What the client said at `initialize` and in its settings: the position
//! encoding, whether it pulls diagnostics, the lint delay; and what the
//! server announces in return.

use super::actions::FIX_ALL;
use super::convert::Encoding;
use lsp_types as lsp;
use serde_json::Value;
use std::time::Duration;

/// Lint this long after the last change: long enough that a burst of
/// keystrokes is linted once, short enough to feel immediate.
pub const DEFAULT_DELAY: Duration = Duration::from_millis(150);

/// How findings reach the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticMode {
    /// Pull when the client can, push otherwise.
    Auto,
    Push,
    Pull,
    Both,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub encoding: Encoding,
    pub client_pulls: bool,
    pub refresh_support: bool,
    pub dynamic_watch: bool,
    pub delay: Duration,
    pub mode: DiagnosticMode,
}

impl Settings {
    pub fn from_initialize(params: &lsp::InitializeParams) -> Settings {
        let caps = &params.capabilities;
        let utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&lsp::PositionEncodingKind::UTF8));
        let workspace = caps.workspace.as_ref();
        let mut settings = Settings {
            encoding: if utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            },
            client_pulls: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            refresh_support: workspace
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            dynamic_watch: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            delay: DEFAULT_DELAY,
            mode: DiagnosticMode::Auto,
        };
        if let Some(options) = &params.initialization_options {
            settings.update(options);
        }
        settings
    }

    /// Reads `lintDelayMs` and `diagnosticMode`, at the top level or
    /// under `copydesk` (how most clients nest a server's settings).
    /// Unknown or ill-typed values are ignored.
    pub fn update(&mut self, value: &Value) {
        let ours = value.get("copydesk").unwrap_or(value);
        if let Some(ms) = ours.get("lintDelayMs").and_then(Value::as_u64) {
            self.delay = Duration::from_millis(ms.min(60_000));
        }
        self.mode = match ours.get("diagnosticMode").and_then(Value::as_str) {
            Some("push") => DiagnosticMode::Push,
            Some("pull") => DiagnosticMode::Pull,
            Some("both") => DiagnosticMode::Both,
            Some("auto") => DiagnosticMode::Auto,
            _ => self.mode,
        };
    }

    /// Whether findings are sent with publishDiagnostics.
    pub fn push(&self) -> bool {
        match self.mode {
            DiagnosticMode::Auto => !self.client_pulls,
            DiagnosticMode::Push | DiagnosticMode::Both => true,
            DiagnosticMode::Pull => false,
        }
    }

    pub fn capabilities(&self) -> lsp::ServerCapabilities {
        let sync = lsp::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
            save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
            ..lsp::TextDocumentSyncOptions::default()
        };
        lsp::ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(sync)),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lsp::CodeActionKind::QUICKFIX,
                        lsp::CodeActionKind::new(FIX_ALL),
                    ]),
                    ..lsp::CodeActionOptions::default()
                },
            )),
            diagnostic_provider: self.client_pulls.then(|| {
                lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                    identifier: Some("copydesk".into()),
                    inter_file_dependencies: false,
                    workspace_diagnostics: false,
                    ..lsp::DiagnosticOptions::default()
                })
            }),
            ..lsp::ServerCapabilities::default()
        }
    }
}
