use super::*;

/// Starts a program `starts` times; the last run also measures keys (with `drive`) and memory.
pub(crate) fn run(
    cmdline: &[String],
    marker: &Marker,
    loading: bool,
    env: &[(&str, &str)],
    args: &Args,
    mut drive: impl FnMut(&mut Term, &mut Figures) -> Res<()>,
) -> Res<Figures> {
    let mut figures = Figures {
        command: cmdline.join(" "),
        presses: args.presses,
        ..Figures::default()
    };
    for i in 1..=args.starts.max(1) {
        let mut term = Term::spawn(cmdline, marker.clone(), loading, env)?;
        let (first, loaded) = term.wait_start()?;
        figures.first.push(first);
        figures.loaded.push(loaded);
        if i == args.starts.max(1) {
            figures.rss_kib = term.memory().0;
            drive(&mut term, &mut figures)?;
            figures.hwm_kib = term.memory().1;
        }
        term.quit()?;
    }
    Ok(figures)
}

/// Notes it in `figures` if `title` is not on screen where the long review should be open.
pub(crate) fn check_open(term: &Term, figures: &mut Figures, title: &str) {
    if !term.screen().contains(title) {
        figures.note = format!("the long review {title:?} was not on screen for scrolling");
    }
}

/// Times reelread: moving in the list, then scrolling and switching in the reading pane.
pub(crate) fn reelread(bin: &Path, args: &Args, long: &Long) -> Res<Figures> {
    let cmdline = [bin.display().to_string(), args.corpus.display().to_string()];
    let world = if args.fetching {
        Some(fetch_world(bin)?)
    } else {
        None
    };
    let env: Vec<(&str, &str)> = world
        .iter()
        .flat_map(|w| w.env.iter().map(|(k, v)| (*k, v.as_str())))
        .collect();
    let mut figures = run(&cmdline, &Marker::ListCursor, true, &env, args, |t, f| {
        f.time(t, MOVE, "j/k", [b"j", b"k"])?;
        for _ in 0..long.index {
            t.press(b"J")?;
        }
        t.press(b"\t")?; // focus the reading pane
        check_open(t, f, &long.title);
        f.time(t, LINE, "j/k", [b"j", b"k"])?;
        f.time(t, PAGE, "PgDn/PgUp", [PAGE_DOWN, PAGE_UP])?;
        f.time(t, SOURCE, "J/K", [b"J", b"K"])?;
        if world.is_some() {
            t.press(b"R")?;
            let presses = f.presses;
            let changed = |t: &Term| Until::Changed {
                before: t.rows(),
                busy: &["Fetching", "Fetched"],
            };
            let fetching = |t: &Term, i: usize| i < presses && t.screen().contains("Fetching");
            f.time_busy(t, (FETCHING, "j/k"), [b"j", b"k"], changed, fetching)?;
            if !t.screen().contains("Fetching") {
                "the fetch ended before the timing did".clone_into(&mut f.note);
            }
        }
        Ok(())
    })?;
    let loading = while_loading(&cmdline, args)?;
    if std::env::var_os("LATENCY_DUMP").is_some() {
        eprintln!("{:?}", loading.times);
    }
    figures.ops.push((LOADING, "j/k", loading));
    Ok(figures)
}

/// One more start, with the list cursor moved from the first usable frame until the
/// library is loaded: each press timed to the frame that shows the cursor on another row.
fn while_loading(cmdline: &[String], args: &Args) -> Res<Sample> {
    let mut term = Term::spawn(cmdline, Marker::ListCursor, true, &[])?;
    let started = Instant::now();
    while term.cursor_row().is_none() {
        if started.elapsed() > START_TIMEOUT {
            return Err(format!("no usable frame; screen:\n{}", term.screen()).into());
        }
        thread::sleep(Duration::from_millis(1));
    }
    let mut figures = Figures {
        presses: args.presses,
        ..Figures::default()
    };
    let moved = |t: &Term| Until::CursorLeft {
        from: t.cursor_row(),
    };
    let loading = |t: &Term, _| t.screen().contains("Loading");
    figures.time_busy(&mut term, (LOADING, "j/k"), [b"j", b"k"], moved, loading)?;
    term.quit()?;
    Ok(figures.ops.pop().map(|(_, _, s)| s).unwrap_or_default())
}

/// Times less scrolling the corpus as one text file.
pub(crate) fn less(text: &Path, first_line: &str, args: &Args) -> Res<Figures> {
    let cmdline = ["less".to_owned(), text.display().to_string()];
    let marker = Marker::Text(first_line.to_owned());
    run(
        &cmdline,
        &marker,
        false,
        &[("LESSHISTFILE", "-")],
        args,
        |t, f| {
            f.time(t, LINE, "j/k", [b"j", b"k"])?;
            f.time(t, PAGE, "Space/b", [b" ", b"b"])
        },
    )
}

/// Times newsboat: the article list of the first feed, then the long review's article.
pub(crate) fn newsboat(dir: &Path, first_film: &str, args: &Args, long: &Long) -> Res<Figures> {
    let path = |name: &str| dir.join(name).display().to_string();
    let (urls, cache, config) = (path("urls"), path("cache.db"), path("config"));
    let cmdline = ["newsboat", "-u", &urls, "-c", &cache, "-C", &config].map(str::to_owned);
    let marker = Marker::Text(first_film.to_owned());
    run(&cmdline, &marker, false, &[], args, |t, f| {
        t.press(b"\r")?; // open the first feed's article list
        f.time(t, MOVE, "↓/↑ in article list", [DOWN, UP])?;
        f.time(t, FEED, "j/k in article list", [b"j", b"k"])?;
        for _ in 0..long.film {
            t.press(b"j")?;
        }
        for _ in 0..long.pos {
            t.press(DOWN)?;
        }
        t.press(b"\r")?;
        check_open(t, f, &long.title);
        f.time(t, LINE, "↓/↑ in article", [DOWN, UP])?;
        f.time(t, PAGE, "PgDn/PgUp in article", [PAGE_DOWN, PAGE_UP])?;
        f.time(t, SOURCE, "J/K in article", [b"J", b"K"])
    })
}

/// The review as plain text, in the reading pane's order: header, body, comments.
pub(crate) fn review_text(r: &Review) -> String {
    let by = r.reviewer.as_deref().unwrap_or("unknown reviewer");
    let mut s = format!("{}\nReview by {by}", r.title);
    for part in [r.source.as_deref(), r.url.as_deref()]
        .into_iter()
        .flatten()
    {
        let _ = write!(s, " · {part}");
    }
    if let Some(d) = r.published {
        let _ = write!(s, "\nPublished: {d}");
    }
    if let Some(rating) = r.rating {
        let _ = write!(s, "\nRating: {rating} · {:.0}%", rating.percent());
    }
    let _ = write!(s, "\n\n{}\n", r.body.trim_end());
    if !r.comments.is_empty() {
        let _ = write!(s, "\nComments ({})\n", r.comments.len());
    }
    for (i, c) in r.comments.iter().enumerate() {
        let who = c.author.as_deref().unwrap_or("anonymous");
        let _ = write!(s, "\n#{} {who}\n{}\n", i + 1, c.text.trim_end());
    }
    s
}

/// Escapes text for XML (and HTML), dropping characters XML 1.0 forbids.
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => {
                s.push(ch);
            }
            _ => {}
        }
    }
    s
}

/// An RSS 2.0 item; `description` holds the body's paragraphs and the comments as HTML.
pub(crate) fn rss_item(r: &Review, guid: usize) -> String {
    let mut html = String::new();
    for para in r.body.split("\n\n").chain(["Comments"]) {
        let _ = write!(html, "<p>{}</p>", escape(para.trim()));
    }
    for (i, c) in r.comments.iter().enumerate() {
        let who = escape(c.author.as_deref().unwrap_or("anonymous"));
        let _ = write!(
            html,
            "<p><b>#{} {who}</b><br/>{}</p>",
            i + 1,
            escape(&c.text)
        );
    }
    format!(
        "<item><title>{}</title><dc:creator>{}</dc:creator><link>{}</link>\
         <guid isPermaLink=\"false\">{guid:06}</guid><description>{}</description></item>\n",
        escape(&r.title),
        escape(r.reviewer.as_deref().unwrap_or("unknown reviewer")),
        escape(r.url.as_deref().unwrap_or("")),
        escape(&html),
    )
}

/// Writes the text file for less and the feeds, `urls` and `config` for newsboat.
pub(crate) fn prepare(library: &Library, dir: &Path) -> Res<()> {
    let (mut text, mut urls, mut guid) = (String::new(), String::new(), 0);
    for (i, c) in library.collections.iter().enumerate() {
        let mut feed = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>{}</title>\
             <link>https://example.com/{}</link><description>Reviews</description>\n",
            escape(&c.film.title),
            escape(&c.name),
        );
        for r in &c.reviews {
            let _ = write!(text, "{}\n{}\n\n", review_text(r), "─".repeat(80));
            feed.push_str(&rss_item(r, guid));
            guid += 1;
        }
        feed.push_str("</channel></rss>\n");
        let path = dir.join(format!("feed{i:03}.xml"));
        std::fs::write(&path, feed)?;
        let _ = writeln!(urls, "file://{}", path.display());
    }
    std::fs::write(dir.join("reviews.txt"), text)?;
    std::fs::write(dir.join("urls"), urls)?;
    // Feeds as listed and articles in review order (the guids count up), text 80 columns
    // wide like reelread's reading pane, and no reload (no network) at start.
    let config = "article-sort-order guid\ntext-width 80\nauto-reload no\n";
    std::fs::write(dir.join("config"), config)?;
    Ok(())
}

/// Fills newsboat's cache from the local feeds, so the timed starts read cached items.
pub(crate) fn prefill_newsboat(dir: &Path) -> Res<Duration> {
    let home = tempfile::tempdir()?;
    let started = Instant::now();
    let status = Command::new("newsboat")
        .args([
            "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config",
        ])
        .current_dir(dir)
        .envs(private_env(home.path()))
        .status()?;
    if !status.success() {
        return Err(format!("newsboat -x reload failed: {status}").into());
    }
    Ok(started.elapsed())
}
