//! A fixture server on the loopback interface, for trying `reelread fetch` by hand and for
//! measuring it: serves the files of a folder (URL path → file, each with an `ETag` so
//! conditional GETs get their 304) on 127.0.0.1 … 127.0.0.K, each reply delayed.
//!
//! ```sh
//! cargo run --example feed-server -- tests/fixtures/feeds --delay-ms 200 --hosts 3
//! ```
//!
//! It prints one base URL a host and stops on Ctrl-C or after `--for-secs`. Addresses past
//! 127.0.0.1 answer on Linux as they are; elsewhere they may need adding to the loopback
//! interface first.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use loopback::{Reply, Server};

/// Command-line options.
#[derive(Debug, Parser)]
#[command(about = "Serve a folder's files over HTTP on loopback addresses, for fetch tests")]
struct Options {
    /// The folder whose files are served, `DIR/a/b.xml` as `/a/b.xml`.
    dir: PathBuf,
    /// Milliseconds each reply waits before it is sent.
    #[arg(long, default_value_t = 0)]
    delay_ms: u64,
    /// Hosts to serve on: 127.0.0.1 up to 127.0.0.K.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=254))]
    hosts: u8,
    /// Seconds to serve before stopping.
    #[arg(long, default_value_t = 600)]
    for_secs: u64,
}

fn main() -> ExitCode {
    let options = Options::parse();
    let mut files = Vec::new();
    if let Err(error) = collect(&options.dir, &options.dir, &mut files) {
        eprintln!("feed-server: {}: {error}", options.dir.display());
        return ExitCode::FAILURE;
    }
    let lifetime = Duration::from_secs(options.for_secs);
    let delay = Duration::from_millis(options.delay_ms);
    let mut servers = Vec::new();
    for last in 1..=options.hosts {
        let ip = Ipv4Addr::new(127, 0, 0, last);
        let server = match Server::try_start(ip, lifetime) {
            Ok(server) => server,
            Err(error) => {
                eprintln!("feed-server: cannot listen on {ip}: {error}");
                return ExitCode::FAILURE;
            }
        };
        for (route, body) in &files {
            server.route(route, reply(route, body.clone()).delay(delay));
        }
        println!("{}", server.url("/"));
        servers.push(server);
    }
    eprintln!(
        "feed-server: {} files on {} hosts, for {} s (Ctrl-C stops)",
        files.len(),
        servers.len(),
        options.for_secs
    );
    std::thread::sleep(lifetime);
    ExitCode::SUCCESS
}

/// Every file under `dir` as (URL path, contents).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else if let Some(route) = route_of(root, &path) {
            files.push((route, std::fs::read(&path)?));
        }
    }
    Ok(())
}

/// `/a/b%20c.xml` for `ROOT/a/b c.xml`; `None` for a name that is not UTF-8.
fn route_of(root: &Path, path: &Path) -> Option<String> {
    let mut route = String::new();
    for part in path.strip_prefix(root).ok()?.components() {
        route.push('/');
        for byte in part.as_os_str().to_str()?.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                route.push(char::from(byte));
            } else {
                // Writing to a String cannot fail.
                let _ = write!(route, "%{byte:02X}");
            }
        }
    }
    Some(route)
}

/// The file as a 200 of the type its extension names, with an `ETag` of its contents.
fn reply(route: &str, body: Vec<u8>) -> Reply {
    let extension = route.rsplit('.').next().unwrap_or_default();
    let content_type = match extension {
        "xml" | "rss" => "application/rss+xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "zip" => "application/zip",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    Reply::ok(body, content_type).etag(&etag)
}
