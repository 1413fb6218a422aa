//! Who is calling and what they may do: users with JWT sessions, platforms
//! with API keys, and anonymous visitors.

pub mod api_key;
pub mod password;
pub mod token;

use axum::http::{HeaderMap, header};
use sea_orm::DatabaseConnection;

use self::api_key::{KEY_PREFIX, Scope, hash_key, parse_scopes};
use self::token::TokenKeys;
use crate::graphql::error::ApiError;
use crate::store::accounts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserRole {
    Admin,
    Editor,
}

impl UserRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Editor => "editor",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "admin" => Some(Self::Admin),
            "editor" => Some(Self::Editor),
            _ => None,
        }
    }
}

/// What an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Read,
    Scan,
    Curate,
    /// Accounts, keys, audit log, whole-taxonomy import and export.
    Administer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    User { id: i32, email: String, role: UserRole },
    ApiKey { id: i32, name: String, scopes: Vec<Scope> },
}

/// What anonymous callers may do; both on by default for a public site.
#[derive(Debug, Clone, Copy)]
pub struct PublicAccess {
    pub read: bool,
    pub scan: bool,
}

impl Principal {
    /// Succeeds when the caller may do `permission`; anonymous callers get
    /// UNAUTHENTICATED, known callers without the right FORBIDDEN.
    pub fn require(&self, permission: Permission, public: PublicAccess) -> Result<(), ApiError> {
        let allowed = match (self, permission) {
            (Self::Anonymous, Permission::Read) => public.read,
            (Self::Anonymous, Permission::Scan) => public.scan,
            (Self::Anonymous, _) => false,
            (
                Self::User {
                    role: UserRole::Admin, ..
                },
                _,
            ) => true,
            (
                Self::User {
                    role: UserRole::Editor, ..
                },
                permission,
            ) => permission != Permission::Administer,
            (Self::ApiKey { scopes, .. }, permission) => match permission {
                Permission::Read => scopes.contains(&Scope::Read),
                Permission::Scan => scopes.contains(&Scope::Scan),
                Permission::Curate => scopes.contains(&Scope::Curate),
                Permission::Administer => false,
            },
        };
        match (allowed, self) {
            (true, _) => Ok(()),
            (false, Self::Anonymous) => Err(ApiError::Unauthenticated("sign in or send an API key".into())),
            (false, _) => Err(ApiError::Forbidden(format!(
                "this account may not {}",
                permission_verb(permission)
            ))),
        }
    }

    /// How the audit log names the caller.
    pub fn actor(&self) -> String {
        match self {
            Self::Anonymous => "anonymous".into(),
            Self::User { email, .. } => format!("user:{email}"),
            Self::ApiKey { name, id, .. } => format!("api-key:{id}:{name}"),
        }
    }

    /// The rate-limit bucket of a caller: the key, the user, or else the client IP.
    pub fn rate_key(&self, client_ip: std::net::IpAddr) -> String {
        match self {
            Self::Anonymous => format!("ip:{client_ip}"),
            Self::User { id, .. } => format!("user:{id}"),
            Self::ApiKey { id, .. } => format!("key:{id}"),
        }
    }
}

fn permission_verb(permission: Permission) -> &'static str {
    match permission {
        Permission::Read => "read the taxonomy",
        Permission::Scan => "scan",
        Permission::Curate => "curate the taxonomy",
        Permission::Administer => "administer atscan",
    }
}

/// Turns request credentials into a principal.
#[derive(Debug, Clone)]
pub struct Authenticator {
    pub keys: TokenKeys,
    db: DatabaseConnection,
}

impl Authenticator {
    pub fn new(keys: TokenKeys, db: DatabaseConnection) -> Self {
        Self { keys, db }
    }

    /// No credentials make an anonymous caller; bad credentials are an
    /// error (never silently anonymous), so a client learns its token expired.
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<Principal, ApiError> {
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim);
        let api_key = headers.get("x-api-key").and_then(|v| v.to_str().ok()).map(str::trim);
        let invalid = || ApiError::Unauthenticated("invalid or expired credentials".into());
        match (bearer, api_key) {
            (None, None) => Ok(Principal::Anonymous),
            (Some(key), _) | (None, Some(key)) if key.starts_with(KEY_PREFIX) => {
                let row = accounts::find_api_key(&self.db, &hash_key(key))
                    .await
                    .map_err(ApiError::internal)?;
                let row = row.ok_or_else(invalid)?;
                Ok(Principal::ApiKey {
                    id: row.id,
                    name: row.name,
                    scopes: parse_scopes(&row.scopes),
                })
            }
            (Some(token), _) => {
                let id = self.keys.verify(token).map_err(|_| invalid())?;
                let user = accounts::find_user(&self.db, id).await.map_err(ApiError::internal)?;
                let user = user.filter(|u| !u.disabled).ok_or_else(invalid)?;
                let role = UserRole::parse(&user.role).ok_or_else(invalid)?;
                Ok(Principal::User {
                    id: user.id,
                    email: user.email,
                    role,
                })
            }
            (None, Some(_)) => Err(invalid()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLIC: PublicAccess = PublicAccess { read: true, scan: true };

    fn key(scopes: &[Scope]) -> Principal {
        Principal::ApiKey {
            id: 1,
            name: "k".into(),
            scopes: scopes.to_vec(),
        }
    }

    #[test]
    fn each_caller_may_do_exactly_what_its_role_or_scopes_allow() {
        let editor = Principal::User {
            id: 1,
            email: "e@x".into(),
            role: UserRole::Editor,
        };
        let admin = Principal::User {
            id: 2,
            email: "a@x".into(),
            role: UserRole::Admin,
        };
        let code = |p: &Principal, perm| p.require(perm, PUBLIC).err().map(|e| e.code());
        use Permission::*;
        assert_eq!(code(&Principal::Anonymous, Read), None);
        assert_eq!(code(&Principal::Anonymous, Scan), None);
        assert_eq!(code(&Principal::Anonymous, Curate), Some("UNAUTHENTICATED"));
        assert_eq!(code(&editor, Curate), None);
        assert_eq!(code(&editor, Administer), Some("FORBIDDEN"));
        assert_eq!(code(&admin, Administer), None);
        assert_eq!(code(&key(&[Scope::Scan]), Scan), None);
        assert_eq!(code(&key(&[Scope::Scan]), Read), Some("FORBIDDEN"));
        assert_eq!(code(&key(&[Scope::Read]), Curate), Some("FORBIDDEN"));
        assert_eq!(code(&key(&[Scope::Curate]), Curate), None);
        assert_eq!(code(&key(&Scope::ALL), Administer), Some("FORBIDDEN"));
    }

    #[test]
    fn public_access_can_be_closed() {
        let closed = PublicAccess {
            read: false,
            scan: false,
        };
        assert_eq!(
            Principal::Anonymous
                .require(Permission::Scan, closed)
                .unwrap_err()
                .code(),
            "UNAUTHENTICATED"
        );
    }
}
