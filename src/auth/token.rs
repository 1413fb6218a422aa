//! Session tokens: HS256 JWTs with the algorithm pinned and issuer,
//! audience and expiry checked.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

pub const ISSUER: &str = "atscan";
pub const AUDIENCE: &str = "atscan-api";
/// Tokens live one hour at most.
pub const LIFETIME_SECS: i64 = 3600;
pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKeys(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the JWT secret must be at least {MIN_SECRET_BYTES} bytes")]
    WeakSecret,
    #[error("invalid or expired token")]
    Invalid,
}

impl TokenKeys {
    pub fn new(secret: &[u8]) -> Result<Self, TokenError> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(TokenError::WeakSecret);
        }
        // `Validation::new` pins HS256 (so `none` and every other algorithm
        // fail) and requires `exp`; issuer and audience are checked only
        // once set.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        Ok(Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        })
    }

    /// A random secret for development, valid until the process exits.
    pub fn ephemeral() -> Self {
        let mut secret = [0u8; 48];
        getrandom::fill(&mut secret).expect("the operating system provides randomness");
        Self::new(&secret).expect("48 bytes is long enough")
    }

    /// Issues a token for a user; returns it with its expiry (Unix seconds).
    pub fn issue(&self, user_id: i32) -> Result<(String, i64), jsonwebtoken::errors::Error> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + LIFETIME_SECS,
        };
        Ok((
            encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?,
            claims.exp,
        ))
    }

    /// The user id of a valid token.
    pub fn verify(&self, token: &str) -> Result<i32, TokenError> {
        let data = decode::<Claims>(token, &self.decoding, &self.validation).map_err(|_| TokenError::Invalid)?;
        data.claims.sub.parse().map_err(|_| TokenError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn keys() -> TokenKeys {
        TokenKeys::new(&[7u8; 32]).unwrap()
    }

    fn forge(header: &str, claims: &serde_json::Value, signature: &str) -> String {
        format!(
            "{}.{}.{signature}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    }

    fn claims(exp_offset: i64, aud: &str) -> serde_json::Value {
        let now = chrono::Utc::now().timestamp();
        serde_json::json!({ "sub": "1", "iss": ISSUER, "aud": aud, "iat": now, "exp": now + exp_offset })
    }

    #[test]
    fn an_issued_token_verifies_to_its_user() {
        let (token, exp) = keys().issue(42).unwrap();
        assert_eq!(keys().verify(&token).unwrap(), 42);
        assert!(exp - chrono::Utc::now().timestamp() <= LIFETIME_SECS);
    }

    #[test]
    fn a_short_secret_is_refused() {
        assert!(matches!(TokenKeys::new(b"short"), Err(TokenError::WeakSecret)));
    }

    #[test]
    fn unsigned_tokens_and_other_algorithms_are_rejected() {
        let none = forge(r#"{"alg":"none","typ":"JWT"}"#, &claims(600, AUDIENCE), "");
        assert!(keys().verify(&none).is_err());
        let hs512 = {
            let key = EncodingKey::from_secret(&[7u8; 32]);
            encode(&Header::new(Algorithm::HS512), &claims(600, AUDIENCE), &key).unwrap()
        };
        assert!(keys().verify(&hs512).is_err());
    }

    #[test]
    fn bad_signatures_expired_tokens_and_wrong_audiences_are_rejected() {
        let other = TokenKeys::new(&[8u8; 32]).unwrap().issue(1).unwrap().0;
        assert!(keys().verify(&other).is_err(), "signed with another secret");
        let key = EncodingKey::from_secret(&[7u8; 32]);
        let expired = encode(&Header::new(Algorithm::HS256), &claims(-10, AUDIENCE), &key).unwrap();
        assert!(keys().verify(&expired).is_err());
        let wrong_audience = encode(&Header::new(Algorithm::HS256), &claims(600, "someone-else"), &key).unwrap();
        assert!(keys().verify(&wrong_audience).is_err());
    }
}
