//! The tantivy schema: one document per skill, role and mistake, and the
//! analyzers that index and query its text fields.

use tantivy::schema::{FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Language, LowerCaser, Stemmer, TextAnalyzer};
use tantivy::{Index, TantivyError};

use super::tokenizer::TechTokenizer;

/// Bumped whenever the schema or an analyzer changes, so that indexes written
/// by an older build are rebuilt instead of answering with other terms.
pub const SCHEMA_VERSION: u32 = 1;

/// Index-time analyzer of names and aliases: technology tokens with parts,
/// not stemmed, so that fuzzy matching compares real spellings.
const NAMES_ANALYZER: &str = "atscan_names";
/// Index-time analyzer of prose: technology tokens with parts, stemmed, so
/// that `achievements` finds `achievement`.
const PROSE_ANALYZER: &str = "atscan_prose";

/// Every field handle of the search schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `skill`, `role` or `mistake`: filters by [`super::Kind`].
    pub kind: Field,
    /// The catalog slug, with `kind` the key back into the catalog.
    pub slug: Field,
    /// The name or title and every alias (a role's job titles), one value each.
    pub names: Field,
    /// Descriptions (a mistake's fix too).
    pub prose: Field,
    /// The category name and what the entry is (`hard skill`, `certification`, `role`).
    pub facets: Field,
    /// How strongly roles ask for the entry; a gentle boost of full-text scores.
    pub popularity: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Self) {
        let mut builder = Schema::builder();
        let text = |analyzer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        let fields = Self {
            kind: builder.add_text_field("kind", STRING | STORED),
            slug: builder.add_text_field("slug", STORED),
            names: builder.add_text_field("names", text(NAMES_ANALYZER)),
            prose: builder.add_text_field("prose", text(PROSE_ANALYZER)),
            facets: builder.add_text_field("facets", text(PROSE_ANALYZER)),
            popularity: builder.add_f64_field("popularity", FAST),
        };
        (builder.build(), fields)
    }

    /// The handles of an index opened from disk; an error if the index was
    /// written with another schema.
    pub fn of(index: &Index) -> Result<Self, TantivyError> {
        let (expected, fields) = Self::schema();
        if index.schema() != expected {
            return Err(TantivyError::SchemaError(
                "the index was written with another schema".into(),
            ));
        }
        Ok(fields)
    }
}

/// Registers the index-time analyzers the schema names; required on every
/// index, new or opened, before writing to it.
pub fn register_analyzers(index: &Index) {
    index
        .tokenizers()
        .register(NAMES_ANALYZER, names_analyzer(TechTokenizer::for_index()));
    index
        .tokenizers()
        .register(PROSE_ANALYZER, prose_analyzer(TechTokenizer::for_index()));
}

fn names_analyzer(tokenizer: TechTokenizer) -> TextAnalyzer {
    TextAnalyzer::builder(tokenizer).filter(LowerCaser).build()
}

fn prose_analyzer(tokenizer: TechTokenizer) -> TextAnalyzer {
    TextAnalyzer::builder(tokenizer)
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Query terms with their positions, as the `names` field indexes them.
pub fn names_query_terms(text: &str) -> Vec<(usize, String)> {
    analyze(names_analyzer(TechTokenizer::for_query()), text)
}

/// Query terms with their positions, as the `prose` and `facets` fields index them.
pub fn prose_query_terms(text: &str) -> Vec<(usize, String)> {
    analyze(prose_analyzer(TechTokenizer::for_query()), text)
}

fn analyze(mut analyzer: TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut terms = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |token| terms.push((token.position, token.text.clone())));
    terms
}
