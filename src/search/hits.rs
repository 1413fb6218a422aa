//! The result list of one call: one hit per catalog entry, placed by the
//! first (strongest) tier that finds it, with scores that order like tiers.

use super::names::{Entity, NameMatch};
use super::{Hit, MatchKind};

/// A document found by a BM25 tier.
pub(super) struct TextMatch<'a> {
    pub entity: u32,
    pub info: &'a Entity,
    pub score: f32,
    /// The name holding the most query words; `None` when only the
    /// description or category matched.
    pub name: Option<NameMatch<'a>>,
}

/// Results in rank order, one per catalog entry, the first tier that finds an
/// entry placing it.
pub(super) struct HitList {
    limit: usize,
    placed: Vec<bool>,
    hits: Vec<Hit>,
}

impl HitList {
    pub fn new(limit: usize, entities: usize) -> Self {
        Self {
            limit,
            placed: vec![false; entities],
            hits: Vec::with_capacity(limit),
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn is_full(&self) -> bool {
        self.hits.len() >= self.limit
    }

    pub fn contains(&self, entity: u32) -> bool {
        self.placed.get(entity as usize).copied().unwrap_or(true)
    }

    /// Appends a hit unless full or the entity is already placed. `strength`
    /// (>= 0) orders hits within a tier; the score is the tier's base plus
    /// the strength squashed into [0, 1), never above the previous score.
    pub fn push(&mut self, entity: u32, info: &Entity, tier: MatchKind, strength: f32, matched_text: Option<&str>) {
        if self.is_full() || self.contains(entity) {
            return;
        }
        self.placed[entity as usize] = true;
        let strength = strength.max(0.0);
        let mut score = tier_base(tier) + strength / (strength + 1.0);
        if let Some(previous) = self.hits.last() {
            score = score.min(previous.score);
        }
        self.hits.push(Hit {
            target: info.target,
            score,
            matched_text: matched_text.map(str::to_owned),
            matched_by: tier,
        });
    }

    pub fn push_text(&mut self, matches: Vec<TextMatch<'_>>, tier: MatchKind) {
        for m in matches {
            let written = m.name.map(|n| &*n.name.written);
            self.push(m.entity, m.info, tier, m.score, written);
        }
    }

    pub fn finish(self) -> Vec<Hit> {
        self.hits
    }
}

/// Each tier's scores lie in `[base, base + 1)`, so scores order like tiers.
fn tier_base(tier: MatchKind) -> f32 {
    match tier {
        MatchKind::Exact => 6.0,
        MatchKind::Prefix => 5.0,
        MatchKind::Phrase => 4.0,
        MatchKind::AllWords => 3.0,
        MatchKind::Fuzzy => 2.0,
        MatchKind::Description => 1.0,
        MatchKind::SomeWords => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Target;
    use crate::taxonomy::SkillIdx;

    fn entity(i: u32) -> Entity {
        Entity::for_tests(Target::Skill(SkillIdx(i)))
    }

    #[test]
    fn an_entry_is_placed_once_by_its_first_tier_and_scores_never_rise() {
        let (a, b, c) = (entity(0), entity(1), entity(2));
        let mut hits = HitList::new(3, 3);
        hits.push(0, &a, MatchKind::Prefix, 0.0, Some("a"));
        hits.push(0, &a, MatchKind::Exact, 9.0, Some("again"));
        // A stronger tier pushed later still ranks below: tiers run in order.
        hits.push(1, &b, MatchKind::Exact, 9.0, None);
        hits.push(2, &c, MatchKind::SomeWords, 100.0, None);
        let hits = hits.finish();
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].matched_text.as_deref(), Some("a"));
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{hits:?}");
        assert!(hits[2].score < 1.0);
    }

    #[test]
    fn a_full_list_takes_no_more_hits() {
        let a = entity(0);
        let mut hits = HitList::new(0, 1);
        assert!(hits.is_full());
        hits.push(0, &a, MatchKind::Exact, 1.0, None);
        assert!(hits.finish().is_empty());
    }
}
