//! Turning user input into terms and tantivy queries. Queries are built
//! programmatically from analyzed terms, never by a query parser, so `"`, `:`,
//! `(`, `*`, `~`, `^` and `\` in the input are just characters.

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::fields::{Fields, names_query_terms, prose_query_terms};
use super::{Kind, MAX_QUERY_CHARS, MAX_QUERY_WORDS, SearchError};
use crate::taxonomy::normalize_term;

/// How much more a word in a name or alias counts than one in a description.
const NAMES_BOOST: f32 = 3.0;
const PROSE_BOOST: f32 = 1.0;
const FACETS_BOOST: f32 = 0.5;

/// The input, cut to a sane length and normalized like catalog terms, or
/// [`SearchError::EmptyQuery`] when nothing but whitespace and control
/// characters is left.
pub fn normalize_input(raw: &str) -> Result<String, SearchError> {
    let start = raw.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let cut: String = start
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let normalized = normalize_term(&cut);
    if normalized.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    Ok(normalized)
}

/// A search query: its normalized text and its words as each field analyzes them.
#[derive(Debug)]
pub struct QueryText {
    pub normalized: String,
    /// Words with positions as the `names` field sees them (not stemmed).
    pub names_terms: Vec<(usize, String)>,
    /// The same words stemmed, as `prose` and `facets` see them.
    pub prose_terms: Vec<(usize, String)>,
    /// `names_terms` without positions.
    pub words: Vec<String>,
}

impl QueryText {
    pub fn parse(raw: &str) -> Result<Self, SearchError> {
        let normalized = normalize_input(raw)?;
        let mut names_terms = names_query_terms(&normalized);
        let mut prose_terms = prose_query_terms(&normalized);
        names_terms.truncate(MAX_QUERY_WORDS);
        prose_terms.truncate(names_terms.len());
        let words = names_terms.iter().map(|(_, t)| t.clone()).collect();
        Ok(Self {
            normalized,
            names_terms,
            prose_terms,
            words,
        })
    }
}

/// The kinds a search is limited to.
#[derive(Debug, Clone, Copy)]
pub struct KindSet(u8);

impl KindSet {
    /// No kinds given means every kind.
    pub fn new(kinds: &[Kind]) -> Self {
        let bits = kinds.iter().fold(0, |bits, k| bits | Self::bit(*k));
        Self(if bits == 0 { 0b111 } else { bits })
    }

    fn bit(kind: Kind) -> u8 {
        match kind {
            Kind::Skill => 1,
            Kind::Role => 2,
            Kind::Mistake => 4,
        }
    }

    pub fn contains(self, kind: Kind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    fn is_all(self) -> bool {
        self.0 == 0b111
    }
}

/// Builds the tantivy query of each full-text tier.
pub struct TierQueries<'a> {
    fields: &'a Fields,
    kinds: KindSet,
    text: &'a QueryText,
}

impl<'a> TierQueries<'a> {
    pub fn new(fields: &'a Fields, kinds: KindSet, text: &'a QueryText) -> Self {
        Self { fields, kinds, text }
    }

    /// The words in order, in a name, alias, description or category.
    /// `None` for one-word queries, where a phrase is just the word.
    pub fn phrase(&self) -> Option<Box<dyn Query>> {
        if self.text.names_terms.len() < 2 {
            return None;
        }
        let phrase = |field: Field, terms: &[(usize, String)], boost: f32| -> Option<Box<dyn Query>> {
            // tantivy asserts at least two terms.
            (terms.len() >= 2).then(|| -> Box<dyn Query> {
                let terms = terms
                    .iter()
                    .map(|(position, t)| (*position, Term::from_field_text(field, t)))
                    .collect();
                Box::new(BoostQuery::new(Box::new(PhraseQuery::new_with_offset(terms)), boost))
            })
        };
        let any_field = BooleanQuery::union(
            [
                phrase(self.fields.names, &self.text.names_terms, NAMES_BOOST),
                phrase(self.fields.prose, &self.text.prose_terms, PROSE_BOOST),
                phrase(self.fields.facets, &self.text.prose_terms, FACETS_BOOST),
            ]
            .into_iter()
            .flatten()
            .collect(),
        );
        Some(self.restricted(Box::new(any_field)))
    }

    /// Every word somewhere (names, aliases, descriptions, category).
    pub fn all_words(&self) -> Box<dyn Query> {
        let words = (0..self.text.names_terms.len())
            .map(|i| (Occur::Must, self.word_anywhere(i)))
            .collect();
        self.restricted(Box::new(BooleanQuery::new(words)))
    }

    /// At least one word somewhere; documents with more words score higher.
    pub fn some_words(&self) -> Box<dyn Query> {
        let words = (0..self.text.names_terms.len())
            .map(|i| self.word_anywhere(i))
            .collect();
        self.restricted(Box::new(BooleanQuery::union(words)))
    }

    /// Every word in a name or alias, the words `is_known` rejects within
    /// their typo budget but at most `max_edits`. `None` when no word would
    /// allow a typo: the tier would only repeat the exact word matches.
    /// Scores are constant (tantivy's fuzzy queries do not rank); the caller
    /// ranks by edit distance.
    pub fn fuzzy(&self, max_edits: u8, is_known: impl Fn(&str) -> bool) -> Option<Box<dyn Query>> {
        let mut any_typo = false;
        let words = self
            .text
            .names_terms
            .iter()
            .map(|(_, word)| {
                let term = Term::from_field_text(self.fields.names, word);
                let edits = if is_known(word) {
                    0
                } else {
                    typo_budget(word).min(max_edits)
                };
                any_typo |= edits > 0;
                let query: Box<dyn Query> = match edits {
                    0 => Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    edits => Box::new(FuzzyTermQuery::new(term, edits, true)),
                };
                (Occur::Must, query)
            })
            .collect();
        any_typo.then(|| self.restricted(Box::new(BooleanQuery::new(words))))
    }

    /// Word `i` in any text field, weighted by field.
    fn word_anywhere(&self, i: usize) -> Box<dyn Query> {
        let term = |field: Field, text: &str, boost: f32| -> Box<dyn Query> {
            let query = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
            Box::new(BoostQuery::new(Box::new(query), boost))
        };
        let name_word = &self.text.names_terms[i].1;
        let prose_word = self.text.prose_terms.get(i).map_or(name_word, |(_, t)| t);
        Box::new(BooleanQuery::union(vec![
            term(self.fields.names, name_word, NAMES_BOOST),
            term(self.fields.prose, prose_word, PROSE_BOOST),
            term(self.fields.facets, prose_word, FACETS_BOOST),
        ]))
    }

    /// Limits a query to the wanted kinds without changing its scores.
    fn restricted(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        if self.kinds.is_all() {
            return query;
        }
        let kinds = Kind::ALL
            .into_iter()
            .filter(|k| self.kinds.contains(*k))
            .map(|k| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.kind, k.as_str()),
                    IndexRecordOption::Basic,
                ))
            })
            .collect();
        let filter = ConstScoreQuery::new(Box::new(BooleanQuery::union(kinds)), 0.0);
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Must, Box::new(filter)),
        ]))
    }
}

/// Edits allowed in a word: none for one or two characters (`go`, `r`, `c`
/// would match half the catalog), one up to five, two beyond; none past
/// [`MAX_FUZZY_CHARS`], where no real word is and an automaton gets costly.
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        6..=MAX_FUZZY_CHARS => 2,
        _ => 0,
    }
}

const MAX_FUZZY_CHARS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_control_only_input_is_an_empty_query() {
        for raw in ["", "   ", "\t\n", "\u{0}\u{7}\u{1b}", " \u{200b}"] {
            let result = normalize_input(raw);
            if raw == " \u{200b}" {
                // A zero-width space is neither whitespace nor control: a real
                // (if useless) character, so not an empty query.
                assert!(result.is_ok());
            } else {
                assert!(matches!(result, Err(SearchError::EmptyQuery)), "{raw:?}");
            }
        }
    }

    #[test]
    fn long_input_is_cut_to_the_maximum_length() {
        let raw = format!("{}{}", " ".repeat(5000), "python ".repeat(2000));
        let normalized = normalize_input(&raw).unwrap();
        assert!(normalized.starts_with("python python"));
        assert!(normalized.chars().count() <= MAX_QUERY_CHARS);
        let text = QueryText::parse(&raw).unwrap();
        assert_eq!(text.words.len(), MAX_QUERY_WORDS);
    }

    #[test]
    fn control_characters_inside_a_query_separate_words() {
        let text = QueryText::parse("spring\u{0}boot").unwrap();
        assert_eq!(text.words, ["spring", "boot"]);
    }

    #[test]
    fn prose_terms_are_stemmed_and_names_terms_are_not() {
        let text = QueryText::parse("Quantified Achievements").unwrap();
        assert_eq!(text.words, ["quantified", "achievements"]);
        assert_eq!(
            text.prose_terms.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
            ["quantifi", "achiev"]
        );
    }

    #[test]
    fn typo_budgets_grow_with_word_length_and_stop_at_implausible_words() {
        let budgets: Vec<u8> = ["r", "go", "sql", "react", "python", &"x".repeat(32), &"x".repeat(33)]
            .iter()
            .map(|w| typo_budget(w))
            .collect();
        assert_eq!(budgets, [0, 0, 1, 1, 2, 2, 0]);
    }

    #[test]
    fn an_empty_kind_list_means_every_kind() {
        let all = KindSet::new(&[]);
        assert!(Kind::ALL.iter().all(|k| all.contains(*k)));
        let roles = KindSet::new(&[Kind::Role]);
        assert!(roles.contains(Kind::Role) && !roles.contains(Kind::Skill) && !roles.contains(Kind::Mistake));
    }
}
