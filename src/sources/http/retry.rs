//! `Retry-After` on a 429 or 503: how long the server asks the client to wait.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};

/// The longest wait the client sits through before trying again; a server asking for more
/// is reported at once rather than holding a worker.
pub(super) const MAX_WAIT: Duration = Duration::from_secs(10);

/// Retries after a 429 or 503, each after the wait the server asked for.
pub(super) const MAX_RETRIES: u32 = 2;

/// The wait a `Retry-After` value asks for: delay-seconds, or an HTTP date (a date already
/// past means now). `None` for a value that is neither.
pub(super) fn parse(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits, so the only failure is overflow: an absurd wait, still a wait.
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let date = http_date(value)?;
    Some((date - now).to_std().unwrap_or(Duration::ZERO))
}

/// An HTTP date in the preferred form (`Sun, 06 Nov 1994 08:49:37 GMT`) or one of the two
/// obsolete ones (RFC 850, asctime) that RFC 9110 asks recipients to accept.
fn http_date(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        return Some(date.with_timezone(&Utc));
    }
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .map(|naive| naive.and_utc())
}

/// Whole seconds, rounded up, for a message: a wait of 0.2 s is "1 s", not "0 s".
pub(super) fn whole_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc2822("Sun, 06 Nov 1994 08:49:30 GMT")
            .expect("a date")
            .with_timezone(&Utc)
    }

    #[test]
    fn seconds_are_read_as_they_are() {
        assert_eq!(parse("3", now()), Some(Duration::from_secs(3)));
        assert_eq!(parse(" 3600 ", now()), Some(Duration::from_secs(3600)));
        assert_eq!(parse("0", now()), Some(Duration::ZERO));
        assert_eq!(
            parse("99999999999999999999999", now()),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn dates_in_every_http_form_are_a_wait_from_now() {
        let seven = Some(Duration::from_secs(7));
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT", now()), seven);
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT", now()), seven);
        assert_eq!(parse("Sun Nov  6 08:49:37 1994", now()), seven);
    }

    #[test]
    fn a_date_already_past_is_no_wait() {
        assert_eq!(
            parse("Sat, 05 Nov 1994 08:49:37 GMT", now()),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn anything_else_is_no_answer() {
        assert_eq!(parse("", now()), None);
        assert_eq!(parse("-5", now()), None);
        assert_eq!(parse("1.5", now()), None);
        assert_eq!(parse("soon", now()), None);
        assert_eq!(parse("Sun, 06 Nov 1994 25:49:37 GMT", now()), None);
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(whole_secs(Duration::from_millis(200)), 1);
        assert_eq!(whole_secs(Duration::from_secs(3600)), 3600);
        assert_eq!(whole_secs(Duration::ZERO), 0);
    }
}
