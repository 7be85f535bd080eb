//! Colours: the few styles the panes share, and the themes that recolour them. Focus and selection also use markers and modifiers,
//! so they survive a monochrome terminal.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType};

use crate::config::{Colors, Role, ThemeName};

/// Text that matters less: bylines, counts, unknown values.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// The list or sidebar row under the cursor in the focused pane.
pub const CURSOR: Style = Style::new().add_modifier(Modifier::REVERSED);
/// Something the active filter or a mention picks out.
pub const HIGHLIGHT: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Comments added since the last visit.
pub const NEW: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Scores.
pub const RATING: Style = Style::new().fg(Color::Yellow);
/// Section headings in popups.
pub const HEADING: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));
/// Status messages in the footer.
pub const STATUS: Style = Style::new().fg(Color::Yellow);

/// A pane's frame: thick and bright with [`crate::keymap::symbols::FOCUSED_PANE`] in the title when
/// focused.
#[must_use]
pub fn pane(title: &str, focused: bool) -> Block<'static> {
    let (marker, style, border) = if focused {
        (
            format!("{} ", crate::keymap::symbols::FOCUSED_PANE),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            BorderType::Thick,
        )
    } else {
        (
            String::new(),
            Style::new().fg(Color::Gray),
            BorderType::Plain,
        )
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(format!(" {marker}{title} "))
}

/// The colour the widgets draw a role with: the dark theme's, which a theme maps from.
#[must_use]
pub fn base(role: Role) -> Color {
    match role {
        Role::Accent => Color::Cyan,
        Role::Highlight => Color::Yellow,
        Role::Dim => Color::DarkGray,
        Role::Spoiler => Color::Magenta,
        Role::Mention => Color::LightCyan,
        Role::Current => Color::LightRed,
        Role::Border => Color::Gray,
    }
}

fn light(role: Role) -> Color {
    match role {
        Role::Accent => Color::Blue,
        Role::Highlight => Color::Rgb(0xb5, 0x89, 0x00),
        Role::Dim => Color::Rgb(0x6c, 0x6c, 0x6c),
        Role::Spoiler => Color::Magenta,
        Role::Mention => Color::Rgb(0x00, 0x6d, 0x8f),
        Role::Current => Color::Red,
        Role::Border => Color::DarkGray,
    }
}

/// The colour each role is shown in, or no colour at all: widgets draw with the base
/// colours and the finished frame is recoloured, so no widget needs to know themes.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    colors: [(Role, Color); Role::ALL.len()],
    enabled: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(&Colors::default())
    }
}

impl Theme {
    /// A built-in theme with the user's overrides.
    #[must_use]
    pub fn new(chosen: &Colors) -> Self {
        let colors = Role::ALL.map(|role| {
            let theme = match chosen.theme {
                ThemeName::Dark => base(role),
                ThemeName::Light => light(role),
            };
            let color = chosen
                .overrides
                .iter()
                .rev()
                .find(|(r, _)| *r == role)
                .map_or(theme, |(_, c)| *c);
            (role, color)
        });
        Self {
            colors,
            enabled: !chosen.disabled,
        }
    }

    /// The colour a role is shown in.
    #[must_use]
    pub fn color(&self, role: Role) -> Color {
        self.colors
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(base(role), |(_, c)| *c)
    }

    fn map(&self, color: Color) -> Color {
        if !self.enabled {
            return Color::Reset;
        }
        Role::ALL
            .iter()
            .find(|&&r| base(r) == color)
            .map_or(color, |&r| self.color(r))
    }

    /// Recolours a finished frame: role colours become the theme's, or none at all.
    pub fn apply(&self, buf: &mut Buffer) {
        let identity = self.enabled && Role::ALL.iter().all(|&r| self.color(r) == base(r));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_colour_leaves_no_colour_in_the_frame() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 3, 1));
        buf[(0, 0)]
            .set_fg(Color::Yellow)
            .set_bg(Color::Rgb(1, 2, 3));
        let theme = Theme::new(&Colors {
            disabled: true,
            ..Colors::default()
        });
        theme.apply(&mut buf);
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
    }

    #[test]
    fn overrides_recolour_their_role_only() {
        let theme = Theme::new(&Colors {
            overrides: vec![(Role::Highlight, Color::Green)],
            ..Colors::default()
        });
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
