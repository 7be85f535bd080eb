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
mod words {
    /// Given names, many with accents; two are written with combining marks.
    pub const FIRST_NAMES: &[&str] = &[
        "Graham", "Liana", "Billy", "Ana", "José", "Zoë", "Søren", "Łukasz", "Chloé", "Renée",
        "Björn", "Siobhán", "Ayşe", "Jürgen", "François", "Mårten", "Aiko", "Hiroshi",
        "Min-jun", "Ji-woo", "Priya", "Arjun", "Olu", "Chiamaka", "Mateo", "Lucía", "Sofía",
        "Camille", "Noémie", "Dmitri", "Katarzyna", "Inês", "Tomás", "Nils", "Astrid", "Ewan",
        "Niamh", "Kwame", "Amara", "Yusuf", "Leila", "Omar", "Farah", "Mei", "Wei", "Hannah",
        "Marcus", "Elena", "Rafael", "Beatriz", "Kofi", "Ingrid", "Pål", "Henrik", "Oona",
        "Dagny", "Maya", "Rosa", "Luca", "Giulia", "Matteo", "Théo", "Gaëlle", "Anaïs",
        "Stefanie", "Peter", "Zoe\u{308}", "Jose\u{301}", "Nadia", "Ruth", "Callum", "Imogen",
        "Tariq", "Esperanza",
    ];

    /// Family names, many with accents.
    pub const LAST_NAMES: &[&str] = &[
        "Rogers", "Crudup", "Liberato", "Álvarez", "Müller", "Dvořák", "Nguyễn", "Ibáñez",
        "O'Brien", "Kowalski", "Sørensen", "Yılmaz", "Fernández", "Tanaka", "Sato", "Kim",
        "Park", "Chen", "Wang", "Patel", "Okafor", "Mensah", "Haddad", "Rossi", "Bianchi",
        "Dubois", "Lefèvre", "Moreau", "Schmidt", "Weiß", "Novák", "Horváth", "Ivanova",
        "Petrov", "Andersson", "Lindqvist", "Nakamura", "García", "López", "Silva", "Costa",
        "Santos", "Murphy", "Kelly", "Byrne", "Adeyemi", "Nwosu", "Cohen", "Levi", "Brennan",
        "Whitaker", "Hale", "Monroe", "Ashford", "Delacroix", "Vasquez", "Castellanos",
        "Barańczak", "Öztürk", "Þórsdóttir", "Ólafsson", "Coyote", "Scott", "Tilden",
        "Ferreira", "Mäkelä", "Çelik",
    ];

    /// Names written in CJK scripts, family name first.
    pub const CJK_NAMES: &[&str] = &[
        "山田 花子", "佐藤 健", "王 菲", "李 娜", "김 민지", "박 서준", "田中 裕子", "陈 冲",
        "渡辺 謙", "張 曼玉", "이 병헌", "小林 薫",
    ];

    /// Character first names.
    pub const ROLE_NAMES: &[&str] = &[
        "Kevin", "Henny", "Ellie", "Marguerite", "Tomasz", "Yuki", "Dara", "Rook", "Wren",
        "Silas", "Juniper", "Ezra", "Noor", "Mireille", "Bastian", "Ximena", "Otto", "Clem",
        "Agnès", "Rufus", "Hyun-woo", "Dolores", "Pilar", "Frankie", "Birdie", "Lev", "Odile",
        "Caspian", "Maëlys", "Jonah", "Imre", "Sunny", "Ciarán", "Vera", "Anouk", "Teo",
    ];

    /// Titles that make a character name like "Coach Rowan".
    pub const ROLE_TITLES: &[&str] = &[
        "Coach", "Detective", "Dr.", "Mrs.", "Captain", "Father", "Sister", "Uncle",
        "Professor", "Agent", "Señora", "Madame",
    ];

    /// Nicknames the texts use for characters.
    pub const NICKNAMES: &[&str] = &[
        "Kid", "Doc", "Red", "Ace", "Bunny", "Moose", "Sparrow", "Tiny", "Chief", "Lulu",
        "Smokey", "Boots",
    ];

    /// Title adjectives.
    pub const TITLE_ADJECTIVES: &[&str] = &[
        "Silent", "Last", "Broken", "Golden", "Hollow", "Midnight", "Crimson", "Endless",
        "Quiet", "Burning", "Paper", "Glass", "Wild", "Northern", "Distant", "Little", "Secret",
        "Electric", "Velvet", "Bitter",
    ];

    /// Title nouns.
    pub const TITLE_NOUNS: &[&str] = &[
        "Harbor", "Summer", "Orchard", "Circuit", "Letters", "River", "Garden", "Machine",
        "Frontier", "Lanterns", "Tide", "Witness", "Country", "Season", "Houses", "Horizon",
        "Echo", "Lighthouse", "Ashes", "Promise", "Miles", "Runners",
    ];

    /// Places, for titles and text.
    pub const PLACES: &[&str] = &[
        "Lisbon", "Kyoto", "Reykjavík", "São Paulo", "Kraków", "Montréal", "Zürich",
        "Marrakesh", "Tromsø", "Oaxaca", "Seoul", "Lagos", "Dublin", "Valparaíso", "Tbilisi",
        "Busan", "Ōsaka", "Malmö", "Curaçao", "Nuuk",
    ];

    /// Genres.
    pub const GENRES: &[&str] = &[
        "Drama", "Romance", "Sports", "Comedy", "Thriller", "Horror", "Documentary",
        "Animation", "Science Fiction", "Western", "Musical", "Crime", "Mystery", "Fantasy",
        "War", "Coming-of-age", "Film noir", "Biography",
    ];

    /// Publications and sites.
    pub const SOURCES: &[&str] = &[
        "Midnight Reel", "The Popcorn Dispatch", "Le Cinéphile", "Reel Talk Weekly",
        "映画ノート", "Frame by Frame", "The Projection Booth", "Cinéma Vérité Blog",
        "Kino Kritik", "Letterbox Letters", "Silver Screen Digest", "The Matinee",
        "Film Fanatic", "Sala Oscura", "Filmkollen", "Close-Up Quarterly", "The Dolly Zoom",
        "Bobina", "Cuarta Pared", "Yes/No Films", "영화 일기", "Trailer Park Tuesday",
    ];

    /// Adjectives for the text.
    pub const ADJECTIVES: &[&str] = &[
        "tender", "unhurried", "brittle", "luminous", "overlong", "sly", "earnest", "hypnotic",
        "uneven", "gorgeous", "clumsy", "heartfelt", "wry", "bracing", "muddled", "assured",
        "fragile", "ferocious", "naïve", "soigné", "über-stylish", "melancholic", "bittersweet",
        "restrained", "sprawling", "heartwarming", "inspiring", "predictable",
    ];

    /// Scenes a review can single out.
    pub const SCENES: &[&str] = &[
        "kitchen", "hospital", "final race", "wedding", "rooftop", "train station", "café",
        "courtroom", "karaoke", "funeral", "locker-room", "motel", "ferry", "night market",
        "piñata", "track",
    ];

    /// How the reviewer left the cinema.
    pub const FEELINGS: &[&str] = &[
        "moved", "oddly exhausted", "grinning", "in tears", "unconvinced",
        "ready to see it again", "humming the score", "furious", "quietly wrecked",
    ];

    /// What the score is played on.
    pub const INSTRUMENTS: &[&str] = &[
        "solo piano", "a swelling string section", "synthesizers", "a lone cello",
        "fingerpicked guitar", "taiko drums", "an accordion", "a theremin",
    ];

    /// Non-English words and phrases: accents, CJK, Cyrillic, Greek, Hebrew, Arabic and
    /// combining marks (the last three Latin ones are decomposed).
    pub const FOREIGN: &[&str] = &[
        "a certain je ne sais quoi", "déjà vu", "a soupçon of menace", "pure mise-en-scène",
        "muy bonito", "wunderbar", "最高", "감동적", "очень хорошо", "a ταξίδι worth taking",
        "Schadenfreude", "saudade", "hygge", "wabi-sabi (侘寂)", "cafe\u{301} society",
        "man\u{303}ana energy", "ko\u{308}stlich", "שלום", "مرحبا", "一期一会", "Weltschmerz",
        "l'esprit de l'escalier", "Fernweh", "¡qué película!",
    ];

    /// Emoji, including modifiers, a flag and ZWJ sequences.
    pub const EMOJI: &[&str] = &[
        "🎬", "🍿", "❤️", "👏🏽", "😭", "🔥", "⭐⭐⭐", "🏃‍♂️", "👨‍👩‍👧", "🇫🇷", "🤔", "💔",
        "🎞️", "🏆",
    ];

    /// Lines of dialogue (with quotes and apostrophes, to exercise escaping).
    pub const QUOTES: &[&str] = &[
        "You can't outrun the past.",
        "Não há tempo.",
        "Run, and don't look back!",
        "It's not about winning — it's about finishing.",
        "We were never here.",
        "Ça va aller.",
        "明日があるさ。",
        "One more mile.",
    ];

    /// Plot turns, hidden behind spoiler markers.
    pub const EVENTS: &[&str] = &[
        "dies in the third act",
        "was the narrator all along",
        "wins the final race",
        "never makes it to {place}",
        "turns out to be {role2}'s father",
        "burns the letters",
        "leaves on the last ferry",
        "was dreaming the whole time",
        "takes the blame for {role2}",
    ];

    /// Section headings.
    pub const HEADINGS: &[&str] = &[
        "The Story", "Performances", "Direction", "What Works", "What Doesn't", "The Verdict",
        "Music and Sound", "Behind the Camera", "Spoilers Ahead", "Final Thoughts",
        "Le Verdict", "Cast Notes", "Why It Matters", "Pacing", "The Ending", "感想",
        "Über die Musik",
    ];

    /// Taglines for review titles.
    pub const TAGLINES: &[&str] = &[
        "heartwarming story", "keep on running", "power in your pain", "a quiet triumph",
        "style over substance", "the year's best surprise", "not quite there", "a flawed gem",
        "guilt and redemption", "worth the wait", "a beautiful mess", "mon coup de cœur",
        "too long by half", "running on empty", "最高の一本",
    ];

    /// Review title templates.
    pub const REVIEW_TITLES: &[&str] = &[
        "{film}: {tagline}", "Review: {film} ({year})", "{film} review — {tagline}",
        "{tagline}", "Why {role} matters", "{film} is {adj}", "On {film}", "「{film}」レビュー",
        "Critique : {film}", "{actor} in {film}",
    ];

    /// Preview title templates.
    pub const PREVIEW_TITLES: &[&str] = &[
        "Trailer: {film}", "First look at {film}", "{film} trailer drops",
        "Trailer Park Tuesday: {film}",
    ];

    /// Review sentences.
    pub const SENTENCES: &[&str] = &[
        "{ref} carries the film with {adj} restraint.",
        "{director} stages the {scene} scene with real confidence.",
        "I walked in expecting {adj} melodrama and left {feeling}.",
        "*{film}* is {adj}, {adj2} and, at {runtime} minutes, a little too long.",
        "{actor} gives {their_role} {a_adj} edge that the script never quite earns.",
        "The score leans on {instrument}, which works more often than not.",
        "There is a moment where {role} looks at {role2} and the whole film clicks.",
        "**{actor}** is the reason to watch.",
        "As {alias} says in the trailer, \"{quote}\"",
        "The cinematography turns {place} into {a_adj} postcard.",
        "It is, in a word, {foreign}.",
        "Some of the dialogue (\"{quote}\") lands with a thud.",
        "{alias} has never been better, and {alias2} is not far behind.",
        "The {scene} scene is the best thing {director} has shot.",
        "Fans of {genre} will find plenty to like here.",
        "The middle stretch sags, but {role} pulls it back.",
        "I kept thinking of {place} in the rain, which may be the point.",
        "{ref} and {ref2} share an easy, {adj} chemistry.",
        "The editing is {adj}; the writing is merely {adj2}.",
        "Nobody will call it subtle, but it is {adj} in the right places.",
        "By the time {role} reaches {place}, you will either be with it or not.",
        "A background shot shows a file path, C:\\films\\{year}\\final_cut, which made me laugh.",
        "The supporting turn from {actor} deserved more screen time.",
        "What a *{adj}* little film this is.",
        "{director} keeps the camera close, almost uncomfortably so.",
        "Even the credits, set to {instrument}, feel {adj}.",
        "The subtitles render \"{foreign}\" beautifully.",
        "Every time {alias} is on screen the film wakes up.",
    ];

    /// Sentences for trailer and announcement posts.
    pub const PREVIEW_SENTENCES: &[&str] = &[
        "The trailer for *{film}* is finally here.",
        "It opens on {place} at dusk, with {instrument} under the title card.",
        "{ref} gets most of the close-ups.",
        "{director} is directing, which is reason enough to be curious.",
        "We get a glimpse of the {scene} scene and not much else.",
        "The tagline, \"{quote}\", is doing a lot of work.",
        "Expect {adj} {genre} when it opens.",
        "Count me in {emoji}",
    ];

    /// Short list items.
    pub const ITEMS: &[&str] = &[
        "*{adj}* work from {actor}",
        "the {scene} scene",
        "{instrument} on the soundtrack",
        "{role}'s arc",
        "{director}'s eye for {place}",
        "the last ten minutes",
        "{a_adj} first act",
        "the line \"{quote}\"",
    ];

    /// Short comments.
    pub const COMMENTS: &[&str] = &[
        "Great review!",
        "Totally agree about {actor}.",
        "I thought {role} was {adj}, honestly.",
        "Saw it in {place} last week {emoji}",
        "You're too harsh on {director}.",
        "Thanks for this — adding it to my list.",
        "{alias} deserved better.",
        "Is it streaming anywhere?",
        "Ce film est magnifique.",
        "この映画、最高でした！",
        "Lol no.",
        "The {scene} scene wrecked me 😭",
        "Anyone else notice the \"{quote}\" line?",
        "Sounds like a touching film!",
        "I love a good {genre}.",
        "Watched it twice. Still {feeling}.",
        "{ref} was the best part for me.",
        "Not for me, but I see the appeal.",
        "Wait, is this the one with {actor}?",
        "{foreign}! {emoji}",
    ];

    /// First halves of commenter handles.
    pub const HANDLE_A: &[&str] = &[
        "popcorn", "reel", "cine", "film", "movie", "noir", "frame", "matinee", "kino",
        "celluloid", "screen", "plot", "trailer", "credits", "映画",
    ];

    /// Second halves of commenter handles.
    pub const HANDLE_B: &[&str] = &[
        "queen", "nerd", "buff", "head", "fan", "ghost", "owl", "junkie", "critic", "lover",
        "hound", "fox", "好き",
    ];
}

// ---------------------------------------------------------------------------------------
// The plan: films, casts, name pools
// ---------------------------------------------------------------------------------------

/// One cast member as written to `film.toml`.
struct Cast {
    /// The performer.
    actor: String,
    /// The character, when stated.
    role: Option<String>,
    /// Other names the texts use.
    aliases: Vec<String>,
}

/// One film: the facts for `film.toml` and what its reviews draw on.
struct Film {
    /// The collection folder's name.
    slug: String,
    /// The film's title.
    title: String,
    /// Release year.
    year: i64,
    /// Release day, where review dates start.
    release: Day,
    /// Directors.
    directors: Vec<String>,
    /// Running time.
    runtime: usize,
    /// The adapted work, if any.
    based_on: Option<String>,
    /// Genres.
    genres: Vec<&'static str>,
    /// Cast in billing order.
    cast: Vec<Cast>,
    /// How good the critics find it, 0 to 1; ratings scatter around it.
    quality: f64,
}

/// A person's name: mostly "First Last", sometimes CJK or with combining marks.
fn person_name(rng: &mut Rng) -> String {
    if rng.chance(6) {
        (*rng.pick(CJK_NAMES)).to_owned()
    } else {
        format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
    }
}

/// A commenter's name: a person, an initial, or a handle.
fn commenter_name(rng: &mut Rng, reviewers: &[String]) -> String {
    match rng.below(100) {
        0..=4 => rng.pick(reviewers).clone(),
        5..=54 => person_name(rng),
        55..=69 => {
            let last = rng.pick(LAST_NAMES);
            format!(
                "{} {}.",
                rng.pick(FIRST_NAMES),
                last.chars().next().unwrap_or('X')
            )
        }
        _ => {
            let sep = *rng.pick(&["", "_", ".", "-"]);
            let mut handle = format!("{}{sep}{}", rng.pick(HANDLE_A), rng.pick(HANDLE_B));
            if rng.chance(60) {
                let _ = write!(handle, "{}", rng.below(100));
            }
            handle
        }
    }
}

/// `count` distinct names from `make`, in the order first drawn.
fn pool(rng: &mut Rng, count: usize, mut make: impl FnMut(&mut Rng) -> String) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut names = Vec::with_capacity(count);
    // The name space is far larger than any pool; the bound only guards against a loop.
    for _ in 0..count * 50 {
        if names.len() == count {
            break;
        }
        let name = make(rng);
        if seen.insert(name.to_lowercase()) {
            names.push(name);
        }
    }
    names
}

/// A film title, sometimes with accents or CJK.
fn film_title(rng: &mut Rng) -> String {
    let adj = rng.pick(TITLE_ADJECTIVES);
    let noun = rng.pick(TITLE_NOUNS);
    let place = rng.pick(PLACES);
    match rng.below(12) {
        0..=2 => format!("The {adj} {noun}"),
        3 | 4 => format!("{noun} of {place}"),
        5 => format!("{} Miles to {place}", rng.range(1, 99)),
        6 | 7 => format!("{adj} {noun}"),
        8 if noun.starts_with(['A', 'E', 'I', 'O', 'U']) => format!("An {noun} in {place}"),
        8 => format!("A {noun} in {place}"),
        9 => format!("{place}, Mon Amour"),
        10 => format!("{place} 物語"),
        _ => format!("Amélie's {noun}"),
    }
}

/// A folder name from a title: lower-case ASCII words joined by dashes.
fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ç' => Some('c'),
            'ñ' => Some('n'),
            _ => None,
        };
        match plain {
            Some(p) => slug.push(p),
            // Apostrophes vanish ("Amélie's" → "amelies"); other letters without an
            // ASCII form are dropped; anything else separates words.
            None if c == '\'' || c.is_alphanumeric() => {}
            None if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "film".to_owned()
    } else {
        slug.to_owned()
    }
}

/// A cast of 5 to 15 with distinct surnames, roles and aliases.
fn cast(rng: &mut Rng) -> Vec<Cast> {
    let size = rng.range(5, 15);
    let mut used = BTreeSet::new();
    let mut cast = Vec::with_capacity(size);
    while cast.len() < size {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        let cjk = rng.chance(5);
        let actor = if cjk {
            (*rng.pick(CJK_NAMES)).to_owned()
        } else {
            format!("{first} {last}")
        };
        let role = if rng.chance(90) {
            Some(if rng.chance(25) {
                let mut surname = rng.word(LAST_NAMES);
                while surname == *last {
                    surname = rng.word(LAST_NAMES);
                }
                format!("{} {surname}", rng.pick(ROLE_TITLES))
            } else {
                (*rng.pick(ROLE_NAMES)).to_owned()
            })
        } else {
            None
        };
        let surname = if cjk {
            actor.clone()
        } else {
            (*last).to_owned()
        };
        let key_role = role.clone().unwrap_or_default();
        if used.contains(&surname) || (!key_role.is_empty() && used.contains(&key_role)) {
            continue;
        }
        let mut aliases = Vec::new();
        if !cjk && rng.chance(60) {
            aliases.push(surname.clone());
        }
        if role.is_some() && rng.chance(15) {
            let nick = (*rng.pick(NICKNAMES)).to_owned();
            if used.insert(nick.clone()) {
                aliases.push(nick);
            }
        }
        used.insert(surname);
        if !key_role.is_empty() {
            used.insert(key_role);
        }
        cast.push(Cast {
            actor,
            role,
            aliases,
        });
    }
    cast
}

/// Film number `index`, with a slug not yet in `slugs`.
fn film(seed: u64, index: usize, slugs: &mut BTreeSet<String>) -> Film {
    let mut rng = Rng::new(seed, STREAM_FILM, index as u64);
    let title = film_title(&mut rng);
    let year = 1950 + rng.below(76) as i64;
    let mut slug = slugify(&title);
    if slugs.contains(&slug) {
        slug = format!("{slug}-{year}");
    }
    let base = slug.clone();
    let mut n = 2;
    while !slugs.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let release = Day::from_civil(year, 1, 1).plus(rng.below(365));
    let directors = (0..if rng.chance(12) { 2 } else { 1 })
        .map(|_| person_name(&mut rng))
        .collect();
    let based_on = rng.chance(30).then(|| {
        format!(
            "the novel {} {} by {}",
            rng.pick(TITLE_ADJECTIVES),
            rng.pick(TITLE_NOUNS),
            person_name(&mut rng)
        )
    });
    let mut genres: Vec<&'static str> = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let g = *rng.pick(GENRES);
        if !genres.contains(&g) {
            genres.push(g);
        }
    }
    Film {
        slug,
        title,
        year,
        release,
        directors,
        runtime: rng.range(78, 195),
        based_on,
        genres,
        cast: cast(&mut rng),
        quality: 0.35 + rng.unit() * 0.55,
    }
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

/// Writes text about one film from one generator.
struct Text<'a> {
    /// This text's random numbers.
    rng: Rng,
    /// The film the text is about.
    film: &'a Film,
    /// The cast member named last, so a second name in a sentence is someone else.
    last: usize,
}

impl<'a> Text<'a> {
    /// A cast member, favouring the top of the bill; with `other`, not the one named last.
    fn member(&mut self, other: bool) -> &'a Cast {
        let film = self.film;
        let mut i = self.rng.skewed(film.cast.len(), 2);
        while other && i == self.last {
            i = self.rng.below(film.cast.len());
        }
        self.last = i;
        &film.cast[i]
    }

    /// A character name, or the actor's name for an uncredited role.
    fn role(&mut self, other: bool) -> &'a str {
        let m = self.member(other);
        m.role.as_deref().unwrap_or(&m.actor)
    }

    /// A name the text may use for someone: an alias, a role or an actor.
    fn alias(&mut self, other: bool) -> &'a str {
        let m = self.member(other);
        if m.aliases.is_empty() {
            m.role.as_deref().unwrap_or(&m.actor)
        } else {
            &m.aliases[self.rng.below(m.aliases.len())]
        }
    }

    /// Appends `template` with each `{slot}` filled in.
    fn fill(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open
                + rest[open..]
                    .find('}')
                    .expect("templates close their braces");
            self.slot(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    /// Appends the value of one slot.
    fn slot(&mut self, key: &str, out: &mut String) {
        let film = self.film;
        let rng = &mut self.rng;
        match key {
            "actor" => out.push_str(&self.member(false).actor),
            "role" | "role2" => out.push_str(self.role(key.ends_with('2'))),
            "alias" | "alias2" => out.push_str(self.alias(key.ends_with('2'))),
            "ref" | "ref2" => {
                let m = self.member(key.ends_with('2'));
                match &m.role {
                    Some(role) => {
                        let _ = write!(out, "{role} ({})", m.actor);
                    }
                    None => out.push_str(&m.actor),
                }
            }
            "their_role" => {
                let role = film.cast.get(self.last).and_then(|m| m.role.as_deref());
                out.push_str(role.unwrap_or("the part"));
            }
            "director" => out.push_str(rng.pick(&film.directors).as_str()),
            "film" => out.push_str(&film.title),
            "year" => {
                let _ = write!(out, "{}", film.year);
            }
            "runtime" => {
                let _ = write!(out, "{}", film.runtime);
            }
            "genre" => out.push_str(&rng.pick(&film.genres).to_lowercase()),
            "adj" | "adj2" => out.push_str(rng.word(ADJECTIVES)),
            "a_adj" => {
                let adj = rng.word(ADJECTIVES);
                out.push_str(if adj.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an "
                } else {
                    "a "
                });
                out.push_str(adj);
            }
            "scene" => out.push_str(rng.word(SCENES)),
            "feeling" => out.push_str(rng.word(FEELINGS)),
            "instrument" => out.push_str(rng.word(INSTRUMENTS)),
            "place" => out.push_str(rng.word(PLACES)),
            "foreign" => out.push_str(rng.word(FOREIGN)),
            "emoji" => out.push_str(rng.word(EMOJI)),
            "quote" => out.push_str(rng.word(QUOTES)),
            "tagline" => out.push_str(rng.word(TAGLINES)),
            "event" => {
                let event = *rng.pick(EVENTS);
                self.fill(event, out);
            }
            _ => unreachable!("unknown slot {key}"),
        }
    }

    /// One sentence, now and then with an emoji or a foreign aside.
    fn sentence(&mut self, templates: &[&str], out: &mut String) {
        let template = *self.rng.pick(templates);
        self.fill(template, out);
        match self.rng.below(100) {
            0..=5 => {
                out.push(' ');
                out.push_str(self.rng.word(EMOJI));
            }
            6..=8 => {
                out.push_str(" (");
                out.push_str(self.rng.word(FOREIGN));
                out.push(')');
            }
            _ => {}
        }
    }

    /// A spoiler sentence, `||` markers included.
    fn spoiler(&mut self, out: &mut String) {
        out.push_str("||");
        self.fill("{role} {event}.", out);
        out.push_str("||");
    }

    /// A paragraph of 2 to 6 sentences; in a spoilery review some hide a plot turn.
    fn paragraph(&mut self, spoilery: bool, out: &mut String) {
        let n = self.rng.range(2, 6);
        let spoil_at = (spoilery && self.rng.chance(25)).then(|| self.rng.below(n));
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            if spoil_at == Some(i) {
                self.spoiler(out);
            } else if self.rng.chance(5) {
                out.push('*');
                let template = self.plain_template();
                self.fill(template, out);
                out.push('*');
            } else {
                self.sentence(SENTENCES, out);
            }
        }
    }

    /// A sentence template with no Markdown of its own, for wrapping in emphasis.
    fn plain_template(&mut self) -> &'static str {
        loop {
            let t = *self.rng.pick(SENTENCES);
            if !t.contains('*') {
                return t;
            }
        }
    }

    /// A heading line.
    fn heading(&mut self, out: &mut String) {
        let level = match self.rng.below(20) {
            0 => "#",
            1..=4 => "###",
            _ => "##",
        };
        out.push_str(level);
        out.push(' ');
        out.push_str(self.rng.word(HEADINGS));
    }

    /// A bulleted or numbered list, or a pros and cons pair.
    fn list(&mut self, out: &mut String) {
        match self.rng.below(3) {
            0 => {
                for i in 0..self.rng.range(3, 6) {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("- ");
                    self.item(out);
                }
            }
            1 => {
                for i in 1..=self.rng.range(3, 5) {
                    let _ = write!(out, "{}{i}. ", if i > 1 { "\n" } else { "" });
                    self.item(out);
                }
            }
            _ => {
                out.push_str("**Pros**\n\n");
                for i in 0..self.rng.range(2, 4) {
                    out.push_str(if i > 0 { "\n- " } else { "- " });
                    self.item(out);
                }
                out.push_str("\n\n**Cons**\n\n- ");
                self.item(out);
            }
        }
    }

    /// Appends one list item.
    fn item(&mut self, out: &mut String) {
        let template = *self.rng.pick(ITEMS);
        self.fill(template, out);
    }

    /// The film's credits as a list, like the bundled reviews end with.
    fn credits(&mut self, out: &mut String) {
        let film = self.film;
        let _ = write!(
            out,
            "- **Director(s):** {}\n- **Genre:** {}\n- **Running time:** {}h {}m\n- **Starring:** ",
            film.directors.join(", "),
            film.genres.join(", "),
            film.runtime / 60,
            film.runtime % 60
        );
        let billed: Vec<&str> = film.cast.iter().take(4).map(|c| c.actor.as_str()).collect();
        out.push_str(&billed.join(", "));
    }

    /// One block: mostly paragraphs, sometimes a list, caption or quote.
    fn block(&mut self, spoilery: bool, out: &mut String) {
        match self.rng.below(100) {
            0..=6 => self.list(out),
            7..=9 => self.fill("![{ref} in the {scene} scene]()", out),
            10..=12 => self.fill("> \"{quote}\" — {role}", out),
            _ => self.paragraph(spoilery, out),
        }
    }

    /// A review body of `paragraphs` blocks, or (with `at_least`) of at least that many bytes.
    fn review_body(&mut self, paragraphs: usize, at_least: usize) -> String {
        let mut out = String::with_capacity(at_least.max(paragraphs * 400) + 256);
        let headings = at_least > 0 || self.rng.chance(55);
        let spoilery = self.rng.chance(18);
        let mut since_heading = 0;
        let mut gap = self.rng.range(2, 5);
        if headings && self.rng.chance(50) {
            self.heading(&mut out);
            out.push_str("\n\n");
        }
        let mut written = 0;
        while written < paragraphs || out.len() < at_least {
            if headings && since_heading >= gap {
                self.heading(&mut out);
                out.push_str("\n\n");
                since_heading = 0;
                gap = self.rng.range(2, 6);
            }
            if spoilery && written + 1 < paragraphs && self.rng.chance(5) {
                // A spoiler that runs across two paragraphs.
                out.push_str("||");
                self.paragraph(false, &mut out);
                out.push_str("\n\n");
                self.paragraph(false, &mut out);
                out.push_str("||\n\n");
                written += 2;
            } else {
                self.block(spoilery, &mut out);
                out.push_str("\n\n");
                written += 1;
            }
            since_heading += 1;
        }
        if self.rng.chance(30) {
            self.credits(&mut out);
            out.push('\n');
        } else {
            out.pop();
        }
        out
    }

    /// A trailer post's body: one to three short paragraphs.
    fn preview_body(&mut self) -> String {
        let mut out = String::new();
        for p in 0..self.rng.range(1, 3) {
            if p > 0 {
                out.push_str("\n\n");
            }
            for s in 0..self.rng.range(2, 4) {
                if s > 0 {
                    out.push(' ');
                }
                self.sentence(PREVIEW_SENTENCES, &mut out);
            }
        }
        if self.rng.chance(30) {
            out.push_str("\n\n");
            self.fill("![{ref} in the trailer]()", &mut out);
        }
        out.push('\n');
        out
    }

    /// A comment's text; a reply may greet the parent's author.
    fn comment(&mut self, parent_author: Option<&str>) -> String {
        let mut out = String::new();
        if let Some(author) = parent_author.filter(|_| self.rng.chance(40)) {
            let _ = write!(out, "@{author} ");
        }
        match self.rng.below(100) {
            0..=59 => self.sentence(COMMENTS, &mut out),
            60..=91 => {
                for i in 0..self.rng.range(2, 3) {
                    if i > 0 {
                        out.push(' ');
                    }
                    let pool = if self.rng.chance(50) {
                        COMMENTS
                    } else {
                        SENTENCES
                    };
                    self.sentence(pool, &mut out);
                }
            }
            _ => {
                self.paragraph(false, &mut out);
                out.push_str("\n\n");
                self.paragraph(false, &mut out);
            }
        }
        if self.rng.chance(6) {
            out.push_str(" Also ");
            self.spoiler(&mut out);
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// TOML
// ---------------------------------------------------------------------------------------

/// A TOML string literal for `s`, quoted and escaped by the `toml` crate.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A TOML array of strings.
fn string_array<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// A float as TOML writes it: always with a decimal point.
fn float(x: f64) -> String {
    format!("{x:?}")
}

/// The text of `film.toml`.
fn film_toml(film: &Film) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title = {}", quoted(&film.title));
    let _ = writeln!(out, "year = {}", film.year);
    let _ = writeln!(out, "directors = {}", string_array(&film.directors));
    let _ = writeln!(out, "runtime_minutes = {}", film.runtime);
    if let Some(based_on) = &film.based_on {
        let _ = writeln!(out, "based_on = {}", quoted(based_on));
    }
    let _ = writeln!(out, "genres = {}", string_array(&film.genres));
    for member in &film.cast {
        let _ = write!(out, "\n[[cast]]\nactor = {}\n", quoted(&member.actor));
        if let Some(role) = &member.role {
            let _ = writeln!(out, "role = {}", quoted(role));
        }
        if !member.aliases.is_empty() {
            let _ = writeln!(out, "aliases = {}", string_array(&member.aliases));
        }
    }
    out
}

/// What the whole library needs to write one review.
struct Shared<'a> {
    /// The generator's seed.
    seed: u64,
    /// Review authors.
    reviewers: &'a [String],
    /// Comment authors.
    commenters: &'a [String],
}

/// One review to write.
struct ReviewPlan {
    /// Its number in the library, from 1.
    number: usize,
    /// How many comments it gets.
    comments: usize,
    /// Its minimum size in bytes when it is one of the huge ones, else 0.
    huge_bytes: usize,
}

/// The text of one review file.
fn review_toml(shared: &Shared, film: &Film, plan: &ReviewPlan) -> String {
    let mut text = Text {
        rng: Rng::new(shared.seed, STREAM_REVIEW, plan.number as u64),
        film,
        last: usize::MAX,
    };
    let preview = plan.huge_bytes == 0 && text.rng.chance(8);
    let mut out = String::new();
    let mut title = String::new();
    let template = *text.rng.pick(if preview {
        PREVIEW_TITLES
    } else {
        REVIEW_TITLES
    });
    text.fill(template, &mut title);
    let _ = writeln!(out, "title = {}", quoted(&title));
    if preview {
        out.push_str("kind = \"preview\"\n");
    } else if text.rng.chance(15) {
        out.push_str("kind = \"review\"\n");
    }
    let source = text.rng.chance(70).then(|| *text.rng.pick(SOURCES));
    if let Some(source) = source {
        let _ = writeln!(out, "source = {}", quoted(source));
    }
    if text.rng.chance(85) {
        let reviewer = &shared.reviewers[text.rng.skewed(shared.reviewers.len(), 3)];
        let _ = writeln!(out, "reviewer = {}", quoted(reviewer));
    }
    let published = if preview {
        Day(film.release.0 - 10 - text.rng.below(200) as i64)
    } else {
        // Mostly within two years of release, some long after; never in the last weeks
        // before LAST_DAY, so comments have room.
        let room = (LAST_DAY.0 - film.release.0 - 60).max(1) as usize;
        let span = if text.rng.chance(75) { 730 } else { 9000 };
        film.release.plus(text.rng.below(span.min(room)))
    };
    let dated = text.rng.chance(70);
    if dated {
        let _ = writeln!(out, "published = {published}");
    }
    if text.rng.chance(50) {
        let site = source.map_or_else(|| "reviews".to_owned(), slugify);
        let _ = writeln!(
            out,
            "url = \"https://{site}.example.com/{}/r{}\"",
            film.slug, plan.number
        );
    }
    let body = if preview {
        text.preview_body()
    } else {
        let paragraphs = match text.rng.below(100) {
            0..=29 => text.rng.range(1, 3),
            30..=79 => text.rng.range(4, 10),
            80..=96 => text.rng.range(11, 30),
            _ => text.rng.range(31, 90),
        };
        text.review_body(paragraphs, plan.huge_bytes)
    };
    if text.rng.chance(40) {
        let words = body.split_whitespace().count();
        let _ = writeln!(out, "read_minutes = {}", (words / 230).max(1));
    }
    if !preview && text.rng.chance(60) {
        let _ = writeln!(out, "rating = {}", rating(&mut text.rng, film.quality));
    }
    if text.rng.chance(35) {
        let _ = writeln!(
            out,
            "audience_rating = {}",
            audience(&mut text.rng, film.quality)
        );
    }
    let _ = writeln!(out, "body = {}", quoted(&body));
    comments_toml(&mut text, shared, plan.comments, published, &mut out);
    out
}

/// A critic's score near `quality`, on a 5, 10 or 100 point scale.
fn rating(rng: &mut Rng, quality: f64) -> String {
    let share = (quality + (rng.unit() - 0.5) * 0.5).clamp(0.05, 1.0);
    let (score, max) = match rng.below(10) {
        0..=4 => (((share * 10.0).round() / 2.0).max(0.5), 5.0),
        5..=7 if rng.chance(60) => ((share * 10.0).round().max(1.0), 10.0),
        5..=7 => ((share * 20.0).round() / 2.0, 10.0),
        _ => ((share * 100.0).round(), 100.0),
    };
    format!("{{ score = {}, max = {} }}", float(score), float(max))
}

/// An audience score near `quality`, to two decimals, usually with a vote count.
fn audience(rng: &mut Rng, quality: f64) -> String {
    let share = (quality + (rng.unit() - 0.5) * 0.3).clamp(0.0, 1.0);
    let max = if rng.chance(70) { 5.0 } else { 10.0 };
    let score = ((share * max * 100.0).round() / 100.0).min(max);
    let mut out = format!("{{ score = {}, max = {}", float(score), float(max));
    if rng.chance(75) {
        let _ = write!(out, ", votes = {}", 1 + rng.skewed(5000, 3));
    }
    out.push_str(" }");
    out
}

/// Appends `count` `[[comments]]` tables, dated from `start` on; some reply to earlier ones.
fn comments_toml(text: &mut Text, shared: &Shared, count: usize, start: Day, out: &mut String) {
    let mut authors: Vec<Option<&str>> = Vec::with_capacity(count);
    // Comments spread over up to two years after the review, in order, a few a day.
    let window = ((LAST_DAY.0 - start.0).max(0) as usize)
        .min(730)
        .min(count * 3);
    for i in 0..count {
        let number = i + 1;
        let replies_to = (number > 1 && text.rng.chance(30)).then(|| {
            if text.rng.chance(60) {
                // Mostly the last few comments: conversations run on.
                text.rng.range(number.saturating_sub(5).max(1), number - 1)
            } else {
                text.rng.range(1, number - 1)
            }
        });
        let parent_author = replies_to.and_then(|p| authors[p - 1]);
        let body = text.comment(parent_author);
        let author = text
            .rng
            .chance(88)
            .then(|| shared.commenters[text.rng.skewed(shared.commenters.len(), 2)].as_str());
        authors.push(author);
        let _ = write!(out, "\n[[comments]]\ntext = {}\n", quoted(&body));
        if let Some(author) = author {
            let _ = writeln!(out, "author = {}", quoted(author));
        }
        let day = start.plus(i * window / count.max(1) + text.rng.below(2));
        if text.rng.chance(65) {
            let _ = writeln!(out, "posted = {day}");
        }
        if text.rng.chance(5) {
            let site =
                *text
                    .rng
                    .pick(&["Twitter: ", "Instagram: @", "Letterboxd: ", "Mastodon: @"]);
            let handle = slugify(author.unwrap_or("anon")).replace('-', "");
            let _ = writeln!(out, "contact = {}", quoted(&format!("{site}{handle}")));
        }
        if let Some(parent) = replies_to {
            let _ = writeln!(out, "replies_to = {parent}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Writing the library
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
