//! Any bytes as a review body, sanitised as the loader does, laid out at a width taken
//! from the first byte: layout must never panic, and no line may carry a control
//! character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reelread::data::{Comment, parse_review, sanitize};
use reelread::doc::{self, Options, spoiler};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // Widths 0 to 127 (`build` treats 0 as 1); the low bit reveals spoilers.
    let width = usize::from(first >> 1);
    let reveal = first & 1 == 1;
    let text = sanitize(&String::from_utf8_lossy(rest));

    let (mut review, _) = parse_review("f.toml", "f", b"title = \"Fuzz\"\nbody = \"\"\n")
        .expect("the template review parses");
    review.body.clone_from(&text);
    review.comments = vec![
        Comment {
            text: text.clone(),
            author: Some("Someone".to_owned()),
            ..Comment::default()
        },
        Comment {
            text: text.clone(),
            replies_to: Some(1),
            ..Comment::default()
        },
    ];
    let options = Options {
        width,
        reveal_spoilers: reveal,
        ..Options::default()
    };
    let laid_out = doc::build(&review, &options);
    for line in laid_out.plain_lines() {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }

    let lines = doc::render_markdown(
        &text,
        width.max(1),
        spoiler::Spoilers::labelled(reveal, spoiler::PLACEHOLDER),
    );
    for line in &lines {
        for span in &line.spans {
            assert!(!span.content.chars().any(char::is_control), "{span:?}");
        }
    }
});
