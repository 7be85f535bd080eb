//! What a client asked: read from the socket, kept for the test to look at.

use std::io::Read;
use std::net::TcpStream;
use std::time::Instant;

/// The most a request's head may take; a longer one is dropped unanswered.
const MAX_HEAD: usize = 64 * 1024;

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, usually.
    pub method: String,
    /// The request target as sent: path and query.
    pub path: String,
    /// Every header in the order sent, names as the client spelled them.
    pub headers: Vec<(String, String)>,
    /// When the whole head had arrived, to compare requests in time.
    pub at: Instant,
}

impl Request {
    /// The first value of header `name`, matched without regard to case.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path without its query, the key routes are found by when the whole target is not.
    pub(crate) fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or_default()
    }

    /// Reads one request head from `stream`; `None` on a closed socket, a timeout or junk.
    pub(crate) fn read(stream: &mut TcpStream) -> Option<Request> {
        let mut head = Vec::new();
        let mut buf = [0u8; 4096];
        let end = loop {
            if let Some(at) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                break at;
            }
            if head.len() > MAX_HEAD {
                return None;
            }
            let n = stream.read(&mut buf).ok().filter(|&n| n > 0)?;
            head.extend_from_slice(&buf[..n]);
        };
        let at = Instant::now();
        let text = String::from_utf8_lossy(&head[..end]);
        let mut lines = text.split("\r\n");
        let mut first = lines.next()?.split(' ');
        let method = first.next()?.to_owned();
        let path = first.next()?.to_owned();
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
            .collect();
        let request = Request {
            method,
            path,
            headers,
            at,
        };
        // A body (none is expected) is read and dropped, so closing the socket does not
        // reset the connection under the reply.
        let length: usize = request
            .header("content-length")
            .and_then(|value| value.parse().ok())
            .unwrap_or(0);
        let already = head.len() - (end + 4);
        let rest = length.saturating_sub(already).min(MAX_HEAD);
        std::io::copy(&mut stream.take(rest as u64), &mut std::io::sink()).ok()?;
        Some(request)
    }
}
