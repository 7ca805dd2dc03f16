//! Calendar dates: a draft's own date (front matter `date:`, or the one
//! the config or command line gives) and the weekday-plus-date phrases of
//! its prose ("Tuesday 3 December 2026", "Friday, Nov. 4, 2016",
//! "Monday the 3rd of March"), with the spans a fix replaces.

use super::{char_at, Block};
use std::ops::Range;

/// A day of the calendar (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    /// The year, e.g. 2026.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31, valid for the month.
    pub day: u32,
}

/// The weekdays, Monday first (index = days since Monday).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl CalendarDate {
    /// The date if it exists (30 February does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(CalendarDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (a time after it, `T…` or ` …`, is ignored).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim().trim_matches(['"', '\'']);
        let date = text.get(..10)?;
        if text.len() > 10 && !text[10..].starts_with(['T', ' ', 't']) {
            return None;
        }
        let mut parts = date.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        if parts.next().is_some() || date.as_bytes().get(4) != Some(&b'-') {
            return None;
        }
        CalendarDate::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days since Monday: 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as usize
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A weekday written with a date: "Tuesday 3 December 2026".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedWeekday {
    /// The weekday as written.
    pub weekday_span: Range<usize>,
    /// Days since Monday of the weekday written.
    pub weekday: usize,
    /// From the weekday to the end of the date (the year if written).
    pub span: Range<usize>,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// The year when the date gives one.
    pub year: Option<i32>,
}

/// The weekday-plus-date phrases of the blocks' prose, in order.
pub fn weekday_dates(prose: &str, blocks: &[Block]) -> Vec<DatedWeekday> {
    let mut out = Vec::new();
    for block in blocks {
        let Some(text) = prose.get(block.span.clone()) else {
            continue;
        };
        let words = word_spans(text, block.span.start);
        for (i, w) in words.iter().enumerate() {
            let Some(weekday) = weekday_of(&prose[w.clone()]) else {
                continue;
            };
            if let Some(found) = date_after(prose, &words[i + 1..], w.clone(), weekday) {
                out.push(found);
            }
        }
    }
    out
}

/// Word spans (letters and digits, a trailing full stop of an
/// abbreviation kept out) of `text`, which starts at byte `base`.
fn word_spans(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(base + s..base + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(base + s..base + text.len());
    }
    out
}

fn weekday_of(word: &str) -> Option<usize> {
    // Capitalised only: "sunday best" is no date.
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let lower = word.to_lowercase();
    WEEKDAYS.iter().position(|d| {
        d.eq_ignore_ascii_case(&lower) || (lower.len() >= 3 && abbreviation(d, &lower))
    })
}

/// "Tue", "Tues", "Thur", "Thurs": a weekday's abbreviations.
fn abbreviation(day: &str, word: &str) -> bool {
    matches!(
        word,
        "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
    ) && day.to_lowercase().starts_with(word)
}

fn month_of(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let lower = word.to_lowercase();
    let found = MONTHS.iter().position(|m| {
        *m == lower
            || (lower.len() >= 3 && m.starts_with(&lower) && (lower.len() == 3 || lower == "sept"))
    })?;
    u32::try_from(found + 1).ok()
}

/// A day number: "3", "03", "3rd", "21st".
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// What separates the words of a date: spaces, one comma, an opening
/// parenthesis, and a full stop only right after an abbreviation ("Nov.
/// 4"), never after a whole word ("on Sunday. 3 May was …").
fn gap_ok(prose: &str, from: usize, to: usize) -> bool {
    let abbreviated = prose
        .get(..from)
        .and_then(|before| before.rsplit(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|w| {
            let w = w.to_lowercase();
            w.len() <= 5 && !MONTHS.contains(&w.as_str()) && w != "friday" && w != "monday"
        });
    prose.get(from..to).is_some_and(|gap| {
        gap.len() <= 4
            && !gap.contains('\n')
            && gap
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '(' | '\u{a0}') || c == '.' && abbreviated)
            && gap.matches(',').count() <= 1
            && gap.matches('.').count() <= 1
    })
}

/// The date written right after a weekday: "3 December [2026]",
/// "December 3[, 2026]", "the 3rd of December", "Nov. 4, 2016".
fn date_after(
    prose: &str,
    rest: &[Range<usize>],
    weekday_span: Range<usize>,
    weekday: usize,
) -> Option<DatedWeekday> {
    let word = |i: usize| rest.get(i).map(|r| &prose[r.clone()]);
    let gap = |prev_end: usize, i: usize| {
        rest.get(i)
            .is_some_and(|r| gap_ok(prose, prev_end, r.start))
    };
    let mut i = 0;
    if word(0) == Some("the") && gap(weekday_span.end, 0) {
        i = 1;
    }
    let prev_end = if i == 0 {
        weekday_span.end
    } else {
        rest[0].end
    };
    if !gap(prev_end, i) {
        return None;
    }
    let (month, day, mut end, next) = if let Some(day) = word(i).and_then(day_of) {
        // "3 December", "3rd of December".
        let mut j = i + 1;
        if word(j) == Some("of") && gap(rest[i].end, j) {
            j += 1;
        }
        let month = word(j)
            .and_then(month_of)
            .filter(|_| gap(rest[j - 1].end, j))?;
        (month, day, rest[j].end, j + 1)
    } else {
        let month = word(i).and_then(month_of)?;
        let day = word(i + 1)
            .and_then(day_of)
            .filter(|_| gap(rest[i].end, i + 1))?;
        (month, day, rest[i + 1].end, i + 2)
    };
    let mut year = None;
    if let Some(y) = word(next).filter(|_| gap(end, next)) {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            year = y.parse().ok();
            end = rest[next].end;
        }
    }
    // "Friday 13 June 2-1 win": a score or a time, not a year.
    if year.is_none() && char_at(prose, end).is_some_and(|c| c == ':' || c == '-') {
        return None;
    }
    CalendarDate::new(year.unwrap_or(2000), month, day)?;
    Some(DatedWeekday {
        weekday_span: weekday_span.clone(),
        weekday,
        span: weekday_span.start..end,
        month,
        day,
        year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    fn found(text: &str) -> Vec<(usize, u32, u32, Option<i32>)> {
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            span: 0..text.len(),
        }];
        weekday_dates(text, &blocks)
            .into_iter()
            .map(|d| (d.weekday, d.month, d.day, d.year))
            .collect()
    }

    #[test]
    fn weekdays_of_known_dates() {
        let d = |y, m, day| CalendarDate::new(y, m, day).map(CalendarDate::weekday);
        assert_eq!(d(2026, 12, 3), Some(3)); // Thursday
        assert_eq!(d(2016, 11, 4), Some(4)); // Friday
        assert_eq!(d(2000, 2, 29), Some(1)); // Tuesday
        assert_eq!(d(1970, 1, 1), Some(3));
        assert_eq!(d(2025, 2, 29), None);
    }

    #[test]
    fn phrases() {
        assert_eq!(
            found("on Tuesday 3 December 2026 at"),
            [(1, 12, 3, Some(2026))]
        );
        assert_eq!(found("Friday, Nov. 4, 2016."), [(4, 11, 4, Some(2016))]);
        assert_eq!(found("on Monday the 3rd of March"), [(0, 3, 3, None)]);
        assert_eq!(found("on Wednesday, June 5."), [(2, 6, 5, None)]);
        assert_eq!(found("on Sunday. 3 May was"), []);
        assert_eq!(found("on Sunday 3 points"), []);
        assert_eq!(found("sunday 3 May"), []);
        assert_eq!(found("Saturday 30 February"), []);
    }

    #[test]
    fn iso() {
        assert_eq!(
            CalendarDate::parse_iso("2026-12-04T10:00:00Z"),
            CalendarDate::new(2026, 12, 4)
        );
        assert_eq!(
            CalendarDate::parse_iso("\"2026-12-04\""),
            CalendarDate::new(2026, 12, 4)
        );
        assert_eq!(CalendarDate::parse_iso("2026-13-04"), None);
        assert_eq!(CalendarDate::parse_iso("04/12/2026"), None);
    }
}
