//! Telling reelread's frames apart in its output, for timing keys while the screen is busy
//! (loading, fetching): the progress line redraws every few milliseconds, so the output
//! is never quiet and "the last byte before a pause" would time the progress, not the key.
//! A key is timed instead to the end of the first whole frame that shows its effect.

use super::*;

const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Longer than any frame-ending sequence, so one split across two reads is still found.
pub(crate) const FRAME_END_MAX: usize = 32;

/// Where each frame ending in `buf` ends (one past its last byte). ratatui ends a frame by
/// hiding the cursor, or by showing it and placing it (`ESC [ row ; col H`).
pub(crate) fn frame_ends(buf: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    for i in 0..buf.len() {
        let rest = &buf[i..];
        if rest.starts_with(HIDE_CURSOR) {
            ends.push(i + HIDE_CURSOR.len());
        } else if let Some(after) = rest.strip_prefix(SHOW_CURSOR) {
            let args = after.strip_prefix(b"\x1b[").map(|a| {
                a.iter()
                    .take_while(|b| b.is_ascii_digit() || **b == b';')
                    .count()
            });
            if let Some(n) = args
                && after.get(2 + n) == Some(&b'H')
            {
                ends.push(i + SHOW_CURSOR.len() + 2 + n + 1);
            }
        }
    }
    ends
}

/// What a whole frame must show for a key press to have been drawn.
pub(crate) enum Until {
    /// The list cursor `▶` is on another row than `from`.
    CursorLeft { from: Option<usize> },
    /// Some row differs from `before`, leaving out rows that show (before or now) any of
    /// `busy`: the progress line.
    Changed {
        before: Vec<String>,
        busy: &'static [&'static str],
    },
}

/// The row of the list cursor on `screen`.
pub(crate) fn cursor_row(screen: &vt100::Screen) -> Option<usize> {
    screen
        .rows(0, COLS)
        .position(|row| Marker::ListCursor.on(&row))
}

impl Until {
    /// Whether `screen`, at the end of a frame, shows the press.
    pub(crate) fn met(&self, screen: &vt100::Screen) -> bool {
        match self {
            Until::CursorLeft { from } => cursor_row(screen) != *from,
            Until::Changed { before, busy } => {
                let shows_busy = |row: &str| busy.iter().any(|b| row.contains(b));
                screen
                    .rows(0, COLS)
                    .zip(before)
                    .any(|(now, was)| !shows_busy(&now) && !shows_busy(was) && now != *was)
            }
        }
    }
}

/// A press being waited for: what its frame must show, and when one did.
pub(crate) struct Waiting {
    pub(crate) until: Until,
    pub(crate) drawn: Option<Instant>,
}

impl Output {
    /// Feeds `bytes` to the emulator one frame at a time, checking any press waited for at
    /// each frame's end; `tail` holds the last bytes before them, for split sequences.
    pub(crate) fn feed_frames(&mut self, bytes: &[u8], now: Instant) {
        let mut window = std::mem::take(&mut self.tail);
        let before = window.len();
        window.extend_from_slice(bytes);
        let mut fed = before;
        for end in frame_ends(&window).into_iter().filter(|&e| e > before) {
            self.parser.process(&window[fed..end]);
            fed = end;
            if let Some(w) = self.waiting.as_mut().filter(|w| w.drawn.is_none())
                && w.until.met(self.parser.screen())
            {
                w.drawn = Some(now);
            }
        }
        self.parser.process(&window[fed..]);
        let keep = window.len().saturating_sub(FRAME_END_MAX);
        window.drain(..keep);
        self.tail = window;
    }
}

impl Term {
    /// The screen's rows now, for [`Until::Changed`].
    pub(crate) fn rows(&self) -> Vec<String> {
        lock(&self.out).parser.screen().rows(0, COLS).collect()
    }

    /// The list cursor's row now, for [`Until::CursorLeft`].
    pub(crate) fn cursor_row(&self) -> Option<usize> {
        cursor_row(lock(&self.out).parser.screen())
    }

    /// Sends `key` and waits for the end of the first whole frame that meets `until`: the
    /// time from the write to that frame's last byte. Other frames (progress) may come
    /// before and after; the press is not over until its own frame is.
    pub(crate) fn press_until(&mut self, key: &[u8], until: Until) -> Res<Duration> {
        lock(&self.out).waiting = Some(Waiting { until, drawn: None });
        let sent = Instant::now();
        self.send(key)?;
        loop {
            thread::sleep(Duration::from_millis(1));
            let drawn = {
                let mut out = lock(&self.out);
                let drawn = out.waiting.as_ref().and_then(|w| w.drawn);
                if drawn.is_some() {
                    out.waiting = None;
                }
                drawn
            };
            if let Some(drawn) = drawn {
                return Ok(drawn - sent);
            }
            if sent.elapsed() > BUSY {
                return Err(format!(
                    "{key:?}: no frame showed it within {BUSY:?}; screen:\n{}",
                    self.screen()
                )
                .into());
            }
        }
    }
}

#[test]
fn frame_ends_are_found_after_hide_or_show_and_place() {
    let hide = b"ab\x1b[?25lcd";
    assert_eq!(frame_ends(hide), [hide.len() - 2]);
    let place = b"x\x1b[?25h\x1b[3;14Hy";
    assert_eq!(frame_ends(place), [place.len() - 1]);
    // Restoring the terminal shows the cursor without placing it: not a frame.
    assert!(frame_ends(b"\x1b[?1049l\x1b[?25h").is_empty());
    assert!(frame_ends(b"\x1b[?25h\x1b[3;1").is_empty());
}
