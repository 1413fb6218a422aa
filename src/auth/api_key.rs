//! API keys for platforms: random, shown once, stored as a SHA-256 hash.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Every key starts with this, so a bearer token is told apart from a JWT.
pub const KEY_PREFIX: &str = "atk_";

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Scan,
    Read,
    Curate,
}

impl Scope {
    pub const ALL: [Self; 3] = [Self::Scan, Self::Read, Self::Curate];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scan => "scan",
            Self::Read => "read",
            Self::Curate => "curate",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// Parses a comma-separated scope list as stored.
pub fn parse_scopes(text: &str) -> Vec<Scope> {
    text.split(',').filter_map(|s| Scope::parse(s.trim())).collect()
}

pub fn format_scopes(scopes: &[Scope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

/// A new key: the secret to show once, its display prefix and its hash.
pub struct NewKey {
    pub secret: String,
    pub prefix: String,
    pub hash: String,
}

pub fn generate() -> NewKey {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let secret = format!("{KEY_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    let prefix = secret.chars().take(KEY_PREFIX.len() + 6).collect();
    NewKey {
        hash: hash_key(&secret),
        prefix,
        secret,
    }
}

/// Keys carry 256 random bits, so a fast hash is enough to store them.
pub fn hash_key(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_distinct_and_hash_to_what_is_stored() {
        let a = generate();
        let b = generate();
        assert_ne!(a.secret, b.secret);
        assert!(a.secret.starts_with(KEY_PREFIX) && a.secret.len() > 40);
        assert_eq!(hash_key(&a.secret), a.hash);
        assert!(!a.hash.contains(&a.secret));
    }
}
