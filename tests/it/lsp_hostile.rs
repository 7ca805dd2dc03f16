//! A client that misbehaves: unknown methods, bad params, unopened
//! documents, out-of-range positions, bursts of changes, oversized drafts,
//! requests after shutdown, exit without shutdown. The server answers each
//! and keeps answering.

use crate::lsp_client;

use lsp_client::Client;
use serde_json::{json, Value};

const METHOD_NOT_FOUND: i32 = -32601;
const INVALID_PARAMS: i32 = -32602;
const INVALID_REQUEST: i32 = -32600;

#[test]
fn hostile_messages_leave_it_answering() {
    let mut client = Client::default_started();
    let err = client.request("no/such/method", json!({})).unwrap_err();
    assert_eq!(err.0, METHOD_NOT_FOUND);
    let err = client
        .request("textDocument/hover", json!({ "nonsense": 1 }))
        .unwrap_err();
    assert_eq!(err.0, INVALID_PARAMS);
    client.notify("textDocument/didChange", json!("not an object"));
    client.notify("made/up", json!({}));
    let uri = "file:///tmp/copydesk-lsp-hostile/never-opened.txt";
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(hover, Ok(Value::Null));
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions, Ok(json!([])));
    // A burst of changes, some out of range, then a position far past the end.
    let open = "file:///tmp/copydesk-lsp-hostile/draft.txt";
    client.open(open, "plaintext", "Title\n\nBody.\n");
    for v in 2..200 {
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": open, "version": v },
                    "contentChanges": [{ "range": { "start": { "line": 999, "character": 5 },
                                                    "end": { "line": v % 3, "character": 9999 } },
                                         "text": "x😀\n" }] }),
        );
    }
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": open }, "position": { "line": 4_000_000_000u32, "character": 4_000_000_000u32 } }),
    );
    assert!(hover.is_ok(), "{hover:?}");
    // Every lint is of the version current then; the last is of 199.
    let mut last = 0;
    while last != 199 {
        let version = client.diagnostics(open)["version"].as_u64().unwrap();
        assert!(version >= last, "{version} after {last}");
        last = version;
    }
    assert_eq!(client.stop(), copydesk::lsp::Outcome::Clean);
}

#[test]
fn an_oversized_draft_gets_one_diagnostic_and_no_lint() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".copydesk.yaml"), "max-file-size: 10\n").unwrap();
    let path = dir.path().join("big.txt");
    let uri = lsp_client::file_uri(&path);
    let mut client = Client::default_started();
    client.open(&uri, "plaintext", "Title\n\nThe the meeting went well.\n");
    let report = client.diagnostics(&uri);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("above the limit"));
    client.stop();
}

#[test]
fn a_broken_config_is_shown_in_it_and_the_last_good_settings_stay() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".copydesk.yaml");
    std::fs::write(&config, "ignore: [doubled-word]\n").unwrap();
    let uri = lsp_client::file_uri(&dir.path().join("draft.txt"));
    let mut client = Client::default_started();
    client.open(&uri, "plaintext", "Title\n\nThe the meeting went well.\n");
    let first = client.diagnostics(&uri);
    assert_eq!(first["diagnostics"], json!([]), "doubled-word is ignored");
    std::fs::write(&config, "ignore: [no-such-rule]\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [] }));
    let config_uri = lsp_client::file_uri(&std::fs::canonicalize(&config).unwrap());
    let mut shown = client.diagnostics(&config_uri);
    while shown["diagnostics"] == json!([]) {
        shown = client.diagnostics(&config_uri);
    }
    assert!(shown["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no-such-rule"));
    let draft = client.diagnostics(&uri);
    let codes: Vec<&Value> = draft["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(
        !codes.contains(&&json!("doubled-word")),
        "last good settings: {draft}"
    );
    client.stop();
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_without_shutdown_is_abrupt() {
    let mut client = Client::default_started();
    assert_eq!(client.request("shutdown", Value::Null), Ok(Value::Null));
    let err = client.request("textDocument/hover", json!({})).unwrap_err();
    assert_eq!(err.0, INVALID_REQUEST);
    client.notify("exit", Value::Null);
    let outcome = client.server.take().unwrap().join().unwrap();
    assert_eq!(outcome, copydesk::lsp::Outcome::Clean);

    let mut early = Client::default_started();
    early.notify("exit", Value::Null);
    let outcome = early.server.take().unwrap().join().unwrap();
    assert_eq!(outcome, copydesk::lsp::Outcome::Abrupt);
}

/// Requests that are stale when the server reaches them: one whose
/// document changed after it was sent (ContentModified), one the client
/// cancelled (RequestCancelled). Everything is queued before the server
/// starts, so it reads each request with what follows already waiting.
#[test]
fn stale_requests_are_dropped_with_an_error() {
    use lsp_server::{Connection, Message, Notification, Request, RequestId};
    const CONTENT_MODIFIED: i32 = -32801;
    const REQUEST_CANCELLED: i32 = -32800;
    let (server_side, client_side) = Connection::memory();
    let uri = "file:///tmp/copydesk-lsp-hostile/stale.txt";
    let at_start =
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 0 } });
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 9, "character": 0 } });
    let request = |id: i32, method: &str, params: Value| -> Message {
        Request::new(RequestId::from(id), method.into(), params).into()
    };
    let notify = |method: &str, params: Value| -> Message {
        Notification::new(method.into(), params).into()
    };
    let queued = [
        request(
            1,
            "initialize",
            json!({ "capabilities": {}, "initializationOptions": { "lintDelayMs": 0 } }),
        ),
        notify("initialized", json!({})),
        notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": "Title\n\nThe the meeting.\n" } }),
        ),
        request(
            2,
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri },
            "range": whole, "context": { "diagnostics": [] } }),
        ),
        notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "text": "Title\n\nThe meeting.\n" }] }),
        ),
        request(3, "textDocument/hover", at_start.clone()),
        notify("$/cancelRequest", json!({ "id": 3 })),
        request(4, "textDocument/hover", at_start),
        request(5, "shutdown", Value::Null),
        notify("exit", Value::Null),
    ];
    for message in queued {
        client_side.sender.send(message).unwrap();
    }
    let outcome = std::thread::spawn(move || copydesk::lsp::run(&server_side))
        .join()
        .expect("the server does not panic");
    assert_eq!(outcome, copydesk::lsp::Outcome::Clean);
    let mut answers = std::collections::HashMap::new();
    for message in client_side.receiver.try_iter() {
        if let Message::Response(r) = message {
            answers.insert(r.id.to_string(), r.response_result.err().map(|e| e.code));
        }
    }
    assert_eq!(answers["2"], Some(CONTENT_MODIFIED));
    assert_eq!(answers["3"], Some(REQUEST_CANCELLED));
    assert_eq!(answers["4"], None, "a request after the change is answered");
    assert_eq!(answers["5"], None);
}
