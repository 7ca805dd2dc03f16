//! A stdio transport that survives a misbehaving client. lsp-server's own
//! reader thread stops at the first malformed payload, which would end the
//! session; this one reports the bad frame to the loop (as a notification
//! only the server sends itself) and reads on.

use crossbeam_channel::{bounded, Receiver, Sender};
use lsp_server::{Connection, Message, Notification};
use std::io::{self, BufRead, Read, Write};
use std::thread;

/// The method of the notification a bad frame becomes; `$/` methods are
/// protocol-internal, and no client sends this one.
pub const MALFORMED: &str = "$/copydesk/malformed";

/// Frames above this are refused whole (read and dropped): no draft the
/// engine accepts comes near it, and an absurd length must not allocate.
const MAX_FRAME: usize = 1 << 30;

/// Reader and writer threads; joined when the session ends.
pub struct Threads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl Threads {
    /// Waits for the writer to flush what the server sent. The reader may
    /// be blocked on stdin for ever (a client that never closes it), so it
    /// is left to end with the process.
    pub fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

/// A connection over stdin and stdout.
pub fn stdio() -> io::Result<(Connection, Threads)> {
    let (to_server, from_client) = bounded::<Message>(16);
    let (to_client, from_server) = bounded::<Message>(16);
    let reader = thread::Builder::new()
        .name("copydesk-lsp-reader".into())
        .spawn(move || read_loop(&mut io::stdin().lock(), &to_server))?;
    let writer = thread::Builder::new()
        .name("copydesk-lsp-writer".into())
        .spawn(move || write_loop(&mut io::stdout().lock(), &from_server))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    Ok((connection, Threads { reader, writer }))
}

fn write_loop(out: &mut impl Write, messages: &Receiver<Message>) {
    for message in messages {
        if message.write(out).is_err() {
            return;
        }
    }
}

/// Reads frames until end of input or an `exit` notification.
pub fn read_loop(input: &mut impl BufRead, to_server: &Sender<Message>) {
    loop {
        let message = match read_frame(input) {
            Ok(Some(Frame::Body(body))) => parse(&body),
            Ok(Some(Frame::Bad(why))) => malformed(why, None),
            Ok(None) | Err(_) => return,
        };
        let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if to_server.send(message).is_err() || is_exit {
            return;
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    Bad(String),
}

/// One `Content-Length` framed body. A frame without a usable length is
/// reported as bad (its headers consumed), so the next frame is read.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !saw_header {
                continue; // Stray blank lines between frames.
            }
            break;
        }
        saw_header = true;
        match line.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("bad header line `{line}`")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::Bad(
            bad_header.unwrap_or_else(|| "frame without Content-Length".into()),
        )));
    };
    if length > MAX_FRAME {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Frame::Bad(format!(
            "frame of {length} bytes, above the limit of {MAX_FRAME}"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

/// A body as a message, or as the `MALFORMED` notification saying why
/// (with the request id when one can be read, so the loop can answer it).
fn parse(body: &[u8]) -> Message {
    match serde_json::from_slice::<Message>(body) {
        Ok(message) => message,
        Err(e) => {
            let id = serde_json::from_slice::<serde_json::Value>(body)
                .ok()
                .and_then(|v| v.get("id").cloned());
            malformed(format!("malformed JSON-RPC message: {e}"), id)
        }
    }
}

fn malformed(why: String, id: Option<serde_json::Value>) -> Message {
    Message::Notification(Notification::new(
        MALFORMED.into(),
        serde_json::json!({ "message": why, "id": id }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Message> {
        let (tx, rx) = crossbeam_channel::unbounded();
        read_loop(&mut input.as_bytes(), &tx);
        drop(tx);
        rx.into_iter().collect()
    }

    #[test]
    fn a_bad_frame_is_reported_and_reading_goes_on() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{oops\r\nX-Nothing\r\n\r\nContent-Length: {}\r\n\r\n{good}",
            good.len()
        );
        let got = frames(&input);
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Message::Notification(n) if n.method == MALFORMED));
        assert!(matches!(&got[1], Message::Notification(n) if n.method == MALFORMED));
        assert!(matches!(&got[2], Message::Notification(n) if n.method == "initialized"));
    }

    #[test]
    fn an_id_is_kept_for_the_error_response() {
        let body = r#"{"jsonrpc":"2.0","id":7,"params":{}}"#;
        let got = frames(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        let Message::Notification(n) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(n.params["id"], 7);
    }
}
