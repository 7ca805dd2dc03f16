//! Writing fixed drafts back: atomically (a temporary file in the same
//! directory, then a rename over the original, so a reader or a crash never
//! sees half a file), keeping permissions and, where allowed, ownership,
//! and only if the file still holds the text that was linted.

use std::fs;
use std::io::Write;
use std::path::Path;

pub fn replace_contents(path: &Path, linted: &str, fixed: &str) -> Result<(), String> {
    // A symlinked draft is fixed where it lives; the link stays a link.
    let target = fs::canonicalize(path).map_err(|e| format!("cannot fix: {e}"))?;
    let dir = target
        .parent()
        .ok_or_else(|| "cannot fix: the file has no directory".to_string())?;
    let meta = fs::metadata(&target).map_err(|e| format!("cannot fix: {e}"))?;
    let now = fs::read(&target).map_err(|e| format!("cannot fix: {e}"))?;
    if now != linted.as_bytes() {
        return Err("the file changed while it was being fixed; left as it is".into());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-fix-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot fix: no temporary file in {}: {e}", dir.display()))?;
    tmp.write_all(fixed.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot fix: {e}"))?;
    fs::set_permissions(tmp.path(), meta.permissions()).map_err(|e| format!("cannot fix: {e}"))?;
    keep_owner(tmp.path(), &meta);
    tmp.persist(&target)
        .map_err(|e| format!("cannot fix: {}", e.error))?;
    Ok(())
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
        let err = replace_contents(&path, "as linted", "fixed").unwrap_err();
        assert!(err.contains("changed"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited meanwhile");
        replace_contents(&path, "edited meanwhile", "fixed").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "fixed");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
