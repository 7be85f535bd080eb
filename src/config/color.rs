//! Theme colours. The ui draws with a small set of role colours; a theme (and the
//! user's `[colors]`) maps each role to a real colour when the frame is finished, and
//! `NO_COLOR` maps every colour away, so no widget needs to know about themes.

use ratatui::buffer::Buffer;
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

    /// The colour the widgets draw this role with (the dark theme's).
    #[must_use]
    pub fn base(self) -> Color {
        match self {
            Self::Accent => Color::Cyan,
            Self::Highlight => Color::Yellow,
            Self::Dim => Color::DarkGray,
            Self::Spoiler => Color::Magenta,
            Self::Mention => Color::LightCyan,
            Self::Current => Color::LightRed,
            Self::Border => Color::Gray,
        }
    }

    fn light(self) -> Color {
        match self {
            Self::Accent => Color::Blue,
            Self::Highlight => Color::Rgb(0xb5, 0x89, 0x00),
            Self::Dim => Color::Rgb(0x6c, 0x6c, 0x6c),
            Self::Spoiler => Color::Magenta,
            Self::Mention => Color::Rgb(0x00, 0x6d, 0x8f),
            Self::Current => Color::Red,
            Self::Border => Color::DarkGray,
        }
    }
}

/// The colour each role is shown in, or no colour at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    colors: Vec<(Role, Color)>,
    /// False under `NO_COLOR`, `TERM=dumb` or `--color never`.
    pub enabled: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(ThemeName::Dark, &[])
    }
}

impl Theme {
    /// A built-in theme with the user's overrides.
    #[must_use]
    pub fn new(name: ThemeName, overrides: &[(Role, Color)]) -> Self {
        let colors = Role::ALL
            .iter()
            .map(|&role| {
                let base = match name {
                    ThemeName::Dark => role.base(),
                    ThemeName::Light => role.light(),
                };
                let chosen = overrides
                    .iter()
                    .rev()
                    .find(|(r, _)| *r == role)
                    .map_or(base, |(_, c)| *c);
                (role, chosen)
            })
            .collect();
        Self {
            colors,
            enabled: true,
        }
    }

    /// The colour a role is shown in.
    #[must_use]
    pub fn color(&self, role: Role) -> Color {
        self.colors
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(role.base(), |(_, c)| *c)
    }

    fn map(&self, color: Color) -> Color {
        if !self.enabled {
            return Color::Reset;
        }
        Role::ALL
            .iter()
            .find(|r| r.base() == color)
            .map_or(color, |&r| self.color(r))
    }

    /// Recolours a finished frame: role colours become the theme's, or none at all.
    pub fn apply(&self, buf: &mut Buffer) {
        let identity = self.enabled && Role::ALL.iter().all(|&r| self.color(r) == r.base());
        if identity {
            return;
        }
        for cell in &mut buf.content {
            cell.fg = self.map(cell.fg);
            cell.bg = self.map(cell.bg);
            cell.underline_color = self.map(cell.underline_color);
        }
    }
}

/// Parses a colour name, `#rrggbb`, or an index from 0 to 255.
#[must_use]
pub fn parse_color(text: &str) -> Option<Color> {
    let text = text.trim().to_lowercase().replace(['_', ' '], "-");
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return Some(Color::Rgb(channel(0)?, channel(2)?, channel(4)?));
    }
    if let Ok(index) = text.parse::<u8>() {
        return Some(Color::Indexed(index));
    }
    NAMES.iter().find(|(n, _)| *n == text).map(|(_, c)| *c)
}

const NAMES: [(&str, Color); 17] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
    ("default", Color::Reset),
];

/// How a colour is written back into a config file.
#[must_use]
pub fn color_name(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        c => NAMES
            .iter()
            .find(|(_, n)| *n == c)
            .map_or_else(|| "default".to_owned(), |(n, _)| (*n).to_owned()),
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
    }

    #[test]
    fn no_colour_leaves_no_colour_in_the_frame() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 3, 1));
        buf[(0, 0)]
            .set_fg(Color::Yellow)
            .set_bg(Color::Rgb(1, 2, 3));
        let theme = Theme {
            enabled: false,
            ..Theme::default()
        };
        theme.apply(&mut buf);
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
    }

    #[test]
    fn overrides_recolour_their_role_only() {
        let theme = Theme::new(ThemeName::Dark, &[(Role::Highlight, Color::Green)]);
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 2, 1));
        buf[(0, 0)].set_fg(Color::Yellow);
        buf[(1, 0)].set_fg(Color::Cyan);
        theme.apply(&mut buf);
        assert_eq!(
            (buf[(0, 0)].fg, buf[(1, 0)].fg),
            (Color::Green, Color::Cyan)
        );
    }
}
