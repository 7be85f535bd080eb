//! A tiny harness that runs the real `reelread` binary in a pseudo-terminal and reads
//! its screen back through a `vt100` emulator.
//!
//! Waits poll the emulated screen until a condition holds; the timeout is only a failure
//! limit (the test fails with the screen dump if it is reached), never a speed assertion.
//!
//! Waits look only at *complete* frames. ratatui writes a frame in several chunks (stdout
//! is line-buffered, so roughly 1 KiB at a time), and a poll landing between two chunks
//! would see a half-updated screen: a new header over an old reading pane. Every frame
//! ratatui draws ends with the cursor update that follows the flush: `ESC [ ? 25 l` (hide;
//! this app places no cursor today) or `ESC [ ? 25 h ESC [ row ; col H` (show and place),
//! so the reader thread keeps a copy of the screen as it was at the latest such end.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

mod screen;

pub use screen::Screen;

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any single wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Longer than any frame-ending sequence, so one split across two reads is still found.
const FRAME_END_MAX: usize = 32;

/// Where each frame ending in `buf[from..]` ends (one past its last byte).
fn frame_ends(buf: &[u8], from: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut i = from;
    while i < buf.len() {
        let rest = &buf[i..];
        if rest.starts_with(HIDE_CURSOR) {
            ends.push(i + HIDE_CURSOR.len());
        } else if let Some(after) = rest.strip_prefix(SHOW_CURSOR) {
            // A frame that places the cursor ends with `ESC [ row ; col H`.
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
        i += 1;
    }
    ends
}

/// What the reader thread has seen so far.
struct Shared {
    /// Fed with every byte, so it is the terminal's state right now (possibly mid-frame).
    parser: vt100::Parser,
    /// Every byte the program wrote, in order.
    raw: Vec<u8>,
    /// How much of `raw` the parser has processed.
    processed: usize,
    /// The screen at the end of the latest complete frame.
    frame: Option<vt100::Screen>,
    /// The reader reached end of file (or an error such as EIO once the child is gone).
    eof: bool,
}

impl Shared {
    fn feed(&mut self, bytes: &[u8]) {
        // Search from a little before the new bytes: a frame ending may straddle two reads.
        let from = self.raw.len().saturating_sub(FRAME_END_MAX);
        self.raw.extend_from_slice(bytes);
        let processed = self.processed;
        let ends: Vec<usize> = frame_ends(&self.raw, from)
            .into_iter()
            .filter(|&end| end > processed)
            .collect();
        for end in ends {
            self.parser.process(&self.raw[self.processed..end]);
            self.processed = end;
            self.frame = Some(self.parser.screen().clone());
        }
        self.parser.process(&self.raw[self.processed..]);
        self.processed = self.raw.len();
    }
}

/// A running program in a pseudo-terminal. Dropping it kills the child.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    /// A write too big for the pty's input buffer, going on in the background; it hands
    /// the writer back when it is done.
    flood: Option<thread::JoinHandle<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<thread::JoinHandle<()>>,
    exited: bool,
    /// A private home for the child, so no test reads or writes the user's real config
    /// and reading state (and no earlier run changes what the next one shows).
    home: tempfile::TempDir,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal dimensions must be non-zero")
}

impl Pty {
    /// Starts `program args…` on a `cols`×`rows` terminal with `TERM=xterm-256color`.
    pub fn spawn(program: &str, args: &[&str], cols: u16, rows: u16) -> Self {
        Self::spawn_with(program, args, cols, rows, |_| {})
    }

    /// Like [`Pty::spawn`], but `configure` may change the command before it starts: set
    /// or remove environment variables (`TERM` included), or choose the working folder.
    pub fn spawn_with(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        configure: impl FnOnce(&mut CommandBuilder),
    ) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .unwrap_or_else(|e| panic!("openpty failed: {e:#}"));
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // The size must come from the pty, never from the environment.
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        let home = tempfile::tempdir().expect("temp home");
        cmd.env("HOME", home.path());
        for (var, sub) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_DATA_HOME", "data"),
        ] {
            cmd.env(var, home.path().join(sub));
        }
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("BROWSER");
        configure(&mut cmd);
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("could not spawn {program}: {e:#}"));
        // Only the child may hold the slave side, so the reader sees EOF when it exits.
        drop(pair.slave);

        let mut reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("try_clone_reader failed: {e:#}"));
        let writer = pair
            .master
            .take_writer()
            .unwrap_or_else(|e| panic!("take_writer failed: {e:#}"));

        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            processed: 0,
            frame: None,
            eof: false,
        }));
        let sink = Arc::clone(&shared);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        sink.lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .feed(&buf[..n]);
                    }
                }
            }
            sink.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .eof = true;
        });

        Self {
            master: Some(pair.master),
            writer: Some(writer),
            flood: None,
            child,
            shared,
            reader: Some(reader),
            exited: false,
            home,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Types `keys` (raw bytes: `"\r"` is Enter, `"\x1b"` is Esc).
    pub fn send(&mut self, keys: &str) {
        self.finish_flood();
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer
            .write_all(keys.as_bytes())
            .and_then(|()| writer.flush())
            .unwrap_or_else(|e| panic!("writing {keys:?} to the pty failed: {e}"));
    }

    /// Writes `bytes` (a flood of keys, a huge paste) on a thread of its own: the pty holds
    /// only a few kilobytes, so a program that stops reading would block a plain write and
    /// hang the test instead of failing it. The next [`Pty::send`] waits for it to finish.
    pub fn send_in_background(&mut self, bytes: Vec<u8>) {
        self.finish_flood();
        let mut writer = self.writer.take().expect("the terminal is open");
        self.flood = Some(thread::spawn(move || {
            // A failed write (the program exited mid-flood) is the test's to notice.
            let _ = writer.write_all(&bytes).and_then(|()| writer.flush());
            writer
        }));
    }

    /// Takes the writer back from a background write, failing if the program has not
    /// read it all within `TIMEOUT`.
    fn finish_flood(&mut self) {
        let Some(flood) = self.flood.take() else {
            return;
        };
        let deadline = Instant::now() + TIMEOUT;
        while !flood.is_finished() {
            assert!(
                Instant::now() < deadline,
                "the program stopped reading its input: a background write was not taken in \
                 within {TIMEOUT:?}; last frame:\n{}",
                self.dump()
            );
            thread::sleep(POLL);
        }
        self.writer = Some(flood.join().expect("the background writer panicked"));
    }

    /// A copy of the emulated screen as it is now, which may be in the middle of a frame:
    /// use it once the program has exited, and `frame` or `wait_for` while it runs.
    pub fn screen(&self) -> Screen {
        Screen(self.lock().parser.screen().clone())
    }

    /// The screen as the latest complete frame left it, if one was drawn.
    pub fn frame(&self) -> Option<Screen> {
        self.lock().frame.clone().map(Screen)
    }

    /// The latest frame (or, before the first one, the live screen) for failure messages.
    fn dump(&self) -> String {
        self.frame().unwrap_or_else(|| self.screen()).text()
    }

    /// Every byte the program has written so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.lock().raw.clone()
    }

    /// Polls complete frames until `pred` holds for one and returns it; panics with `what`
    /// and the last frame if the program exits or `TIMEOUT` passes first.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Screen) -> bool) -> Screen {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(frame) = self.frame().filter(&pred) {
                return frame;
            }
            if let Some(status) = self.try_wait() {
                panic!(
                    "the program exited ({status:?}) while waiting for {what}; last frame:\n{}",
                    self.dump()
                );
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for {what}; last frame:\n{}",
                self.dump()
            );
            thread::sleep(POLL);
        }
    }

    /// Polls the live screen (not only complete frames: a shell draws no frames) until
    /// `pred` holds.
    pub fn wait_for_screen(&mut self, what: &str, pred: impl Fn(&Screen) -> bool) -> Screen {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for {what}; screen:\n{}",
                screen.text()
            );
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` appears anywhere on the screen.
    pub fn wait_for_text(&mut self, text: &str) -> Screen {
        self.wait_for(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Resizes the terminal (the child gets SIGWINCH) and the emulator with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.lock().parser.set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(size(cols, rows))
            .unwrap_or_else(|e| panic!("resize to {cols}x{rows} failed: {e:#}"));
    }

    /// Resizes the terminal to `cols`×`rows` but the emulator only to `seen_cols`×`seen_rows`:
    /// the cells of a huge window would not fit in the test's memory, and the reader draws
    /// only its top-left part anyway.
    pub fn resize_huge(&mut self, (cols, rows): (u16, u16), (seen_cols, seen_rows): (u16, u16)) {
        self.lock()
            .parser
            .set_size(nonzero(seen_rows), nonzero(seen_cols));
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(size(cols, rows))
            .unwrap_or_else(|e| panic!("resize to {cols}x{rows} failed: {e:#}"));
    }

    /// The child's process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// The child's private home (`HOME`; XDG folders are `config`, `state`, `data` in it).
    pub fn home(&self) -> &std::path::Path {
        self.home.path()
    }

    /// The exit status if the child has exited.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        let status = self
            .child
            .try_wait()
            .unwrap_or_else(|e| panic!("try_wait failed: {e}"));
        if status.is_some() {
            self.exited = true;
        }
        status
    }

    /// Waits for the child to exit, then for the reader to drain all of its output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.try_wait() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit within {TIMEOUT:?}; last frame:\n{}",
                self.dump()
            );
            thread::sleep(POLL);
        };
        while !self.lock().eof {
            assert!(
                Instant::now() < deadline,
                "the pty output did not reach end of file within {TIMEOUT:?} after exit"
            );
            thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("pty reader thread panicked");
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if !self.exited && matches!(self.child.try_wait(), Ok(None)) {
            // SIGHUP, then SIGKILL if needed; then reap it so no zombie is left.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader thread ends on its own once the child's side of the pty is closed;
        // it is not joined here so a failing test can never hang in drop.
    }
}

#[test]
fn frame_ends_are_found_after_hide_or_show_and_place() {
    let hide = b"ab\x1b[?25lcd";
    assert_eq!(frame_ends(hide, 0), [hide.len() - 2]);
    let place = b"x\x1b[?25h\x1b[3;14Hy";
    assert_eq!(frame_ends(place, 0), [place.len() - 1]);
    // Restoring the terminal shows the cursor without placing it: not a frame.
    assert!(frame_ends(b"\x1b[?1049l\x1b[?25h", 0).is_empty());
    // A show-and-place cut short by the end of a read is not a frame end yet.
    assert!(frame_ends(b"\x1b[?25h\x1b[3;1", 0).is_empty());
}
