use crate::document::{Approx, Document, Format, Unit};

fn figures(text: &str) -> Vec<(String, f64, Approx, Unit, Option<String>)> {
    let doc = Document::parse(text.to_string(), Format::Text);
    let numbers = doc.numbers();
    numbers
        .figures
        .iter()
        .map(|f| {
            (
                doc.slice(&f.span).to_string(),
                f.value,
                f.approx,
                f.unit,
                f.counts.clone(),
            )
        })
        .collect()
}

fn counts(text: &str) -> Vec<Option<String>> {
    figures(text).into_iter().map(|f| f.4).collect()
}

#[test]
fn values_units_and_approximations() {
    let f = figures("Title\n\nProfits rose to £3.2bn. Nearly 50 people came. It cost $450m, or 3.2 billion euros, up 5%.");
    let got: Vec<(&str, f64, Approx, Unit)> = f
        .iter()
        .map(|(s, v, a, u, _)| (s.as_str(), *v, *a, *u))
        .collect();
    assert_eq!(
        got,
        [
            ("£3.2bn", 3.2e9, Approx::Exact, Unit::Money("GBP")),
            ("Nearly 50", 50.0, Approx::Nearly, Unit::Count),
            ("$450m", 450e6, Approx::Exact, Unit::Money("USD")),
            (
                "3.2 billion euros",
                3.2e9,
                Approx::Exact,
                Unit::Money("EUR")
            ),
            ("5%", 5.0, Approx::Exact, Unit::Percent),
        ]
    );
}

#[test]
fn number_words_ranges_and_years() {
    let f = figures("Title\n\nTwelve men, a dozen women and dozens of children met between 10 and 12 times in 2004, at least three hundred in all.");
    let got: Vec<(&str, f64)> = f.iter().map(|(s, v, ..)| (s.as_str(), *v)).collect();
    assert_eq!(
        got,
        [
            ("Twelve", 12.0),
            ("a dozen", 12.0),
            ("dozens", 24.0),
            ("10 and 12", 10.0),
            ("at least three hundred", 300.0),
        ]
    );
}

#[test]
fn what_a_figure_counts() {
    let dead = [Some("dead".to_string())];
    assert_eq!(counts("T\n\n12 people were killed."), dead);
    assert_eq!(counts("T\n\nThe blast killed at least 12."), dead);
    assert_eq!(counts("T\n\nThere were 12 dead."), dead);
    assert_eq!(counts("T\n\nIt raised the death toll to 12."), dead);
    assert_eq!(counts("T\n\nThe attack killed 10 British soldiers."), dead);
    assert_eq!(counts("T\n\nIt cut 500 jobs."), [Some("job".to_string())]);
    assert_eq!(
        counts("T\n\nIt made a loss of £2.5bn."),
        [Some("loss".to_string())]
    );
    assert_eq!(
        counts("T\n\nHe was killed 12 days ago."),
        [Some("day".to_string())]
    );
    assert_eq!(counts("T\n\nSales rose 8% in the year."), [None]);
    assert_eq!(
        counts("T\n\nShell signed a dollars 7bn (pounds 3.12bn) deal."),
        // The conversion in brackets is the same deal.
        [Some("deal".to_string()), Some("deal".to_string())]
    );
    assert_eq!(
        counts("T\n\nIt built 26 power projects."),
        [Some("power project".to_string())]
    );
}

#[test]
#[ignore]
fn dump_figures() {
    let path = std::env::var("DUMP").unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let doc = Document::parse(text, Format::Text);
    for f in &doc.numbers().figures {
        println!(
            "{:?} {} {:?} {:?} {:?} {:?} {:?}",
            doc.slice(&f.span),
            f.value,
            f.precision,
            f.approx,
            f.unit,
            f.counts,
            f.vague
        );
    }
}
