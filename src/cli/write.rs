//! Writing fixed drafts back: atomically (a temporary file in the same
//! directory, then a rename over the original, so a reader or a crash never
//! sees half a file), keeping permissions and, where allowed, ownership,
//! and only if the file still holds the text that was linted. A draft that
//! cannot be written — read-only, no room for the temporary file, a full
//! disk, an interrupt — is left exactly as it was, and the error names the
//! step that failed.

use super::interrupt::Writes;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

pub fn replace_contents(
    path: &Path,
    linted: &str,
    fixed: &str,
    writes: &Writes,
) -> Result<(), String> {
    // A symlinked draft is fixed where it lives; the link stays a link.
    let target = fs::canonicalize(path).map_err(|e| unchanged("cannot resolve its path", &e))?;
    let dir = target
        .parent()
        .ok_or_else(|| "cannot fix: the file has no directory; file left unchanged".to_string())?;
    let meta = fs::metadata(&target).map_err(|e| unchanged("cannot read its permissions", &e))?;
    // No write permission for anyone is a deliberate lock, kept even by root.
    if meta.permissions().readonly() {
        return Err(
            "cannot fix: the file is read-only (no write permission); file left unchanged".into(),
        );
    }
    // The rename needs only the directory to be writable: without this, a
    // draft this user may not write would be replaced all the same.
    fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(|e| unchanged("the file is not writable", &e))?;
    let now = fs::read(&target).map_err(|e| unchanged("cannot read it again", &e))?;
    if now != linted.as_bytes() {
        return Err("the file changed while it was being fixed; file left unchanged".into());
    }
    // Declared before the temporary file, so it is let go after the file is
    // renamed or removed: an interrupt never sees a temporary file.
    let hold = writes.begin().ok_or_else(interrupted)?;
    let in_dir = dir.display();
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-fix-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| unchanged(&format!("cannot create a temporary file in {in_dir}"), &e))?;
    // On any error below, dropping `tmp` removes the temporary file.
    tmp.write_all(fixed.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| {
            unchanged(
                &format!("cannot write the fixed text to a temporary file in {in_dir}"),
                &e,
            )
        })?;
    fs::set_permissions(tmp.path(), meta.permissions())
        .map_err(|e| unchanged("cannot give the fixed text the file's permissions", &e))?;
    keep_owner(tmp.path(), &meta);
    if hold.interrupted() {
        return Err(interrupted());
    }
    tmp.persist(&target)
        .map_err(|e| unchanged("cannot rename the fixed text over it", &e.error))?;
    Ok(())
}

fn interrupted() -> String {
    "interrupted before the fix was written; file left unchanged".into()
}

fn unchanged(what: &str, e: &io::Error) -> String {
    format!("cannot fix: {what} ({}); file left unchanged", reason(e))
}

/// The OS's words for an error. tempfile adds the random name of the
/// temporary file, which never existed; the message names its directory.
fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path \"") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Best effort: only root may give a file away, and a fix run by an owner
/// needs nothing here.
#[cfg(unix)]
fn keep_owner(path: &Path, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_changed_since_it_was_linted_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.md");
        fs::write(&path, "edited meanwhile").unwrap();
        let writes = Writes::new();
        let err = replace_contents(&path, "as linted", "fixed", &writes).unwrap_err();
        assert!(err.contains("changed"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited meanwhile");
        replace_contents(&path, "edited meanwhile", "fixed", &writes).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "fixed");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn nothing_is_written_after_an_interrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.md");
        fs::write(&path, "as linted").unwrap();
        let writes = Writes::new();
        writes.interrupt();
        let err = replace_contents(&path, "as linted", "fixed", &writes).unwrap_err();
        assert!(err.contains("interrupted"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "as linted");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_read_only_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.md");
        fs::write(&path, "as linted").unwrap();
        let mut read_only = fs::metadata(&path).unwrap().permissions();
        read_only.set_readonly(true);
        fs::set_permissions(&path, read_only).unwrap();
        let err = replace_contents(&path, "as linted", "fixed", &Writes::new()).unwrap_err();
        assert_eq!(
            err,
            "cannot fix: the file is read-only (no write permission); file left unchanged"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "as linted");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn tempfile_paths_are_cut_from_reasons() {
        let wrapped = tempfile::Builder::new()
            .tempfile_in("/nonexistent-copydesk-dir")
            .unwrap_err();
        assert!(
            !reason(&wrapped).contains("at path"),
            "{}",
            reason(&wrapped)
        );
        assert!(!reason(&wrapped).is_empty());
    }
}
