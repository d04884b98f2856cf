//! Who is asking: the client's address, read from `X-Forwarded-For` only when the connection
//! comes from a reverse proxy the configuration trusts (`trusted_proxies`); anyone else could
//! write any address there.

use std::net::IpAddr;

use poem::Request;

use crate::{
    app::AppState,
    caches::attempts::RateLimiter,
    error::{AppError, AppResult},
    net::IpRange,
};

/// Counts a login attempt of the request's client against the rate limit;
/// [`AppError::TooManyRequests`] once past it.
pub fn admit_attempt(state: &AppState, request: &Request) -> AppResult<()> {
    admit(&state.login_limiter, state, request)
}

/// Counts the request's client against `limiter`; [`AppError::TooManyRequests`] once past it.
pub fn admit(limiter: &RateLimiter, state: &AppState, request: &Request) -> AppResult<()> {
    match client_ip(request, &state.config.server.trusted_proxies) {
        Some(client) => limiter
            .admit(client)
            .map_err(|retry_after| AppError::TooManyRequests { retry_after }),
        None => Ok(()),
    }
}

/// The address of the client of `request`: the connection's peer, or, when that peer is a
/// trusted proxy, the last address in `X-Forwarded-For` that is not one.
fn client_ip(request: &Request, trusted_proxies: &[IpRange]) -> Option<IpAddr> {
    let peer = request.remote_addr().as_socket_addr()?.ip();
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    Some(client_behind(peer, &forwarded, trusted_proxies))
}

/// The client of a connection from `peer` whose `X-Forwarded-For` says `forwarded`.
fn client_behind(peer: IpAddr, forwarded: &str, trusted_proxies: &[IpRange]) -> IpAddr {
    let trusted = |ip: IpAddr| trusted_proxies.iter().any(|range| range.contains(ip));
    if !trusted(peer) {
        return peer;
    }
    // From the nearest hop outwards: the first address no trusted proxy holds is the client.
    // A hop that is not an address (a port, `unknown`) ends the walk: what lies beyond it is
    // anyone's to write, so the last proxy counts as the client.
    let mut client = peer;
    for hop in forwarded.split(',').rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if trusted(ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let proxies = ["10.0.0.0/8".parse().unwrap()];
        let hops = "203.0.113.9, 198.51.100.7, 10.0.0.4";
        assert_eq!(
            client_behind(ip("10.0.0.5"), hops, &proxies),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_behind(ip("192.0.2.1"), "203.0.113.9", &proxies),
            ip("192.0.2.1")
        );
        assert_eq!(client_behind(ip("10.0.0.5"), hops, &[]), ip("10.0.0.5"));
        assert_eq!(
            client_behind(ip("10.0.0.5"), "garbage", &proxies),
            ip("10.0.0.5")
        );
        assert_eq!(
            client_behind(ip("10.0.0.5"), "203.0.113.9, unknown, 10.0.0.4", &proxies),
            ip("10.0.0.4"),
            "what lies beyond a hop that is not an address is not believed"
        );
    }
}
