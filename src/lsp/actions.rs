//! What a writer can do about a finding: apply the rule's fix (the
//! preferred quick fix), switch the rule off on the line or in the file
//! with the suppression comments the engine honours, or apply every safe
//! fix at once; and hover to read the rule's explanation.

use super::convert::{self, Encoding};
use crate::diagnostic::Diagnostic;
use crate::engine::{Engine, Linted};
use lsp_types as lsp;
use lsp_types::Url;
use std::collections::HashMap;
use std::ops::Range;

/// The source action that applies every safe fix.
pub const FIX_ALL: &str = "source.fixAll.copydesk";

fn edit(uri: &Url, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..lsp::WorkspaceEdit::default()
    }
}

fn action(
    title: String,
    kind: lsp::CodeActionKind,
    diagnostic: Option<lsp::Diagnostic>,
    edit: lsp::WorkspaceEdit,
    preferred: bool,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..lsp::CodeAction::default()
    })
}

/// Whether a finding's span meets the requested byte range (a cursor is
/// an empty range; it meets a span it touches).
fn meets(span: &Range<usize>, wanted: &Range<usize>) -> bool {
    span.start <= wanted.end && wanted.start <= span.end
}

/// Code actions for the findings in `wanted` (bytes), and the source
/// action when the client asks for it (or for all kinds).
pub fn code_actions(
    engine: &Engine,
    linted: &Linted,
    uri: &Url,
    path_hint: &str,
    wanted: Range<usize>,
    only: Option<&[lsp::CodeActionKind]>,
    enc: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let asks = |kind: &lsp::CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let mut actions = Vec::new();
    if asks(&lsp::CodeActionKind::QUICKFIX) {
        for d in linted
            .diagnostics
            .iter()
            .filter(|d| meets(&d.span, &wanted))
        {
            actions.extend(quick_fixes(engine, linted, uri, d, enc));
        }
    }
    let fix_all = lsp::CodeActionKind::new(FIX_ALL);
    if asks(&fix_all) && linted.diagnostics.iter().any(|d| d.fix.is_some()) {
        actions.push(fix_all_action(engine, linted, uri, path_hint, enc));
    }
    actions
}

fn quick_fixes(
    engine: &Engine,
    linted: &Linted,
    uri: &Url,
    d: &Diagnostic,
    enc: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let (lines, text) = (linted.lines(), linted.text());
    let lsp_diagnostic = convert::diagnostic(engine, linted, uri, d, enc);
    let mut actions = Vec::new();
    if let Some(fix) = &d.fix {
        let title = if fix.replacement.is_empty() {
            format!(
                "Remove `{}` ({})",
                text.get(fix.span.clone()).unwrap_or(""),
                d.rule
            )
        } else {
            format!("Replace with `{}` ({})", fix.replacement, d.rule)
        };
        let e = lsp::TextEdit::new(
            convert::range(lines, text, &fix.span, enc),
            fix.replacement.clone(),
        );
        actions.push(action(
            title,
            lsp::CodeActionKind::QUICKFIX,
            Some(lsp_diagnostic.clone()),
            edit(uri, vec![e]),
            true,
        ));
    }
    // The comment goes on its own line just above the finding's line.
    let line_start = lines.line_start(lines.line_of(d.span.start)).unwrap_or(0);
    let at = convert::range(lines, text, &(line_start..line_start), enc);
    let comment = format!("<!-- copydesk-disable-next-line {} -->\n", d.rule);
    actions.push(action(
        format!("Disable {} on this line", d.rule),
        lsp::CodeActionKind::QUICKFIX,
        Some(lsp_diagnostic.clone()),
        edit(uri, vec![lsp::TextEdit::new(at, comment)]),
        false,
    ));
    let top = file_comment_offset(text);
    let at = convert::range(lines, text, &(top..top), enc);
    let comment = format!("<!-- copydesk-disable {} -->\n", d.rule);
    actions.push(action(
        format!("Disable {} in this file", d.rule),
        lsp::CodeActionKind::QUICKFIX,
        Some(lsp_diagnostic),
        edit(uri, vec![lsp::TextEdit::new(at, comment)]),
        false,
    ));
    actions
}

/// Where a file-wide comment goes: the top, or just after YAML front
/// matter (a comment above it would stop it being front matter).
fn file_comment_offset(text: &str) -> usize {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let Some(first_end) = body.find('\n') else {
        return bom;
    };
    if body[..first_end].trim_end() != "---" {
        return bom;
    }
    let mut pos = first_end + 1;
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        if matches!(body[pos..end].trim_end(), "---" | "...") {
            return bom + (end + 1).min(body.len());
        }
        pos = end + 1;
    }
    bom
}

/// "Apply all safe fixes": the whole text replaced by the engine's fixed
/// text (fixes applied until none is left).
fn fix_all_action(
    engine: &Engine,
    linted: &Linted,
    uri: &Url,
    path_hint: &str,
    enc: Encoding,
) -> lsp::CodeActionOrCommand {
    let text = linted.text();
    let fixed = engine.fix_text(path_hint, text.to_string(), None);
    let whole = convert::range(linted.lines(), text, &(0..text.len()), enc);
    action(
        format!("Apply all safe fixes ({} fixes)", fixed.fixed),
        lsp::CodeActionKind::new(FIX_ALL),
        None,
        edit(
            uri,
            vec![lsp::TextEdit::new(whole, fixed.linted.text().to_string())],
        ),
        false,
    )
}

/// The explanation of every rule with a finding under the cursor.
pub fn hover(engine: &Engine, linted: &Linted, at: usize, enc: Encoding) -> Option<lsp::Hover> {
    let here: Vec<&Diagnostic> = linted
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= at && at <= d.span.end)
        .collect();
    let first = here.first()?;
    let mut seen = Vec::new();
    let mut value = String::new();
    for d in &here {
        if seen.contains(&d.rule.as_str()) {
            continue;
        }
        seen.push(d.rule.as_str());
        let Some(rule) = engine.rules().get(&d.rule) else {
            continue;
        };
        if !value.is_empty() {
            value.push_str("\n---\n\n");
        }
        value.push_str(&format!(
            "**{}**: {}\n\n```text\n{}```\n",
            d.rule,
            d.message,
            crate::rules::explain_text(rule)
        ));
        if let Some(link) = &rule.link {
            value.push_str(&format!("\n[Documentation]({link})\n"));
        }
    }
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range: Some(convert::range(
            linted.lines(),
            linted.text(),
            &first.span,
            enc,
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::file_comment_offset;

    #[test]
    fn file_comments_go_below_front_matter() {
        assert_eq!(file_comment_offset("Title\nbody"), 0);
        let md = "---\ntitle: X\n---\n# X\n";
        assert_eq!(&md[file_comment_offset(md)..], "# X\n");
        assert_eq!(file_comment_offset("---\nunclosed"), 0);
    }
}
