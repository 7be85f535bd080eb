//! Which URLs the client fetches, and where a redirect's `Location` points: resolved
//! against the current URL (RFC 3986, section 5), only ever to http or https.

use ureq::http::Uri;

/// The longest piece of a server's text quoted in a message.
const QUOTE_MAX: usize = 120;

/// A URL the caller asked for, if it is one the client may fetch.
pub(super) fn parse_initial(url: &str) -> Result<Uri, String> {
    let url = url.trim();
    match scheme_of(url) {
        Some(scheme) if is_http(scheme) => {
            parse_absolute(url).ok_or_else(|| "not a valid URL".to_owned())
        }
        _ => Err("only http and https URLs can be fetched".to_owned()),
    }
}

/// The URL a redirect from `base` to `location` leads to, or why it is not followed.
pub(super) fn resolve(base: &Uri, location: &str) -> Result<Uri, String> {
    let location = location.trim();
    let reference = location.split('#').next().unwrap_or_default();
    let target = match scheme_of(reference) {
        Some(scheme) if is_http(scheme) => reference.to_owned(),
        Some(_) => {
            return Err(format!(
                "refused redirect to {}: only http and https are followed",
                quote(location)
            ));
        }
        None => join(base, reference),
    };
    parse_absolute(&target).ok_or_else(|| format!("bad redirect to {}", quote(location)))
}

/// `text`, cut short enough for a one-line message.
pub(super) fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// `url` as an absolute http(s) URL with a host, or `None`.
fn parse_absolute(url: &str) -> Option<Uri> {
    let uri: Uri = url.parse().ok()?;
    let has_host = uri.host().is_some_and(|host| !host.is_empty());
    (uri.scheme_str().is_some_and(is_http) && has_host).then_some(uri)
}

fn is_http(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// The scheme of an absolute reference (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
fn scheme_of(reference: &str) -> Option<&str> {
    let end = reference.find(':')?;
    let scheme = &reference[..end];
    let mut chars = scheme.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_fits = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_well && rest_fits).then_some(scheme)
}

/// A relative reference (no scheme) made absolute against `base`.
fn join(base: &Uri, reference: &str) -> String {
    let scheme = base.scheme_str().unwrap_or("http");
    if reference.starts_with("//") {
        return format!("{scheme}:{reference}");
    }
    let authority = base.authority().map_or("", |authority| authority.as_str());
    let (path, query) = match reference.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (reference, None),
    };
    let merged = if path.is_empty() {
        // Only a query (or nothing): the base's path, and its query when none is given.
        let query = query.or(base.query());
        let base_path = base.path();
        return match query {
            Some(query) => format!("{scheme}://{authority}{base_path}?{query}"),
            None => format!("{scheme}://{authority}{base_path}"),
        };
    } else if path.starts_with('/') {
        remove_dots(path)
    } else {
        let base_path = base.path();
        let directory = base_path
            .rfind('/')
            .map_or("/", |slash| &base_path[..=slash]);
        remove_dots(&format!("{directory}{path}"))
    };
    match query {
        Some(query) => format!("{scheme}://{authority}{merged}?{query}"),
        None => format!("{scheme}://{authority}{merged}"),
    }
}

/// An absolute path without `.` and `..` segments (RFC 3986, 5.2.4).
fn remove_dots(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for segment in path.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    let mut out = format!("/{}", kept.join("/"));
    let ends_in_dots = matches!(path.rsplit('/').next(), Some("." | ".."));
    if ends_in_dots && !out.ends_with('/') {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(base: &str, location: &str) -> Result<String, String> {
        let base: Uri = base.parse().expect("a base URL");
        resolve(&base, location).map(|uri| uri.to_string())
    }

    #[test]
    fn relative_locations_resolve_against_the_current_url() {
        let base = "http://example.org/a/b/feed.xml?x=1";
        assert_eq!(
            from(base, "other.xml"),
            Ok("http://example.org/a/b/other.xml".into())
        );
        assert_eq!(from(base, "../up"), Ok("http://example.org/a/up".into()));
        assert_eq!(from(base, "./"), Ok("http://example.org/a/b/".into()));
        assert_eq!(
            from(base, "../../../../top"),
            Ok("http://example.org/top".into())
        );
        assert_eq!(
            from(base, "/root?q=2"),
            Ok("http://example.org/root?q=2".into())
        );
        assert_eq!(
            from(base, "?q=3"),
            Ok("http://example.org/a/b/feed.xml?q=3".into())
        );
        assert_eq!(
            from(base, "#part"),
            Ok("http://example.org/a/b/feed.xml?x=1".into())
        );
        assert_eq!(
            from(base, "//cdn.example.net/f"),
            Ok("http://cdn.example.net/f".into())
        );
        assert_eq!(
            from("https://h:8443/a", "b/./c/.."),
            Ok("https://h:8443/b/".into())
        );
    }

    #[test]
    fn absolute_http_locations_are_taken_as_they_are() {
        let base = "http://example.org/feed";
        assert_eq!(
            from(base, "https://other.net/x#y"),
            Ok("https://other.net/x".into())
        );
        assert_eq!(
            from(base, " HTTP://Other.net/ "),
            Ok("http://Other.net/".into())
        );
    }

    #[test]
    fn other_schemes_are_refused_and_named() {
        let base = "http://example.org/feed";
        assert_eq!(
            from(base, "file:///etc/passwd"),
            Err("refused redirect to file:///etc/passwd: only http and https are followed".into())
        );
        assert!(from(base, "FTP://x/y").is_err_and(|e| e.contains("FTP://x/y")));
        assert!(from(base, "javascript:alert(1)").is_err());
        assert!(from(base, "http://").is_err_and(|e| e == "bad redirect to http://"));
    }

    #[test]
    fn a_path_with_a_colon_later_on_is_relative() {
        let base = "http://example.org/a/";
        assert_eq!(
            from(base, "b:c/d").map(|_| ()),
            Err("refused redirect to b:c/d: only http and https are followed".into())
        );
        assert_eq!(from(base, "./b:c"), Ok("http://example.org/a/b:c".into()));
        assert_eq!(from(base, "1b:c"), Ok("http://example.org/a/1b:c".into()));
    }

    #[test]
    fn only_http_urls_with_a_host_can_be_fetched() {
        assert!(parse_initial("https://example.org/feed").is_ok());
        let with_fragment = parse_initial("http://example.org/feed?a=1#top").map(|u| u.to_string());
        assert_eq!(with_fragment, Ok("http://example.org/feed?a=1".into()));
        assert_eq!(
            parse_initial("file:///etc/passwd").map(|_| ()),
            Err("only http and https URLs can be fetched".into())
        );
        assert_eq!(
            parse_initial("example.org/feed").map(|_| ()),
            Err("only http and https URLs can be fetched".into())
        );
        assert_eq!(
            parse_initial("http:///nohost").map(|_| ()),
            Err("not a valid URL".into())
        );
    }

    #[test]
    fn long_quotes_are_cut() {
        let long = "x".repeat(500);
        assert_eq!(quote(&long).chars().count(), QUOTE_MAX + 1);
        assert_eq!(quote("short"), "short");
    }
}
