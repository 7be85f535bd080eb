use super::*;

/// A TOML string literal for `s`, quoted and escaped by the `toml` crate.
pub(crate) fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A TOML array of strings.
pub(crate) fn string_array<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// A float as TOML writes it: always with a decimal point.
pub(crate) fn float(x: f64) -> String {
    format!("{x:?}")
}

/// The text of `film.toml`.
pub(crate) fn film_toml(film: &Film) -> String {
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
pub(crate) struct Shared<'a> {
    /// The generator's seed.
    pub(crate) seed: u64,
    /// Review authors.
    pub(crate) reviewers: &'a [String],
    /// Comment authors.
    pub(crate) commenters: &'a [String],
}

/// One review to write.
pub(crate) struct ReviewPlan {
    /// Its number in the library, from 1.
    pub(crate) number: usize,
    /// How many comments it gets.
    pub(crate) comments: usize,
    /// Its minimum size in bytes when it is one of the huge ones, else 0.
    pub(crate) huge_bytes: usize,
}

/// The text of one review file.
pub(crate) fn review_toml(shared: &Shared, film: &Film, plan: &ReviewPlan) -> String {
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
pub(crate) fn rating(rng: &mut Rng, quality: f64) -> String {
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
pub(crate) fn audience(rng: &mut Rng, quality: f64) -> String {
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
pub(crate) fn comments_toml(
    text: &mut Text,
    shared: &Shared,
    count: usize,
    start: Day,
    out: &mut String,
) {
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
