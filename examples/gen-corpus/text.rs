use super::*;

/// Writes text about one film from one generator.
pub(crate) struct Text<'a> {
    /// This text's random numbers.
    pub(crate) rng: Rng,
    /// The film the text is about.
    pub(crate) film: &'a Film,
    /// The cast member named last, so a second name in a sentence is someone else.
    pub(crate) last: usize,
}

impl<'a> Text<'a> {
    /// A cast member, favouring the top of the bill; with `other`, not the one named last.
    pub(crate) fn member(&mut self, other: bool) -> &'a Cast {
        let film = self.film;
        let mut i = self.rng.skewed(film.cast.len(), 2);
        while other && i == self.last {
            i = self.rng.below(film.cast.len());
        }
        self.last = i;
        &film.cast[i]
    }

    /// A character name, or the actor's name for an uncredited role.
    pub(crate) fn role(&mut self, other: bool) -> &'a str {
        let m = self.member(other);
        m.role.as_deref().unwrap_or(&m.actor)
    }

    /// A name the text may use for someone: an alias, a role or an actor.
    pub(crate) fn alias(&mut self, other: bool) -> &'a str {
        let m = self.member(other);
        if m.aliases.is_empty() {
            m.role.as_deref().unwrap_or(&m.actor)
        } else {
            &m.aliases[self.rng.below(m.aliases.len())]
        }
    }

    /// Appends `template` with each `{slot}` filled in.
    pub(crate) fn fill(&mut self, template: &str, out: &mut String) {
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
    pub(crate) fn slot(&mut self, key: &str, out: &mut String) {
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
    pub(crate) fn sentence(&mut self, templates: &[&str], out: &mut String) {
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
    pub(crate) fn spoiler(&mut self, out: &mut String) {
        out.push_str("||");
        self.fill("{role} {event}.", out);
        out.push_str("||");
    }

    /// A paragraph of 2 to 6 sentences; in a spoilery review some hide a plot turn.
    pub(crate) fn paragraph(&mut self, spoilery: bool, out: &mut String) {
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
    pub(crate) fn plain_template(&mut self) -> &'static str {
        loop {
            let t = *self.rng.pick(SENTENCES);
            if !t.contains('*') {
                return t;
            }
        }
    }

    /// A heading line.
    pub(crate) fn heading(&mut self, out: &mut String) {
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
    pub(crate) fn list(&mut self, out: &mut String) {
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
    pub(crate) fn item(&mut self, out: &mut String) {
        let template = *self.rng.pick(ITEMS);
        self.fill(template, out);
    }

    /// The film's credits as a list, like the bundled reviews end with.
    pub(crate) fn credits(&mut self, out: &mut String) {
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
    pub(crate) fn block(&mut self, spoilery: bool, out: &mut String) {
        match self.rng.below(100) {
            0..=6 => self.list(out),
            7..=9 => self.fill("![{ref} in the {scene} scene]()", out),
            10..=12 => self.fill("> \"{quote}\" — {role}", out),
            _ => self.paragraph(spoilery, out),
        }
    }

    /// A review body of `paragraphs` blocks, or (with `at_least`) of at least that many bytes.
    pub(crate) fn review_body(&mut self, paragraphs: usize, at_least: usize) -> String {
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
    pub(crate) fn preview_body(&mut self) -> String {
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
    pub(crate) fn comment(&mut self, parent_author: Option<&str>) -> String {
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
