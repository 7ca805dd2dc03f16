//! Linting an open document with the engine its config gives, and sending
//! the findings; config and rule files that fail to load get their error
//! as a diagnostic of their own, and drafts keep the last good settings.

use super::convert;
use super::server::Server;
use crate::engine::{Engine, Linted};
use crate::rules::LoadError;
use lsp_types as lsp;
use lsp_types::Url;
use std::path::Path;
use std::sync::Arc;

impl Server<'_> {
    /// The engine for a draft: its config's, or on a load error the last
    /// good one (shown as an error in the broken file).
    fn engine_for(&mut self, uri: &Url) -> Option<(Arc<Engine>, Option<lsp::Diagnostic>)> {
        let doc = self.documents.open.get(uri)?;
        let path = doc.path.clone();
        let previous = doc.engine.clone();
        match self.workspace.engine_for(&path) {
            Ok(engine) => {
                self.fallback = Some(Arc::clone(&engine));
                Some((engine, None))
            }
            Err(errors) => {
                let notice = self.show_load_errors(&errors);
                let engine = previous.or_else(|| self.fallback.clone()).or_else(|| {
                    let builtin = Engine::builtin().ok().map(Arc::new);
                    self.fallback = builtin.clone();
                    builtin
                })?;
                Some((engine, Some(notice)))
            }
        }
    }

    /// Publishes each error in its file; returns the notice for the draft.
    fn show_load_errors(&mut self, errors: &[LoadError]) -> lsp::Diagnostic {
        let mut by_file: Vec<(Url, Vec<lsp::Diagnostic>)> = Vec::new();
        for e in errors {
            let Some(uri) = file_uri(&e.path) else {
                continue;
            };
            let d = convert::load_error(e, self.settings.encoding);
            match by_file.iter_mut().find(|(u, _)| *u == uri) {
                Some((_, list)) => list.push(d),
                None => by_file.push((uri, vec![d])),
            }
        }
        for (uri, list) in by_file {
            self.broken_files.insert(uri.clone());
            self.publish(uri, list, None);
        }
        let first = errors.first().map_or_else(String::new, ToString::to_string);
        convert::whole_file(
            format!("copydesk settings do not load, so the last good ones are used: {first}"),
            lsp::DiagnosticSeverity::ERROR,
        )
    }

    /// Lints the current text of `uri` and sends (or keeps, for a pull)
    /// its findings.
    pub(super) fn lint(&mut self, uri: &Url) {
        let Some((engine, notice)) = self.engine_for(uri) else {
            return;
        };
        let encoding = self.settings.encoding;
        let Some(doc) = self.documents.open.get_mut(uri) else {
            return;
        };
        doc.due = None;
        doc.engine = Some(Arc::clone(&engine));
        let mut report = Vec::new();
        if doc.text.len() as u64 > engine.max_file_size() {
            doc.linted = None;
            report.push(convert::whole_file(
                format!(
                    "not linted: the draft is {} bytes, above the limit of {} (raise `max-file-size` in .copydesk.yaml)",
                    doc.text.len(),
                    engine.max_file_size()
                ),
                lsp::DiagnosticSeverity::WARNING,
            ));
        } else {
            let hint = doc.path.display().to_string();
            let text = doc.text.clone();
            // A bug in a check must cost one lint, not the session.
            let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                engine.lint_text(&hint, text)
            }));
            match linted {
                Ok(linted) => {
                    report = convert::diagnostics(&engine, &linted, uri, encoding);
                    doc.linted = Some(linted);
                }
                Err(_) => {
                    doc.linted = None;
                    report.push(convert::whole_file(
                        "copydesk failed on this draft (an internal error; please report it)"
                            .into(),
                        lsp::DiagnosticSeverity::ERROR,
                    ));
                }
            }
        }
        report.extend(notice);
        doc.report = Some(report.clone());
        let version = Some(doc.version);
        if self.settings.push() {
            self.publish(uri.clone(), report, version);
        }
    }

    /// The current lint of an open document, linting it first if it
    /// changed since.
    pub(super) fn linted(&mut self, uri: &Url) -> Option<(Arc<Engine>, &Linted)> {
        let stale = self.documents.open.get(uri)?.report.is_none();
        if stale {
            self.lint(uri);
        }
        let doc = self.documents.open.get(uri)?;
        Some((doc.engine.clone()?, doc.linted.as_ref()?))
    }

    pub(super) fn publish(
        &self,
        uri: Url,
        diagnostics: Vec<lsp::Diagnostic>,
        version: Option<i32>,
    ) {
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// A config or rule file changed: forget every engine, clear the old
    /// load errors and lint every open draft again.
    pub(super) fn reload(&mut self) {
        self.workspace.reload();
        self.generation += 1;
        for uri in std::mem::take(&mut self.broken_files) {
            self.publish(uri, Vec::new(), None);
        }
        let mut uris: Vec<Url> = self.documents.open.keys().cloned().collect();
        uris.sort();
        for uri in &uris {
            if let Some(doc) = self.documents.open.get_mut(uri) {
                doc.report = None;
                doc.linted = None;
            }
            self.lint(uri);
        }
        if !self.settings.push() && self.settings.refresh_support {
            self.request::<lsp::request::WorkspaceDiagnosticRefresh>(());
        }
    }
}

/// The URI of an error's file, when it names one that exists.
fn file_uri(path: &str) -> Option<Url> {
    let path = Path::new(path);
    if !path.is_file() {
        return None;
    }
    let absolute = std::fs::canonicalize(path).ok()?;
    Url::from_file_path(absolute).ok()
}
