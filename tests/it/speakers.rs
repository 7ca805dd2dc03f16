//! Speaker attribution measured on labelled quotations from real news
//! text (tests/fixtures/speakers.jsonl: a paragraph, with the one before it
//! where the speaker is named there, the opening words of a quotation, and
//! who says it — or null where the text names no one). Prints precision
//! and recall and holds them above the floors measured when the labels
//! were made.

use copydesk::document::{Document, Format};

struct Label {
    text: String,
    quote: String,
    speaker: Option<String>,
}

fn labels() -> Vec<Label> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/speakers.jsonl");
    let raw = std::fs::read_to_string(path).expect("fixture");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            Label {
                text: v["text"].as_str().expect("text").to_string(),
                quote: v["quote"].as_str().expect("quote").to_string(),
                speaker: v["speaker"].as_str().map(str::to_string),
            }
        })
        .collect()
}

/// A predicted name matches a label when it contains the label's last
/// word ("Vince Cable" for "Cable", "a CAS statement" for "statement").
/// Alternatives for one speaker are separated by `|` ("G Money|DJ").
fn matches(predicted: &str, label: &str) -> bool {
    label.split('|').any(|l| matches_one(predicted, l))
}

fn matches_one(predicted: &str, label: &str) -> bool {
    let last = label
        .split_whitespace()
        .last()
        .unwrap_or(label)
        .to_lowercase();
    predicted
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .any(|w| w.to_lowercase() == last)
}

#[test]
fn speaker_precision_and_recall() {
    let labels = labels();
    assert!(
        labels.len() >= 50,
        "only {} labelled quotations",
        labels.len()
    );
    let (mut predicted, mut correct, mut expected) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for label in &labels {
        let doc = Document::parse(label.text.clone(), Format::Text);
        let quote = doc.quotes.iter().find(|q| {
            doc.slice(&q.inner)
                .trim_start_matches(['“', '"', '‘'])
                .starts_with(&label.quote)
        });
        let Some(quote) = quote else {
            panic!("quotation not found: {}", label.quote);
        };
        let got = quote.speaker.as_ref().map(|s| s.name.as_str());
        expected += usize::from(label.speaker.is_some());
        predicted += usize::from(got.is_some());
        let ok = match (got, label.speaker.as_deref()) {
            (Some(g), Some(l)) => matches(g, l),
            _ => false,
        };
        correct += usize::from(ok);
        if !ok && got != label.speaker.as_deref() {
            report.push(format!(
                "  {:?}: got {got:?}, want {:?}",
                label.quote, label.speaker
            ));
        }
    }
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = correct as f64 / expected.max(1) as f64;
    println!(
        "speaker precision {precision:.3} ({correct}/{predicted}), recall {recall:.3} ({correct}/{expected}) on {} quotations\n{}",
        labels.len(),
        report.join("\n")
    );
    assert!(
        precision >= 0.85,
        "precision {precision:.3}\n{}",
        report.join("\n")
    );
    assert!(recall >= 0.84, "recall {recall:.3}\n{}", report.join("\n"));
}
