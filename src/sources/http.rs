//! One careful blocking HTTP client for every fetch: a whole-request timeout, a size cap,
//! redirects followed by hand (at most five, only to http and https), conditional GET,
//! `Retry-After` honoured when short, and at most `per_host` requests to a host at once.
//!
//! Reasons in an [`HttpError`] can quote what a server sent (a `Location`), so whatever
//! prints them sanitises them first, as with any text from outside.

mod gate;
mod reason;
mod redirect;
mod resolve;
mod retry;

use std::fmt;
use std::thread;
use std::time::Duration;

use ureq::http::{HeaderValue, Uri, header};

use crate::config::FetchLimits;
use gate::Gate;
use reason::Phase;

/// Redirects followed for one request before giving up.
const MAX_REDIRECTS: usize = 5;

/// Who is asking, so a site's owner can see what the requests are and where to complain.
const USER_AGENT: &str = concat!(
    "reelread/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/reelread/reelread)"
);

/// Stored validators for conditional GET: sent back so an unchanged source costs a 304.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` the last full response carried.
    pub etag: Option<String>,
    /// The `Last-Modified` the last full response carried.
    pub last_modified: Option<String>,
}

/// What a successful request gave: nothing new, or a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// 304: the source is unchanged since the validators were stored.
    NotModified,
    /// A full response.
    Fetched(Fetched),
}

/// A full response, with what the caller stores or needs to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, decompressed, at most `max_bytes` long.
    pub body: Vec<u8>,
    /// The URL finally answered, after redirects: relative links in the body resolve here.
    pub url: String,
    /// The `Content-Type` header as sent, parameters (charset) included.
    pub content_type: Option<String>,
    /// The validators to send next time.
    pub validators: Validators,
}

/// A request that failed, with the reason a person reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    /// The URL asked for (not the one a redirect led to; the reason names that).
    pub url: String,
    /// One short line: `HTTP 404 Not Found`, `timed out after 20 s`, `too large: …`.
    pub reason: String,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for HttpError {}

/// The client shared by the fetch workers (through `&Client`): one connection pool and one
/// per-host gate for the whole fetch.
#[derive(Debug)]
pub struct Client {
    agent: ureq::Agent,
    gate: Gate,
    timeout_secs: u64,
    max_bytes: u64,
}

/// What one URL answered, once retries are done: the end, or where to go next.
enum Hop {
    Done(Response),
    Redirect(String),
}

/// One exchange's outcome, before retrying is decided.
enum Answer {
    Hop(Hop),
    /// 429 or 503, with the wait the server asked for, if it said.
    Busy(u16, Option<Duration>),
}

impl Client {
    /// A client held to `limits` (`per_host`, `timeout_secs`, `max_bytes`).
    #[must_use]
    pub fn new(limits: &FetchLimits) -> Client {
        let timeout_secs = limits.timeout_secs.max(1);
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(timeout_secs)))
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            resolve::Lookup::default(),
        );
        Client {
            agent,
            gate: Gate::new(limits.per_host),
            timeout_secs,
            max_bytes: limits.max_bytes,
        }
    }

    /// GETs `url`, conditionally when `validators` hold anything, following redirects.
    /// The validators go with every hop, so a 304 at the end of a chain is "unchanged".
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Response, HttpError> {
        let fail = |reason: String| HttpError {
            url: url.to_owned(),
            reason,
        };
        let mut current = redirect::parse_initial(url).map_err(fail)?;
        let mut visited = vec![current.to_string()];
        loop {
            let location = match self.with_retries(&current, validators) {
                Ok(Hop::Done(response)) => return Ok(response),
                Ok(Hop::Redirect(location)) => location,
                // A failure after a redirect names where it happened.
                Err(reason) if visited.len() > 1 => {
                    let at = redirect::quote(&current.to_string());
                    return Err(fail(format!("{reason} at {at}")));
                }
                Err(reason) => return Err(fail(reason)),
            };
            let next = redirect::resolve(&current, &location).map_err(fail)?;
            let next_text = next.to_string();
            if visited.contains(&next_text) {
                let at = redirect::quote(&next_text);
                return Err(fail(format!("redirect loop at {at}")));
            }
            if visited.len() > MAX_REDIRECTS {
                return Err(fail(format!(
                    "too many redirects (more than {MAX_REDIRECTS})"
                )));
            }
            visited.push(next_text);
            current = next;
        }
    }

    /// One URL, asked again after a short `Retry-After`; the per-host place is given up
    /// while waiting.
    fn with_retries(&self, uri: &Uri, validators: &Validators) -> Result<Hop, String> {
        let host = host_key(uri);
        let mut retries = 0;
        loop {
            let answer = {
                let _permit = self.gate.enter(&host);
                self.exchange(uri, validators)?
            };
            let (code, wait) = match answer {
                Answer::Hop(hop) => return Ok(hop),
                Answer::Busy(code, wait) => (code, wait),
            };
            match wait {
                Some(wait) if wait <= retry::MAX_WAIT && retries < retry::MAX_RETRIES => {
                    thread::sleep(wait);
                    retries += 1;
                }
                Some(wait) if wait > retry::MAX_WAIT => {
                    let secs = retry::whole_secs(wait);
                    return Err(format!(
                        "{} (the server asks to wait {secs} s)",
                        reason::status(code)
                    ));
                }
                Some(_) => {
                    return Err(format!(
                        "{} (still after {retries} retries)",
                        reason::status(code)
                    ));
                }
                None => return Err(reason::status(code)),
            }
        }
    }

    /// One request and, for a full response, its body.
    fn exchange(&self, uri: &Uri, validators: &Validators) -> Result<Answer, String> {
        let host = uri.host().unwrap_or_default();
        let describe = |error: &ureq::Error, phase| {
            reason::describe(error, phase, host, self.timeout_secs, self.max_bytes)
        };
        let mut request = self.agent.get(uri);
        // A stored validator that is no longer a valid header value is not sent: the
        // request becomes an unconditional one, which is always correct.
        if let Some(etag) = sendable(validators.etag.as_deref()) {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = sendable(validators.last_modified.as_deref()) {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
        let mut response = request
            .call()
            .map_err(|error| describe(&error, Phase::Asking))?;
        let code = response.status().as_u16();
        let text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|value: &HeaderValue| value.to_str().ok())
                .map(str::to_owned)
        };
        match code {
            200..=299 => {}
            304 => return Ok(Answer::Hop(Hop::Done(Response::NotModified))),
            301 | 302 | 303 | 307 | 308 => {
                return match text(header::LOCATION) {
                    Some(location) => Ok(Answer::Hop(Hop::Redirect(location))),
                    None => Err(format!("{} without a Location", reason::status(code))),
                };
            }
            429 | 503 => {
                let wait = text(header::RETRY_AFTER)
                    .and_then(|value| retry::parse(&value, chrono::Utc::now()));
                return Ok(Answer::Busy(code, wait));
            }
            _ => return Err(reason::status(code)),
        }
        let content_type = text(header::CONTENT_TYPE);
        let validators = Validators {
            etag: text(header::ETAG),
            last_modified: text(header::LAST_MODIFIED),
        };
        let body = response.body_mut();
        // Refused before reading when the server says up front (it is the undecoded
        // length only when the body is not compressed, which is when ureq reports it).
        if body
            .content_length()
            .is_some_and(|length| length > self.max_bytes)
        {
            return Err(reason::too_large(self.max_bytes));
        }
        let body = body
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|error| describe(&error, Phase::Reading))?;
        Ok(Answer::Hop(Hop::Done(Response::Fetched(Fetched {
            body,
            url: uri.to_string(),
            content_type,
            validators,
        }))))
    }
}

/// A validator as a header value, if it still is a valid one.
fn sendable(value: Option<&str>) -> Option<HeaderValue> {
    value.and_then(|value| HeaderValue::from_str(value).ok())
}

/// `host:port`, the unit `per_host` counts, with the scheme's port when none is written.
fn host_key(uri: &Uri) -> String {
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some(scheme) if scheme.eq_ignore_ascii_case("https") => 443,
        _ => 80,
    });
    format!("{host}:{port}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_counted_with_their_port() {
        let key = |url: &str| host_key(&url.parse().expect("a URL"));
        assert_eq!(key("http://Example.org/feed"), "example.org:80");
        assert_eq!(key("https://example.org/feed"), "example.org:443");
        assert_eq!(key("http://127.0.0.1:8080/"), "127.0.0.1:8080");
    }

    #[test]
    fn the_user_agent_names_the_version_and_where_to_look() {
        assert!(USER_AGENT.starts_with(&format!("reelread/{} ", env!("CARGO_PKG_VERSION"))));
        assert!(USER_AGENT.ends_with("(+https://github.com/reelread/reelread)"));
    }

    #[test]
    fn a_client_is_shared_by_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Client>();
    }

    #[test]
    fn only_http_urls_are_asked_for() {
        let limits = crate::config::Config::default().fetch;
        let client = Client::new(&limits);
        let error = client
            .get("file:///etc/passwd", &Validators::default())
            .expect_err("a file URL");
        assert_eq!(error.reason, "only http and https URLs can be fetched");
        assert_eq!(error.url, "file:///etc/passwd");
        assert_eq!(error.to_string(), error.reason);
    }
}
