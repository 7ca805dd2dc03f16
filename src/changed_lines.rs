//! Which lines of which files a change touched, read from a unified diff
//! (`git diff -U0 REF`, or any patch). `check --diff-base` and
//! `--diff-file` keep only findings on those lines, so linting a large
//! archive reports what an edit introduced, not what was already there.

use crate::document::LineIndex;
use std::collections::BTreeMap;
use std::ops::{Range, RangeInclusive};

/// Changed (added or modified) lines per file of a diff, 1-based, as they
/// are numbered in the new version of each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedLines {
    /// Path as the diff names it (`b/` prefix kept) to sorted, merged ranges.
    pub files: BTreeMap<String, Vec<RangeInclusive<usize>>>,
}

impl ChangedLines {
    /// Parses a unified diff. Anything that is not a file header or a hunk
    /// (git's `diff --git`, `index`, `rename` lines, mail headers) is skipped.
    pub fn parse(diff: &str) -> ChangedLines {
        let mut files: BTreeMap<String, Vec<RangeInclusive<usize>>> = BTreeMap::new();
        let mut current: Option<String> = None;
        let mut lines = diff.lines();
        while let Some(line) = lines.next() {
            if let Some(rest) = line.strip_prefix("+++ ") {
                current = target_path(rest);
                if let Some(path) = &current {
                    files.entry(path.clone()).or_default();
                }
                continue;
            }
            let Some(header) = line.strip_prefix("@@ ") else {
                continue;
            };
            let Some((mut old_left, new_start, mut new_left)) = hunk_header(header) else {
                continue;
            };
            let mut new_line = new_start;
            let ranges = current.as_ref().and_then(|p| files.get_mut(p));
            let mut added: Vec<usize> = Vec::new();
            while old_left > 0 || new_left > 0 {
                let Some(body) = lines.next() else { break };
                match body.as_bytes().first() {
                    Some(b'+') => {
                        added.push(new_line);
                        new_line += 1;
                        new_left = new_left.saturating_sub(1);
                    }
                    Some(b'-') => old_left = old_left.saturating_sub(1),
                    // "\ No newline at end of file" belongs to the line before.
                    Some(b'\\') => {}
                    // A context line; some tools strip the lone space of an empty one.
                    _ => {
                        new_line += 1;
                        old_left = old_left.saturating_sub(1);
                        new_left = new_left.saturating_sub(1);
                    }
                }
            }
            if let Some(ranges) = ranges {
                for n in added {
                    push_line(ranges, n);
                }
            }
        }
        for ranges in files.values_mut() {
            merge(ranges);
        }
        ChangedLines { files }
    }

    /// Marks every line of `path` as changed (a file new since the base).
    pub fn add_whole_file(&mut self, path: impl Into<String>) {
        self.files.insert(path.into(), vec![1..=usize::MAX]);
    }
}

/// The path of a `+++` line, without a trailing timestamp and git's
/// quoting; None for `/dev/null` (the file was deleted).
fn target_path(rest: &str) -> Option<String> {
    let rest = rest.trim_end_matches('\r');
    let path = if let Some(quoted) = rest.strip_prefix('"') {
        unquote(quoted)
    } else {
        // `diff -u` appends "\t<timestamp>".
        rest.split('\t').next().unwrap_or(rest).to_string()
    };
    (path != "/dev/null").then_some(path)
}

/// Git's C-style quoting of unusual paths: `"b/caf\303\251.md"`.
fn unquote(quoted: &str) -> String {
    let mut bytes = Vec::new();
    let mut chars = quoted.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => bytes.push(b'\n'),
                Some('t') => bytes.push(b'\t'),
                Some(d @ '0'..='7') => {
                    let mut value = d.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        if let Some(next) = chars.peek().and_then(|c| c.to_digit(8)) {
                            value = value * 8 + next;
                            chars.next();
                        }
                    }
                    bytes.push(u8::try_from(value).unwrap_or(b'?'));
                }
                Some(other) => {
                    let mut buf = [0; 4];
                    bytes.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
                }
                None => {}
            },
            other => {
                let mut buf = [0; 4];
                bytes.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `-a,b +c,d @@ …` to (b, c, d); a missing count is 1.
fn hunk_header(header: &str) -> Option<(usize, usize, usize)> {
    let mut parts = header.split_whitespace();
    let old = parts.next()?.strip_prefix('-')?;
    let new = parts.next()?.strip_prefix('+')?;
    let count = |s: &str| -> Option<(usize, usize)> {
        match s.split_once(',') {
            Some((start, n)) => Some((start.parse().ok()?, n.parse().ok()?)),
            None => Some((s.parse().ok()?, 1)),
        }
    };
    let (_, old_count) = count(old)?;
    let (new_start, new_count) = count(new)?;
    Some((old_count, new_start, new_count))
}

fn push_line(ranges: &mut Vec<RangeInclusive<usize>>, line: usize) {
    match ranges.last_mut() {
        Some(last) if *last.end() + 1 == line => *last = *last.start()..=line,
        _ => ranges.push(line..=line),
    }
}

fn merge(ranges: &mut Vec<RangeInclusive<usize>>) {
    ranges.sort_by_key(|r| *r.start());
    let mut merged: Vec<RangeInclusive<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if *r.start() <= last.end().saturating_add(1) => {
                *last = *last.start()..=(*last.end()).max(*r.end());
            }
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// The byte ranges of a text (`len` bytes, lines indexed in `index`)
/// that the 1-based line ranges cover, each line with its line break.
pub fn byte_ranges(
    index: &LineIndex,
    len: usize,
    lines: &[RangeInclusive<usize>],
) -> Vec<Range<usize>> {
    let count = index.line_count();
    let line_start = |n: usize| index.line_start(n - 1).unwrap_or(len);
    lines
        .iter()
        .filter(|r| *r.start() >= 1 && *r.start() <= count)
        .map(|r| line_start(*r.start())..line_start(r.end().saturating_add(1).min(count + 1)))
        .collect()
}

/// Whether `span` touches any of `ranges` (an empty span: lies in one).
pub fn touches(ranges: &[Range<usize>], span: &Range<usize>) -> bool {
    let end = span.end.max(span.start + 1);
    ranges.iter().any(|r| span.start < r.end && r.start < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIT_U0: &str = "diff --git a/draft.md b/draft.md
index 3b18e51..a9c0b3e 100644
--- a/draft.md
+++ b/draft.md
@@ -2 +2 @@ Title
-old second line
+new second line
@@ -5,0 +6,2 @@ context
+added six
+added seven
@@ -9,2 +10,0 @@
-gone
-gone too
diff --git a/new.txt b/new.txt
new file mode 100644
--- /dev/null
+++ b/new.txt
@@ -0,0 +1,3 @@
+a
+b
+c
";

    #[test]
    fn reads_git_zero_context_diffs() {
        let changed = ChangedLines::parse(GIT_U0);
        assert_eq!(changed.files["b/draft.md"], vec![2..=2, 6..=7]);
        assert_eq!(changed.files["b/new.txt"], vec![1..=3]);
    }

    #[test]
    fn reads_context_diffs_and_deleted_files() {
        let diff = "--- a.md\t2024-01-01\n+++ a.md\t2024-01-02\n@@ -1,4 +1,4 @@\n one\n-two\n+TWO\n three\n\n--- gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        let changed = ChangedLines::parse(diff);
        assert_eq!(changed.files["a.md"], vec![2..=2]);
        assert_eq!(changed.files.len(), 1);
    }

    #[test]
    fn a_plus_plus_plus_line_inside_a_hunk_is_content() {
        let diff = "--- a/x.md\n+++ b/x.md\n@@ -1,0 +1,2 @@\n+++ not a header\n+two\n";
        let changed = ChangedLines::parse(diff);
        assert_eq!(changed.files["b/x.md"], vec![1..=2]);
    }

    #[test]
    fn unquotes_git_paths() {
        assert_eq!(
            target_path("\"b/caf\\303\\251 x.md\""),
            Some("b/café x.md".into())
        );
    }

    #[test]
    fn byte_ranges_cover_whole_lines() {
        let text = "one\ntwo\nthree";
        let index = LineIndex::new(text);
        let ranges = |lines: &[RangeInclusive<usize>]| byte_ranges(&index, text.len(), lines);
        assert_eq!(ranges(&[2..=2]), vec![4..8]);
        assert_eq!(ranges(&[3..=usize::MAX]), vec![8..13]);
        assert_eq!(ranges(&[1..=usize::MAX]), vec![0..13]);
        assert!(ranges(&[7..=9]).is_empty());
        let second_line = vec![4..8, 100..101];
        assert!(touches(&second_line, &(5..6)));
        assert!(!touches(&second_line, &(0..3)));
        assert!(touches(&second_line, &(4..4)));
    }
}
