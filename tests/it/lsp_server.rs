//! The language server driven in memory: findings at the right UTF-16
//! ranges with their evidence, fixes through code actions, hover, pull
//! diagnostics and UTF-8 negotiation.

use crate::common;
use crate::lsp_client;

use common::repo_root;
use lsp_client::{apply_edits, file_uri, Client};
use serde_json::{json, Value};

fn seed() -> (String, String) {
    let path = repo_root().join("examples/seed-article.txt");
    let text = std::fs::read_to_string(&path).expect("seed article");
    (file_uri(&path), text)
}

/// The 0-based line and UTF-16 column of byte `offset`.
fn utf16_position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() as u64,
        before[line_start..].encode_utf16().count() as u64,
    )
}

fn start_of(d: &Value) -> (u64, u64) {
    let s = &d["range"]["start"];
    (
        s["line"].as_u64().unwrap(),
        s["character"].as_u64().unwrap(),
    )
}

fn code(d: &Value) -> &str {
    d["code"].as_str().unwrap_or("")
}

#[test]
fn the_seed_article_gives_its_seven_findings_with_evidence() {
    let (uri, text) = seed();
    let mut client = Client::default_started();
    client.open(&uri, "plaintext", &text);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let codes: Vec<&str> = diagnostics.iter().map(code).collect();
    assert_eq!(
        codes,
        [
            "demonym-plural",
            "place-country",
            "quote-mismatch",
            "attribution-duplicate",
            "attribution-verb",
            "name-variant",
            "web-boilerplate"
        ]
    );
    for d in diagnostics {
        assert_eq!(d["source"], "copydesk");
    }
    let india = text.find("India,").unwrap();
    let place = &diagnostics[1];
    assert_eq!(start_of(place), utf16_position(&text, india));
    assert_eq!(place["severity"], 1);
    let related = place["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 2, "{related:?}");
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    assert_eq!(
        start_of(&related[0]["location"]),
        utf16_position(&text, text.find("Suwayda").unwrap())
    );
    assert!(related[0]["message"]
        .as_str()
        .unwrap()
        .contains("gazetteer"));
    // Notes follow the message.
    assert!(place["message"]
        .as_str()
        .unwrap()
        .contains("\nnote: gazetteer:"));
    // The subhead's quote: curly quotes are one UTF-16 unit each.
    let quote = &diagnostics[2];
    let end = &quote["range"]["end"];
    assert_eq!(
        end["character"],
        "“Reliable and honest”".encode_utf16().count()
    );
    assert_eq!(client.stop(), copydesk::lsp::Outcome::Clean);
}

#[test]
fn an_emoji_before_a_finding_counts_two_utf16_units() {
    let mut client = Client::default_started();
    let text = "Title\n\n😀 The the meeting went well.\n";
    let uri = "file:///tmp/copydesk-lsp-emoji/draft.txt";
    client.open(uri, "plaintext", text);
    let published = client.diagnostics(uri);
    let d = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| code(d) == "doubled-word")
        .cloned()
        .expect("a doubled word");
    // "😀 " is three UTF-16 units.
    assert_eq!(start_of(&d), (2, 3));
    client.stop();
}

#[test]
fn broken_front_matter_is_shown_where_it_breaks() {
    let mut client = Client::default_started();
    let text = "---\ntitle: ok\ndek: \"never closed\n---\nThe the end.\n";
    let uri = "file:///tmp/copydesk-lsp-front-matter/draft.md";
    client.open(uri, "markdown", text);
    let published = client.diagnostics(uri);
    let d = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("front matter is not valid YAML"))
        })
        .cloned()
        .expect("the front-matter error");
    // Line 3 (0-based 2), at the unclosed quote.
    assert_eq!(start_of(&d), (2, 5));
    assert_eq!(d["severity"], 1);
    client.stop();
}

#[test]
fn utf8_is_used_when_the_client_offers_it() {
    let capabilities = json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } });
    let (mut client, init) = Client::start(capabilities, json!({ "lintDelayMs": 0 }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "Title\n\n😀 The the meeting went well.\n";
    let uri = "file:///tmp/copydesk-lsp-utf8/draft.txt";
    client.open(uri, "plaintext", text);
    let published = client.diagnostics(uri);
    let d = &published["diagnostics"][0];
    assert_eq!(code(d), "doubled-word");
    assert_eq!(start_of(d), (2, 5)); // Four bytes of emoji and a space.
    client.stop();
}

#[test]
fn the_fix_action_yields_the_fixed_text() {
    let (uri, text) = seed();
    let mut client = Client::default_started();
    client.open(&uri, "plaintext", &text);
    let published = client.diagnostics(&uri);
    let demonym = published["diagnostics"][0].clone();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": demonym["range"],
                    "context": { "diagnostics": [demonym] } }),
        )
        .unwrap();
    let actions = actions.as_array().unwrap();
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "demonym-plural");
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply_edits(&text, edits);
    assert_eq!(fixed, text.replacen("Druzes", "Druze", 1));
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Disable demonym-plural on this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Disable demonym-plural in this file"),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Apply all safe fixes")),
        "{titles:?}"
    );
    client.stop();
}

/// Applies the titled action of the first finding and re-lints.
fn after_action(title: &str) -> Vec<String> {
    let mut client = Client::default_started();
    let uri = "file:///tmp/copydesk-lsp-actions/draft.md";
    let text = "# Title\n\nThe the meeting went well. Leave a Reply\n";
    client.open(uri, "markdown", text);
    let published = client.diagnostics(uri);
    let first = published["diagnostics"][0].clone();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": first["range"],
                    "context": { "diagnostics": [] } }),
        )
        .unwrap();
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title))
        .cloned()
        .unwrap_or_else(|| panic!("no `{title}` in {actions}"));
    let edited = apply_edits(text, action["edit"]["changes"][uri].as_array().unwrap());
    let uri2 = "file:///tmp/copydesk-lsp-actions/after.md";
    client.open(uri2, "markdown", &edited);
    let again = client.diagnostics(uri2);
    client.stop();
    again["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| code(d).to_string())
        .collect()
}

#[test]
fn disable_on_this_line_and_in_this_file_are_honoured() {
    assert_eq!(after_action("Apply all safe fixes"), Vec::<String>::new());
    let line = after_action("Disable doubled-word on this line");
    assert!(!line.contains(&"doubled-word".to_string()), "{line:?}");
    let file = after_action("Disable doubled-word in this file");
    assert!(!file.contains(&"doubled-word".to_string()), "{file:?}");
}

#[test]
fn hover_shows_the_rules_explanation() {
    let (uri, text) = seed();
    let mut client = Client::default_started();
    client.open(&uri, "plaintext", &text);
    client.diagnostics(&uri);
    let (line, character) = utf16_position(&text, text.find("India,").unwrap() + 2);
    let hover = client
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri },
                    "position": { "line": line, "character": character } }),
        )
        .unwrap();
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("place-country"), "{value}");
    assert!(value.contains("Message:"), "{value}");
    // Nowhere near a finding: no hover.
    let none = client
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
        )
        .unwrap();
    assert_eq!(none, Value::Null);
    client.stop();
}

#[test]
fn pull_diagnostics_answer_with_the_current_version() {
    let capabilities =
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } });
    let (mut client, init) = Client::start(capabilities, json!({ "lintDelayMs": 5000 }));
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    let uri = "file:///tmp/copydesk-lsp-pull/draft.txt";
    client.open(uri, "plaintext", "Title\n\nThe meeting went well.\n");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "range": { "start": { "line": 2, "character": 0 },
                                                "end": { "line": 2, "character": 3 } },
                                     "text": "The the" }] }),
    );
    let pull = |client: &mut Client, previous: Value| {
        client
            .request(
                "textDocument/diagnostic",
                json!({ "textDocument": { "uri": uri }, "previousResultId": previous }),
            )
            .unwrap()
    };
    let report = pull(&mut client, Value::Null);
    assert_eq!(report["kind"], "full");
    assert_eq!(code(&report["items"][0]), "doubled-word");
    let again = pull(&mut client, report["resultId"].clone());
    assert_eq!(again["kind"], "unchanged");
    // Nothing was pushed: the client pulls.
    assert!(client.inbox.iter().all(|m| !matches!(m,
        lsp_server::Message::Notification(n) if n.method == "textDocument/publishDiagnostics")));
    client.stop();
}
