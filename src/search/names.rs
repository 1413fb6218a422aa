//! Every name and alias in memory, sorted by each word start: serves the
//! exact and prefix tiers of search, completion, and tells which name matched.
//!
//! Why not tantivy for these: an exact or prefix lookup here is one binary
//! search over ~25k keys (well under a microsecond), needs no term-dictionary
//! range scan, and yields the written alias (`k8s`) directly, which a tantivy
//! hit would only give after reading the stored document and re-matching.
//! The table is rebuilt from the catalog whenever an index is opened (~ms).

use std::collections::HashSet;
use std::ops::Range;

use super::entries::entries;
use super::tokenizer::tokens;
use super::{Kind, Target};
use crate::taxonomy::{Catalog, normalize_term};

#[derive(Debug)]
pub struct Entity {
    pub target: Target,
    pub popularity: f64,
    /// Position in popularity order (0 = most popular); unique, so it also
    /// breaks ties deterministically.
    pub rank: u32,
    names: Range<u32>,
}

#[derive(Debug)]
pub struct Name {
    pub entity: u32,
    /// As curated, e.g. `K8s`.
    pub written: Box<str>,
    pub normalized: Box<str>,
    /// The terms the index holds for this name (parts included).
    pub terms: Box<[Box<str>]>,
    /// Its whole words, as a query is split.
    pub words: Box<[Box<str>]>,
    /// The entity's name or title rather than an alias.
    pub primary: bool,
}

/// A name seen from one of its word starts: `react native` is found from
/// `react` and from `native`.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: u32,
    /// Byte offset of the word start in the normalized name.
    pub offset: u32,
}

#[derive(Debug)]
pub struct NameTable {
    entities: Vec<Entity>,
    names: Vec<Name>,
    keys: Vec<Key>,
    /// Every term of every name (whole words and their parts), as the
    /// `names` field indexes them.
    terms: HashSet<Box<str>>,
    skills: u32,
    roles: u32,
}

impl NameTable {
    pub fn build(catalog: &Catalog) -> Self {
        let mut entities = Vec::new();
        let mut names: Vec<Name> = Vec::new();
        for entry in entries(catalog) {
            let entity = entities.len() as u32;
            let first = names.len();
            for (i, written) in std::iter::once(entry.name)
                .chain(entry.aliases.iter().map(String::as_str))
                .enumerate()
            {
                let normalized = normalize_term(written);
                if normalized.is_empty() || names[first..].iter().any(|n| *n.normalized == *normalized) {
                    continue;
                }
                names.push(Name {
                    entity,
                    written: written.into(),
                    terms: tokens(&normalized, true).into_iter().map(|(_, t)| t.into()).collect(),
                    words: tokens(&normalized, false).into_iter().map(|(_, t)| t.into()).collect(),
                    normalized: normalized.into(),
                    primary: i == 0,
                });
            }
            entities.push(Entity {
                target: entry.target,
                popularity: entry.popularity,
                rank: 0,
                names: first as u32..names.len() as u32,
            });
        }

        let mut order: Vec<u32> = (0..entities.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&entities[a as usize], &entities[b as usize]);
            eb.popularity.total_cmp(&ea.popularity).then(a.cmp(&b))
        });
        for (rank, entity) in order.into_iter().enumerate() {
            entities[entity as usize].rank = rank as u32;
        }

        let mut keys = Vec::new();
        for (i, name) in names.iter().enumerate() {
            keys.extend(word_starts(&name.normalized).map(|offset| Key { name: i as u32, offset }));
        }
        keys.sort_by(|a, b| suffix(&names, *a).cmp(suffix(&names, *b)).then(a.name.cmp(&b.name)));

        let terms = names.iter().flat_map(|n| n.terms.iter().cloned()).collect();
        Self {
            entities,
            names,
            keys,
            terms,
            skills: catalog.skills.len() as u32,
            roles: catalog.roles.len() as u32,
        }
    }

    /// Whether `word` (normalized) is a word, or a part of one, of some name
    /// or alias.
    pub fn is_term(&self, word: &str) -> bool {
        self.terms.contains(word)
    }

    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    pub fn entity(&self, entity: u32) -> &Entity {
        &self.entities[entity as usize]
    }

    /// The entity of a target; entities are skills, then roles, then mistakes.
    pub fn entity_of(&self, target: Target) -> u32 {
        match target {
            Target::Skill(s) => s.0,
            Target::Role(r) => self.skills + r.0,
            Target::Mistake(m) => self.skills + self.roles + m.0,
        }
    }

    pub fn names_of(&self, entity: u32) -> &[Name] {
        let range = &self.entities[entity as usize].names;
        &self.names[range.start as usize..range.end as usize]
    }

    pub fn name(&self, key: Key) -> &Name {
        self.name_at(key.name)
    }

    pub fn name_at(&self, index: u32) -> &Name {
        &self.names[index as usize]
    }

    /// Every key whose text from its word start begins with `prefix` (normalized).
    pub fn with_prefix(&self, prefix: &str) -> &[Key] {
        let start = self.keys.partition_point(|k| suffix(&self.names, *k) < prefix);
        let len = self.keys[start..].partition_point(|k| suffix(&self.names, *k).starts_with(prefix));
        &self.keys[start..start + len]
    }

    /// The names equal to `normalized`.
    pub fn exact(&self, normalized: &str) -> impl Iterator<Item = &Name> {
        self.with_prefix(normalized)
            .iter()
            .filter(move |k| k.offset == 0 && self.name(**k).normalized.len() == normalized.len())
            .map(|k| self.name(*k))
    }

    /// The entity's name that holds the most query words (ties: one that the
    /// words cover, the name or title, the shortest); `None` if none holds any.
    pub fn best_name_for(&self, entity: u32, words: &[String]) -> Option<NameMatch<'_>> {
        self.names_of(entity)
            .iter()
            .map(|name| {
                let held = words.iter().filter(|w| name.terms.iter().any(|t| **t == ***w)).count();
                let covered = name.words.iter().all(|n| words.iter().any(|w| **n == **w));
                NameMatch { name, held, covered }
            })
            .filter(|m| m.held > 0)
            .max_by_key(|m| {
                (
                    m.held,
                    m.covered,
                    m.name.primary,
                    std::cmp::Reverse(m.name.normalized.len()),
                )
            })
    }
}

/// How well one name matches the words of a query.
#[derive(Debug, Clone, Copy)]
pub struct NameMatch<'a> {
    pub name: &'a Name,
    /// Query words that are words (or parts of words) of the name.
    pub held: usize,
    /// Every word of the name is a query word: `react` in `react^3`.
    pub covered: bool,
}

impl Entity {
    pub fn kind(&self) -> Kind {
        self.target.kind()
    }

    #[cfg(test)]
    pub fn for_tests(target: Target) -> Self {
        Self {
            target,
            popularity: 0.0,
            rank: 0,
            names: 0..0,
        }
    }
}

fn suffix(names: &[Name], key: Key) -> &str {
    &names[key.name as usize].normalized[key.offset as usize..]
}

/// Byte offsets where a word starts: the beginning, and after a space, `/` or
/// `(` (so `cd` completes `CI/CD` and `react` completes `Redux (React)`).
fn word_starts(normalized: &str) -> impl Iterator<Item = u32> + '_ {
    let mut previous = None;
    normalized.char_indices().filter_map(move |(i, c)| {
        let starts = match previous {
            None => true,
            Some(p) => matches!(p, ' ' | '/' | '(') && (c.is_alphanumeric() || c == '.'),
        };
        previous = Some(c);
        starts.then_some(i as u32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_after_spaces_slashes_and_parentheses() {
        let starts: Vec<u32> = word_starts("ci/cd redux (react) node.js").collect();
        assert_eq!(starts, [0, 3, 6, 13, 20]);
    }
}
