//! `atscan user` and `atscan api-key`: accounts managed from a shell.

use anyhow::Context as _;

use super::out;
use super::{ApiKeyCommand, UserCommand};
use crate::auth::api_key::{self, Scope, format_scopes};
use crate::auth::password::hash_password;
use crate::store::accounts;

pub(super) async fn run_user(db: &sea_orm::DatabaseConnection, action: UserCommand) -> anyhow::Result<()> {
    match action {
        UserCommand::Create { email, role } => {
            let password = match std::env::var("ATSCAN_PASSWORD") {
                Ok(password) => password,
                Err(_) => rpassword::prompt_password(format!("password for {email}: "))?,
            };
            anyhow::ensure!(
                password.chars().count() >= 12,
                "the password must have at least 12 characters"
            );
            let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
            let user = accounts::create_user(db, email.trim(), &hash, &role)
                .await
                .with_context(|| format!("creating {email} (does the account exist already?)"))?;
            eprintln!("created {} user {} (id {})", user.role, user.email, user.id);
        }
        UserCommand::List => {
            for user in accounts::list_users(db).await? {
                let state = if user.disabled { "disabled" } else { "active" };
                out(format_args!("{}\t{}\t{}\t{state}\n", user.id, user.email, user.role))?;
            }
        }
        UserCommand::Disable { email } => {
            anyhow::ensure!(accounts::disable_user(db, &email).await?, "no user {email}");
            eprintln!("disabled {email}");
        }
    }
    Ok(())
}

pub(super) async fn run_api_key(db: &sea_orm::DatabaseConnection, action: ApiKeyCommand) -> anyhow::Result<()> {
    match action {
        ApiKeyCommand::Create { name, scopes } => {
            let parsed: Vec<Scope> = scopes
                .iter()
                .map(|s| {
                    Scope::parse(s.trim()).ok_or_else(|| anyhow::anyhow!("unknown scope `{s}`: use scan, read, curate"))
                })
                .collect::<anyhow::Result<_>>()?;
            let key = api_key::generate();
            let row =
                accounts::create_api_key(db, &name, &key.prefix, &key.hash, &format_scopes(&parsed), None).await?;
            eprintln!(
                "created API key {} `{}` with scopes {}; it is shown only now:",
                row.id, row.name, row.scopes
            );
            out(format_args!("{}\n", key.secret))?;
        }
        ApiKeyCommand::List => {
            for key in accounts::list_api_keys(db).await? {
                let state = key.revoked_at.map_or("live".to_owned(), |t| format!("revoked {t}"));
                out(format_args!(
                    "{}\t{}\t{}…\t{}\t{state}\n",
                    key.id, key.name, key.prefix, key.scopes
                ))?;
            }
        }
        ApiKeyCommand::Revoke { id } => {
            anyhow::ensure!(accounts::revoke_api_key(db, id).await?, "no live API key {id}");
            eprintln!("revoked API key {id}");
        }
    }
    Ok(())
}
