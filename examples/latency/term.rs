use super::*;

/// A program running in a pty, with a private home.
pub(crate) struct Term {
    pub(crate) child: Box<dyn Child + Send + Sync>,
    pub(crate) writer: Box<dyn Write + Send>,
    pub(crate) _master: Box<dyn MasterPty + Send>,
    pub(crate) out: Arc<Mutex<Output>>,
    pub(crate) started: Instant,
    pub(crate) _home: tempfile::TempDir,
}

/// `HOME` and the XDG folders inside `home`, so no run sees the user's files or another run's.
pub(crate) fn private_env(home: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut env = vec![("HOME", home.to_owned())];
    for (var, sub) in [
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        env.push((var, home.join(sub)));
    }
    env
}

impl Term {
    /// Starts `cmdline` on a fresh pty, watching for `marker` (and, if `loading`, for the
    /// `Loading` text to be gone).
    pub(crate) fn spawn(
        cmdline: &[String],
        marker: Marker,
        loading: bool,
        env: &[(&str, &str)],
    ) -> Res<Self> {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size)?;
        let home = tempfile::tempdir()?;
        let mut cmd = CommandBuilder::new(&cmdline[0]);
        cmd.args(&cmdline[1..]);
        cmd.env("TERM", "xterm-256color");
        for (var, value) in private_env(home.path()) {
            cmd.env(var, value);
        }
        for var in [
            "COLUMNS",
            "LINES",
            "NO_COLOR",
            "LESS",
            "LESSOPEN",
            "LESSCLOSE",
        ] {
            cmd.env_remove(var);
        }
        for (var, value) in env {
            cmd.env(var, value);
        }
        let nonzero = |n| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            bytes: 0,
            last: None,
            watch: Some((marker, loading)),
            first_usable: None,
            loaded_since: None,
            tail: Vec::new(),
            waiting: None,
        }));
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let sink = Arc::clone(&out);
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let now = Instant::now();
                lock(&sink).feed(&buf[..n], now);
            }
        });
        Ok(Self {
            child,
            writer,
            _master: pair.master,
            out,
            started,
            _home: home,
        })
    }

    /// The emulated screen as text.
    pub(crate) fn screen(&self) -> String {
        lock(&self.out).parser.screen().contents()
    }

    /// Waits for the first usable frame and for everything to be loaded; returns both
    /// times from the start.
    pub(crate) fn wait_start(&mut self) -> Res<(Duration, Duration)> {
        loop {
            thread::sleep(Duration::from_millis(2));
            {
                let mut out = lock(&self.out);
                if let (Some(first), Some(since), Some(last)) =
                    (out.first_usable, out.loaded_since, out.last)
                    && last.elapsed() >= START_QUIET
                {
                    out.watch = None;
                    return Ok((first - self.started, since - self.started));
                }
            }
            if self.started.elapsed() > START_TIMEOUT || self.child.try_wait()?.is_some() {
                return Err(format!("no usable frame; screen:\n{}", self.screen()).into());
            }
        }
    }

    /// Writes `key` to the program.
    pub(crate) fn send(&mut self, key: &[u8]) -> Res<()> {
        self.writer.write_all(key)?;
        Ok(self.writer.flush()?)
    }

    /// Sends `key` once the output is quiet, and waits for the redraw: the time from the
    /// write to the redraw's last byte, or `None` if nothing was drawn.
    pub(crate) fn press(&mut self, key: &[u8]) -> Res<Option<Duration>> {
        let waiting = Instant::now();
        while lock(&self.out).last.is_some_and(|t| t.elapsed() < QUIET) {
            if waiting.elapsed() > BUSY {
                return Err(
                    format!("the output never went quiet; screen:\n{}", self.screen()).into(),
                );
            }
            thread::sleep(Duration::from_millis(2));
        }
        let before = lock(&self.out).bytes;
        let sent = Instant::now();
        self.send(key)?;
        loop {
            thread::sleep(Duration::from_millis(1));
            let out = lock(&self.out);
            if out.bytes > before {
                if let Some(last) = out.last.filter(|t| t.elapsed() >= QUIET) {
                    return Ok(Some(last - sent));
                }
            } else if sent.elapsed() > SILENT {
                return Ok(None);
            }
            if sent.elapsed() > BUSY {
                return Err(format!("{key:?} drew for over {BUSY:?} without a pause").into());
            }
        }
    }

    /// Presses the two keys in turn `presses` times (rounded up to even).
    pub(crate) fn measure(&mut self, keys: [&[u8]; 2], presses: usize) -> Res<Sample> {
        let mut sample = Sample::default();
        for i in 0..presses.div_ceil(2) * 2 {
            match self.press(keys[i % 2])? {
                Some(t) => sample.times.push(t),
                None => sample.silent += 1,
            }
        }
        Ok(sample)
    }

    /// (`VmRSS`, `VmHWM`) in KiB from `/proc/PID/status`.
    pub(crate) fn memory(&self) -> (Option<u64>, Option<u64>) {
        let status = self
            .child
            .process_id()
            .and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")).ok())
            .unwrap_or_default();
        let field = |name: &str| {
            status.lines().find_map(|l| {
                let kib = l.strip_prefix(name)?.trim().trim_end_matches("kB");
                kib.trim().parse().ok()
            })
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// Presses `q` until the program exits (newsboat backs out one view per `q`); dropping
    /// the terminal then kills it if it is still running.
    pub(crate) fn quit(mut self) -> Res<()> {
        for _ in 0..10 {
            if self.child.try_wait()?.is_some() {
                break;
            }
            self.send(b"q")?;
            thread::sleep(Duration::from_millis(300));
        }
        Ok(())
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
