//! A minimal LSP client driving `copydesk::lsp::run` in memory, for the
//! language server tests.
#![allow(dead_code)]

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Client {
    pub connection: Connection,
    pub server: Option<JoinHandle<copydesk::lsp::Outcome>>,
    next_id: i32,
    /// Notifications and server requests received while waiting.
    pub inbox: VecDeque<Message>,
}

const WAIT: Duration = Duration::from_secs(20);

impl Client {
    /// Starts a server and initializes it with these client capabilities
    /// and initialization options.
    pub fn start(capabilities: Value, options: Value) -> (Client, Value) {
        let (server_side, client_side) = Connection::memory();
        let server = std::thread::spawn(move || copydesk::lsp::run(&server_side));
        let mut client = Client {
            connection: client_side,
            server: Some(server),
            next_id: 0,
            inbox: VecDeque::new(),
        };
        let result = client
            .request(
                "initialize",
                json!({ "capabilities": capabilities, "initializationOptions": options }),
            )
            .expect("initialize succeeds");
        client.notify("initialized", json!({}));
        (client, result)
    }

    /// A server with default client capabilities and no lint delay.
    pub fn default_started() -> Client {
        Client::start(json!({}), json!({ "lintDelayMs": 0 })).0
    }

    pub fn send(&self, message: Message) {
        self.connection
            .sender
            .send(message)
            .expect("server is running");
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params).into());
    }

    /// Sends a request and waits for its response: the result, or the
    /// error's (code, message).
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, (i32, String)> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Request::new(id.clone(), method.into(), params).into());
        self.response(&id)
    }

    pub fn response(&mut self, id: &RequestId) -> Result<Value, (i32, String)> {
        loop {
            match self.recv() {
                Message::Response(Response {
                    id: got,
                    response_result,
                }) if got == *id => {
                    return response_result.map_err(|e| (e.code, e.message));
                }
                other => self.inbox.push_back(other),
            }
        }
    }

    fn recv(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(WAIT)
            .expect("the server answers in time")
    }

    /// The next publishDiagnostics for `uri` (from the inbox first).
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let is_for = |m: &Message| {
            matches!(m, Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri)
        };
        if let Some(i) = self.inbox.iter().position(is_for) {
            if let Some(Message::Notification(n)) = self.inbox.remove(i) {
                return n.params;
            }
        }
        loop {
            let m = self.recv();
            if is_for(&m) {
                if let Message::Notification(n) = m {
                    return n.params;
                }
            }
            self.inbox.push_back(m);
        }
    }

    pub fn open(&self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text
            }}),
        );
    }

    /// Shuts down and exits; returns the outcome.
    pub fn stop(mut self) -> copydesk::lsp::Outcome {
        assert_eq!(self.request("shutdown", Value::Null), Ok(Value::Null));
        self.notify("exit", Value::Null);
        self.server
            .take()
            .expect("running")
            .join()
            .expect("the server thread does not panic")
    }
}

/// A `file:` URI for a path under the system temp dir or the repo.
pub fn file_uri(path: &std::path::Path) -> String {
    lsp_types::Url::from_file_path(path)
        .expect("absolute path")
        .to_string()
}

/// Applies LSP text edits (UTF-16 positions, non-overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}
