use super::*;

fn engine() -> Engine {
    Engine::builtin().unwrap()
}

#[test]
fn lints_a_string_and_keeps_its_positions() {
    let linted = engine().lint_text("draft.txt", "Headline\n\n😀 The the cat sat.\n".into());
    let d = linted
        .diagnostics
        .iter()
        .find(|d| d.rule == "doubled-word")
        .expect("a doubled word");
    let p = linted.position(d.span.start);
    assert_eq!(p.line, 3);
    // The emoji is one char, two UTF-16 units and four bytes.
    assert_eq!((p.column, p.utf16_column, p.byte_column), (3, 4, 6));
}

#[test]
fn fixes_until_nothing_fixable_is_left() {
    let fixed = engine().fix_text("a.txt", "Title\n\nIt was the the end.\n".into(), None);
    assert_eq!(fixed.linted.text(), "Title\n\nIt was the end.\n");
    assert_eq!(fixed.fixed, 1);
    assert!(fixed
        .linted
        .diagnostics
        .iter()
        .all(|d| d.rule != "doubled-word"));
}

#[test]
fn changed_lines_keep_only_their_findings() {
    let text = "Title\n\nThe the one.\n\nThe the two.\n".to_string();
    let all = engine().lint_text("a.txt", text.clone());
    assert_eq!(
        all.diagnostics
            .iter()
            .filter(|d| d.rule == "doubled-word")
            .count(),
        2
    );
    let changed = engine().lint_changed("a.txt", text.clone(), Some(&[5..=5]));
    let lines: Vec<usize> = changed
        .diagnostics
        .iter()
        .map(|d| changed.position(d.span.start).line)
        .collect();
    assert_eq!(lines, vec![5]);
    // Fixing with changed lines leaves the first line's doubled word alone.
    let fixed = engine().fix_text("a.txt", text, Some(&[5..=5]));
    assert_eq!(fixed.linted.text(), "Title\n\nThe the one.\n\nThe two.\n");
}

#[test]
fn bytes_are_refused_with_a_position() {
    let err = decode(b"ok\nbad \xff".to_vec(), 100).unwrap_err();
    assert!(err.contains("line 2, column 5"), "{err}");
    let err = decode(b"a\0b".to_vec(), 100).unwrap_err();
    assert!(err.contains("NUL byte"), "{err}");
    assert!(decode(vec![b'a'; 11], 10).is_err());
}

#[test]
fn an_unknown_selection_is_a_located_error() {
    let overrides = Overrides {
        select: vec!["place-countyr".into()],
        ..Overrides::default()
    };
    let errors = Engine::new(&LoadedConfig::default(), &overrides).unwrap_err();
    assert!(
        errors[0].notes[0].contains("place-country"),
        "{:?}",
        errors[0]
    );
}

#[test]
fn every_fix_is_applied_and_counted() {
    let fixed = engine().fix_text(
        "a.txt",
        "Title\n\nThey met in in Paris and and Rome.\n".into(),
        None,
    );
    assert_eq!(
        fixed.linted.text(),
        "Title\n\nThey met in Paris and Rome.\n"
    );
    assert_eq!(fixed.fixed, 2);
    assert!(fixed.linted.diagnostics.is_empty());
}
