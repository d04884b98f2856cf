//! Who is asking: the client's address, read from `X-Forwarded-For` only when the connection
//! comes from a reverse proxy the configuration trusts (`trusted_proxies`); anyone else could
//! write any address there.

use std::{net::IpAddr, str::FromStr};

use poem::Request;

/// An IP address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

impl IpRange {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, ip) {
            (IpAddr::V4(network), IpAddr::V4(ip)) => same_prefix(
                u32::from(network).into(),
                u32::from(ip).into(),
                32,
                self.prefix,
            ),
            (IpAddr::V6(network), IpAddr::V6(ip)) => {
                same_prefix(u128::from(network), u128::from(ip), 128, self.prefix)
            }
            _ => false,
        }
    }
}

/// Whether the first `prefix` of the `bits` low bits of `a` and `b` are equal.
fn same_prefix(a: u128, b: u128, bits: u8, prefix: u8) -> bool {
    let ignored = u32::from(bits - prefix);
    a.checked_shr(ignored).unwrap_or(0) == b.checked_shr(ignored).unwrap_or(0)
}

impl FromStr for IpRange {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let network: IpAddr = address.trim().parse().map_err(|_| ())?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix.trim().parse::<u8>().map_err(|_| ())?,
            None => bits,
        };
        if prefix > bits {
            return Err(());
        }
        Ok(Self { network, prefix })
    }
}

/// The address of the client of `request`: the connection's peer, or, when that peer is a
/// trusted proxy, the last address in `X-Forwarded-For` that is not one.
pub fn client_ip(request: &Request, trusted_proxies: &[IpRange]) -> Option<IpAddr> {
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
    forwarded
        .split(',')
        .filter_map(|hop| hop.trim().parse().ok())
        .rev()
        .find(|ip| !trusted(*ip))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_hold_their_addresses() {
        let range: IpRange = "10.1.0.0/16".parse().unwrap();
        assert!(range.contains(ip("10.1.200.3")));
        assert!(!range.contains(ip("10.2.0.1")));
        assert!(!range.contains(ip("::1")));
        let one: IpRange = "127.0.0.1".parse().unwrap();
        assert!(one.contains(ip("127.0.0.1")) && !one.contains(ip("127.0.0.2")));
        let all: IpRange = "::/0".parse().unwrap();
        assert!(all.contains(ip("2001:db8::1")));
        assert!("10.0.0.0/33".parse::<IpRange>().is_err());
        assert!("proxy".parse::<IpRange>().is_err());
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
    }
}
