//! A CV is a PDF, checked by its content rather than by its name or the type the browser
//! claims: it starts with the PDF header and ends with the end-of-file marker.

use super::CV_MAX_BYTES;
use crate::error::{AppError, AppResult, Reason};

/// Refuses a CV (the form's `file`) that is empty, larger than [`CV_MAX_BYTES`] or not a PDF.
pub fn check_cv(bytes: &[u8]) -> AppResult<()> {
    let refused = |reason| Err(AppError::invalid("file", reason));
    if bytes.is_empty() {
        return refused(Reason::Empty);
    }
    if bytes.len() > CV_MAX_BYTES {
        return refused(Reason::TooLarge);
    }
    let header = bytes.starts_with(b"%PDF-1.") || bytes.starts_with(b"%PDF-2.");
    // The marker sits at the very end, give or take a line ending and some padding.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let end = tail.windows(5).any(|window| window == b"%%EOF");
    if header && end {
        Ok(())
    } else {
        refused(Reason::NotAPdf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal PDF, as the tests upload it.
    const PDF: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    fn reason(bytes: &[u8]) -> Option<Reason> {
        match check_cv(bytes) {
            Ok(()) => None,
            Err(AppError::Invalid(problems)) => problems.iter().next().map(|p| p.reason),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn only_a_pdf_passes() {
        assert_eq!(reason(PDF), None);
        assert_eq!(reason(b""), Some(Reason::Empty));
        assert_eq!(reason(b"\x89PNG\r\n\x1a\n...%%EOF"), Some(Reason::NotAPdf));
        assert_eq!(reason(b"%PDF-1.7 truncated"), Some(Reason::NotAPdf));
        let mut huge = PDF.to_vec();
        huge.resize(CV_MAX_BYTES + 1, b' ');
        assert_eq!(reason(&huge), Some(Reason::TooLarge));
    }
}
