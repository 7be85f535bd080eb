use super::*;

/// One cast member as written to `film.toml`.
pub(crate) struct Cast {
    /// The performer.
    pub(crate) actor: String,
    /// The character, when stated.
    pub(crate) role: Option<String>,
    /// Other names the texts use.
    pub(crate) aliases: Vec<String>,
}

/// One film: the facts for `film.toml` and what its reviews draw on.
pub(crate) struct Film {
    /// The collection folder's name.
    pub(crate) slug: String,
    /// The film's title.
    pub(crate) title: String,
    /// Release year.
    pub(crate) year: i64,
    /// Release day, where review dates start.
    pub(crate) release: Day,
    /// Directors.
    pub(crate) directors: Vec<String>,
    /// Running time.
    pub(crate) runtime: usize,
    /// The adapted work, if any.
    pub(crate) based_on: Option<String>,
    /// Genres.
    pub(crate) genres: Vec<&'static str>,
    /// Cast in billing order.
    pub(crate) cast: Vec<Cast>,
    /// How good the critics find it, 0 to 1; ratings scatter around it.
    pub(crate) quality: f64,
}

/// A person's name: mostly "First Last", sometimes CJK or with combining marks.
pub(crate) fn person_name(rng: &mut Rng) -> String {
    if rng.chance(6) {
        (*rng.pick(CJK_NAMES)).to_owned()
    } else {
        format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
    }
}

/// A commenter's name: a person, an initial, or a handle.
pub(crate) fn commenter_name(rng: &mut Rng, reviewers: &[String]) -> String {
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
pub(crate) fn pool(
    rng: &mut Rng,
    count: usize,
    mut make: impl FnMut(&mut Rng) -> String,
) -> Vec<String> {
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
pub(crate) fn film_title(rng: &mut Rng) -> String {
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
pub(crate) fn slugify(title: &str) -> String {
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
pub(crate) fn cast(rng: &mut Rng) -> Vec<Cast> {
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
pub(crate) fn film(seed: u64, index: usize, slugs: &mut BTreeSet<String>) -> Film {
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
