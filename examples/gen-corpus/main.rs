//! Writes a large, deterministic reelread library for scale tests and benchmarks.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --reviews 10000 --comments 100000 --out /tmp/corpus
//! ```
//!
//! The same arguments always give byte-identical files. The library has one collection per
//! film (`--reviews / 100` films, at least 3), each with a `film.toml` (credits, genres and
//! a cast of 5 to 15 with roles and aliases) and `reviews/r000123.toml` files. Reviews range
//! from a paragraph to many, with Markdown headings, lists, emphasis, captions and quotes;
//! a few (`--huge`) are 1 to 5 MB. Text mentions the cast by name, role and alias, and
//! sprinkles in accents, CJK, emoji, combining marks and `||spoilers||`. Reviewers come from
//! a pool of a few hundred names and commenters from a few thousand; comments are spread
//! unevenly (many reviews have none, a few have hundreds) and add up to `--comments`
//! exactly, some of them replying to earlier ones.
//!
//! The output folder must be new or empty, so a run never mixes with an older one.
// One program split into files for size: each file sees the others' items whole.
#![allow(clippy::wildcard_imports)]

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use words::{
    ADJECTIVES, CJK_NAMES, COMMENTS, EMOJI, EVENTS, FEELINGS, FIRST_NAMES, FOREIGN, GENRES,
    HANDLE_A, HANDLE_B, HEADINGS, INSTRUMENTS, ITEMS, LAST_NAMES, NICKNAMES, PLACES,
    PREVIEW_SENTENCES, PREVIEW_TITLES, QUOTES, REVIEW_TITLES, ROLE_NAMES, ROLE_TITLES, SCENES,
    SENTENCES, SOURCES, TAGLINES, TITLE_ADJECTIVES, TITLE_NOUNS,
};

/// Command-line options.
#[derive(Parser)]
#[command(about = "Write a large, deterministic reelread library for scale tests")]
struct Args {
    /// How many review files to write, spread over the films.
    #[arg(long, default_value_t = 10_000)]
    reviews: usize,
    /// How many comments in all, spread unevenly over the reviews.
    #[arg(long, default_value_t = 100_000)]
    comments: usize,
    /// The library folder to create; it must not exist or be empty.
    #[arg(long)]
    out: PathBuf,
    /// How many reviews are 1 to 5 MB [default: 3 when --reviews is at least 1000, else 0].
    #[arg(long)]
    huge: Option<usize>,
    /// How many films (collections) [default: --reviews / 100, at least 3].
    #[arg(long)]
    films: Option<usize>,
    /// Seed for the generator; each seed gives a different, reproducible library.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    match generate(&args) {
        Ok(totals) => {
            let mib = totals.bytes as f64 / (1024.0 * 1024.0);
            println!(
                "gen-corpus: {} films, {} reviews ({} huge), {} comments, {} files, {} bytes ({mib:.1} MiB) in {}, {:.2} s",
                totals.films,
                totals.reviews,
                totals.huge,
                totals.comments,
                totals.files,
                totals.bytes,
                args.out.display(),
                started.elapsed().as_secs_f64(),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gen-corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------

/// `SplitMix64`: a tiny, fast generator whose output depends only on its seed.
struct Rng(u64);

/// Stream numbers, so each part of the library draws from its own generator and one part
/// changing (say, the comment count) leaves the others as they were.
const STREAM_PLAN: u64 = 1;
/// Stream for the films' facts and casts.
const STREAM_FILM: u64 = 2;
/// Stream for the review files.
const STREAM_REVIEW: u64 = 3;

impl Rng {
    /// A generator for item `index` of stream `stream` under `seed`.
    fn new(seed: u64, stream: u64, index: u64) -> Self {
        let mut base = Self(seed);
        let mixed = base.next()
            ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03)
            ^ index.wrapping_mul(0xABC9_8388_FB8B_AC03);
        let mut rng = Self(mixed);
        rng.next();
        rng
    }

    /// The next 64 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index in `0..n` that favours the start: `power` 1 is uniform, 3 is steep.
    fn skewed(&mut self, n: usize, power: u32) -> usize {
        let u = self.unit();
        // Plain multiplication rather than `powi`, so every platform rounds alike.
        let share = (1..power).fold(u, |acc, _| acc * u);
        ((n as f64 * share) as usize).min(n - 1)
    }

    /// One item of a non-empty slice.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word or phrase of a non-empty pool.
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// A heavy-tailed weight (`scale / u`, a Pareto tail): usually near `scale`, now and
    /// then many times it, at most `cap`. Only exact IEEE operations, no `powf`, so the
    /// output does not depend on the platform's maths library.
    fn heavy(&mut self, scale: f64, cap: f64) -> u64 {
        let u = 1.0 - self.unit();
        (scale / u).min(cap) as u64
    }
}

/// Splits `total` over slots in proportion to `weights`, by weighted draws, so the counts
/// are uneven and sum to `total` exactly. With `floor_one`, every slot gets one first
/// (when there are enough to go round).
fn spread(rng: &mut Rng, total: usize, weights: &[u64], floor_one: bool) -> Vec<usize> {
    let mut counts = vec![0; weights.len()];
    if weights.is_empty() {
        return counts;
    }
    let mut left = total;
    if floor_one && total >= weights.len() {
        counts.fill(1);
        left -= weights.len();
    }
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut sum = 0u64;
    for w in weights {
        sum += w;
        cumulative.push(sum);
    }
    if sum == 0 {
        counts[0] += left;
        return counts;
    }
    for _ in 0..left {
        let r = ((u128::from(rng.next()) * u128::from(sum)) >> 64) as u64;
        counts[cumulative.partition_point(|&c| c <= r)] += 1;
    }
    counts
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/// A calendar day as a count of days since 1970-01-01, written `YYYY-MM-DD`.
#[derive(Clone, Copy)]
struct Day(i64);

/// No review or comment is dated after this day.
const LAST_DAY: Day = Day(20_818); // 2026-12-31

impl Day {
    /// The day for a year, month and day of month.
    fn from_civil(year: i64, month: i64, day: i64) -> Self {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Self(era * 146_097 + doe - 719_468)
    }

    /// The year, month and day of month.
    fn civil(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// This day plus `days`, but never after [`LAST_DAY`].
    fn plus(self, days: usize) -> Self {
        Self((self.0 + days as i64).min(LAST_DAY.0))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

// ---------------------------------------------------------------------------------------
// Word pools
// ---------------------------------------------------------------------------------------

/// Words and templates the text is made of. None contains `|`, and only templates hold
/// `{slot}` braces, so spoiler markers come from the generator alone.
#[rustfmt::skip]
mod words;

// ---------------------------------------------------------------------------------------
// The plan: films, casts, name pools
// ---------------------------------------------------------------------------------------

/// What a run wrote.
struct Totals {
    /// Collections written.
    films: usize,
    /// Review files written.
    reviews: usize,
    /// Huge reviews among them.
    huge: usize,
    /// Comments written.
    comments: usize,
    /// Files written.
    files: usize,
    /// Bytes written.
    bytes: u64,
}

impl Totals {
    /// Writes `text` to `path`, counting it.
    fn write(&mut self, path: &Path, text: &str) -> Result<(), String> {
        fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

/// Makes `out`, refusing a folder that already has something in it.
fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let mut entries =
            fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; choose a new or empty folder",
                out.display()
            ));
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

/// Writes the whole library.
fn generate(args: &Args) -> Result<Totals, String> {
    if args.reviews == 0 && args.comments > 0 {
        return Err("comments need at least one review to go under".to_owned());
    }
    prepare(&args.out)?;
    let mut plan = Rng::new(args.seed, STREAM_PLAN, 0);
    let reviewers = pool(&mut plan, 300, person_name);
    let commenters = pool(&mut plan, 3000, |rng| commenter_name(rng, &reviewers));
    let film_count = args.films.unwrap_or((args.reviews / 100).max(3)).max(1);
    let mut slugs = BTreeSet::new();
    let films: Vec<Film> = (0..film_count)
        .map(|i| film(args.seed, i, &mut slugs))
        .collect();

    // Reviews per film: uneven, every film gets at least one when there are enough.
    let film_weights: Vec<u64> = (0..film_count).map(|_| plan.heavy(100.0, 3000.0)).collect();
    let per_film = spread(&mut plan, args.reviews, &film_weights, true);

    // Comments per review: many get none, a few get hundreds; the sum is exact.
    let comment_weights: Vec<u64> = (0..args.reviews)
        .map(|_| {
            if plan.chance(45) {
                0
            } else {
                plan.heavy(1000.0, 100_000.0)
            }
        })
        .collect();
    let per_review = spread(&mut plan, args.comments, &comment_weights, false);

    // The huge reviews: distinct, chosen at random.
    let huge_count = args
        .huge
        .unwrap_or(if args.reviews >= 1000 { 3 } else { 0 })
        .min(args.reviews);
    let mut huge = BTreeSet::new();
    while huge.len() < huge_count {
        huge.insert(plan.below(args.reviews));
    }
    let huge_sizes: Vec<usize> = (0..huge_count)
        .map(|_| plan.range(1_000_000, 5_000_000))
        .collect();

    let shared = Shared {
        seed: args.seed,
        reviewers: &reviewers,
        commenters: &commenters,
    };
    let width = args.reviews.to_string().len().max(6);
    let mut totals = Totals {
        films: film_count,
        reviews: 0,
        huge: 0,
        comments: 0,
        files: 0,
        bytes: 0,
    };
    let mut index = 0;
    for (film, &count) in films.iter().zip(&per_film) {
        let dir = args.out.join(&film.slug);
        let reviews_dir = dir.join("reviews");
        fs::create_dir_all(&reviews_dir)
            .map_err(|e| format!("cannot create {}: {e}", reviews_dir.display()))?;
        totals.write(&dir.join("film.toml"), &film_toml(film))?;
        for _ in 0..count {
            let rank = huge.iter().position(|&h| h == index);
            let review = ReviewPlan {
                number: index + 1,
                comments: per_review[index],
                huge_bytes: rank.map_or(0, |r| huge_sizes[r]),
            };
            let text = review_toml(&shared, film, &review);
            let path = reviews_dir.join(format!("r{:0width$}.toml", review.number));
            totals.write(&path, &text)?;
            totals.reviews += 1;
            totals.huge += usize::from(rank.is_some());
            totals.comments += review.comments;
            index += 1;
        }
    }
    Ok(totals)
}

mod film;
use film::*;
mod text;
use text::*;
mod files;
use files::*;
