//! Stable identities for findings, for SARIF `partialFingerprints` and
//! GitLab's `fingerprint`: code-scanning services match a finding across
//! runs by them, so they must not change when unrelated lines move.

use super::FileReport;
use std::collections::HashMap;

/// One fingerprint per diagnostic of `file` (whose text is `text`), in order: a hash of the path,
/// the rule, the flagged text and how many earlier findings of the same
/// rule flagged the same text in this file. Line numbers are left out on
/// purpose, so adding a paragraph above a finding keeps its identity.
pub fn fingerprints(file: &FileReport) -> Vec<String> {
    let text = file.text;
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let flagged = text.get(d.span.clone()).unwrap_or("");
            let nth = seen.entry((d.rule.as_str(), flagged)).or_insert(0);
            let occurrence = nth.to_string();
            *nth += 1;
            let key = [
                file.path.as_bytes(),
                d.rule.as_bytes(),
                flagged.as_bytes(),
                occurrence.as_bytes(),
            ];
            format!("{:016x}", fnv1a(&key))
        })
        .collect()
}

/// FNV-1a (64-bit) over the parts, each followed by a separator byte that
/// cannot occur in UTF-8. Chosen over `std`'s hasher because its output is
/// specified and will not change between Rust releases.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for &byte in part.iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};

    fn diagnostic(rule: &str, span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            category: "style".into(),
            severity: Severity::Warning,
            message: "m".into(),
            span,
            labels: vec![],
            notes: vec![],
            fix: None,
        }
    }

    fn fingerprints_of(text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
        let lines = crate::document::LineIndex::new(text);
        fingerprints(&FileReport {
            path: "a.md",
            text,
            lines: &lines,
            diagnostics,
        })
    }

    #[test]
    fn known_value_of_the_hash() {
        // FNV-1a of the empty input is the offset basis; one part adds 0xff.
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
    }

    #[test]
    fn survives_lines_added_above_and_tells_repeats_apart() {
        let a = fingerprints_of(
            "x Druzes y Druzes",
            &[diagnostic("r", 2..8), diagnostic("r", 11..17)],
        );
        let b = fingerprints_of(
            "new line\nx Druzes y Druzes",
            &[diagnostic("r", 11..17), diagnostic("r", 20..26)],
        );
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
    }
}
