//! Requests that are out of date when the loop reaches them. The loop is
//! synchronous, so a request waits behind whatever came before it; by
//! then the client may have cancelled it, or changed the document it is
//! about. Such requests get an error (RequestCancelled, ContentModified)
//! instead of an answer nobody will use, computed on text the editor no
//! longer shows. Editors drop these errors silently and ask again.

use super::server::Server;
use lsp_server::{ErrorCode, Message, Request, RequestId};
use serde_json::Value;

/// Requests whose answer depends on the document's current text.
const ABOUT_THE_TEXT: &[&str] = &["textDocument/codeAction", "textDocument/hover"];

impl Server<'_> {
    /// Moves what the client has already sent into `pending`, so a
    /// request can be judged against what follows it.
    fn take_queued(&mut self) {
        while let Ok(message) = self.connection.receiver.try_recv() {
            self.pending.push_back(message);
        }
    }

    /// Why `req` should get an error instead of a result, if it should: a
    /// later `$/cancelRequest` for it (consumed here), or a later change
    /// or close of the document it asks about.
    pub(super) fn staleness(&mut self, req: &Request) -> Option<(ErrorCode, String)> {
        self.take_queued();
        if let Some(i) = self.pending.iter().position(|m| cancels(m, &req.id)) {
            self.pending.remove(i);
            return Some((
                ErrorCode::RequestCanceled,
                "the request was cancelled".into(),
            ));
        }
        if !ABOUT_THE_TEXT.contains(&req.method.as_str()) {
            return None;
        }
        let uri = document_of(&req.params)?;
        self.pending.iter().any(|m| edits(m, uri)).then(|| {
            (
                ErrorCode::ContentModified,
                "the document changed after this request".into(),
            )
        })
    }
}

fn document_of(params: &Value) -> Option<&str> {
    params.pointer("/textDocument/uri")?.as_str()
}

fn cancels(message: &Message, id: &RequestId) -> bool {
    let Message::Notification(n) = message else {
        return false;
    };
    n.method == "$/cancelRequest"
        && n.params
            .get("id")
            .and_then(|v| serde_json::from_value::<RequestId>(v.clone()).ok())
            .is_some_and(|cancelled| cancelled == *id)
}

fn edits(message: &Message, uri: &str) -> bool {
    let Message::Notification(n) = message else {
        return false;
    };
    matches!(
        n.method.as_str(),
        "textDocument/didChange" | "textDocument/didClose"
    ) && document_of(&n.params) == Some(uri)
}
