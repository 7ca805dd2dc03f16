//! Byte offset <-> line/column conversion. Columns count Unicode scalar
//! values, 1-based, as in the JSON contract.

/// Start offsets of every line, built once per document, and char counts
/// at fixed byte intervals, so a column is found without scanning a whole
/// (possibly megabytes long) line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before[k]`: chars in the first `k * CHECKPOINT` bytes.
    chars_before: Vec<usize>,
}

const CHECKPOINT: usize = 256;

/// Chars in a byte slice: bytes that do not continue a UTF-8 sequence.
/// Works on any byte range, whether or not it cuts a char.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before = vec![0];
        let mut total = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            total += count_chars(chunk);
            chars_before.push(total);
        }
        Self {
            starts,
            chars_before,
        }
    }

    /// 0-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts chars.
    /// An offset inside a char counts that char as before it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = self.chars_upto(text, offset) - self.chars_upto(text, start);
        (line + 1, column + 1)
    }

    /// Chars in `text[..offset]`, from the nearest checkpoint.
    fn chars_upto(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        let base = self.chars_before.get(k).copied().unwrap_or(0);
        base + count_chars(&text.as_bytes()[k * CHECKPOINT..offset])
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

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
}
