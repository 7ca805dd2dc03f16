//! `--format checkstyle`: Checkstyle XML, read by Jenkins' warnings plugin,
//! reviewdog (`-f=checkstyle`) and many CI dashboards. Every linted file
//! gets a `<file>` element, so a clean file is visible as clean.

use super::{FileReport, Report, Run, WriteColorish};
use std::io;

/// Checkstyle XML, which Jenkins and many CI dashboards read.
pub struct Checkstyle;

impl Report for Checkstyle {
    fn begin(&self, _run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<checkstyle version="4.3">"#)
    }

    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        {
            writeln!(out, r#"  <file name="{}">"#, escape(file.path))?;
            for d in file.diagnostics {
                let (line, column) = file.line_col(d.span.start);
                writeln!(
                    out,
                    r#"    <error line="{line}" column="{column}" severity="{}" message="{}" source="copydesk.{}"/>"#,
                    d.severity.as_str(),
                    escape(&d.message),
                    escape(&d.rule)
                )?;
            }
            writeln!(out, "  </file>")
        }
    }

    fn end(&self, run: &Run, _any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
        for e in &run.errors {
            writeln!(out, r#"  <file name="{}">"#, escape(&e.path))?;
            writeln!(
                out,
                r#"    <error severity="error" message="{}" source="copydesk"/>"#,
                escape(&e.message)
            )?;
            writeln!(out, "  </file>")?;
        }
        writeln!(out, "</checkstyle>")
    }
}

/// XML attribute escaping; control characters other than tab and line
/// breaks are not allowed in XML 1.0 and are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push_str(&format!("&#{};", u32::from(c))),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_attributes() {
        assert_eq!(escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;&#10;");
        assert_eq!(escape("x\u{1}y"), "xy");
    }
}
