//! A small HTTP/1.1 server on the loopback interface, for tests that fetch and for a
//! fixture server to measure against: routes set (and changed) at any time, every request
//! recorded, and misbehaving replies on purpose (hanging, endless, trickling, slow).
//!
//! ```
//! use loopback::{Reply, Server};
//!
//! let server = Server::start();
//! server.route("/feed.xml", Reply::ok("<rss/>", "application/rss+xml").etag("\"v1\""));
//! let url = server.url("/feed.xml");
//! assert!(url.starts_with("http://127.0.0.1:"));
//! ```
//!
//! One thread per connection, one request per connection (`Connection: close`). Nothing
//! here can hold a test forever: every socket has read and write timeouts, and the server
//! stops when dropped, after its lifetime, or after [`MAX_CONNECTIONS`].
#![forbid(unsafe_code)]

mod reply;
mod request;

use std::collections::HashMap;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

pub use reply::Reply;
pub use request::Request;

/// How long a server started with [`Server::start`] lives at most.
pub const LIFETIME: Duration = Duration::from_secs(120);
/// Connections a server accepts before it stops by itself.
pub const MAX_CONNECTIONS: usize = 100_000;
/// The longest a socket read or write may block.
const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// How often the idle accept loop looks for a connection and for the stop.
const POLL: Duration = Duration::from_millis(2);

/// A running server; dropping it stops it.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

/// What the server's threads share.
#[derive(Debug)]
struct Shared {
    routes: Mutex<HashMap<String, Route>>,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
    deadline: Instant,
    /// Requests read and not yet answered, and the most there ever were at once.
    active: AtomicUsize,
    most_active: AtomicUsize,
}

/// The replies of one path, taken in turn; the last one repeats.
#[derive(Debug)]
struct Route {
    replies: Vec<Reply>,
    next: usize,
}

impl Server {
    /// A server on 127.0.0.1 at a free port.
    ///
    /// # Panics
    /// When no loopback port can be bound, which leaves a test nothing to do.
    #[must_use]
    pub fn start() -> Server {
        Server::start_on(Ipv4Addr::LOCALHOST)
    }

    /// A server on another loopback address (127.0.0.2, …) at a free port, to stand for
    /// another host.
    ///
    /// # Panics
    /// When `ip` cannot be bound.
    #[must_use]
    pub fn start_on(ip: Ipv4Addr) -> Server {
        Server::try_start(ip, LIFETIME).expect("bind a loopback port")
    }

    /// A server on `ip` at a free port that stops by itself after `lifetime`.
    ///
    /// # Errors
    /// When `ip` cannot be bound or the accepting thread cannot be made.
    pub fn try_start(ip: Ipv4Addr, lifetime: Duration) -> io::Result<Server> {
        let listener = TcpListener::bind((ip, 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            routes: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            deadline: Instant::now() + lifetime,
            active: AtomicUsize::new(0),
            most_active: AtomicUsize::new(0),
        });
        let accepting = Arc::clone(&shared);
        let acceptor = thread::Builder::new()
            .name(format!("loopback {addr}"))
            .spawn(move || accept(&listener, &accepting))?;
        Ok(Server {
            addr,
            shared,
            acceptor: Some(acceptor),
        })
    }

    /// `http://127.0.0.1:PORT/path`.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        let slash = if path.starts_with('/') { "" } else { "/" };
        format!("http://{}{slash}{path}", self.addr)
    }

    /// `127.0.0.1:PORT`.
    #[must_use]
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Sets or replaces what `path` answers (a path with a query matches that exact
    /// target; one without matches any query).
    pub fn route(&self, path: &str, reply: Reply) {
        self.route_sequence(path, vec![reply]);
    }

    /// `path` answers these replies in turn, then the last one again and again (a 429,
    /// then a 200). An empty list makes it a 404.
    pub fn route_sequence(&self, path: &str, replies: Vec<Reply>) {
        let route = Route { replies, next: 0 };
        lock(&self.shared.routes).insert(path.to_owned(), route);
    }

    /// Every request received so far, in order of arrival.
    #[must_use]
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.shared.log).clone()
    }

    /// The most requests ever read and not yet answered at once (a delayed reply stays
    /// unanswered for its delay).
    #[must_use]
    pub fn max_concurrent(&self) -> usize {
        self.shared.most_active.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            // The acceptor only panics if spawning a connection thread does; nothing to add.
            let _ = acceptor.join();
        }
    }
}

impl Shared {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || Instant::now() >= self.deadline
    }

    /// Sleeps up to `time`, waking early when the server stops; false once it has.
    fn pause(&self, time: Duration) -> bool {
        let until = Instant::now() + time;
        loop {
            if self.stopped() {
                return false;
            }
            let now = Instant::now();
            if now >= until {
                return true;
            }
            thread::sleep((until - now).min(Duration::from_millis(10)));
        }
    }

    fn reply_for(&self, request: &Request) -> Reply {
        let mut routes = lock(&self.routes);
        let key = if routes.contains_key(&request.path) {
            request.path.clone()
        } else {
            request.path_only().to_owned()
        };
        let Some(route) = routes.get_mut(&key) else {
            return Reply::not_found();
        };
        let Some(reply) = route.replies.get(route.next).or(route.replies.last()) else {
            return Reply::not_found();
        };
        let reply = reply.clone();
        route.next = (route.next + 1).min(route.replies.len());
        reply
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A test that panicked while a lock was held leaves plain data, still readable.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    let mut accepted = 0;
    while !shared.stopped() && accepted < MAX_CONNECTIONS {
        match listener.accept() {
            Ok((stream, _)) => {
                accepted += 1;
                let shared = Arc::clone(shared);
                // A connection thread that cannot be made is a connection dropped.
                let _ = thread::Builder::new()
                    .name("loopback connection".to_owned())
                    .spawn(move || serve(stream, &shared));
            }
            Err(_) => thread::sleep(POLL),
        }
    }
}

fn serve(mut stream: TcpStream, shared: &Shared) {
    let ready = stream.set_nonblocking(false).is_ok()
        && stream.set_read_timeout(Some(IO_TIMEOUT)).is_ok()
        && stream.set_write_timeout(Some(IO_TIMEOUT)).is_ok();
    if !ready {
        return;
    }
    let Some(request) = Request::read(&mut stream) else {
        return;
    };
    lock(&shared.log).push(request.clone());
    let reply = shared.reply_for(&request);
    let now = shared.active.fetch_add(1, Ordering::SeqCst) + 1;
    shared.most_active.fetch_max(now, Ordering::SeqCst);
    let on = shared.pause(reply.delay_time());
    // Counted as answered before the reply is written, so a client's next request, sent
    // after it has read this reply, never overlaps it in the count.
    shared.active.fetch_sub(1, Ordering::SeqCst);
    if on {
        // The client going away mid-reply is its own business.
        let _ = reply.write(&mut stream, &request, &|time| shared.pause(time));
    }
}
