//! `date_weekday`: a weekday that does not fall on the date written with
//! it ("Tuesday 3 December 2026" — a Thursday). The year is the date's
//! own, or the draft's date (front matter `date:`, the config's `date:`,
//! `--date`); a date without a year in a draft without a date says
//! nothing.

use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{weekday_dates, CalendarDate, DatedWeekday, Document, WEEKDAYS};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "date_weekday",
    fields: &["weekday", "date", "actual"],
    build,
    summary: "a weekday that does not fall on its date",
    params: crate::checks::params_schema::<Params>,
};

fn default_window() -> u32 {
    183
}

rule_params! {
    struct Params {
        /// A date written without a year is read in the year that puts it
        /// within this many days of the draft's date (the years either
        /// side too, near New Year); when no such year exists, or the
        /// weekday fits any of them, nothing is said.
        #[serde(default = "default_window")]
        window_days: u32,
    }
}

struct Weekday {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    Ok(Box::new(Weekday { params }))
}

impl Check for Weekday {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for d in weekday_dates(&doc.prose, &doc.blocks) {
            if let Some(f) = self.finding(doc, &d) {
                out.push(f);
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![("window-days".into(), self.params.window_days.to_string())]
    }
}

impl Weekday {
    /// The dates `d` may be, nearest the draft's date first, and where
    /// the year comes from.
    fn candidates(&self, doc: &Document, d: &DatedWeekday) -> (Vec<CalendarDate>, String) {
        if let Some(year) = d.year {
            return (
                CalendarDate::new(year, d.month, d.day)
                    .into_iter()
                    .collect(),
                String::new(),
            );
        }
        let Some(today) = doc.date else {
            return (Vec::new(), String::new());
        };
        let window = i64::from(self.params.window_days);
        let mut dates: Vec<CalendarDate> = (today.year - 1..=today.year + 1)
            .filter_map(|y| CalendarDate::new(y, d.month, d.day))
            .filter(|c| (c.days() - today.days()).abs() <= window)
            .collect();
        dates.sort_by_key(|c| (c.days() - today.days()).abs());
        let source = format!(
            "the year is read from the draft's date, {}-{:02}-{:02}",
            today.year, today.month, today.day
        );
        (dates, source)
    }

    fn finding(&self, doc: &Document, d: &DatedWeekday) -> Option<Finding> {
        let (dates, source) = self.candidates(doc, d);
        let nearest = *dates.first()?;
        if dates.iter().any(|c| c.weekday() == d.weekday) {
            return None;
        }
        let actual = WEEKDAYS[nearest.weekday()];
        let written = doc.text.get(d.weekday_span.clone())?;
        let date_text = doc.text.get(d.weekday_span.end..d.span.end)?;
        let date_text = date_text.trim_start_matches([',', ' ', '(']).to_string();
        let mut finding = Finding::at(d.span.clone())
            .field("weekday", written)
            .field("date", date_text.clone())
            .field("actual", actual)
            .fix(d.weekday_span.clone(), same_form(written, actual));
        if !source.is_empty() {
            // The year is not written: say which one was read.
            finding = finding
                .note(format!(
                    "{} {} {} is a {actual}",
                    nearest.day,
                    month_name(nearest.month),
                    nearest.year
                ))
                .note(source);
        }
        Some(finding)
    }
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month as usize).saturating_sub(1) % 12]
}

/// `actual` written the way `written` is: abbreviated to the same length
/// ("Tue" → "Thu"), in capitals if it was.
fn same_form(written: &str, actual: &str) -> String {
    let whole = WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(written));
    let mut out: String = if !whole && written.len() < actual.len() {
        actual
            .chars()
            .take(written.chars().count().max(3))
            .collect()
    } else {
        actual.to_string()
    };
    if written.len() > 1 && written.chars().all(|c| !c.is_lowercase()) {
        out = out.to_uppercase();
    }
    out
}
