//! Colour settings: the roles `[colors]` names and how a colour is written. What each
//! role looks like in each theme, and recolouring a frame, belong to `ui::theme`.

use std::str::FromStr as _;

use ratatui::style::Color;

use super::ThemeName;

/// What a colour is for: the names used in `[colors]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Focused pane, headings.
    Accent,
    /// Filter tags, marked comments, search matches, ratings.
    Highlight,
    /// Bylines, hints, unknown values.
    Dim,
    /// Spoiler placeholders and revealed spoilers.
    Spoiler,
    /// Mentions of the highlighted actor.
    Mention,
    /// The search match you are on.
    Current,
    /// Unfocused pane borders.
    Border,
}

impl Role {
    /// Every role, in config order.
    pub const ALL: [Self; 7] = [
        Self::Accent,
        Self::Highlight,
        Self::Dim,
        Self::Spoiler,
        Self::Mention,
        Self::Current,
        Self::Border,
    ];

    /// The name in `[colors]`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Accent => "accent",
            Self::Highlight => "highlight",
            Self::Dim => "dim",
            Self::Spoiler => "spoiler",
            Self::Mention => "mention",
            Self::Current => "current",
            Self::Border => "border",
        }
    }
}

/// The colours chosen: a theme, the user's overrides, and whether to colour at all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Colors {
    /// The base theme.
    pub theme: ThemeName,
    /// Colour overrides on top of the theme, in file order (the last one wins).
    pub overrides: Vec<(Role, Color)>,
    /// False under `NO_COLOR`, `TERM=dumb` or `--color never`.
    pub disabled: bool,
}

/// Parses a colour name (`light-cyan`, `Light Cyan`), `#rrggbb`, an index from 0 to 255,
/// or `default` (the terminal's own colour).
#[must_use]
pub fn parse_color(text: &str) -> Option<Color> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("default") {
        return Some(Color::Reset);
    }
    // ratatui reads "light gray" as white (its gray is already the light one): a user who
    // writes it means something else, so it is an error to report, not a surprise.
    let squeezed: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("grey", "gray");
    if squeezed == "lightgray" {
        return None;
    }
    Color::from_str(text).ok().filter(|c| *c != Color::Reset)
}

/// How a colour is written back into a config file (`light-red`, `#ff8000`, `208`).
#[must_use]
pub fn color_name(color: Color) -> String {
    match color {
        Color::Reset => "default".to_owned(),
        Color::Rgb(..) | Color::Indexed(_) => color.to_string().to_lowercase(),
        named => {
            let mut out = String::new();
            for c in named.to_string().chars() {
                if c.is_ascii_uppercase() && !out.is_empty() {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_every_notation() {
        assert_eq!(parse_color("Light Cyan"), Some(Color::LightCyan));
        assert_eq!(parse_color("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("208"), Some(Color::Indexed(208)));
        assert_eq!(parse_color("ultraviolet"), None);
        assert_eq!(parse_color("#ff80"), None);
        assert_eq!(parse_color("Dark Grey"), Some(Color::DarkGray));
        assert_eq!(
            parse_color("light-gray"),
            None,
            "ratatui would read it as white"
        );
    }

    #[test]
    fn colours_are_written_as_they_are_read() {
        for color in [
            Color::DarkGray,
            Color::LightRed,
            Color::Rgb(255, 128, 0),
            Color::Indexed(9),
            Color::Reset,
        ] {
            assert_eq!(parse_color(&color_name(color)), Some(color), "{color}");
        }
        assert_eq!(color_name(Color::LightMagenta), "light-magenta");
    }
}
