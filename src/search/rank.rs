//! `search`: runs the ranking tiers strongest first and stops as soon as the
//! results are full, so a typo automaton is only built when the cheaper
//! tiers did not already fill the page.

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use super::distance::edit_distance;
use super::hits::{HitList, TextMatch};
use super::names::Name;
use super::query::{KindSet, QueryText, TierQueries};
use super::{Hit, Kind, MAX_LIMIT, MatchKind, SearchError, SearchIndex};

/// Shortest query that completes names in the prefix tier: one letter would
/// list half the catalog ahead of real word matches.
const MIN_PREFIX_CHARS: usize = 2;
/// How much popularity lifts a full-text score: `1 + w * ln(1 + popularity)`,
/// enough to order near-equal matches, too little to beat a better match.
const POPULARITY_WEIGHT: f32 = 0.1;
/// Documents fetched beyond the limit by each full-text tier, to re-rank.
const EXTRA_CANDIDATES: usize = 20;

impl SearchIndex {
    /// Searches names, aliases, descriptions and categories of the wanted
    /// `kinds` (all if empty), best first, at most `limit` (capped at
    /// [`MAX_LIMIT`]) hits.
    pub fn search(&self, query: &str, kinds: &[Kind], limit: usize) -> Result<Vec<Hit>, SearchError> {
        let text = QueryText::parse(query)?;
        let kinds = KindSet::new(kinds);
        let mut hits = HitList::new(limit.min(MAX_LIMIT), self.names.entity_count());
        self.exact_tier(&text, kinds, &mut hits);
        self.prefix_tier(&text, kinds, &mut hits);
        if hits.is_full() || text.words.is_empty() {
            return Ok(hits.finish());
        }
        let searcher = self.reader.searcher();
        let queries = TierQueries::new(&self.fields, kinds, &text);
        if let Some(phrase) = queries.phrase() {
            let matches = self.text_matches(&searcher, phrase.as_ref(), &text, &hits)?;
            hits.push_text(matches, MatchKind::Phrase);
        }
        // A name within a typo of the query says more than the query's word
        // in someone else's description: `kubernets` (which stems like
        // `kubernetes`) must find Kubernetes before the skills that mention it.
        let (in_names, in_descriptions): (Vec<_>, Vec<_>) = self
            .text_matches(&searcher, queries.all_words().as_ref(), &text, &hits)?
            .into_iter()
            .partition(|m| m.name.is_some());
        hits.push_text(in_names, MatchKind::AllWords);
        self.fuzzy_tier(&searcher, &queries, &text, &mut hits)?;
        hits.push_text(in_descriptions, MatchKind::Description);
        if text.words.len() > 1 && !hits.is_full() {
            let matches = self.text_matches(&searcher, queries.some_words().as_ref(), &text, &hits)?;
            hits.push_text(matches, MatchKind::SomeWords);
        }
        Ok(hits.finish())
    }

    /// Names and aliases equal to the query: the name or title first, then
    /// by popularity.
    fn exact_tier(&self, text: &QueryText, kinds: KindSet, hits: &mut HitList) {
        let mut exact: Vec<&Name> = self
            .names
            .exact(&text.normalized)
            .filter(|name| kinds.contains(self.names.entity(name.entity).kind()))
            .collect();
        exact.sort_by_key(|name| (!name.primary, self.names.entity(name.entity).rank));
        for name in exact {
            let entity = self.names.entity(name.entity);
            hits.push(
                name.entity,
                entity,
                MatchKind::Exact,
                entity.popularity as f32,
                Some(&name.written),
            );
        }
    }

    /// Names, then aliases, that the query starts and ends inside a word of
    /// (`kube` of `kubernetes`, `spring bo` of `spring boot`), by popularity.
    /// A query that ends where a word of the name ends (`nurse` of `nurse
    /// triage`) is a word match like any other and is left to full text, so
    /// that `Registered Nurse` can outrank it. Nor does a single word that is
    /// already a whole word of some name complete to longer ones: `go` is not
    /// `Google Cloud`, `data` not `Database Design` (that is `suggest`'s job).
    fn prefix_tier(&self, text: &QueryText, kinds: KindSet, hits: &mut HitList) {
        let finished_word = matches!(text.words.as_slice(), [word] if self.names.is_term(word));
        if hits.is_full() || finished_word || text.normalized.chars().count() < MIN_PREFIX_CHARS {
            return;
        }
        let mut prefixed: Vec<&Name> = self
            .names
            .with_prefix(&text.normalized)
            .iter()
            .filter(|key| key.offset == 0)
            .map(|key| self.names.name(*key))
            .filter(|name| completes_a_word(&name.normalized, &text.normalized))
            .filter(|name| kinds.contains(self.names.entity(name.entity).kind()))
            .collect();
        // An entry's own name before an alias (`react native` before the job
        // title `react developer` for `react`), then by popularity.
        prefixed.sort_by_key(|name| {
            (
                !name.primary,
                self.names.entity(name.entity).rank,
                name.normalized.len(),
            )
        });
        for name in prefixed {
            let entity = self.names.entity(name.entity);
            hits.push(
                name.entity,
                entity,
                MatchKind::Prefix,
                entity.popularity as f32,
                Some(&name.written),
            );
            if hits.is_full() {
                break;
            }
        }
    }

    /// The documents of a BM25 tier not placed yet, best first: lifted a
    /// little by popularity, and within the tier a match in a name before
    /// one in a description, a name made only of query words (`react` for
    /// `react^3`) before one that says more (`react native`).
    fn text_matches(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        text: &QueryText,
        hits: &HitList,
    ) -> Result<Vec<TextMatch<'_>>, SearchError> {
        if hits.is_full() {
            return Ok(Vec::new());
        }
        // Documents already placed by a stronger tier come back too (the top
        // `limit` still holds enough new ones to fill the list); a few more
        // give the name-first ordering below a name match that BM25 ranked
        // just under a run of long descriptions.
        let wanted = hits.limit() + EXTRA_CANDIDATES;
        let top = searcher.search(query, &TopDocs::with_limit(wanted).tweak_score(popularity_lift))?;
        let mut matches: Vec<TextMatch<'_>> = top
            .into_iter()
            .filter_map(|(score, address)| self.entity_at(searcher, address).map(|entity| (score, entity)))
            .filter(|(_, entity)| !hits.contains(*entity))
            .map(|(score, entity)| TextMatch {
                entity,
                info: self.names.entity(entity),
                score,
                name: self.names.best_name_for(entity, &text.words),
            })
            .collect();
        matches.sort_by(|a, b| {
            let strength = |m: &TextMatch<'_>| m.name.map_or((0, false), |n| (n.held, n.covered));
            strength(b).cmp(&strength(a)).then(b.score.total_cmp(&a.score))
        });
        Ok(matches)
    }

    /// Every word in a name or alias, words unknown to the names allowing
    /// typos, ranked by the edits needed, then by how little else the name
    /// says, then popularity. A distance-2 automaton costs ~0.1 ms per word,
    /// so one edit is tried first and two only if one finds nothing; a
    /// query of known words skips the tier, which could only repeat the exact
    /// word matches of the tiers above.
    fn fuzzy_tier(
        &self,
        searcher: &Searcher,
        queries: &TierQueries<'_>,
        text: &QueryText,
        hits: &mut HitList,
    ) -> Result<(), SearchError> {
        if hits.is_full() {
            return Ok(());
        }
        let is_known = |word: &str| self.names.is_term(word);
        let Some(one_edit) = queries.fuzzy(1, is_known) else {
            return Ok(());
        };
        let mut found = searcher.search(one_edit.as_ref(), &DocSetCollector)?;
        if found.is_empty()
            && let Some(two_edits) = queries.fuzzy(2, is_known)
        {
            found = searcher.search(two_edits.as_ref(), &DocSetCollector)?;
        }
        // Per entry, its closest name: fewest edits, then the length closest
        // to the query's (`Python` before `Python pandas` for `pyhton`).
        let mut ranked: Vec<(usize, usize, u32, u32, &Name)> = found
            .into_iter()
            .filter_map(|address| self.entity_at(searcher, address))
            .filter(|entity| !hits.contains(*entity))
            .filter_map(|entity| {
                let closeness = |name: &Name| {
                    let gap = name.normalized.len().abs_diff(text.normalized.len());
                    (typo_cost(&text.words, name), gap, !name.primary)
                };
                let name = self.names.names_of(entity).iter().min_by_key(|name| closeness(name))?;
                let (edits, gap, _) = closeness(name);
                Some((edits, gap, self.names.entity(entity).rank, entity, name))
            })
            .collect();
        ranked.sort_by_key(|&(edits, gap, rank, _, _)| (edits, gap, rank));
        for (edits, _, _, entity, name) in ranked {
            let strength = 1.0 / (1.0 + edits as f32);
            let info = self.names.entity(entity);
            hits.push(entity, info, MatchKind::Fuzzy, strength, Some(&name.written));
        }
        Ok(())
    }
}

/// Whether `query` is a prefix of `name` that stops inside one of its words.
fn completes_a_word(name: &str, query: &str) -> bool {
    name.get(query.len()..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|next| !next.is_whitespace())
}

/// Edits needed to turn each query word into the closest word of `name`.
fn typo_cost(words: &[String], name: &Name) -> usize {
    words
        .iter()
        .map(|word| {
            name.terms
                .iter()
                // Beyond two edits no fuzzy query matched; skip the work.
                .filter(|term| term.len().abs_diff(word.len()) <= 2)
                .map(|term| edit_distance(word, term))
                .min()
                .unwrap_or(word.len())
        })
        .sum()
}

fn popularity_lift(segment: &SegmentReader) -> impl Fn(DocId, Score) -> Score + use<> {
    let popularity = segment
        .fast_fields()
        .f64("popularity")
        .ok()
        .map(|column| column.first_or_default_col(0.0));
    move |doc, score| {
        let popularity = popularity.as_ref().map_or(0.0, |c| c.get_val(doc)).max(0.0);
        score * (1.0 + POPULARITY_WEIGHT * popularity.ln_1p() as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_catalog::{catalog, slug, slugs};
    use super::*;
    use crate::taxonomy::Catalog;

    fn search(index: &SearchIndex, catalog: &Catalog, query: &str) -> Vec<(String, MatchKind, Option<String>)> {
        index
            .search(query, &[], 10)
            .unwrap()
            .into_iter()
            .map(|hit| (slug(catalog, &hit), hit.matched_by, hit.matched_text))
            .collect()
    }

    fn top(index: &SearchIndex, catalog: &Catalog, query: &str) -> (String, MatchKind, Option<String>) {
        let hits = search(index, catalog, query);
        hits.into_iter()
            .next()
            .unwrap_or_else(|| panic!("no hit for {query:?}"))
    }

    #[test]
    fn an_alias_finds_the_canonical_entry_and_names_the_alias() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        for (query, expected, alias) in [
            ("k8s", "kubernetes", "k8s"),
            ("Postgres", "postgresql", "postgres"),
            ("reactjs", "react", "reactjs"),
            ("continuous integration", "ci-cd", "continuous integration"),
            ("backend engineer", "backend-developer", "Backend Engineer"),
        ] {
            assert_eq!(
                top(&index, &catalog, query),
                (expected.into(), MatchKind::Exact, Some(alias.into())),
                "{query}"
            );
        }
    }

    #[test]
    fn technology_names_with_punctuation_are_found_as_typed() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        for (query, expected) in [
            ("c++", "cpp"),
            ("C#", "csharp"),
            (".net", "dotnet"),
            ("node.js", "nodejs"),
            ("ci/cd", "ci-cd"),
            ("pl/sql", "pl-sql"),
            ("t-sql", "t-sql"),
            ("a/b testing", "ab-testing"),
            ("objective-c", "objective-c"),
        ] {
            assert_eq!(top(&index, &catalog, query).0, expected, "{query}");
        }
    }

    #[test]
    fn the_letter_c_finds_c_and_not_the_other_c_languages() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = index.search("c", &[], 50).unwrap();
        assert_eq!(slug(&catalog, &hits[0]), "c");
        // Only names with the word `c` in them follow (`c sharp`), never
        // C-something written as one word.
        for hit in &hits[1..] {
            let matched = hit.matched_text.as_deref().unwrap_or_default().to_lowercase();
            assert!(matched.split(' ').any(|w| w == "c"), "{hit:?}");
        }
        let found = slugs(&catalog, &hits);
        assert!(!found.iter().any(|s| s == "objective-c" || s == "dotnet"), "{found:?}");
    }

    #[test]
    fn exact_then_prefix_then_full_text_matches() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = search(&index, &catalog, "react");
        assert_eq!(hits[0], ("react".into(), MatchKind::Exact, Some("React".into())));
        // `react` is a whole word of these names: a word match, not a prefix.
        assert!(hits[1..3].contains(&("react-native".into(), MatchKind::AllWords, Some("React Native".into()))));
        let frontend = (
            "frontend-developer".into(),
            MatchKind::AllWords,
            Some("React Developer".into()),
        );
        assert!(hits[1..3].contains(&frontend), "{hits:?}");
        // Redux only mentions React in its description: no name matched.
        assert_eq!(hits[3], ("redux".into(), MatchKind::Description, None));
    }

    #[test]
    fn a_partial_word_completes_names_before_aliases() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = search(&index, &catalog, "reac");
        assert_eq!(
            hits,
            [
                ("react".into(), MatchKind::Prefix, Some("React".into())),
                ("react-native".into(), MatchKind::Prefix, Some("React Native".into())),
                (
                    "frontend-developer".into(),
                    MatchKind::Prefix,
                    Some("React Developer".into())
                ),
            ]
        );
    }

    #[test]
    fn a_finished_word_is_not_completed_to_longer_words() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // `java` is a word (Java's name): JavaScript is not a match.
        let found = slugs(&catalog, &index.search("java", &[], 10).unwrap());
        assert_eq!(found[0], "java");
        assert!(!found.contains(&"javascript".to_owned()), "{found:?}");
        // `javas` is no word: it completes.
        let hits = index.search("javas", &[], 10).unwrap();
        assert_eq!(
            (slug(&catalog, &hits[0]), hits[0].matched_by),
            ("javascript".into(), MatchKind::Prefix)
        );
    }

    #[test]
    fn a_word_inside_a_name_is_a_full_text_match_naming_that_name() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = search(&index, &catalog, "native");
        assert_eq!(
            hits[0],
            ("react-native".into(), MatchKind::AllWords, Some("React Native".into()))
        );
    }

    #[test]
    fn typos_are_forgiven_in_the_last_tier() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        for (query, expected, written) in [
            ("kubernets", "kubernetes", "Kubernetes"),
            ("postgress", "postgresql", "postgres"),
            ("javscript", "javascript", "JavaScript"),
            ("pyhton", "python", "Python"),
            ("djnago", "django", "Django"),
            ("machne learning", "machine-learning", "Machine Learning"),
        ] {
            assert_eq!(
                top(&index, &catalog, query),
                (expected.into(), MatchKind::Fuzzy, Some(written.into())),
                "{query}"
            );
        }
    }

    #[test]
    fn a_name_within_a_typo_beats_the_word_in_another_description() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // Docker's description mentions Kubernetes, and `kubernets` stems
        // like `kubernetes`: a description match, below the fuzzy name match.
        let hits = search(&index, &catalog, "kubernets");
        assert_eq!(
            hits[0],
            ("kubernetes".into(), MatchKind::Fuzzy, Some("Kubernetes".into()))
        );
        assert_eq!(hits[1], ("docker".into(), MatchKind::Description, None));
    }

    #[test]
    fn a_word_that_names_something_is_not_read_as_a_typo() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // `psql` (PostgreSQL) is one edit from `sql`, but `sql` is a name.
        let hits = search(&index, &catalog, "sql");
        assert!(
            hits.iter()
                .all(|(slug, by, _)| slug != "postgresql" && *by != MatchKind::Fuzzy),
            "{hits:?}"
        );
    }

    #[test]
    fn two_typos_are_forgiven_in_long_words() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        assert_eq!(
            top(&index, &catalog, "kubrnets"),
            ("kubernetes".into(), MatchKind::Fuzzy, Some("Kubernetes".into()))
        );
        assert!(
            search(&index, &catalog, "kbrnets").is_empty(),
            "three edits are too many"
        );
    }

    #[test]
    fn short_words_are_not_matched_with_typos() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // `jz` is one edit from `js`; two letters allow none.
        assert!(index.search("jz", &[], 10).unwrap().is_empty());
    }

    #[test]
    fn the_words_as_a_phrase_rank_above_the_same_words_apart() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = search(&index, &catalog, "container orchestration");
        assert_eq!(hits[0].0, "kubernetes");
        assert_eq!(hits[0].1, MatchKind::Phrase);
        assert_eq!(hits[1], ("docker".into(), MatchKind::Description, None));
    }

    #[test]
    fn a_multi_word_query_falls_back_to_some_of_its_words() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = search(&index, &catalog, "deep sea diving");
        assert_eq!(
            hits[0],
            (
                "deep-learning".into(),
                MatchKind::SomeWords,
                Some("Deep Learning".into())
            )
        );
    }

    #[test]
    fn mistakes_are_found_by_their_description_with_stemming() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = index.search("quantified result", &[Kind::Mistake], 10).unwrap();
        assert_eq!(slugs(&catalog, &hits), ["unquantified-achievements"]);
        assert_eq!(hits[0].matched_by, MatchKind::Description);
    }

    #[test]
    fn kinds_limit_the_results_in_every_tier() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let roles = index.search("developer", &[Kind::Role], 10).unwrap();
        assert_eq!(slugs(&catalog, &roles), ["backend-developer", "frontend-developer"]);
        let skills = index.search("backend", &[Kind::Skill], 10).unwrap();
        assert_eq!(slugs(&catalog, &skills), ["python"]);
        assert!(index.search("k8s", &[Kind::Mistake], 10).unwrap().is_empty());
        assert!(index.search("kubernets", &[Kind::Role], 10).unwrap().is_empty());
    }

    #[test]
    fn scores_decrease_along_the_results() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        for query in ["react", "language", "machne learning", "deep sea diving", "data"] {
            let hits = index.search(query, &[], 50).unwrap();
            assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{query}: {hits:?}");
        }
    }

    #[test]
    fn every_entry_appears_once_at_its_best_tier() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = index.search("react", &[], 50).unwrap();
        let mut targets: Vec<_> = hits.iter().map(|h| h.target).collect();
        targets.sort_by_key(|t| format!("{t:?}"));
        targets.dedup();
        assert_eq!(targets.len(), hits.len());
    }

    #[test]
    fn limit_is_honoured_and_capped() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        assert!(index.search("react", &[], 0).unwrap().is_empty());
        assert_eq!(index.search("language", &[], 2).unwrap().len(), 2);

        let mut taxonomy = super::super::test_catalog::taxonomy();
        let template = taxonomy.skills[0].clone();
        for i in 0..80 {
            let mut skill = template.clone();
            skill.slug = format!("filler-{i}");
            skill.name = format!("Filler {i}");
            taxonomy.skills.push(skill);
        }
        let big = Catalog::build(taxonomy, 1).unwrap();
        let index = SearchIndex::in_memory(&big).unwrap();
        assert_eq!(index.search("filler", &[], 1000).unwrap().len(), MAX_LIMIT);
    }

    #[test]
    fn blank_input_is_an_empty_query_error() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        for query in ["", "   ", "\n\t", "\u{0}\u{1f}"] {
            assert!(
                matches!(index.search(query, &[], 10), Err(SearchError::EmptyQuery)),
                "{query:?}"
            );
        }
    }

    #[test]
    fn query_syntax_and_odd_input_are_plain_text() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let long = "kubernetes ".repeat(1000);
        for query in [
            "\"",
            "\"react",
            "react:",
            "name:react",
            "(react",
            "react)",
            "*",
            "react*",
            "~",
            "react~2",
            "^",
            "react^3",
            "\\",
            "AND",
            "OR NOT",
            "+-&&||!{}[]",
            "\u{0}react",
            "🦀",
            "\u{202e}react",
            long.as_str(),
        ] {
            let result = index.search(query, &[], 10);
            assert!(result.is_ok(), "{query:?}: {result:?}");
        }
        // The operators are ignored, the words still count.
        assert_eq!(top(&index, &catalog, "react^3").0, "react");
        assert_eq!(top(&index, &catalog, "name:react").0, "react");
        assert_eq!(top(&index, &catalog, &long).0, "kubernetes");
    }
}
