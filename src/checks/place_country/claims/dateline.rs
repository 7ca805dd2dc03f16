//! Datelines: "LISBON, Spain (Reuters) -", "HANOI, Laos —", "YAOUNDE,
//! Cameroon, Jan 14 (AP) -", "PEORIA, Ill. —". The capitalised place
//! opens the sentence and the dateline ends in a dash, an agency in
//! brackets or a date.

use super::{Claim, NameRun, Pattern, Scanner, Target};

/// AP style abbreviations of US states, as datelines write them (AP
/// Stylebook, "state names"): (abbreviation without its stop, state).
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nev", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Vt", "Vermont"),
    ("Va", "Virginia"),
    ("Wash", "Washington"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

const MONTHS: &[&str] = &[
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
];

impl<'a> Scanner<'a> {
    /// "PLACE, TARGET —" with the place in capitals at the start of the
    /// sentence; `i` is the token after the comma.
    pub(super) fn dateline(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        if self.t[..run.start].iter().any(|t| t.is_word) {
            return;
        }
        let upper = self.t[run.start..run.end].iter().all(|t| {
            t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !t.text.chars().any(char::is_lowercase)
        });
        if !upper {
            return;
        }
        let Some((target, end)) = self.target_at(i).or_else(|| self.state_abbreviation(i)) else {
            return;
        };
        if !self.ends_dateline(end) {
            return;
        }
        out.push(self.claim(Pattern::Dateline, run, target, None, true));
    }

    /// What may close a dateline: a dash, "(Reuters)", or ", Jan 14".
    fn ends_dateline(&self, end: usize) -> bool {
        let Some(next) = self.t.get(end) else {
            return false;
        };
        if next.is_punct('—') || next.is_punct('–') || next.is_punct('-') || next.is_punct('(')
        {
            return true;
        }
        next.is_punct(',')
            && self.t.get(end + 1).is_some_and(|t| {
                t.is_word
                    && (MONTHS.contains(&t.text) || t.text.chars().all(|c| c.is_ascii_digit()))
            })
    }

    /// "Ill." or "N.Y." at `i`: the US state, and the index after its stop.
    fn state_abbreviation(&self, i: usize) -> Option<(Target, usize)> {
        let t = self.word_at(i)?;
        let (state, end) = US_STATE_ABBREVIATIONS.iter().find_map(|&(abbr, state)| {
            if abbr.ends_with('.') {
                (t.text == abbr).then_some((state, i + 1))
            } else {
                (t.text == abbr && self.t.get(i + 1).is_some_and(|s| s.is_punct('.')))
                    .then_some((state, i + 2))
            }
        })?;
        let regions: Vec<_> = self
            .gaz
            .regions_named(state)
            .into_iter()
            .filter(|r| r.country == "US")
            .collect();
        if regions.is_empty() {
            return None;
        }
        Some((
            Target {
                span: self.span(i, end),
                text: state.to_string(),
                country: None,
                regions,
                also: Vec::new(),
                typed_region: true,
            },
            end,
        ))
    }
}
