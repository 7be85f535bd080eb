//! Bytes as text, or a diagnostic at the `line:column` where they stop being UTF-8: the
//! one decoder behind collection files, the config and the reading state. Collection files
//! also have a byte order mark dropped and UTF-16 named.

use crate::diagnostic::{Diagnostic, Severity};

/// The byte order mark some editors put at the start of UTF-8 files.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file's text: UTF-8, with a leading byte order mark dropped so positions on line 1
/// count from the first real character. UTF-16 and invalid bytes are errors.
pub(super) fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = without_bom(bytes).map_err(|m| Diagnostic::whole_file(path, Severity::Error, m))?;
    decode_utf8(path, bytes, |byte| {
        format!("file is not UTF-8: invalid byte 0x{byte:02x}; save it as UTF-8")
    })
}

/// `bytes` with a leading UTF-8 byte order mark dropped, or the loader's refusal of UTF-16
/// text, so `import` reads text by the loader's rules rather than a copy of them.
///
/// # Errors
///
/// When the bytes are UTF-16 (with or without a byte order mark).
pub fn without_bom(bytes: &[u8]) -> Result<&[u8], &'static str> {
    if is_utf16(bytes) {
        return Err("file is UTF-16; save it as UTF-8");
    }
    Ok(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes))
}

/// `bytes` as UTF-8 text, or an error at the line and column of the first byte that is not
/// UTF-8, worded by `message` from that byte, so every file the reader reads says where.
pub fn decode_utf8<'a>(
    path: &str,
    bytes: &'a [u8],
    message: impl FnOnce(u8) -> String,
) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // Everything before the bad byte is UTF-8: the position is counted in that text.
        let valid = String::from_utf8_lossy(&bytes[..offset]);
        let byte = bytes.get(offset).copied().unwrap_or_default();
        Diagnostic::at_offset(path, &valid, offset, Severity::Error, &message(byte))
    })
}

/// True for a UTF-16 byte order mark (`FF FE`, `FE FF`), or when most two-byte pairs at the
/// start are half NUL — ASCII written as UTF-16 without a mark. Neither can start UTF-8 text.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(64)].chunks_exact(2).collect();
    let half_nul = pairs.iter().filter(|p| (p[0] == 0) != (p[1] == 0)).count();
    !pairs.is_empty() && half_nul * 2 >= pairs.len()
}

#[cfg(test)]
mod tests {
    use super::decode_utf8;
    use crate::data::parse_review;

    #[test]
    fn the_first_bad_byte_is_located_in_characters() {
        let message = |byte: u8| format!("bad byte 0x{byte:02x}");
        assert_eq!(decode_utf8("x", "a\nbé".as_bytes(), message), Ok("a\nbé"));
        let e = decode_utf8("x.toml", b"a\n\xc3\xa9\xff", message).expect_err("not UTF-8");
        assert_eq!(e.to_string(), "x.toml:2:2: error: bad byte 0xff");
    }

    #[test]
    fn encodings_other_than_utf8_are_named() {
        let utf16 = "r.toml: error: file is UTF-16; save it as UTF-8";
        let text = "title = \"t\"\nbody = \"b\"\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xFF, 0xFE][..], &le].concat(),
            [&[0xFE, 0xFF][..], &be].concat(),
            le,
            be,
        ] {
            let e = parse_review("r.toml", "r", &bytes).expect_err("UTF-16");
            assert_eq!(e.to_string(), utf16);
        }
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (review, _) = parse_review("r.toml", "r", &bom).expect("a UTF-8 BOM is fine");
        assert_eq!(review.title, "t");
        let latin1 = b"title = \"t\"\nbody = \"caf\xe9\"\n";
        assert_eq!(
            parse_review("r.toml", "r", latin1)
                .expect_err("latin-1")
                .to_string(),
            "r.toml:2:12: error: file is not UTF-8: invalid byte 0xe9; save it as UTF-8"
        );
    }
}
