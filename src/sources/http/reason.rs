//! What a failed request says to a person: one short line, naming the cause rather than
//! the library that met it.

use std::io;

use ureq::http::StatusCode;

/// Where in a request an error came from, since "cannot connect" is only true before the
/// response began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// Connecting, sending, waiting for the status line and headers.
    Asking,
    /// Reading the body.
    Reading,
}

/// `HTTP 404 Not Found`: the status and its standard phrase.
pub(super) fn status(code: u16) -> String {
    match StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(phrase) => format!("HTTP {code} {phrase}"),
        None => format!("HTTP {code}"),
    }
}

/// `too large: over 16.0 MiB (fetch.max_bytes)`.
pub(super) fn too_large(max_bytes: u64) -> String {
    format!("too large: over {} (fetch.max_bytes)", size(max_bytes))
}

/// A byte count as a person reads it: `512 bytes`, `64.0 KiB`, `16.0 MiB`, `4.0 GiB`.
pub(super) fn size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The message for an error ureq reported while asking `host`.
pub(super) fn describe(
    error: &ureq::Error,
    phase: Phase,
    host: &str,
    timeout_secs: u64,
    max_bytes: u64,
) -> String {
    use ureq::Error as E;
    match error {
        E::Timeout(_) => timed_out(timeout_secs),
        E::BodyExceedsLimit(_) => too_large(max_bytes),
        E::Io(e) => io_reason(e, phase, timeout_secs),
        // Every failed lookup (see `resolve`), and a name with no address of its family.
        E::HostNotFound => format!("cannot resolve host {host}"),
        E::ConnectionFailed => "cannot connect".to_owned(),
        E::Tls(why) => format!("TLS failed: {why}"),
        E::Rustls(e) => format!("TLS failed: {e}"),
        E::Pem(_) => "TLS failed: bad certificate".to_owned(),
        E::Decompress(_, e) => format!("bad gzip body: {e}"),
        E::Protocol(e) => format!("bad HTTP response: {e}"),
        E::LargeResponseHeader(..) => "bad HTTP response: headers too large".to_owned(),
        E::BadUri(_) | E::Http(_) => "not a valid URL".to_owned(),
        other => format!("request failed: {other}"),
    }
}

/// `timed out after 20 s`.
pub(super) fn timed_out(timeout_secs: u64) -> String {
    format!("timed out after {timeout_secs} s")
}

fn io_reason(error: &io::Error, phase: Phase, timeout_secs: u64) -> String {
    use io::ErrorKind as K;
    let kind = error.kind();
    match (kind, phase) {
        (K::TimedOut | K::WouldBlock, _) => timed_out(timeout_secs),
        (K::UnexpectedEof, Phase::Reading) => "the body was cut off".to_owned(),
        (K::UnexpectedEof, Phase::Asking) => "the server closed the connection".to_owned(),
        (
            K::ConnectionRefused
            | K::AddrNotAvailable
            | K::NetworkUnreachable
            | K::HostUnreachable
            | K::NetworkDown,
            Phase::Asking,
        ) => format!("cannot connect: {kind}"),
        (_, Phase::Asking) => format!("connection failed: {}", cause(error)),
        (_, Phase::Reading) => format!("reading the body failed: {}", cause(error)),
    }
}

/// The cause in words: the kind's name where it is a reason (`connection reset`), else
/// the error's own message, since `Other` and the kinds std has not named yet read only
/// `other error` and `uncategorized error`.
fn cause(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let kind = error.kind();
    if matches!(
        kind,
        K::ConnectionRefused
            | K::ConnectionReset
            | K::ConnectionAborted
            | K::NotConnected
            | K::BrokenPipe
            | K::AddrInUse
            | K::AddrNotAvailable
            | K::NetworkUnreachable
            | K::HostUnreachable
            | K::NetworkDown
            | K::PermissionDenied
            | K::InvalidData
            | K::Interrupted
            | K::OutOfMemory
    ) {
        return kind.to_string();
    }
    let message = error.to_string();
    // std appends the errno to a system error's text: `Connection timed out (os error 110)`.
    let message = match (error.raw_os_error(), message.rfind(" (os error ")) {
        (Some(_), Some(at)) => message[..at].to_owned(),
        _ => message,
    };
    let bare = io::Error::from(kind).to_string();
    if message.trim().is_empty() || message == bare {
        return "an unexpected network error".to_owned();
    }
    lowercase_first(&message)
}

/// `Connection timed out` as `connection timed out`, but `TLS …` kept.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_largest_whole_unit() {
        assert_eq!(size(0), "0 bytes");
        assert_eq!(size(1023), "1023 bytes");
        assert_eq!(size(1024), "1.0 KiB");
        assert_eq!(size(64 * 1024), "64.0 KiB");
        assert_eq!(size(1536 * 1024), "1.5 MiB");
        assert_eq!(size(16 * 1024 * 1024), "16.0 MiB");
        assert_eq!(size(1 << 32), "4.0 GiB");
        assert_eq!(size(u64::MAX), "17179869184.0 GiB");
    }

    #[test]
    fn too_large_names_the_limit_and_the_setting() {
        assert_eq!(
            too_large(16_777_216),
            "too large: over 16.0 MiB (fetch.max_bytes)"
        );
    }

    #[test]
    fn statuses_carry_their_phrase() {
        assert_eq!(status(404), "HTTP 404 Not Found");
        assert_eq!(status(429), "HTTP 429 Too Many Requests");
        assert_eq!(status(599), "HTTP 599");
    }

    #[test]
    fn io_errors_name_the_cause_for_the_phase() {
        let refused = ureq::Error::Io(io::Error::from(io::ErrorKind::ConnectionRefused));
        assert_eq!(
            describe(&refused, Phase::Asking, "h", 20, 1),
            "cannot connect: connection refused"
        );
        let reset = ureq::Error::Io(io::Error::from(io::ErrorKind::ConnectionReset));
        assert_eq!(
            describe(&reset, Phase::Reading, "h", 20, 1),
            "reading the body failed: connection reset"
        );
        let slow = ureq::Error::Io(io::Error::from(io::ErrorKind::TimedOut));
        assert_eq!(
            describe(&slow, Phase::Reading, "h", 3, 1),
            "timed out after 3 s"
        );
    }

    #[test]
    fn a_host_that_does_not_resolve_is_named() {
        assert_eq!(
            describe(
                &ureq::Error::HostNotFound,
                Phase::Asking,
                "no-such-host.invalid",
                3,
                1
            ),
            "cannot resolve host no-such-host.invalid"
        );
    }

    #[test]
    fn no_io_error_reads_uncategorized_or_other() {
        let say = |e: io::Error, phase| describe(&ureq::Error::Io(e), phase, "h", 20, 1);
        // How std reports a failed lookup that reaches ureq some other way than `resolve`.
        let gai =
            io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(
            say(gai, Phase::Asking),
            "connection failed: failed to lookup address information: Name or service not known"
        );
        // ETIMEDOUT from the kernel is a timeout; EHOSTDOWN has no stable kind.
        assert_eq!(
            say(io::Error::from_raw_os_error(110), Phase::Asking),
            "timed out after 20 s"
        );
        let down = say(io::Error::from_raw_os_error(112), Phase::Asking);
        assert_eq!(down, "connection failed: host is down");
        let bare = say(io::Error::from(io::ErrorKind::Other), Phase::Reading);
        assert_eq!(bare, "reading the body failed: an unexpected network error");
        for e in [
            io::Error::from(io::ErrorKind::Other),
            io::Error::from_raw_os_error(112),
            io::Error::other("x"),
        ] {
            let said = say(e, Phase::Asking);
            assert!(
                !said.contains("uncategorized") && !said.contains("other error"),
                "{said}"
            );
        }
    }
}
