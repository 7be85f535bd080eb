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
