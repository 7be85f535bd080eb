//! The fetching client against a loopback server, one behaviour a test, each checking the
//! message a person would read.

use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

use loopback::{Reply, Server};
use reelread::config::{Config, FetchLimits};
use reelread::sources::http::{Client, Fetched, Response, Validators};

const RSS: &str = "<rss version=\"2.0\"><channel><title>Reviews</title></channel></rss>";
const DATE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";

/// The defaults, with a timeout short enough that a test failing on it is still quick.
fn limits() -> FetchLimits {
    FetchLimits {
        timeout_secs: 2,
        ..Config::default().fetch
    }
}

fn client() -> Client {
    Client::new(&limits())
}

fn fetch(client: &Client, url: &str) -> Fetched {
    match client.get(url, &Validators::default()) {
        Ok(Response::Fetched(fetched)) => fetched,
        Ok(Response::NotModified) => panic!("{url}: 304 to an unconditional GET"),
        Err(error) => panic!("{url}: {error}"),
    }
}

fn reason(client: &Client, url: &str) -> String {
    let error = client
        .get(url, &Validators::default())
        .err()
        .unwrap_or_else(|| panic!("{url} should fail"));
    assert_eq!(error.url, url, "the error names the URL asked for");
    error.reason
}

#[test]
fn a_200_gives_the_body_type_and_validators_and_says_who_asks() {
    let server = Server::start();
    let content_type = "application/rss+xml; charset=utf-8";
    server.route(
        "/feed.xml",
        Reply::ok(RSS, content_type)
            .etag("\"v1\"")
            .last_modified(DATE),
    );
    let fetched = fetch(&client(), &server.url("/feed.xml"));
    assert_eq!(fetched.body, RSS.as_bytes());
    assert_eq!(fetched.url, server.url("/feed.xml"));
    assert_eq!(fetched.content_type.as_deref(), Some(content_type));
    let stored = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some(DATE.into()),
    };
    assert_eq!(fetched.validators, stored);
    let asked = &server.requests()[0];
    assert_eq!(asked.method, "GET");
    let agent = format!(
        "reelread/{} (+https://github.com/reelread/reelread)",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(asked.header("user-agent"), Some(agent.as_str()));
    assert_eq!(asked.header("if-none-match"), None);
}

#[test]
fn stored_validators_are_sent_and_an_unchanged_source_is_not_modified() {
    let server = Server::start();
    let url = server.url("/feed.xml");
    server.route(
        "/feed.xml",
        Reply::ok(RSS, "application/rss+xml")
            .etag("\"v1\"")
            .last_modified(DATE),
    );
    let client = client();
    let stored = fetch(&client, &url).validators;
    assert_eq!(client.get(&url, &stored).ok(), Some(Response::NotModified));
    let asked = &server.requests()[1];
    assert_eq!(asked.header("If-None-Match"), Some("\"v1\""));
    assert_eq!(asked.header("If-Modified-Since"), Some(DATE));

    // The feed changes between fetches: the old validators get the new body and new ones.
    server.route(
        "/feed.xml",
        Reply::ok("<rss/>", "application/rss+xml").etag("\"v2\""),
    );
    match client.get(&url, &stored) {
        Ok(Response::Fetched(fetched)) => {
            assert_eq!(fetched.body, b"<rss/>");
            assert_eq!(fetched.validators.etag.as_deref(), Some("\"v2\""));
            assert_eq!(fetched.validators.last_modified, None);
        }
        other => panic!("expected the changed feed, got {other:?}"),
    }
}

#[test]
fn a_last_modified_date_alone_is_enough_for_a_304() {
    let server = Server::start();
    server.route(
        "/page",
        Reply::ok("<p>hi</p>", "text/html").last_modified(DATE),
    );
    let stored = Validators {
        etag: None,
        last_modified: Some(DATE.into()),
    };
    let response = client().get(&server.url("/page"), &stored);
    assert_eq!(response.ok(), Some(Response::NotModified));
}

#[test]
fn a_gzipped_body_is_decoded() {
    let server = Server::start();
    let text = "<p>A long review, said twice. </p>".repeat(200);
    server.route("/review.html", Reply::ok(text.clone(), "text/html").gzip());
    let fetched = fetch(&client(), &server.url("/review.html"));
    assert_eq!(String::from_utf8_lossy(&fetched.body), text);
    let accepted = server.requests()[0]
        .header("accept-encoding")
        .map(str::to_owned);
    assert!(
        accepted.is_some_and(|value| value.contains("gzip")),
        "gzip is asked for"
    );
}

#[test]
fn redirects_are_followed_and_the_final_url_reported() {
    let server = Server::start();
    let other = Server::start();
    server.route("/start", Reply::redirect(301, &other.url("/a/old")));
    other.route("/a/old", Reply::redirect(302, "../b/feed.xml"));
    other.route("/b/feed.xml", Reply::ok(RSS, "application/rss+xml"));
    let fetched = fetch(&client(), &server.url("/start"));
    assert_eq!(fetched.body, RSS.as_bytes());
    assert_eq!(fetched.url, other.url("/b/feed.xml"));
}

#[test]
fn a_redirect_loop_is_named() {
    let server = Server::start();
    server.route("/a", Reply::redirect(302, "/b"));
    server.route("/b", Reply::redirect(302, "/a"));
    let why = reason(&client(), &server.url("/a"));
    assert_eq!(why, format!("redirect loop at {}", server.url("/a")));
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_refused() {
    let server = Server::start();
    for n in 0..6 {
        server.route(
            &format!("/r{n}"),
            Reply::redirect(307, &format!("/r{}", n + 1)),
        );
    }
    server.route("/r6", Reply::ok("end", "text/plain"));
    let client = client();
    assert_eq!(fetch(&client, &server.url("/r1")).body, b"end");
    assert_eq!(
        reason(&client, &server.url("/r0")),
        "too many redirects (more than 5)"
    );
}

#[test]
fn a_redirect_to_a_file_is_refused() {
    let server = Server::start();
    server.route("/feed", Reply::redirect(302, "file:///etc/passwd"));
    assert_eq!(
        reason(&client(), &server.url("/feed")),
        "refused redirect to file:///etc/passwd: only http and https are followed"
    );
}

#[test]
fn a_server_that_never_answers_is_cut_off() {
    let server = Server::start();
    server.route("/feed", Reply::hang());
    let client = Client::new(&FetchLimits {
        timeout_secs: 1,
        ..limits()
    });
    let start = Instant::now();
    assert_eq!(reason(&client, &server.url("/feed")), "timed out after 1 s");
    assert!(
        start.elapsed() < Duration::from_millis(2500),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_body_trickling_forever_is_cut_off_by_the_whole_request_timeout() {
    let server = Server::start();
    // Every read gets a byte well within the timeout: only a bound on the whole stops it.
    server.route("/feed", Reply::trickle(Duration::from_millis(50)));
    let client = Client::new(&FetchLimits {
        timeout_secs: 1,
        ..limits()
    });
    let start = Instant::now();
    assert_eq!(reason(&client, &server.url("/feed")), "timed out after 1 s");
    assert!(
        start.elapsed() < Duration::from_millis(2500),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn an_endless_body_ends_in_too_large() {
    let server = Server::start();
    server.route("/feed", Reply::endless());
    let client = Client::new(&FetchLimits {
        max_bytes: 64 * 1024,
        ..limits()
    });
    let start = Instant::now();
    assert_eq!(
        reason(&client, &server.url("/feed")),
        "too large: over 64.0 KiB (fetch.max_bytes)"
    );
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn the_size_cap_holds_for_declared_and_decompressed_lengths_and_lets_the_limit_through() {
    let server = Server::start();
    let cap = 64 * 1024;
    server.route("/exact", Reply::ok(vec![b'x'; cap], "text/plain"));
    server.route("/over", Reply::ok(vec![b'x'; cap + 1], "text/plain"));
    // A few KiB on the wire, a MiB once inflated.
    server.route(
        "/bomb",
        Reply::ok(vec![0; 1024 * 1024], "text/plain").gzip(),
    );
    let client = Client::new(&FetchLimits {
        max_bytes: cap as u64,
        ..limits()
    });
    assert_eq!(fetch(&client, &server.url("/exact")).body.len(), cap);
    let too_large = "too large: over 64.0 KiB (fetch.max_bytes)";
    assert_eq!(reason(&client, &server.url("/over")), too_large);
    assert_eq!(reason(&client, &server.url("/bomb")), too_large);
}

#[test]
fn a_short_retry_after_is_waited_for_and_the_retry_succeeds() {
    let server = Server::start();
    let busy = Reply::ok("slow down", "text/plain")
        .status(429)
        .header("Retry-After", "1");
    server.route_sequence("/feed", vec![busy, Reply::ok(RSS, "application/rss+xml")]);
    let start = Instant::now();
    assert_eq!(fetch(&client(), &server.url("/feed")).body, RSS.as_bytes());
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "the wait was honoured"
    );
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_long_retry_after_is_reported_at_once() {
    let server = Server::start();
    let busy = Reply::ok("", "text/plain")
        .status(429)
        .header("Retry-After", "3600");
    server.route("/feed", busy);
    let start = Instant::now();
    assert_eq!(
        reason(&client(), &server.url("/feed")),
        "HTTP 429 Too Many Requests (the server asks to wait 3600 s)"
    );
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_server_still_busy_after_two_retries_is_reported() {
    let server = Server::start();
    let busy = Reply::ok("", "text/plain")
        .status(503)
        .header("Retry-After", "0");
    server.route("/feed", busy);
    server.route("/down", Reply::ok("", "text/plain").status(503));
    let client = client();
    assert_eq!(
        reason(&client, &server.url("/feed")),
        "HTTP 503 Service Unavailable (still after 2 retries)"
    );
    assert_eq!(server.requests().len(), 3);
    assert_eq!(
        reason(&client, &server.url("/down")),
        "HTTP 503 Service Unavailable"
    );
}

#[test]
fn a_missing_page_is_a_404_also_after_a_redirect() {
    let server = Server::start();
    server.route("/moved", Reply::redirect(301, "/gone"));
    let client = client();
    assert_eq!(
        reason(&client, &server.url("/nothing")),
        "HTTP 404 Not Found"
    );
    assert_eq!(
        reason(&client, &server.url("/moved")),
        format!("HTTP 404 Not Found at {}", server.url("/gone"))
    );
}

#[test]
fn a_refused_connection_is_said_so() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/feed");
    assert_eq!(
        reason(&client(), &url),
        "cannot connect: connection refused"
    );
}

/// The most requests the server held at once when three threads fetched a slow page.
fn most_at_once(per_host: usize) -> usize {
    let server = Server::start();
    server.route(
        "/slow",
        Reply::ok("x", "text/plain").delay(Duration::from_millis(250)),
    );
    let client = Client::new(&FetchLimits {
        per_host,
        ..limits()
    });
    let url = server.url("/slow");
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| fetch(&client, &url));
        }
    });
    assert_eq!(server.requests().len(), 3);
    server.max_concurrent()
}

#[test]
fn per_host_keeps_requests_to_one_host_serial() {
    assert_eq!(most_at_once(1), 1);
}

#[test]
fn per_host_two_lets_two_requests_run_together() {
    assert_eq!(most_at_once(2), 2);
}
