//! Inline suppressions written as HTML comments, in Markdown and plain
//! text alike: `<!-- copydesk-disable-next-line RULE -->`,
//! `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`.
//! Without a rule name they apply to every rule.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Rule ids or categories; empty means all rules.
    pub rules: Vec<String>,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Suppressions(Vec<Suppression>);

impl Suppressions {
    pub fn parse(text: &str) -> Self {
        let mut found = Vec::new();
        let mut open: Vec<(Vec<String>, usize)> = Vec::new();
        for (span, body) in comments(text) {
            let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
            let directive = words.next().unwrap_or("");
            let rules: Vec<String> = words
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            match directive {
                "copydesk-disable-next-line" => {
                    let next = next_line(text, span.end);
                    found.push(Suppression { rules, range: next });
                }
                "copydesk-disable" => open.push((rules, span.end)),
                "copydesk-enable" => {
                    // Close the matching disable (same rule list), or all when bare.
                    open.retain(|(r, start)| {
                        let closes = rules.is_empty() || *r == rules;
                        if closes {
                            found.push(Suppression {
                                rules: r.clone(),
                                range: *start..span.start,
                            });
                        }
                        !closes
                    });
                }
                _ => {}
            }
        }
        for (rules, start) in open {
            found.push(Suppression {
                rules,
                range: start..text.len(),
            });
        }
        Suppressions(found)
    }

    /// True when `rule` (or its `category`) is switched off at `offset`.
    pub fn covers(&self, rule: &str, category: &str, offset: usize) -> bool {
        self.0.iter().any(|s| {
            s.range.contains(&offset)
                && (s.rules.is_empty() || s.rules.iter().any(|r| r == rule || r == category))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// HTML comments: (span of the whole comment, trimmed body).
fn comments(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + text.get(pos..)?.find("<!--")?;
        let body_start = start + 4;
        let end = text[body_start..]
            .find("-->")
            .map_or(text.len(), |i| body_start + i + 3);
        pos = end;
        let body = text[body_start..end.saturating_sub(3).max(body_start)].trim();
        Some((start..end, body))
    })
}

/// The span of the line after the one containing `offset`.
fn next_line(text: &str, offset: usize) -> Range<usize> {
    let Some(nl) = text[offset..].find('\n') else {
        return text.len()..text.len();
    };
    let start = offset + nl + 1;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

/// Blanks every HTML comment in `prose`: they are never prose.
pub(super) fn blank_comments(prose: &mut String) {
    let spans: Vec<Range<usize>> = comments(prose).map(|(span, _)| span).collect();
    for span in spans {
        super::blocks::blank(prose, span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_and_ranges() {
        let text = "a\n<!-- copydesk-disable-next-line doubled-word -->\nthe the\nthe the\n<!-- copydesk-disable -->\nx\n<!-- copydesk-enable -->\ny";
        let s = Suppressions::parse(text);
        let first = text.find("the the").unwrap_or(0);
        let second = text.rfind("the the").unwrap_or(0);
        assert!(s.covers("doubled-word", "style", first));
        assert!(!s.covers("doubled-word", "style", second));
        assert!(!s.covers("other", "style", first));
        let x = text.find("\nx").unwrap_or(0) + 1;
        let y = text.rfind('y').unwrap_or(0);
        assert!(s.covers("anything", "hygiene", x));
        assert!(!s.covers("anything", "hygiene", y));
    }

    #[test]
    fn category_names_work_and_unclosed_runs_to_end() {
        let text = "<!-- copydesk-disable place -->\nSuwayda, India";
        let s = Suppressions::parse(text);
        assert!(s.covers("place-country", "place", text.len() - 2));
    }
}
