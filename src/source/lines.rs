//! Byte offset <-> line/column conversion, computed once per document and
//! shared by every report and front end. Columns come in three units:
//! Unicode scalar values (the JSON contract, SARIF), UTF-16 code units
//! (LSP's default, LanguageTool clients, JavaScript) and UTF-8 bytes
//! (reviewdog, LSP clients that negotiate UTF-8).

/// Start offsets of every line, built once per document, and char and
/// UTF-16 counts at fixed byte intervals, so a column is found without
/// scanning a whole (possibly megabytes long) line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before[k]`: chars in the first `k * CHECKPOINT` bytes.
    chars_before: Vec<usize>,
    /// `utf16_before[k]`: UTF-16 code units in the first `k * CHECKPOINT` bytes.
    utf16_before: Vec<usize>,
    len: usize,
}

/// Where a byte offset lies, in every unit a consumer may count in.
/// Lines and columns are 1-based; offsets are 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// 1-based column in UTF-8 bytes.
    pub byte_column: usize,
    /// 1-based column in UTF-16 code units.
    pub utf16_column: usize,
    /// 0-based byte offset into the text.
    pub byte_offset: usize,
    /// 0-based offset into the text in UTF-16 code units.
    pub utf16_offset: usize,
}

const CHECKPOINT: usize = 256;

/// Chars in a byte slice: bytes that do not continue a UTF-8 sequence.
/// Works on any byte range, whether or not it cuts a char.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// UTF-16 code units of a byte slice: one per char, two for a char
/// outside the Basic Multilingual Plane (a four-byte UTF-8 sequence,
/// lead byte 0xF0 or above).
fn count_utf16(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| match b {
            b if b & 0xC0 == 0x80 => 0,
            b if b >= 0xF0 => 2,
            _ => 1,
        })
        .sum()
}

impl LineIndex {
    /// Indexes the line starts of `text` (one pass).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let chunks = text.len() / CHECKPOINT + 2;
        let mut chars_before = Vec::with_capacity(chunks);
        let mut utf16_before = Vec::with_capacity(chunks);
        chars_before.push(0);
        utf16_before.push(0);
        let (mut chars, mut units) = (0, 0);
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars += count_chars(chunk);
            units += count_utf16(chunk);
            chars_before.push(chars);
            utf16_before.push(units);
        }
        Self {
            starts,
            chars_before,
            utf16_before,
            len: text.len(),
        }
    }

    /// 0-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts chars.
    /// An offset inside a char counts that char as before it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let p = self.position(text, offset);
        (p.line, p.column)
    }

    /// Every coordinate of byte `offset` (clamped to the text). `text`
    /// must be the text this index was built from.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len()).min(self.len);
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let bytes = text.as_bytes();
        let chars = self.upto(&self.chars_before, bytes, offset, count_chars);
        let units = self.upto(&self.utf16_before, bytes, offset, count_utf16);
        Position {
            line: line + 1,
            column: chars - self.upto(&self.chars_before, bytes, start, count_chars) + 1,
            byte_column: offset - start + 1,
            utf16_column: units - self.upto(&self.utf16_before, bytes, start, count_utf16) + 1,
            byte_offset: offset,
            utf16_offset: units,
        }
    }

    /// The byte offset of 0-based `line` and 0-based `column` counted in
    /// UTF-16 code units (`utf16` true) or bytes, as an LSP client sends
    /// it. A column past the line's end gives the line's end; a line past
    /// the text gives the text's end; a column inside a surrogate pair
    /// gives the start of its char.
    pub fn offset_of(&self, text: &str, line: usize, column: usize, utf16: bool) -> usize {
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |next| next.saturating_sub(1))
            .min(text.len());
        let Some(line_text) = text.get(start..end) else {
            return text.len();
        };
        if !utf16 {
            let mut at = column.min(line_text.len());
            while !line_text.is_char_boundary(at) {
                at -= 1;
            }
            return start + at;
        }
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units + c.len_utf16() > column {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// `count(text[..offset])`, from the nearest checkpoint.
    fn upto(
        &self,
        before: &[usize],
        bytes: &[u8],
        offset: usize,
        count: fn(&[u8]) -> usize,
    ) -> usize {
        let k = offset / CHECKPOINT;
        let base = before.get(k).copied().unwrap_or(0);
        base + bytes.get(k * CHECKPOINT..offset).map_or(0, count)
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_not_bytes() {
        let text = "ab\n“é” x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.line_col(text, x), (2, 5));
        assert_eq!(idx.line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn utf16_counts_astral_chars_twice() {
        let text = "a\n😀 é x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        let p = idx.position(text, x);
        assert_eq!((p.line, p.column, p.utf16_column), (2, 5, 6));
        assert_eq!(p.byte_column, x - 2 + 1);
        assert_eq!(p.utf16_offset, 2 + 6 - 1);
        assert_eq!(idx.offset_of(text, 1, 5, true), x);
        assert_eq!(idx.offset_of(text, 1, x - 2, false), x);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(idx.offset_of(text, 1, 1, true), 2);
        assert_eq!(idx.offset_of(text, 9, 0, true), text.len());
        assert_eq!(idx.offset_of(text, 0, 99, true), 1);
    }

    #[test]
    fn positions_agree_with_a_direct_count_across_checkpoints() {
        let text = "😀é\nx".repeat(200);
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(7) {
            let before = &text[..offset];
            let p = idx.position(&text, offset);
            assert_eq!(p.utf16_offset, before.encode_utf16().count());
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(p.column, before[line_start..].chars().count() + 1);
            assert_eq!(
                p.utf16_column,
                before[line_start..].encode_utf16().count() + 1
            );
        }
    }
}
