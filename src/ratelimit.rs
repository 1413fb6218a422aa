//! Rate limits: a token bucket per caller and budget, in process memory.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Budget {
    /// Every GraphQL request.
    Request,
    /// A scan.
    Scan,
    /// A login attempt.
    Login,
}

/// Per-minute allowances of each budget; 0 turns a budget off.
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    pub requests_per_minute: u32,
    pub scans_per_minute: u32,
    pub logins_per_minute: u32,
}

impl RateLimits {
    fn per_minute(&self, budget: Budget) -> u32 {
        match budget {
            Budget::Request => self.requests_per_minute,
            Budget::Scan => self.scans_per_minute,
            Budget::Login => self.logins_per_minute,
        }
    }
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<(Budget, String), Bucket>>,
}

/// Buckets kept before idle ones are swept, bounding memory under many callers.
const SWEEP_AT: usize = 100_000;

impl RateLimiter {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token from `caller`'s bucket of `budget`; when it is empty,
    /// returns how long until the next token.
    pub fn check(&self, budget: Budget, caller: &str) -> Result<(), Duration> {
        let per_minute = self.limits.per_minute(budget);
        if per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(per_minute);
        let refill_per_sec = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= SWEEP_AT {
            buckets.retain(|_, b| now.duration_since(b.updated) < Duration::from_secs(120));
        }
        let bucket = buckets.entry((budget, caller.to_owned())).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * refill_per_sec).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / refill_per_sec))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caller_over_its_budget_waits_while_others_and_other_budgets_go_on() {
        let limiter = RateLimiter::new(RateLimits {
            requests_per_minute: 0,
            scans_per_minute: 2,
            logins_per_minute: 1,
        });
        assert!(limiter.check(Budget::Scan, "a").is_ok());
        assert!(limiter.check(Budget::Scan, "a").is_ok());
        let wait = limiter.check(Budget::Scan, "a").unwrap_err();
        assert!(
            wait > Duration::from_secs(20) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        assert!(limiter.check(Budget::Scan, "b").is_ok(), "buckets are per caller");
        assert!(limiter.check(Budget::Login, "a").is_ok(), "budgets are separate");
        assert!(limiter.check(Budget::Request, "a").is_ok(), "a zero budget is off");
    }
}
