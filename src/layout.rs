//! Where each pane goes for a terminal size. Pure geometry shared by the app (which
//! needs pane heights to page and clamp) and the ui (which draws into the rects).

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width or height the reader shows "terminal too small".
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// From this width the cast sidebar is shown (the reading pane keeps ~50 columns).
pub const SIDEBAR_WIDTH: u16 = 110;
/// From this width list and reading pane sit side by side; below it they stack.
pub const SIDE_BY_SIDE_WIDTH: u16 = 70;

/// The widest window the reader draws: wider ones get their left 1000 columns drawn. It
/// bounds what a frame allocates (ratatui keeps two buffers of every cell), so a window
/// of 65535×65535 cells cannot ask for hundreds of gigabytes.
pub const MAX_DRAWN_WIDTH: u16 = 1000;
/// The tallest window the reader draws: taller ones get their top 500 rows drawn. See
/// [`MAX_DRAWN_WIDTH`].
pub const MAX_DRAWN_HEIGHT: u16 = 500;

/// The part of a `width`×`height` window that is drawn: its top-left corner, at most
/// [`MAX_DRAWN_WIDTH`]×[`MAX_DRAWN_HEIGHT`].
#[must_use]
pub fn drawn(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_DRAWN_WIDTH), height.min(MAX_DRAWN_HEIGHT))
}

/// What the header says when the window is larger than what is drawn.
#[must_use]
pub fn clamped_note() -> String {
    format!("window larger than {MAX_DRAWN_WIDTH}×{MAX_DRAWN_HEIGHT}: drawing the top-left part")
}

/// How the panes are arranged at a given size, narrowest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// List, reading pane and cast sidebar in three columns.
    Wide,
    /// List and reading pane side by side; the sidebar is hidden.
    Medium,
    /// List above the reading pane.
    Stacked,
    /// Not enough room to read anything.
    TooSmall,
}

/// The rectangles of one frame. Hidden panes are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The chosen arrangement.
    pub arrangement: Arrangement,
    /// One line: film and filter.
    pub header: Rect,
    /// The review list.
    pub list: Option<Rect>,
    /// The selected review (the left half when split).
    pub reading: Option<Rect>,
    /// The second review of a side-by-side comparison.
    pub right: Option<Rect>,
    /// The cast sidebar.
    pub cast: Option<Rect>,
    /// One line: hints and status.
    pub footer: Rect,
}

/// From this width a side-by-side comparison keeps the list and sidebar; below it the two
/// reviews take the whole width, because two 25-column columns are not readable.
pub const SPLIT_WITH_LIST_WIDTH: u16 = 160;

/// What besides the size decides the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Two reviews side by side.
    pub split: bool,
    /// The user wants the cast sidebar when it fits.
    pub sidebar: bool,
}

impl Default for View {
    fn default() -> Self {
        Self {
            split: false,
            sidebar: true,
        }
    }
}

/// Splits `area` into panes; with `split`, the reading pane into two equal halves.
#[must_use]
pub fn panes(area: Rect, view: View) -> Panes {
    let split = view.split;
    let mut panes = single(area, view.sidebar);
    if split && area.width < SPLIT_WITH_LIST_WIDTH && panes.reading.is_some() {
        let top = panes.header.bottom();
        panes.reading = Some(Rect::new(area.x, top, area.width, panes.footer.y - top));
        panes.list = None;
        panes.cast = None;
    }
    if let (true, Some(reading)) = (split, panes.reading) {
        let half = reading.width / 2;
        panes.reading = Some(Rect {
            width: half,
            ..reading
        });
        panes.right = Some(Rect {
            x: reading.x + half,
            width: half,
            ..reading
        });
    }
    panes
}

fn single(area: Rect, sidebar: bool) -> Panes {
    let none = Panes {
        arrangement: Arrangement::TooSmall,
        header: Rect::default(),
        list: None,
        reading: None,
        right: None,
        cast: None,
        footer: Rect::default(),
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return none;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let list_width = (u32::from(area.width) * 3 / 10).clamp(28, 44) as u16;
    let panes = Panes {
        header,
        footer,
        ..none
    };
    if sidebar && area.width >= SIDEBAR_WIDTH {
        let [list, reading, cast] = Layout::horizontal([
            Constraint::Length(list_width),
            Constraint::Fill(1),
            Constraint::Length(28),
        ])
        .areas(body);
        Panes {
            arrangement: Arrangement::Wide,
            list: Some(list),
            reading: Some(reading),
            cast: Some(cast),
            ..panes
        }
    } else if area.width >= SIDE_BY_SIDE_WIDTH {
        let [list, reading] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
        Panes {
            arrangement: Arrangement::Medium,
            list: Some(list),
            reading: Some(reading),
            ..panes
        }
    } else {
        let list_height = (body.height / 3).max(3);
        let [list, reading] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Fill(1)]).areas(body);
        Panes {
            arrangement: Arrangement::Stacked,
            list: Some(list),
            reading: Some(reading),
            ..panes
        }
    }
}

/// The text area inside a bordered pane: a margin column each side, at most
/// `text_width` wide and centred.
#[must_use]
pub fn inner(pane: Rect, text_width: u16) -> Rect {
    let room = pane.width.saturating_sub(4);
    let width = room.min(text_width.max(1));
    Rect {
        x: pane.x.saturating_add(2) + (room - width) / 2,
        y: pane.y.saturating_add(1),
        width,
        height: pane.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidebar_hides_first_then_panes_stack() {
        let at = |w, h| panes(Rect::new(0, 0, w, h), View::default()).arrangement;
        assert_eq!(at(120, 40), Arrangement::Wide);
        assert_eq!(at(109, 40), Arrangement::Medium);
        assert_eq!(at(60, 20), Arrangement::Stacked);
        assert_eq!(at(39, 20), Arrangement::TooSmall);
        assert_eq!(at(80, 9), Arrangement::TooSmall);
    }

    #[test]
    fn a_narrow_split_gives_both_reviews_the_whole_width() {
        let p = panes(
            Rect::new(0, 0, 120, 40),
            View {
                split: true,
                sidebar: true,
            },
        );
        assert_eq!((p.list, p.cast), (None, None));
        assert_eq!(p.reading.map(|r| r.width), Some(60));
        let wide = panes(
            Rect::new(0, 0, 200, 50),
            View {
                split: true,
                sidebar: true,
            },
        );
        assert!(
            panes(
                Rect::new(0, 0, 200, 50),
                View {
                    split: false,
                    sidebar: false
                }
            )
            .cast
            .is_none()
        );
        assert!(wide.list.is_some() && wide.cast.is_some());
    }

    #[test]
    fn a_split_reading_pane_has_two_equal_halves() {
        let p = panes(
            Rect::new(0, 0, 161, 40),
            View {
                split: true,
                sidebar: true,
            },
        );
        let (left, right) = (p.reading.expect("left"), p.right.expect("right"));
        assert_eq!(left.width, right.width);
        assert_eq!(left.right(), right.x);
    }

    #[test]
    fn the_reading_column_is_capped_and_centred() {
        let column = inner(Rect::new(10, 0, 124, 30), 80);
        assert_eq!((column.x, column.width), (10 + 2 + 20, 80));
        assert_eq!(inner(Rect::new(0, 0, 50, 10), 80).width, 46);
        assert_eq!(inner(Rect::new(0, 0, 100, 10), 60).width, 60);
    }

    #[test]
    fn what_is_drawn_is_at_most_the_maximum() {
        assert_eq!(drawn(200, 50), (200, 50));
        assert_eq!(drawn(65535, 65535), (MAX_DRAWN_WIDTH, MAX_DRAWN_HEIGHT));
        assert_eq!(drawn(30000, 40), (MAX_DRAWN_WIDTH, 40));
    }

    #[test]
    fn every_size_gives_panes_inside_the_area() {
        for w in 0..160 {
            for h in (0..60).step_by(3) {
                let area = Rect::new(0, 0, w, h);
                let p = panes(
                    area,
                    View {
                        split: w % 2 == 0,
                        sidebar: true,
                    },
                );
                for rect in [p.list, p.reading, p.right, p.cast].into_iter().flatten() {
                    assert!(area.contains(rect.as_position()) || rect.area() == 0);
                    assert!(rect.right() <= area.right() && rect.bottom() <= area.bottom());
                }
            }
        }
    }
}
