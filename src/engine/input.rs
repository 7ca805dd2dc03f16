//! From bytes to a text the engine will lint: a size limit, and clear
//! errors (with line, column and byte offset) for binary and non-UTF-8
//! input. Every front end reads drafts through here.

use std::path::Path;

/// Extensions a directory walk lints when the config names none.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];
/// Files above this size are refused unless the config raises it.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 100 * 1024 * 1024;

/// A file that could not be linted (missing, unreadable, not UTF-8 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as given.
    pub path: String,
    /// Why it could not be read.
    pub message: String,
}

/// Reads a file and checks it with `decode`; a FIFO, socket or device is
/// refused before it is opened (reading one may wait for ever).
pub fn read_file(path: &Path, max_size: u64) -> Result<String, FileError> {
    let error = |message: String| FileError {
        path: path.display().to_string(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| error(io_message(&e)))?;
    if !meta.is_file() {
        return Err(error(format!(
            "not a regular file ({}); not read (pipe text in with `-` instead)",
            kind_of(&meta.file_type())
        )));
    }
    if meta.len() > max_size {
        return Err(error(format!("file is {} bytes, above the limit of {max_size} (raise `max-file-size` in .copydesk.yaml)", meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|e| error(io_message(&e)))?;
    decode(bytes, max_size).map_err(error)
}

/// Checks bytes are a draft: at most `max_size` bytes, no NUL byte, valid
/// UTF-8. The message names the first offending position.
pub fn decode(bytes: Vec<u8>, max_size: u64) -> Result<String, String> {
    if bytes.len() as u64 > max_size {
        return Err(format!("input is above the limit of {max_size} bytes (raise `max-file-size` in .copydesk.yaml)"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = position(&bytes, at);
        return Err(format!(
            "binary file (NUL byte at line {line}, column {column}, byte offset {at}); not linted"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, column) = position(e.as_bytes(), at);
        format!("invalid UTF-8 at line {line}, column {column} (byte offset {at}); save the file as UTF-8")
    })
}

/// 1-based line and char column of byte `at`, counting only the valid
/// UTF-8 before it (callers pass the first bad offset).
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before[..line_start].matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// What a non-regular file is, for the error that refuses it.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
