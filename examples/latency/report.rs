use super::*;

/// Nearest-rank percentile.
pub(crate) fn percentile(times: &[Duration], p: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.max(1) - 1)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
}

/// Milliseconds with one decimal, or two below 1 ms.
pub(crate) fn short(ms: f64) -> String {
    if ms < 0.995 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.1}")
    }
}

/// The first line a command prints, e.g. its version.
pub(crate) fn first_line(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| format!("{cmd}: not found"))
}

/// Cores, CPU model, memory and kernel.
pub(crate) fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let field = |text: &str, name: &str| {
        text.lines()
            .find_map(|l| {
                Some(
                    l.strip_prefix(name)?
                        .trim_start_matches([' ', '\t', ':'])
                        .to_owned(),
                )
            })
            .unwrap_or_default()
    };
    let cpu = field(&read("/proc/cpuinfo"), "model name");
    let kib: f64 = field(&read("/proc/meminfo"), "MemTotal")
        .trim_end_matches(" kB")
        .parse()
        .unwrap_or(0.0);
    let cores = thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let kernel = read("/proc/sys/kernel/osrelease");
    format!(
        "{cores} cores ({cpu}), {:.1} GiB RAM, Linux {}",
        kib / 1024.0 / 1024.0,
        kernel.trim()
    )
}

/// The size of every file under `dir`.
pub(crate) fn tree_bytes(dir: &Path) -> u64 {
    let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
    entries
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => tree_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// Prints the facts, then one table: a row per measure, a column per program.
pub(crate) fn print_table(
    args: &Args,
    facts: &str,
    runs: &[(&str, Option<Figures>)],
    corpus_mib: f64,
) {
    println!("## Latency and memory in a real pty\n\n{facts}");
    let names: Vec<&str> = runs.iter().map(|(n, _)| *n).collect();
    println!("| measure | issue 14 target | {} |", names.join(" | "));
    println!("| --- | --- |{}", " --- |".repeat(runs.len()));
    let row = |label: &str, target: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = runs
            .iter()
            .map(|(_, f)| f.as_ref().map_or("skipped".to_owned(), cell))
            .collect();
        println!("| {label} | {target} | {} |", cells.join(" | "));
    };
    let starts = args.starts.max(1);
    // The median, then the fastest and slowest start.
    let spread = |times: &[Duration]| {
        let (low, high) = (percentile(times, 0.0), percentile(times, 100.0));
        format!("{:.0} ms ({low:.0}–{high:.0})", percentile(times, 50.0))
    };
    let label = format!("start → first usable frame, median (min–max) of {starts}");
    row(&label, "≤ 100 ms", &|f| spread(&f.first));
    let label = format!("start → fully loaded, median (min–max) of {starts}");
    row(&label, "≤ 0.5 s at 10k reviews, ≤ 2.5 s at 50k", &|f| {
        spread(&f.loaded)
    });
    for op in [MOVE, LINE, PAGE, SOURCE, FEED, FETCHING, LOADING] {
        let label = format!("key → frame: {op}, median / p99");
        row(&label, "≤ 5 ms / ≤ 16 ms", &|f| {
            let Some((_, keys, s)) = f.ops.iter().find(|(o, _, _)| *o == op) else {
                return "—".to_owned();
            };
            let (median, p99) = (percentile(&s.times, 50.0), percentile(&s.times, 99.0));
            let silent = if s.silent > 0 {
                format!(", {} silent", s.silent)
            } else {
                String::new()
            };
            if s.times.is_empty() {
                return format!("— (no presses: {keys}{silent})");
            }
            let count = if matches!(op, FETCHING | LOADING) {
                format!(", {} presses", s.times.len())
            } else {
                String::new()
            };
            format!(
                "{} / {} ms ({keys}{silent}{count})",
                short(median),
                short(p99)
            )
        });
    }
    let mib = |kib: Option<u64>| {
        kib.map_or("—".to_owned(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    let target = format!(
        "≤ 1.2 × corpus + 20 MiB = {:.1} MiB",
        1.2 * corpus_mib + 20.0
    );
    row("memory once loaded (VmRSS)", &target, &|f| mib(f.rss_kib));
    let target = format!(
        "≤ 1.5 × corpus + 20 MiB = {:.1} MiB",
        1.5 * corpus_mib + 20.0
    );
    row("peak memory (VmHWM)", &target, &|f| mib(f.hwm_kib));
    println!(
        "\nEach key figure is from {} presses alternating the two keys, timed from the write of \
         the key to the last byte of its redraw (the output then quiet for {} ms); \"silent\" \
         presses drew nothing and are not timed. While R fetches and while the library loads, \
         the progress line redraws all the time, so those presses are timed instead to the \
         end of the first whole frame that shows them (the reading pane scrolled, the list \
         cursor on another row), 5 ms apart, for as long as the fetch (at most {} presses) or \
         the load lasts; the load is one more start. less and newsboat draw nothing until they \
         are loaded, so their two start figures are the same moment.",
        args.presses.div_ceil(2) * 2,
        QUIET.as_millis(),
        args.presses,
    );
    for (name, f) in runs {
        if let Some(f) = f.as_ref().filter(|f| !f.note.is_empty()) {
            println!("\nNote ({name}): {}", f.note);
        }
    }
}
