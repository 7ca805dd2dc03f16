//! Requests about an open document: pull diagnostics, code actions and
//! hover. A document that is not open gets an empty answer and a logged
//! warning, and positions past its end are clamped to it.

use super::actions;
use super::convert;
use super::server::Server;
use lsp_types as lsp;
use serde_json::Value;

impl Server<'_> {
    /// Whether `uri` is open; logs why the answer is empty when it is not.
    fn is_open(&self, method: &str, uri: &lsp::Url) -> bool {
        let open = self.documents.open.contains_key(uri);
        if !open {
            let message =
                format!("{method}: {uri} is not open (no didOpen), so the answer is empty");
            self.log(lsp::MessageType::WARNING, message);
        }
        open
    }

    /// `textDocument/diagnostic`: the findings of the current text,
    /// "unchanged" when the client already has them.
    pub(super) fn pull(&mut self, p: lsp::DocumentDiagnosticParams) -> Value {
        let uri = p.text_document.uri;
        self.is_open("textDocument/diagnostic", &uri);
        let _ = self.linted(&uri);
        let (items, result_id) = match self.documents.open.get(&uri) {
            Some(doc) => (
                doc.report.clone().unwrap_or_default(),
                Some(format!("{}:{}", self.generation, doc.version)),
            ),
            None => (Vec::new(), None),
        };
        let report = if result_id.is_some() && p.previous_result_id == result_id {
            lsp::DocumentDiagnosticReport::Unchanged(
                lsp::RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                        result_id: result_id.unwrap_or_default(),
                    },
                },
            )
        } else {
            lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id,
                    items,
                },
            })
        };
        serde_json::to_value(lsp::DocumentDiagnosticReportResult::Report(report))
            .unwrap_or_default()
    }

    pub(super) fn code_action(&mut self, p: lsp::CodeActionParams) -> Value {
        let encoding = self.settings.encoding;
        let uri = p.text_document.uri;
        if !self.is_open("textDocument/codeAction", &uri) {
            return Value::Array(Vec::new());
        }
        let hint = match self.documents.open.get(&uri) {
            Some(doc) => doc.path.display().to_string(),
            None => return Value::Array(Vec::new()),
        };
        let Some((engine, linted)) = self.linted(&uri) else {
            return Value::Array(Vec::new());
        };
        let (lines, text) = (linted.lines(), linted.text());
        let start = convert::offset(lines, text, p.range.start, encoding);
        let end = convert::offset(lines, text, p.range.end, encoding);
        let only = p.context.only.as_deref();
        let actions = actions::code_actions(
            &engine,
            linted,
            &uri,
            &hint,
            start.min(end)..start.max(end),
            only,
            encoding,
        );
        serde_json::to_value(actions).unwrap_or_default()
    }

    pub(super) fn hover(&mut self, p: lsp::HoverParams) -> Value {
        let encoding = self.settings.encoding;
        let at = p.text_document_position_params;
        if !self.is_open("textDocument/hover", &at.text_document.uri) {
            return Value::Null;
        }
        let Some((engine, linted)) = self.linted(&at.text_document.uri) else {
            return Value::Null;
        };
        let offset = convert::offset(linted.lines(), linted.text(), at.position, encoding);
        serde_json::to_value(actions::hover(&engine, linted, offset, encoding)).unwrap_or_default()
    }
}
