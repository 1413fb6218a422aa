//! `suggest`: as-you-type completion of names and aliases from any word start.
//!
//! Served from the in-memory name table rather than tantivy: a completion is
//! one binary search plus a scan of the matching keys (a few microseconds),
//! with no query to build, and it must answer on every keystroke.

use super::hits::HitList;
use super::query::{KindSet, normalize_input};
use super::{Hit, Kind, MAX_LIMIT, MatchKind, SearchError, SearchIndex};

/// Ranks fit in 31 bits of the sort key; no catalog comes near.
const MAX_RANK: u32 = (1 << 31) - 1;

impl SearchIndex {
    /// Completes `prefix` against the words of names and aliases (`reac` ->
    /// React, React Native; `back` -> Backend Developer): names equal to the
    /// prefix first, then entries whose own name starts with it, then the
    /// rest (aliases, later words), each group by popularity. At most
    /// `limit` (capped at [`MAX_LIMIT`]) hits of the wanted `kinds` (all if
    /// empty). A blank prefix is [`SearchError::EmptyQuery`].
    pub fn suggest(&self, prefix: &str, kinds: &[Kind], limit: usize) -> Result<Vec<Hit>, SearchError> {
        let prefix = normalize_input(prefix)?;
        let kinds = KindSet::new(kinds);
        let mut hits = HitList::new(limit.min(MAX_LIMIT), self.names.entity_count());
        if hits.is_full() {
            return Ok(hits.finish());
        }
        // One sortable key per candidate: its group (a name equal to the
        // prefix; an entry's own name or title starting with it; an alias or
        // a later word), then the entry's popularity rank, then, to pick which
        // of its names to show, the name or title and the shortest.
        let mut candidates: Vec<(u64, u32)> = self
            .names
            .with_prefix(&prefix)
            .iter()
            .filter_map(|key| {
                let name = self.names.name(*key);
                let entity = self.names.entity(name.entity);
                if !kinds.contains(entity.kind()) {
                    return None;
                }
                let group: u64 = if key.offset == 0 && name.normalized.len() == prefix.len() {
                    0
                } else if key.offset == 0 && name.primary {
                    1
                } else {
                    2
                };
                let order = (group << 62)
                    | (u64::from(entity.rank.min(MAX_RANK)) << 31)
                    | (u64::from(!name.primary) << 30)
                    | (name.normalized.len() as u64).min((1 << 30) - 1);
                Some((order, key.name))
            })
            .collect();
        candidates.sort_unstable();
        for (order, name) in candidates {
            let name = self.names.name_at(name);
            let entity = self.names.entity(name.entity);
            let tier = if order >> 62 == 0 {
                MatchKind::Exact
            } else {
                MatchKind::Prefix
            };
            hits.push(name.entity, entity, tier, entity.popularity as f32, Some(&name.written));
            if hits.is_full() {
                break;
            }
        }
        Ok(hits.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_catalog::{catalog, slugs};
    use super::*;

    fn suggest(index: &SearchIndex, catalog: &crate::taxonomy::Catalog, prefix: &str) -> Vec<String> {
        slugs(catalog, &index.suggest(prefix, &[], 8).unwrap())
    }

    #[test]
    fn a_prefix_completes_names_by_popularity() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // React is required by a role, React Native by none; the (more
        // popular) frontend role only by its job title `React Developer`.
        assert_eq!(
            suggest(&index, &catalog, "reac"),
            ["react", "react-native", "frontend-developer"]
        );
        assert_eq!(suggest(&index, &catalog, "kuber"), ["kubernetes"]);
        assert_eq!(suggest(&index, &catalog, "Back"), ["backend-developer"]);
    }

    #[test]
    fn a_name_equal_to_the_prefix_comes_before_more_popular_completions() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        // JavaScript is required by two roles, Java by one.
        assert_eq!(suggest(&index, &catalog, "java"), ["java", "javascript"]);
        assert_eq!(suggest(&index, &catalog, "javas"), ["javascript"]);
    }

    #[test]
    fn any_word_of_a_name_or_alias_completes() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        assert_eq!(suggest(&index, &catalog, "nati"), ["react-native"]);
        assert_eq!(suggest(&index, &catalog, "cd"), ["ci-cd"]);
        assert_eq!(suggest(&index, &catalog, "server-s"), ["backend-developer"]);
        assert_eq!(suggest(&index, &catalog, "react nat"), ["react-native"]);
    }

    #[test]
    fn the_matched_alias_is_reported_once_per_entry() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        let hits = index.suggest("k8", &[], 8).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched_text.as_deref(), Some("k8s"));
        assert_eq!(hits[0].matched_by, MatchKind::Prefix);
        // `react`, `reactjs`, `react.js` all complete `react`: React once, by its name.
        let hits = index.suggest("react", &[], 8).unwrap();
        assert_eq!(slugs(&catalog, &hits), ["react", "react-native", "frontend-developer"]);
        assert_eq!(hits[2].matched_text.as_deref(), Some("React Developer"));
        assert_eq!(hits[0].matched_text.as_deref(), Some("React"));
        assert_eq!(hits[0].matched_by, MatchKind::Exact);
    }

    #[test]
    fn kinds_and_limit_apply() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        assert_eq!(
            slugs(&catalog, &index.suggest("data", &[Kind::Role], 8).unwrap()),
            ["data-scientist"]
        );
        assert!(
            index
                .suggest("data", &[Kind::Skill, Kind::Mistake], 8)
                .unwrap()
                .is_empty()
        );
        assert_eq!(index.suggest("c", &[], 3).unwrap().len(), 3);
        assert!(index.suggest("c", &[], 0).unwrap().is_empty());
        assert!(index.suggest("zzz", &[], 8).unwrap().is_empty());
    }

    #[test]
    fn blank_prefixes_are_an_empty_query_and_odd_ones_are_harmless() {
        let catalog = catalog();
        let index = SearchIndex::in_memory(&catalog).unwrap();
        assert!(matches!(index.suggest("  ", &[], 8), Err(SearchError::EmptyQuery)));
        for prefix in ["\"", "(", "*", "\\", "~", "^", "c++", "🦀", &"x".repeat(10_000)] {
            assert!(index.suggest(prefix, &[], 8).is_ok(), "{prefix:?}");
        }
        assert_eq!(suggest(&index, &catalog, "c+"), ["cpp"]);
    }
}
