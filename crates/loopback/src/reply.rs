//! What a route answers, built in a line (`Reply::ok(body, "text/xml").etag("v1")`), and
//! how it is written to the socket, misbehaving servers included.

use std::io::{self, Write};
use std::net::TcpStream;
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::Request;

/// Written again and again by an endless body.
const ENDLESS_CHUNK: [u8; 16 * 1024] = [b'x'; 16 * 1024];

/// A route's answer.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
    etag: Option<String>,
    last_modified: Option<String>,
    gzip: bool,
    delay: Duration,
}

/// What follows the head, if anything ever does.
#[derive(Debug, Clone)]
enum Body {
    Bytes(Vec<u8>),
    /// Nothing at all, not even a status line, until the server stops.
    Hang,
    /// A 200 whose body never ends.
    Endless,
    /// A 200 whose body never ends, one byte per interval.
    Trickle(Duration),
}

impl Reply {
    /// A 200 with `body` as `content_type`.
    #[must_use]
    pub fn ok(body: impl Into<Vec<u8>>, content_type: &str) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: Body::Bytes(body.into()),
            etag: None,
            last_modified: None,
            gzip: false,
            delay: Duration::ZERO,
        }
    }

    /// A redirect (301, 302, 303, 307, 308) to `location`, written as given.
    #[must_use]
    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::ok("", "text/plain")
            .status(status)
            .header("Location", location)
    }

    /// A 404, what an unknown path gets.
    #[must_use]
    pub fn not_found() -> Reply {
        Reply::ok("not found", "text/plain").status(404)
    }

    /// Accepts the request and never answers, until the server is dropped.
    #[must_use]
    pub fn hang() -> Reply {
        Reply {
            body: Body::Hang,
            ..Reply::ok("", "text/plain")
        }
    }

    /// A 200 with no length whose body never ends, 16 KiB at a time, as fast as read.
    #[must_use]
    pub fn endless() -> Reply {
        Reply {
            body: Body::Endless,
            ..Reply::ok("", "application/octet-stream")
        }
    }

    /// A 200 with no length whose body never ends, one byte every `every`.
    #[must_use]
    pub fn trickle(every: Duration) -> Reply {
        Reply {
            body: Body::Trickle(every),
            ..Reply::ok("", "application/octet-stream")
        }
    }

    /// The status code instead of 200.
    #[must_use]
    pub fn status(mut self, status: u16) -> Reply {
        self.status = status;
        self
    }

    /// One more header, sent as given.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sends `ETag: tag` and answers 304 to an `If-None-Match` naming it.
    #[must_use]
    pub fn etag(mut self, tag: &str) -> Reply {
        self.etag = Some(tag.to_owned());
        self
    }

    /// Sends `Last-Modified: date` and answers 304 to an `If-Modified-Since` equal to it
    /// (when the request has no `If-None-Match`).
    #[must_use]
    pub fn last_modified(mut self, date: &str) -> Reply {
        self.last_modified = Some(date.to_owned());
        self
    }

    /// Gzips the body for a client whose `Accept-Encoding` names gzip.
    #[must_use]
    pub fn gzip(mut self) -> Reply {
        self.gzip = true;
        self
    }

    /// Waits this long after the request before answering.
    #[must_use]
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    pub(crate) fn delay_time(&self) -> Duration {
        self.delay
    }

    /// Writes the reply; `running` says whether to go on with a body that never ends and
    /// sleeps no longer than asked, returning false once the server stops.
    pub(crate) fn write(
        &self,
        stream: &mut TcpStream,
        request: &Request,
        running: &dyn Fn(Duration) -> bool,
    ) -> io::Result<()> {
        if self.unchanged_for(request) {
            let mut head = head(304, &[]);
            self.validators(&mut head);
            head.push_str("Content-Length: 0\r\n\r\n");
            return stream.write_all(head.as_bytes());
        }
        let mut head = head(self.status, &self.headers);
        self.validators(&mut head);
        match &self.body {
            Body::Hang => {
                while running(Duration::from_millis(10)) {}
                Ok(())
            }
            Body::Bytes(bytes) => {
                let body = if self.gzip && accepts_gzip(request) {
                    head.push_str("Content-Encoding: gzip\r\n");
                    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
                    encoder.write_all(bytes)?;
                    encoder.finish()?
                } else {
                    bytes.clone()
                };
                push_header(&mut head, "Content-Length", &body.len().to_string());
                head.push_str("\r\n");
                stream.write_all(head.as_bytes())?;
                stream.write_all(&body)
            }
            Body::Endless => {
                stream.write_all(format!("{head}\r\n").as_bytes())?;
                while running(Duration::ZERO) {
                    stream.write_all(&ENDLESS_CHUNK)?;
                }
                Ok(())
            }
            Body::Trickle(every) => {
                stream.write_all(format!("{head}\r\n").as_bytes())?;
                loop {
                    stream.write_all(b"x")?;
                    stream.flush()?;
                    if !running(*every) {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Whether a conditional request names what this reply would send again.
    fn unchanged_for(&self, request: &Request) -> bool {
        if !(200..300).contains(&self.status) {
            return false;
        }
        match (request.header("if-none-match"), &self.etag) {
            (Some(asked), Some(etag)) => asked
                .split(',')
                .map(|tag| tag.trim().trim_start_matches("W/"))
                .any(|tag| tag == "*" || tag == etag.trim_start_matches("W/")),
            (Some(_), None) => false,
            (None, _) => request
                .header("if-modified-since")
                .is_some_and(|since| self.last_modified.as_deref() == Some(since)),
        }
    }

    fn validators(&self, head: &mut String) {
        if let Some(etag) = &self.etag {
            push_header(head, "ETag", etag);
        }
        if let Some(date) = &self.last_modified {
            push_header(head, "Last-Modified", date);
        }
    }
}

/// The status line and headers so far, without the blank line that ends them.
fn head(status: u16, headers: &[(String, String)]) -> String {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        phrase(status)
    );
    for (name, value) in headers {
        push_header(&mut head, name, value);
    }
    head
}

fn push_header(head: &mut String, name: &str, value: &str) {
    for part in [name, ": ", value, "\r\n"] {
        head.push_str(part);
    }
}

fn accepts_gzip(request: &Request) -> bool {
    request.header("accept-encoding").is_some_and(|accepted| {
        accepted
            .split(',')
            .any(|coding| coding.split(';').next().unwrap_or_default().trim() == "gzip")
    })
}

/// The standard phrase of the statuses tests use; clients do not read it.
fn phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
