//! A per-client limit on requests (fixed one-minute windows, kept in memory: each instance
//! counts its own, which bounds a client at the limit times the number of instances). A
//! client is whatever key the caller counts by: an address, an API token.

use std::{
    collections::HashMap,
    hash::Hash,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

const WINDOW: Duration = Duration::from_secs(60);

pub struct RateLimiter<K = IpAddr> {
    per_minute: u32,
    windows: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Hash + Eq> RateLimiter<K> {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request of `client`; once past the limit for this minute, the whole seconds
    /// until its next window (at least 1), for a `Retry-After` header.
    pub fn admit(&self, client: K) -> Result<(), u64> {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 10_000 {
            windows.retain(|_, (started, _)| now.duration_since(*started) < WINDOW);
        }
        let (started, count) = windows.entry(client).or_insert((now, 0));
        if now.duration_since(*started) >= WINDOW {
            *started = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        if *count <= self.per_minute {
            return Ok(());
        }
        let left = WINDOW.saturating_sub(now.duration_since(*started));
        Err(left.as_secs_f64().ceil().max(1.0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_past_its_limit_waits_for_the_next_minute() {
        let limiter = RateLimiter::new(2);
        assert_eq!(limiter.admit("a"), Ok(()));
        assert_eq!(limiter.admit("a"), Ok(()));
        let wait = limiter.admit("a").unwrap_err();
        assert!((1..=60).contains(&wait), "{wait}");
        assert_eq!(limiter.admit("b"), Ok(()), "each client counts apart");
    }
}
