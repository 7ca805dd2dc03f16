//! Inline suppressions written as HTML comments, in Markdown and plain
//! text alike: `<!-- copydesk-disable-next-line RULE -->`,
//! `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`.
//! Without a rule name they apply to every rule.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
/// One suppression comment: the rules it names and what it covers.
pub struct Suppression {
    /// Rule ids or categories; empty means all rules.
    pub rules: Vec<String>,
    /// Byte range of the text it covers.
    pub range: Range<usize>,
}

/// Where rules are switched off, indexed by rule id or category so a
/// lookup is a binary search however many comments a draft has.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Sorted, merged ranges where every rule is off.
    all: Vec<Range<usize>>,
    /// Sorted, merged ranges per rule id or category.
    by_name: HashMap<String, Vec<Range<usize>>>,
}

impl Suppressions {
    /// Reads every suppression comment in `text`.
    pub fn parse(text: &str) -> Self {
        let mut found = Vec::new();
        // Open `disable` comments by rule list, each with where it starts.
        let mut open: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
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
                "copydesk-disable" => open.entry(rules).or_default().push(span.end),
                "copydesk-enable" => {
                    // Close the matching disables (same rule list), or all when bare.
                    let closed = if rules.is_empty() {
                        std::mem::take(&mut open)
                    } else {
                        open.remove_entry(&rules).into_iter().collect()
                    };
                    for (rules, starts) in closed {
                        found.extend(starts.into_iter().map(|start| Suppression {
                            rules: rules.clone(),
                            range: start..span.start,
                        }));
                    }
                }
                _ => {}
            }
        }
        for (rules, starts) in open {
            found.extend(starts.into_iter().map(|start| Suppression {
                rules: rules.clone(),
                range: start..text.len(),
            }));
        }
        Self::index(found)
    }

    fn index(found: Vec<Suppression>) -> Self {
        let mut index = Suppressions::default();
        for s in found {
            if s.rules.is_empty() {
                index.all.push(s.range.clone());
            }
            for rule in s.rules {
                index.by_name.entry(rule).or_default().push(s.range.clone());
            }
        }
        merge(&mut index.all);
        index.by_name.values_mut().for_each(merge);
        index
    }

    /// True when `rule` (or its `category`) is switched off at `offset`.
    pub fn covers(&self, rule: &str, category: &str, offset: usize) -> bool {
        let named = |name: &str| {
            self.by_name
                .get(name)
                .is_some_and(|ranges| contains(ranges, offset))
        };
        contains(&self.all, offset) || named(rule) || named(category)
    }

    /// Whether the text has no suppression comments.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.by_name.is_empty()
    }
}

/// Sorts ranges and merges the overlapping ones; empty ranges cover nothing.
fn merge(ranges: &mut Vec<Range<usize>>) {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// Whether sorted, merged `ranges` contain `offset`.
fn contains(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.start <= offset)
}

/// HTML comments: (span of the whole comment, trimmed body).
pub(super) fn comments(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + text.get(pos..)?.find("<!--")?;
        let body_start = start + 4;
        // An unclosed comment runs to the end of the text.
        let (body_end, end) = match text[body_start..].find("-->") {
            Some(i) => (body_start + i, body_start + i + 3),
            None => (text.len(), text.len()),
        };
        pos = end;
        Some((start..end, text[body_start..body_end].trim()))
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
