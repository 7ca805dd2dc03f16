//! The number kinds, over the document's figures, ages and weekday dates:
//! `headline_figure` — a display figure the body states otherwise;
//! `figure_conflict` — one count stated two ways in the body;
//! `age_conflict` — one person given two ages;
//! `date_weekday` — a weekday that does not fall on its date.
//! This module holds what they share: cue words and the range of values
//! a written figure allows (its rounding and its approximation).

use crate::document::{Approx, Figure, Unit};

mod age;
mod conflict;
mod headline;
mod weekday;

pub use age::KIND as AGE;
pub use conflict::KIND as CONFLICT;
pub use headline::KIND as HEADLINE;
pub use weekday::KIND as WEEKDAY;

/// How far approximations reach, as fractions of the figure.
#[derive(Debug, Clone, Copy)]
struct Reach {
    /// "about 50": 50 give or take this fraction.
    about: f64,
    /// "nearly 50": up to this fraction under 50.
    nearly: f64,
    /// Plain counts at least this large may be rounded to their last
    /// written digit ("500 jobs" over 480); smaller counts must match.
    round_from: f64,
}

/// The values a figure allows: its range, rounding and approximation.
/// As evidence, "at least 20" supports a little more than 20, not any
/// figure above it (a display "30 dead" over it is unsupported), and a
/// figure is not rounded.
fn allowed(f: &Figure, r: Reach, evidence: bool) -> (f64, f64) {
    if let Some(v) = f.vague {
        return v;
    }
    if let Some(high) = f.high {
        return (f.value, high);
    }
    let v = f.value;
    // The display side rounds; the evidence means what it writes (a body's
    // "50,000 staff" supports no display "54,000").
    let rounds = !evidence && (f.unit != Unit::Count || v >= r.round_from);
    let half = if rounds { f.precision / 2.0 } else { 0.0 };
    match f.approx {
        Approx::Exact => (v - half, v + half),
        Approx::About => (
            (v * (1.0 - r.about)).min(v - half),
            (v * (1.0 + r.about)).max(v + half),
        ),
        Approx::Nearly => ((v * (1.0 - r.nearly)).min(v - half), v + half),
        Approx::AtLeast if evidence => (v - half, (v * (1.0 + r.about)).max(v + half)),
        Approx::AtLeast => (v - half, f64::INFINITY),
        Approx::AtMost => (0.0, v + half),
    }
}

/// Whether claim `a` can be true of what evidence `b` says (both read as
/// evidence when `a_evidence`: two statements of the body).
fn compatible(a: &Figure, b: &Figure, r: Reach, a_evidence: bool) -> bool {
    let (a0, a1) = allowed(a, r, a_evidence);
    let (b0, b1) = allowed(b, r, true);
    let eps = 1e-9 * a0.abs().max(b0.abs()).max(1.0);
    a0 <= b1 + eps && b0 <= a1 + eps
}

/// Whether two statements of the body can both be true: "at least 12"
/// and "14" can, so neither is read as evidence.
fn consistent(a: &Figure, b: &Figure, r: Reach) -> bool {
    let (a0, a1) = allowed(a, r, false);
    let (b0, b1) = allowed(b, r, false);
    let eps = 1e-9 * a0.abs().max(b0.abs()).max(1.0);
    a0 <= b1 + eps && b0 <= a1 + eps
}

/// Lower-case words of a text.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `words` contain one of `cues` (a cue may be several words).
fn has_cue(words: &[String], cues: &[String]) -> bool {
    cues.iter().any(|cue| {
        let parts: Vec<&str> = cue.split_whitespace().collect();
        !parts.is_empty()
            && words
                .windows(parts.len())
                .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
    })
}
