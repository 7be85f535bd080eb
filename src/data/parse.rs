//! Film and review files parsed one at a time: the film or review, or the error that
//! stopped it, plus warnings (unknown keys, empty text, unclosed spoilers, bad replies).

use serde::de::DeserializeOwned;

use super::decode::decode;
use super::model::{Film, Review};
use super::toml_diag::{at_key, nesting_error, segments, toml_error, unknown_keys};
use crate::diagnostic::{Diagnostic, Severity};

/// A file's display path and contents, wherever it came from (disk or the binary).
pub(crate) struct SourceFile {
    pub path: String,
    /// The contents, or the whole message saying why they were not read.
    pub bytes: Result<Vec<u8>, String>,
}

impl SourceFile {
    pub(super) fn parse<T>(
        &self,
        parse: impl FnOnce(&str, &[u8]) -> Result<(T, Vec<Diagnostic>), Diagnostic>,
    ) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
        match &self.bytes {
            Ok(bytes) => parse(&self.path, bytes),
            Err(message) => Err(Diagnostic::whole_file(&self.path, Severity::Error, message)),
        }
    }
}

/// Parses `film.toml` text: the film, or the error that stopped it, plus warnings.
pub fn parse_film(path: &str, bytes: &[u8]) -> Result<(Film, Vec<Diagnostic>), Diagnostic> {
    let text = decode(path, bytes)?;
    let (mut film, warnings): (Film, _) = parse_toml(path, text, "every film needs a title")?;
    film.sanitize();
    if film.title.is_empty() {
        return Err(at_key(
            path,
            text,
            &["title"],
            Severity::Error,
            "title is empty: the film needs one",
        ));
    }
    let mut warnings = warnings;
    // A cast member with no name would be a blank row in the sidebar: left out, and said.
    let mut i = 0;
    film.cast.retain(|member| {
        i += 1;
        let named = !member.actor.trim().is_empty();
        if !named {
            let index = (i - 1).to_string();
            warnings.push(at_key(
                path,
                text,
                &["cast", &index],
                Severity::Warning,
                &format!("cast member #{i} has no actor; left out (the film and the rest of its cast load)"),
            ));
        }
        named
    });
    Ok((film, warnings))
}

/// Parses a review file's text; `id` is the file stem.
pub fn parse_review(
    path: &str,
    id: &str,
    bytes: &[u8],
) -> Result<(Review, Vec<Diagnostic>), Diagnostic> {
    let text = decode(path, bytes)?;
    let (mut review, mut warnings): (Review, _) =
        parse_toml(path, text, "every review needs title and body")?;
    review.id = super::sanitize_line(id);
    review.sanitize();
    if review.title.is_empty() {
        return Err(at_key(
            path,
            text,
            &["title"],
            Severity::Error,
            "title is empty: every review needs one",
        ));
    }
    if review.body.trim().is_empty() {
        warnings.push(at_key(
            path,
            text,
            &["body"],
            Severity::Warning,
            "body is empty",
        ));
    }
    if let Some(url) = review.url.as_deref() {
        let message = match super::link_refusal(url) {
            None => None,
            Some(super::LinkRefusal::NotWeb) => Some(format!(
                "url `{url}` is not an http(s) link; it will not be opened or copied"
            )),
            Some(super::LinkRefusal::Hidden) => Some(
                "url holds control, invisible or whitespace characters; it will not be copied or opened"
                    .to_owned(),
            ),
        };
        if let Some(message) = message {
            warnings.push(at_key(path, text, &["url"], Severity::Warning, &message));
        }
    }
    let unclosed = |text: &str| text.matches("||").count() % 2 == 1;
    if unclosed(&review.body) {
        warnings.push(at_key(
            path,
            text,
            &["body"],
            Severity::Warning,
            "unclosed spoiler: an odd number of || markers hides everything after the last one",
        ));
    }
    for i in 0..review.comments.len() {
        if unclosed(&review.comments[i].text) {
            let index = i.to_string();
            warnings.push(at_key(
                path,
                text,
                &["comments", &index, "text"],
                Severity::Warning,
                "unclosed spoiler: an odd number of || markers hides the rest of the comment",
            ));
        }
        let number = i + 1;
        if let Some(parent) = review.comments[i].replies_to
            && !(1..number).contains(&(parent as usize))
        {
            review.comments[i].replies_to = None;
            let message = format!(
                "comment #{number} replies_to = {parent} must name an earlier comment (1 to {}); shown unthreaded",
                number - 1
            );
            let index = i.to_string();
            warnings.push(at_key(
                path,
                text,
                &["comments", &index, "replies_to"],
                Severity::Warning,
                &message,
            ));
        }
    }
    warnings.sort_by_key(|d| (d.line, d.column));
    Ok((review, warnings))
}

/// Deserializes `text`, collecting every key the model does not know as a warning;
/// `required` says which fields a missing one is among.
fn parse_toml<T: DeserializeOwned>(
    path: &str,
    text: &str,
    required: &str,
) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
    if let Some(error) = nesting_error(path, text) {
        return Err(error);
    }
    let error = |e: toml::de::Error| toml_error(path, text, &e, required);
    let deserializer = toml::Deserializer::parse(text).map_err(error)?;
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(deserializer, |path| unknown.push(segments(&path)))
        .map_err(error)?;
    Ok((value, unknown_keys(path, text, &unknown)))
}

#[cfg(test)]
mod tests {
    use super::parse_review;

    fn warnings(text: &str) -> Vec<String> {
        let (_, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn unknown_keys_are_located_by_the_parser_not_by_text_search() {
        let text = "# mood = in a comment\ntitle = \"t\"\nbody = \"\"\"\nmood = in the body\n\"\"\"\nmood = 1\n[[comments]]\ntext = \"a\"\n[[comments]]\ntext = \"b\"\nmood = 2\n";
        assert_eq!(
            warnings(text),
            [
                "r.toml:6:1: warning: unknown key `mood` ignored",
                "r.toml:11:1: warning: unknown key `comments[2].mood` ignored",
            ]
        );
    }

    #[test]
    fn an_empty_title_is_an_error_and_an_empty_body_a_warning() {
        let error =
            parse_review("r.toml", "r", b"body = \"x\"\ntitle = \" \"\n").expect_err("empty title");
        assert_eq!(
            error.to_string(),
            "r.toml:2:1: error: title is empty: every review needs one"
        );
        assert_eq!(
            warnings("title = \"t\"\nbody = \"\"\n"),
            ["r.toml:2:1: warning: body is empty"]
        );
    }

    #[test]
    fn a_reply_must_name_an_earlier_comment() {
        let text = "title = \"t\"\nbody = \"b\"\n[[comments]]\ntext = \"a\"\n[[comments]]\ntext = \"b\"\nreplies_to = 1\n[[comments]]\ntext = \"c\"\nreplies_to = 3\n";
        let (review, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        assert_eq!(review.comments[1].replies_to, Some(1));
        assert_eq!(review.comments[2].replies_to, None);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .to_string()
                .starts_with("r.toml:10:1: warning: comment #3 replies_to = 3"),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn a_reply_number_too_large_for_any_comment_is_a_warning_not_a_lost_review() {
        let text =
            "title = \"t\"\nbody = \"b\"\n[[comments]]\ntext = \"a\"\nreplies_to = 99999999999\n";
        let (review, warnings) = parse_review("r.toml", "r", text.as_bytes()).expect("parses");
        assert_eq!(review.comments[0].replies_to, None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .to_string()
                .contains("must name an earlier comment"),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn an_unclosed_spoiler_is_a_warning() {
        assert_eq!(
            warnings("title = \"t\"\nbody = \"a ||b\"\n"),
            [
                "r.toml:2:1: warning: unclosed spoiler: an odd number of || markers hides everything after the last one"
            ]
        );
        assert!(warnings("title = \"t\"\nbody = \"a ||b|| c\"\n").is_empty());
    }

    #[test]
    fn unknown_keys_in_inline_tables_are_located() {
        let text = "title = \"t\"\nbody = \"b\"\nrating = { score = 3.0, max = 5.0, note = \"stars = 9\", stars = 3 }\n";
        assert_eq!(
            warnings(text),
            [
                "r.toml:3:36: warning: unknown key `rating.note` ignored",
                "r.toml:3:56: warning: unknown key `rating.stars` ignored",
            ]
        );
    }
}
