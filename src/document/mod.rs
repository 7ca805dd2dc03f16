//! A draft parsed once into elements with byte spans into the original
//! text: blocks (title, subheads, paragraphs, bylines …), sentences and
//! quotations. Checks read this model; they never re-parse the text.

mod attribution;
mod blocks;
mod dates;
mod front_matter;
mod markdown;
mod memo;
mod numbers;
mod prose;
mod quotes;
mod sentences;
mod suppressions;

use std::ops::Range;

pub use crate::source::{LineIndex, Position};
pub use attribution::{
    is_role_word, is_speech_word, is_title_word, Affiliation, Attribution, AttributionForm, Entity,
    EntityKind, Mention, Role, SpeakerGender, Title,
};
pub use dates::{weekday_dates, CalendarDate, DatedWeekday, WEEKDAYS};
pub use front_matter::{FrontMatterError, FrontMatterMeta, MetaValue};
pub use memo::Memo;
pub use numbers::{Age, Approx, Figure, Numbers, Unit};
pub use quotes::{Closing, Quote, QuoteMark, Speaker};
pub use suppressions::{Suppression, Suppressions};

/// The char at byte `at` of `text` (a char boundary), if any; read
/// directly when ASCII, as the word scanners call it for every character.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// `s.to_lowercase()`, borrowed when that changes nothing (plain ASCII
/// without capitals: most words). The word passes run this on every word.
pub fn lower_case(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// The located error of `text`'s front matter, when it has a broken one
/// (front ends refuse such a draft with exit code 2).
pub fn front_matter_error(text: &str) -> Option<FrontMatterError> {
    front_matter::error(text)
}

/// Input format, chosen from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: blank lines separate paragraphs; the first is the title.
    Text,
    /// Markdown (CommonMark): headings, block quotes, front matter.
    Markdown,
}

impl Format {
    /// The format a file name implies (`.md`, `.markdown`: Markdown).
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// What a block of the draft is, editorially.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The headline: first line, or Markdown `# ` heading / front matter `title`.
    Title,
    /// A standfirst / dek (front matter `subtitle`, `dek`, `description`).
    Standfirst,
    /// A crosshead: a short line between paragraphs with no sentence punctuation.
    Subhead,
    /// A caption line ("Photo: …", "Caption: …").
    Caption,
    /// A short block that is nothing but one quotation, set off from the
    /// paragraphs around it.
    PullQuote,
    /// "Source: …", "By …", "Reporting by …".
    Byline,
    /// Body text.
    Paragraph,
}

impl BlockKind {
    /// Display elements are what a reader sees before the body: headline,
    /// dek, subheads, captions, pull quotes.
    pub fn is_display(self) -> bool {
        matches!(
            self,
            BlockKind::Title
                | BlockKind::Standfirst
                | BlockKind::Subhead
                | BlockKind::Caption
                | BlockKind::PullQuote
        )
    }

    /// The name used in rule files (`title`, `pull-quote`, …).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Subhead => "subhead",
            BlockKind::Caption => "caption",
            BlockKind::PullQuote => "pull-quote",
            BlockKind::Byline => "byline",
            BlockKind::Paragraph => "paragraph",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One block of the document: a title, paragraph, subhead, caption ….
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte range in the document text.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One sentence of prose.
pub struct Sentence {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Index into `Document::blocks`.
    pub block: usize,
}

/// A parsed draft. `prose` has the same byte length as `text`, with
/// markup, code, comments and front-matter keys blanked to spaces, so
/// every offset found in `prose` is also an offset into `text`.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text as given.
    pub text: String,
    /// The text with markup blanked to spaces (same length, same offsets).
    pub prose: String,
    /// How the text was parsed.
    pub format: Format,
    /// Line starts, for positions in every unit.
    pub lines: LineIndex,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The quotations, in order.
    pub quotes: Vec<Quote>,
    /// Attribution clauses, in document order.
    pub attributions: Vec<Attribution>,
    /// People and organisations named, with their mentions.
    pub entities: Vec<Entity>,
    /// The draft's own date: front matter `date:`, or the one the config
    /// or command line gives (the year a weekday's date is read in).
    pub date: Option<CalendarDate>,
    /// `copydesk-disable` comments and the ranges they cover.
    pub suppressions: Suppressions,
    /// Analyses the rules of one check kind share (see `Memo`).
    pub memo: Memo,
    /// Front matter's `date` and `tags`.
    pub front_matter: FrontMatterMeta,
    /// A front matter that is not valid YAML (its fields are not linted).
    pub front_matter_error: Option<FrontMatterError>,
}

impl Document {
    /// Parses `text`; a leading BOM is kept in `text` but blanked in `prose`.
    pub fn parse(text: String, format: Format) -> Self {
        let suppressions = Suppressions::parse(&text);
        let fm = front_matter::parse(&text);
        let (prose, mut blocks) = match format {
            Format::Text => blocks::plain_text(&text, fm.as_ref()),
            Format::Markdown => markdown::parse(&text, fm.as_ref()),
        };
        let sentences = sentences::split(&prose, &blocks);
        let mut quotes = quotes::extract(&prose, &blocks);
        blocks::mark_pull_quotes(&prose, &mut blocks, &quotes);
        let analysis = attribution::analyse(&prose, &blocks, &sentences, &mut quotes);
        let date = fm
            .as_ref()
            .and_then(|f| f.meta.date.as_ref())
            .and_then(|d| CalendarDate::parse_iso(&d.value));
        Document {
            lines: LineIndex::new(&text),
            text,
            prose,
            format,
            blocks,
            sentences,
            quotes,
            attributions: analysis.attributions,
            entities: analysis.entities,
            date,
            suppressions,
            memo: Memo::default(),
            front_matter: fm.as_ref().map(|f| f.meta.clone()).unwrap_or_default(),
            front_matter_error: fm.and_then(|f| f.error),
        }
    }

    /// The prose text of a span (markup blanked).
    pub fn slice(&self, span: &Range<usize>) -> &str {
        self.prose.get(span.clone()).unwrap_or("")
    }

    /// Index of the block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The kind of the block containing `offset`; body text when outside blocks.
    pub fn kind_at(&self, offset: usize) -> BlockKind {
        self.block_at(offset)
            .map_or(BlockKind::Paragraph, |i| self.blocks[i].kind)
    }
}

#[cfg(test)]
mod tests;
