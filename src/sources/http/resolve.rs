//! Name lookup that says it was the lookup that failed. ureq passes on the error std's
//! `getaddrinfo` gives, an io error of no nameable kind ("uncategorized error") that
//! reads like any failed connection; this resolver turns every failed lookup into
//! `HostNotFound`, which the reason names with the host.

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// ureq's own resolver (timeouts and all), with lookup failures made recognisable.
#[derive(Debug, Default)]
pub(super) struct Lookup(DefaultResolver);

impl Resolver for Lookup {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.0.resolve(uri, config, timeout).map_err(failed_lookup)
    }
}

/// An io error from resolving is the lookup failing; a timeout or a bad URL stays itself.
fn failed_lookup(error: ureq::Error) -> ureq::Error {
    match error {
        ureq::Error::Io(_) => ureq::Error::HostNotFound,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn a_failed_lookup_is_host_not_found() {
        // What std's `to_socket_addrs` gives for a name that does not resolve.
        let gai = io::Error::other("failed to lookup address information: Name does not resolve");
        assert!(matches!(
            failed_lookup(ureq::Error::Io(gai)),
            ureq::Error::HostNotFound
        ));
        assert!(matches!(
            failed_lookup(ureq::Error::Timeout(ureq::Timeout::Resolve)),
            ureq::Error::Timeout(ureq::Timeout::Resolve)
        ));
    }

    #[test]
    fn an_address_resolves_without_any_lookup() {
        let config = Config::default();
        let uri: Uri = "http://127.0.0.1:8080/feed".parse().expect("a URL");
        let found = Lookup::default()
            .resolve(&uri, &config, NextTimeout::default())
            .expect("an address");
        assert_eq!(
            found.first().map(ToString::to_string).as_deref(),
            Some("127.0.0.1:8080")
        );
    }
}
