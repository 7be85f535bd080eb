//! Resolving a page's relative `href`s against its URL (RFC 3986, the parts pages use).

/// `href` made absolute against `base`; `None` when `base` has no scheme and host.
pub(super) fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if has_scheme(href) {
        return Some(href.to_owned());
    }
    let (scheme, rest) = base.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path_etc) = rest.split_at(authority_end);
    if scheme.is_empty() || authority.is_empty() {
        return None;
    }
    let origin = format!("{scheme}://{authority}");
    let base_path_query = path_etc.split('#').next().unwrap_or_default();
    let base_path = base_path_query.split('?').next().unwrap_or_default();
    Some(if let Some(net) = href.strip_prefix("//") {
        format!("{scheme}://{net}")
    } else if href.is_empty() {
        format!("{origin}{base_path_query}")
    } else if href.starts_with('#') {
        format!("{origin}{base_path_query}{href}")
    } else if href.starts_with('?') {
        format!("{origin}{base_path}{href}")
    } else if href.starts_with('/') {
        format!("{origin}{}", remove_dots(href))
    } else {
        let dir = base_path.rfind('/').map_or("/", |i| &base_path[..=i]);
        format!("{origin}{}", remove_dots(&format!("{dir}{href}")))
    })
}

/// `scheme:` at the start (a letter, then letters, digits, `+`, `-` or `.`).
fn has_scheme(href: &str) -> bool {
    let Some((scheme, _)) = href.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The path with `.` and `..` segments applied; its query and fragment untouched.
fn remove_dots(path_etc: &str) -> String {
    let split = path_etc.find(['?', '#']).unwrap_or(path_etc.len());
    let (path, tail) = path_etc.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("{}{tail}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn relative_references_resolve_like_a_browser() {
        let base = "https://blog.example/2025/06/heat-review/?ref=x#top";
        let r = |h| resolve(base, h);
        assert_eq!(
            r("feed/").as_deref(),
            Some("https://blog.example/2025/06/heat-review/feed/")
        );
        assert_eq!(r("/feed/").as_deref(), Some("https://blog.example/feed/"));
        assert_eq!(
            r("//cdn.example/a").as_deref(),
            Some("https://cdn.example/a")
        );
        assert_eq!(
            r("../../x?y=1").as_deref(),
            Some("https://blog.example/2025/x?y=1")
        );
        assert_eq!(
            r("/../../a/./b").as_deref(),
            Some("https://blog.example/a/b")
        );
        assert_eq!(
            r("?p=2").as_deref(),
            Some("https://blog.example/2025/06/heat-review/?p=2")
        );
        assert_eq!(
            r("http://other.example/").as_deref(),
            Some("http://other.example/")
        );
        assert_eq!(
            r("javascript:alert(1)").as_deref(),
            Some("javascript:alert(1)")
        );
        assert_eq!(resolve("not a url", "/x"), None);
    }
}
