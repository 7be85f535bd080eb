//! The few styles the panes share. Focus and selection also use markers and modifiers,
//! so they survive a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType};

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
/// Status messages in the footer.
pub const STATUS: Style = Style::new().fg(Color::Yellow);

/// A pane's frame: thick and bright with a ● in the title when focused.
pub fn pane(title: &str, focused: bool) -> Block<'static> {
    let (marker, style, border) = if focused {
        (
            "● ",
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            BorderType::Thick,
        )
    } else {
        ("", Style::new().fg(Color::Gray), BorderType::Plain)
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(format!(" {marker}{title} "))
}
