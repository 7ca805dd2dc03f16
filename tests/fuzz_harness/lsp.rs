//! The language server's message loop on a random session: the input is
//! read as a sequence of operations (initialize with one or another set of
//! capabilities, open/change/save/close drafts with random text and random
//! ranges, hover, code actions, pull diagnostics, settings, cancellations,
//! shutdown, exit, unknown methods, raw bytes through the stdio frame
//! reader), queued, and run through `copydesk::lsp::run` followed by
//! shutdown and exit. It must return, without a panic, and answer every
//! request sent before the first `exit` exactly once.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Reads the input a byte or a slice at a time; past its end, zeros.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        first
    }

    fn bytes(&mut self) -> &'a [u8] {
        let n = usize::from(self.byte()).min(self.0.len());
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        taken
    }

    fn text(&mut self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }

    fn position(&mut self) -> Value {
        json!({ "line": self.byte() % 8, "character": self.byte() % 64 })
    }

    fn range(&mut self) -> Value {
        json!({ "start": self.position(), "end": self.position() })
    }
}

const URIS: [&str; 3] = [
    "file:///tmp/copydesk-fuzz-lsp/a.txt",
    "file:///tmp/copydesk-fuzz-lsp/b.md",
    "untitled:Untitled-1",
];
const MODES: [&str; 4] = ["auto", "push", "pull", "both"];
const LANGUAGES: [&str; 4] = ["plaintext", "markdown", "rust", "text"];

/// The client end of a fuzzed session: what was sent, and which
/// requests await an answer.
struct Session {
    client: Connection,
    next_id: i32,
    awaited: HashMap<RequestId, usize>,
    exited: bool,
}

impl Session {
    fn send(&mut self, message: Message) {
        if matches!(&message, Message::Notification(n) if n.method == "exit") {
            self.exited = true;
        }
        self.client
            .sender
            .send(message)
            .expect("the server's end is open");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params).into());
    }

    /// Our ids are strings `fuzz-N`, so raw frames (numbered ids) cannot
    /// collide with them.
    fn request(&mut self, method: &str, params: Value) {
        self.next_id += 1;
        let id = RequestId::from(format!("fuzz-{}", self.next_id));
        if !self.exited {
            self.awaited.insert(id.clone(), 0);
        }
        self.send(Request::new(id, method.into(), params).into());
    }
}

pub fn session(data: &[u8]) {
    let mut input = Input(data);
    let (server, client) = Connection::memory();
    let mut session = Session {
        client,
        next_id: 0,
        awaited: HashMap::new(),
        exited: false,
    };
    let mut versions: HashMap<&str, i32> = HashMap::new();
    for _ in 0..64 {
        if input.0.is_empty() {
            break;
        }
        let op = input.byte() % 16;
        let uri = URIS[usize::from(input.byte()) % URIS.len()];
        let doc = json!({ "uri": uri });
        match op {
            0 => {
                let flags = input.byte();
                let mut general = json!({});
                if flags & 1 != 0 {
                    general = json!({ "positionEncodings": ["utf-8", "utf-16"] });
                }
                let mut capabilities = json!({ "general": general });
                if flags & 2 != 0 {
                    capabilities["textDocument"] = json!({ "diagnostic": {} });
                    capabilities["workspace"] = json!({ "diagnostic": { "refreshSupport": true },
                        "didChangeWatchedFiles": { "dynamicRegistration": true } });
                }
                let mode = MODES[usize::from(flags >> 2) % MODES.len()];
                let options = json!({ "lintDelayMs": flags % 3, "diagnosticMode": mode });
                let params =
                    json!({ "capabilities": capabilities, "initializationOptions": options });
                session.request("initialize", params);
            }
            1 => session.notify("initialized", json!({})),
            2 => {
                let language = LANGUAGES[usize::from(input.byte()) % LANGUAGES.len()];
                let text = input.text();
                versions.insert(uri, 1);
                let item =
                    json!({ "uri": uri, "languageId": language, "version": 1, "text": text });
                session.notify("textDocument/didOpen", json!({ "textDocument": item }));
            }
            3 | 4 => {
                let version = versions.entry(uri).or_insert(0);
                *version += 1;
                let change = if op == 3 {
                    json!({ "range": input.range(), "text": input.text() })
                } else {
                    json!({ "text": input.text() })
                };
                let params = json!({ "textDocument": { "uri": uri, "version": *version },
                    "contentChanges": [change] });
                session.notify("textDocument/didChange", params);
            }
            5 => {
                let params = json!({ "textDocument": doc, "position": input.position() });
                session.request("textDocument/hover", params);
            }
            6 => {
                let only = match input.byte() % 3 {
                    0 => json!(null),
                    1 => json!(["quickfix"]),
                    _ => json!(["source.fixAll"]),
                };
                let params = json!({ "textDocument": doc, "range": input.range(),
                    "context": { "diagnostics": [], "only": only } });
                session.request("textDocument/codeAction", params);
            }
            7 => {
                let previous = format!("0:{}", input.byte() % 4);
                let params = json!({ "textDocument": doc, "previousResultId": previous });
                session.request("textDocument/diagnostic", params);
            }
            8 => {
                let delay = input.byte() % 3;
                let mode = MODES[usize::from(input.byte()) % MODES.len()];
                let settings =
                    json!({ "copydesk": { "lintDelayMs": delay, "diagnosticMode": mode } });
                let params = json!({ "settings": settings });
                session.notify("workspace/didChangeConfiguration", params);
            }
            9 => {
                let method = ["textDocument/didSave", "textDocument/didClose"]
                    [usize::from(input.byte()) % 2];
                session.notify(method, json!({ "textDocument": doc }));
            }
            10 => {
                let params = json!({ "id": format!("fuzz-{}", input.byte() % 8) });
                session.notify("$/cancelRequest", params);
            }
            11 => session.request("shutdown", Value::Null),
            12 => {
                // Exit is rare, so most sessions run to their end.
                if input.byte() % 8 == 0 {
                    session.notify("exit", Value::Null);
                }
            }
            13 => {
                // Raw bytes, framed or not, through the stdio reader.
                let mut raw = input.bytes();
                let mut queued = Vec::new();
                let (reader_side, reader) = Connection::memory();
                copydesk::lsp::transport::read_loop(&mut raw, &reader.sender);
                drop(reader);
                queued.extend(reader_side.receiver.try_iter());
                for message in queued {
                    // Skip the rare frame that names one of our ids.
                    let named = serde_json::to_string(&message).is_ok_and(|s| s.contains("fuzz-"));
                    if !named {
                        session.send(message);
                    }
                }
            }
            14 => {
                let params = json!({ "textDocument": doc, "junk": input.text() });
                session.request("copydesk/unknown", params);
            }
            _ => {
                let params = json!({ "changes": [{ "uri": uri, "type": 1 + input.byte() % 3 }] });
                session.notify("workspace/didChangeWatchedFiles", params);
            }
        }
    }
    session.request("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    let _outcome = copydesk::lsp::run(&server);
    drop(server);
    for message in session.client.receiver.try_iter() {
        if let Message::Response(r) = message {
            if let Some(count) = session.awaited.get_mut(&r.id) {
                *count += 1;
            }
        }
    }
    for (id, count) in session.awaited {
        assert_eq!(count, 1, "request {id} answered {count} times");
    }
}
