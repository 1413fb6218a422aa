//! Which parser a file needs, judged from its bytes: uploads arrive with
//! whatever name and media type the browser guessed.

/// The container a file's first bytes announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Pdf,
    /// DOCX, ODT, or some other zip that [`super::archive`] tells apart.
    Zip,
    Rtf,
    /// An OLE compound file holding an `EncryptedPackage`: the wrapper
    /// Office puts around a password-protected DOCX.
    EncryptedOffice,
    /// Images, executables, legacy `.doc` and other known binaries.
    Binary,
    /// Anything else: decoded as text, then told apart (HTML, Markdown).
    Text,
}

/// PDF readers accept the header anywhere in the first kilobyte, and some
/// generators put junk (e.g. a byte-order mark or mail headers) before it.
const PDF_HEADER_WINDOW: usize = 1024;

/// Only magics no real text starts with (not `BM` or `MZ`: "BMW Group is
/// hiring"); other binaries fail the text decoder's control-character check.
const BINARY_MAGICS: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"II*\0",
    b"MM\0*",
    b"RIFF",
    b"\x7FELF",
    b"\x1F\x8B",
    b"7z\xBC\xAF",
    b"Rar!",
    b"BZh",
    b"\xFD7zXZ",
    b"%!PS",
    b"\0\0\0",
];

pub(crate) fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if bytes.starts_with(b"%PDF-") || find(head, b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return if find(bytes, &utf16le("EncryptedPackage")).is_some() {
            Kind::EncryptedOffice
        } else {
            Kind::Binary
        };
    }
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if without_bom.starts_with(b"{\\rtf") {
        return Kind::Rtf;
    }
    if BINARY_MAGICS.iter().any(|magic| bytes.starts_with(magic)) {
        return Kind::Binary;
    }
    Kind::Text
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_recognized_even_after_leading_junk() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Kind::Pdf);
        assert_eq!(sniff(b"\xEF\xBB\xBF\r\n%PDF-1.4\n"), Kind::Pdf);
    }

    #[test]
    fn office_containers_are_told_apart() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Kind::Zip);
        let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        encrypted.extend(utf16le("EncryptedPackage"));
        assert_eq!(sniff(&encrypted), Kind::EncryptedOffice);
        assert_eq!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1legacy doc"), Kind::Binary);
    }

    #[test]
    fn images_are_binary_but_words_that_look_like_magic_are_text() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), Kind::Binary);
        assert_eq!(sniff(b"{\\rtf1\\ansi hello}"), Kind::Rtf);
        assert_eq!(sniff(b"Jane Doe\nSoftware engineer"), Kind::Text);
    }
}
