//! Calendar dates: the TOML local date a review or comment carries, and how the reader
//! writes it (`date_format`), so display code depends on data, not on the config.

use std::fmt::{self, Write as _};

use serde::{Deserialize, Deserializer, Serialize};

/// A calendar date (TOML local date), shown as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => Ok(Self {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => Err(serde::de::Error::custom(format!(
                "expected a date like 2024-06-12, found {value}"
            ))),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Month names in calendar order, for writing dates (`%b`, `%B`) and reading them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats a date with the `date_format` pattern (`%Y %m %d %e %b %B %%`).
#[must_use]
pub fn format_date(date: Date, pattern: &str) -> String {
    let month = MONTHS
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or("?");
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => {
                let _ = write!(out, "{:04}", date.year);
            }
            Some('m') => {
                let _ = write!(out, "{:02}", date.month);
            }
            Some('d') => {
                let _ = write!(out, "{:02}", date.day);
            }
            Some('e') => {
                let _ = write!(out, "{}", date.day);
            }
            Some('b') => out.push_str(&month[..3.min(month.len())]),
            Some('B') => out.push_str(month),
            Some(other) if other != '%' => {
                out.push('%');
                out.push(other);
            }
            Some(_) | None => out.push('%'),
        }
    }
    out
}

/// Directives [`format_date`] understands.
pub const DATE_DIRECTIVES: &[char] = &['Y', 'm', 'd', 'e', 'b', 'B', '%'];

#[cfg(test)]
mod tests {
    use super::{Date, format_date};

    #[test]
    fn dates_follow_the_pattern() {
        let d = Date {
            year: 2024,
            month: 6,
            day: 2,
        };
        assert_eq!(format_date(d, "%Y-%m-%d"), "2024-06-02");
        assert_eq!(format_date(d, "%e %B %Y"), "2 June 2024");
        assert_eq!(format_date(d, "%b %d, %Y (100%%)"), "Jun 02, 2024 (100%)");
    }
}
