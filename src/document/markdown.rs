//! Markdown drafts: pulldown-cmark finds paragraphs, headings and list
//! items; only text events are kept in `prose`, so markup, code, links'
//! targets and HTML never reach the checks. Spans stay in the original.

use super::blocks::{classify, trimmed};
use super::front_matter::FrontMatter;
use super::{Block, BlockKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub(super) fn parse(text: &str, fm: Option<&FrontMatter>) -> (String, Vec<Block>) {
    let mut prose: String = text
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' { '\n' } else { ' ' };
            std::iter::repeat_n(fill, c.len_utf8())
        })
        .collect();
    let mut blocks = fm.map_or_else(Vec::new, FrontMatter::blocks);
    // Only the words of each field: a folded title's indentation and
    // line breaks stay blank.
    for run in fm.map_or_else(Vec::new, FrontMatter::values) {
        copy(&mut prose, text, run);
    }
    let body_start = fm.map_or(0, |f| f.end);
    let mut has_title = blocks.iter().any(|b| b.kind == BlockKind::Title);
    // Open containers: (start offset, kind if a heading, has a paragraph child).
    let mut open: Vec<(usize, Option<HeadingLevel>, bool)> = Vec::new();
    let body = &text[body_start..];
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::Paragraph) => {
                if let Some(parent) = open.last_mut() {
                    parent.2 = true;
                }
                open.push((range.start, None, false));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                open.push((range.start, Some(level), false))
            }
            Event::Start(Tag::Item) => open.push((range.start, None, false)),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                let Some((start, level, has_child)) = open.pop() else {
                    continue;
                };
                let is_item = matches!(event, Event::End(TagEnd::Item));
                if is_item && has_child {
                    continue;
                }
                let span = trimmed(text, start..range.end);
                let kind = block_kind(&prose[span.clone()], level, &mut has_title);
                blocks.push(Block { kind, span });
            }
            Event::Text(_) => copy(&mut prose, text, range),
            Event::SoftBreak | Event::HardBreak => {}
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    (prose, blocks)
}

fn block_kind(prose: &str, level: Option<HeadingLevel>, has_title: &mut bool) -> BlockKind {
    match level {
        Some(HeadingLevel::H1) if !*has_title => {
            *has_title = true;
            BlockKind::Title
        }
        Some(_) => BlockKind::Subhead,
        None => classify(prose.trim_start_matches(['>', '-', '*', '+', ' ']), false),
    }
}

fn copy(prose: &mut String, text: &str, range: Range<usize>) {
    if let Some(src) = text.get(range.clone()) {
        prose.replace_range(range, src);
    }
}
