//! The message loop: initialize, then requests and notifications until
//! `exit` or the client goes away. Every message gets an answer or is
//! logged; nothing a client sends ends the loop except `exit`.

use super::documents::{Documents, OpenDocument, LANGUAGES};
use super::settings::Settings;
use super::transport::MALFORMED;
use crate::engine::{Engine, Overrides, Workspace};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::Instant;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// `shutdown` then `exit`: exit status 0.
    Clean,
    /// `exit` without `shutdown`, or the client went away: exit status 1.
    Abrupt,
}

pub(super) struct Server<'a> {
    pub(super) connection: &'a Connection,
    pub(super) settings: Settings,
    pub(super) workspace: Workspace,
    pub(super) documents: Documents,
    /// The last engine that loaded, for drafts first seen while their
    /// config is broken.
    pub(super) fallback: Option<Arc<Engine>>,
    /// Config and rule files showing a load error.
    pub(super) broken_files: HashSet<lsp::Url>,
    /// Bumped on every reload, so pull result ids change with the config.
    pub(super) generation: u64,
    /// Messages read ahead of the one being handled (see `stale`).
    pub(super) pending: VecDeque<Message>,
    shut_down: bool,
    next_request: i32,
}

/// Runs a session over `connection` (stdio, or `Connection::memory()` in
/// tests) until `exit` or disconnection.
pub fn run(connection: &Connection) -> Outcome {
    let Some((id, params)) = wait_for_initialize(connection) else {
        return Outcome::Abrupt;
    };
    let settings = Settings::from_initialize(&params);
    let result = lsp::InitializeResult {
        capabilities: settings.capabilities(),
        server_info: Some(lsp::ServerInfo {
            name: "copydesk".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    if send(connection, Response::new_ok(id, result).into()).is_err() {
        return Outcome::Abrupt;
    }
    let mut server = Server {
        connection,
        settings,
        workspace: Workspace::new(None, Overrides::default()),
        documents: Documents::default(),
        fallback: None,
        broken_files: HashSet::new(),
        generation: 0,
        pending: VecDeque::new(),
        shut_down: false,
        next_request: 0,
    };
    server.main_loop()
}

fn send(connection: &Connection, message: Message) -> Result<(), ()> {
    connection.sender.send(message).map_err(|_| ())
}

/// Answers everything before `initialize` with ServerNotInitialized;
/// `exit` there ends the session.
fn wait_for_initialize(connection: &Connection) -> Option<(RequestId, lsp::InitializeParams)> {
    for message in &connection.receiver {
        match message {
            Message::Request(req) if req.method == "initialize" => {
                match serde_json::from_value(req.params) {
                    Ok(params) => return Some((req.id, params)),
                    Err(e) => {
                        let error = format!("invalid initialize params: {e}");
                        let r = Response::new_err(req.id, ErrorCode::InvalidParams as i32, error);
                        send(connection, r.into()).ok()?;
                    }
                }
            }
            Message::Request(req) => {
                let r = Response::new_err(
                    req.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet".into(),
                );
                send(connection, r.into()).ok()?;
            }
            Message::Notification(n) if n.method == "exit" => return None,
            Message::Notification(n) if n.method == MALFORMED => {
                if let Some(id) = malformed_id(&n.params) {
                    let r = Response::new_err(
                        id,
                        ErrorCode::InvalidRequest as i32,
                        message_of(&n.params),
                    );
                    send(connection, r.into()).ok()?;
                }
            }
            _ => {}
        }
    }
    None
}

fn malformed_id(params: &Value) -> Option<RequestId> {
    serde_json::from_value(params.get("id")?.clone()).ok()
}

fn message_of(params: &Value) -> String {
    params
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("malformed message")
        .to_string()
}

impl Server<'_> {
    fn main_loop(&mut self) -> Outcome {
        loop {
            let message = match (self.pending.pop_front(), self.documents.next_due()) {
                (Some(message), _) => Ok(message),
                (None, None) => self
                    .connection
                    .receiver
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
                (None, Some(due)) => self
                    .connection
                    .receiver
                    .recv_timeout(due.saturating_duration_since(Instant::now())),
            };
            match message {
                Ok(Message::Notification(n)) if n.method == "exit" => {
                    return if self.shut_down {
                        Outcome::Clean
                    } else {
                        Outcome::Abrupt
                    };
                }
                Ok(Message::Request(req)) => self.on_request(req),
                Ok(Message::Notification(n)) => self.on_notification(n),
                Ok(Message::Response(_)) => {} // Replies to registerCapability, refresh.
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Outcome::Abrupt,
            }
            // Lint what is due even when messages never stop coming.
            for uri in self.documents.due_by(Instant::now()) {
                self.lint(&uri);
            }
        }
    }

    pub(super) fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    pub(super) fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.into(), params).into());
    }

    pub(super) fn request<R: lsp::request::Request>(&mut self, params: R::Params) {
        self.next_request += 1;
        let id = RequestId::from(format!("copydesk-{}", self.next_request));
        self.send(Request::new(id, R::METHOD.into(), params).into());
    }

    pub(super) fn log(&self, typ: lsp::MessageType, message: String) {
        self.notify::<lsp::notification::LogMessage>(lsp::LogMessageParams { typ, message });
    }

    fn reply(&self, id: RequestId, result: Result<Value, (ErrorCode, String)>) {
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response.into());
    }

    fn on_request(&mut self, req: Request) {
        if self.shut_down {
            let error = (
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            );
            return self.reply(req.id, Err(error));
        }
        if let Some(error) = self.staleness(&req) {
            return self.reply(req.id, Err(error));
        }
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "shutdown" => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            "initialize" => Err((ErrorCode::InvalidRequest, "already initialized".into())),
            "textDocument/diagnostic" => params(req.params).map(|p| self.pull(p)),
            "textDocument/codeAction" => params(req.params).map(|p| self.code_action(p)),
            "textDocument/hover" => params(req.params).map(|p| self.hover(p)),
            other => Err((
                ErrorCode::MethodNotFound,
                format!("unknown method `{other}`"),
            )),
        };
        self.reply(id, result);
    }

    fn on_notification(&mut self, n: Notification) {
        use lsp::notification as note;
        if self.shut_down {
            return;
        }
        let method = n.method.clone();
        let outcome = match method.as_str() {
            note::Initialized::METHOD => {
                self.watch_config_files();
                Ok(())
            }
            note::DidOpenTextDocument::METHOD => params(n.params).map(|p| self.did_open(p)),
            note::DidChangeTextDocument::METHOD => params(n.params).map(|p| self.did_change(p)),
            note::DidSaveTextDocument::METHOD => params(n.params).map(|p| self.did_save(p)),
            note::DidCloseTextDocument::METHOD => params(n.params).map(|p| self.did_close(p)),
            note::DidChangeConfiguration::METHOD => {
                params(n.params).map(|p: lsp::DidChangeConfigurationParams| {
                    self.settings.update(&p.settings);
                    self.reload();
                })
            }
            note::DidChangeWatchedFiles::METHOD => {
                params(n.params).map(|_: lsp::DidChangeWatchedFilesParams| self.reload())
            }
            MALFORMED => {
                if let Some(id) = malformed_id(&n.params) {
                    let error = (ErrorCode::InvalidRequest, message_of(&n.params));
                    self.reply(id, Err(error));
                }
                Err((ErrorCode::ParseError, message_of(&n.params)))
            }
            _ => Ok(()), // `$/cancelRequest`, `$/setTrace` …: nothing to do.
        };
        if let Err((_, message)) = outcome {
            self.log(lsp::MessageType::WARNING, format!("{method}: {message}"));
        }
    }

    /// Asks the client to tell us when configs or rule files change.
    fn watch_config_files(&mut self) {
        if !self.settings.dynamic_watch {
            return;
        }
        let watchers = [
            "**/.copydesk.yaml",
            "**/.copydesk.yml",
            "**/*.yaml",
            "**/*.yml",
        ]
        .map(|glob| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.into()),
            kind: None,
        })
        .to_vec();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        self.request::<lsp::request::RegisterCapability>(lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "copydesk-config-watch".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        });
    }

    fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) {
        let doc = p.text_document;
        if !LANGUAGES.contains(&doc.language_id.as_str()) {
            return;
        }
        let mut open = OpenDocument::new(&doc.uri, &doc.language_id, doc.text, doc.version);
        open.due = Some(Instant::now());
        self.documents.open.insert(doc.uri, open);
    }

    fn did_change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let utf16 = self.settings.encoding.is_utf16();
        let delay = self.settings.delay;
        let Some(doc) = self.documents.open.get_mut(&p.text_document.uri) else {
            return;
        };
        doc.apply(p.content_changes, utf16);
        doc.version = p.text_document.version;
        doc.due = Some(Instant::now() + delay);
    }

    fn did_save(&mut self, p: lsp::DidSaveTextDocumentParams) {
        let uri = p.text_document.uri;
        let path = uri.path().to_ascii_lowercase();
        if path.ends_with(".yaml") || path.ends_with(".yml") {
            return self.reload();
        }
        if let Some(doc) = self.documents.open.get_mut(&uri) {
            doc.due = Some(Instant::now());
        }
    }

    fn did_close(&mut self, p: lsp::DidCloseTextDocumentParams) {
        if self.documents.open.remove(&p.text_document.uri).is_some() {
            self.publish(p.text_document.uri, Vec::new(), None);
        }
    }
}

/// Request or notification params, or InvalidParams.
fn params<P: DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}
