//! The skills a document names, and where: candidates from the automaton,
//! filtered by evidence, completed across coordinations and by the issuer
//! named after a certificate, rid of words that name something else,
//! resolved to one skill each, grouped by skill.

use std::collections::HashSet;
use std::ops::Range;

use crate::scan::matching::matcher::{Candidate, KeywordMatcher, Pattern};
use crate::scan::matching::{ellipsis, evidence, issuer, other_sense};
use crate::scan::text::document::Document;
use crate::scan::text::{NormText, TextSpan};
use crate::taxonomy::{Catalog, SkillIdx, SkillKind};

/// A skill found in a text: how often, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordHit {
    pub skill: SkillIdx,
    pub count: u32,
    /// Each occurrence in the original text, in UTF-16 code units.
    pub spans: Vec<TextSpan>,
}

/// Every skill in `text`, most frequent first (then in order of appearance).
///
/// `matcher` must have been built from `catalog`; with another catalog the
/// result is empty.
pub fn extract_keywords(catalog: &Catalog, matcher: &KeywordMatcher, text: &str) -> Vec<KeywordHit> {
    if !matcher.is_built_from(catalog) {
        return Vec::new();
    }
    let doc = Document::new(text);
    Found::find(catalog, matcher, &doc).hits(&doc.norm)
}

/// One accepted occurrence of a skill: a normalized byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub skill: SkillIdx,
    /// The automaton pattern, i.e. the normalized way it was written.
    pub pattern: u32,
    pub start: usize,
    pub end: usize,
}

/// The skills of one document, in text order and indexed by skill.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub occurrences: Vec<Occurrence>,
    /// Indices into `occurrences`, ordered by skill then position.
    order: Vec<usize>,
    /// Each skill and its stretch of `order`, ordered by skill.
    by_skill: Vec<(SkillIdx, Range<usize>)>,
}

impl Found {
    pub(crate) fn find(catalog: &Catalog, matcher: &KeywordMatcher, doc: &Document) -> Self {
        // A term may wrap onto the next line (`written\ncommunication`):
        // the automaton reads line breaks as blanks, at the same offsets.
        let one_line = doc.text().replace('\n', " ");
        let candidates = matcher.candidates(&one_line);
        let accepted = evidence::accepted(catalog, matcher, &evidence::DocContext::of(doc), &candidates);
        let accepted: Vec<Candidate> = candidates
            .into_iter()
            .zip(accepted)
            .filter_map(|(c, ok)| ok.then_some(c))
            .collect();
        // `data collection, analysis and reporting`: Data Analysis too.
        let completed = ellipsis::completed(matcher, &one_line, &accepted);
        let mut all = accepted;
        all.extend(completed);
        // `SEO Certificate | HubSpot Academy`: the HubSpot SEO Certification.
        all.extend(issuer::named_after(matcher, doc.text(), &doc.lines));
        all.sort_unstable_by_key(|c| c.start);
        let kept: Vec<(&Pattern, _)> = all
            .iter()
            .filter_map(|c| Some((matcher.pattern(c.pattern)?, c)))
            .collect();
        let kept = other_sense::in_own_sense(catalog, &doc.norm, kept);
        // Unambiguous skills decide between the owners of a shared term.
        let shared = kept.iter().any(|(p, _)| p.owners.len() > 1);
        let certain: HashSet<SkillIdx> = if shared {
            kept.iter()
                .filter(|(p, _)| p.owners.len() == 1)
                .filter_map(|(p, _)| p.owners.first().map(|t| t.skill))
                .collect()
        } else {
            HashSet::new()
        };
        let mut occurrences: Vec<Occurrence> = kept
            .into_iter()
            .filter_map(|(pattern, c)| {
                Some(Occurrence {
                    skill: owner(catalog, pattern, &certain)?,
                    pattern: c.pattern,
                    start: c.start,
                    end: c.end,
                })
            })
            .collect();
        let spans: Vec<(SkillIdx, Range<usize>)> = occurrences.iter().map(|o| (o.skill, o.start..o.end)).collect();
        let out_of_field = other_sense::lone_acronym_certifications(catalog, &doc.norm, &spans);
        occurrences.retain(|o| !out_of_field.contains(&o.skill));
        Self::from_occurrences(occurrences)
    }

    /// The occurrences `keep` accepts, indexed anew.
    pub(crate) fn retain(mut self, keep: impl FnMut(&Occurrence) -> bool) -> Self {
        self.occurrences.retain(keep);
        Self::from_occurrences(self.occurrences)
    }

    /// Indexes `occurrences`, which are in text order.
    fn from_occurrences(occurrences: Vec<Occurrence>) -> Self {
        // (skill, index) orders by skill, then by position.
        let mut keyed: Vec<(SkillIdx, usize)> = occurrences.iter().enumerate().map(|(i, o)| (o.skill, i)).collect();
        keyed.sort_unstable();
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut by_skill: Vec<(SkillIdx, Range<usize>)> = Vec::new();
        for (at, &i) in order.iter().enumerate() {
            let Some(o) = occurrences.get(i) else { continue };
            match by_skill.last_mut() {
                Some((skill, range)) if *skill == o.skill => range.end = at + 1,
                _ => by_skill.push((o.skill, at..at + 1)),
            }
        }
        Self {
            occurrences,
            order,
            by_skill,
        }
    }

    fn indices(&self, skill: SkillIdx) -> &[usize] {
        match self.by_skill.binary_search_by_key(&skill, |(s, _)| *s) {
            Ok(at) => self
                .by_skill
                .get(at)
                .and_then(|(_, range)| self.order.get(range.clone()))
                .unwrap_or(&[]),
            Err(_) => &[],
        }
    }

    pub(crate) fn count(&self, skill: SkillIdx) -> usize {
        self.indices(skill).len()
    }

    pub(crate) fn contains(&self, skill: SkillIdx) -> bool {
        self.count(skill) > 0
    }

    /// The occurrences of `skill`, in text order.
    pub(crate) fn of(&self, skill: SkillIdx) -> impl Iterator<Item = &Occurrence> {
        self.indices(skill).iter().filter_map(|&i| self.occurrences.get(i))
    }

    /// Every skill found, in skill order.
    pub(crate) fn skills(&self) -> impl Iterator<Item = SkillIdx> + '_ {
        self.by_skill.iter().map(|(skill, _)| *skill)
    }

    pub(crate) fn len(&self) -> usize {
        self.by_skill.len()
    }

    /// The hits, most frequent first, then in order of first appearance.
    pub(crate) fn hits(&self, norm: &NormText) -> Vec<KeywordHit> {
        let mut groups: Vec<(SkillIdx, &[usize])> = self
            .by_skill
            .iter()
            .map(|(skill, _)| (*skill, self.indices(*skill)))
            .collect();
        groups.sort_by_key(|(_, list)| (std::cmp::Reverse(list.len()), list.first().copied()));
        groups
            .into_iter()
            .map(|(skill, list)| KeywordHit {
                skill,
                count: u32::try_from(list.len()).unwrap_or(u32::MAX),
                spans: list
                    .iter()
                    .filter_map(|&i| self.occurrences.get(i))
                    .map(|o| norm.span(o.start..o.end))
                    .collect(),
            })
            .collect()
    }
}

/// The skill a term stands for: its only owner, or among several owners the
/// one whose related skills the document names most, then the hard skill
/// that roles ask for most.
fn owner(catalog: &Catalog, pattern: &Pattern, certain: &HashSet<SkillIdx>) -> Option<SkillIdx> {
    if let [only] = pattern.owners.as_slice() {
        return catalog.skills.get(only.skill.index()).map(|_| only.skill);
    }
    pattern
        .owners
        .iter()
        .filter_map(|term| Some((term.skill, catalog.skills.get(term.skill.index())?)))
        .max_by(|(a_idx, a), (b_idx, b)| {
            let rank = |entry: &crate::taxonomy::catalog::SkillEntry| {
                let context = entry.related.iter().filter(|r| certain.contains(r)).count();
                (context, entry.skill.kind == SkillKind::Hard)
            };
            rank(a)
                .cmp(&rank(b))
                .then(a.popularity.total_cmp(&b.popularity))
                .then(b_idx.cmp(a_idx))
        })
        .map(|(skill, _)| skill)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit;

    fn skills_in(text: &str) -> Vec<String> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let mut slugs: Vec<String> = extract_keywords(catalog, matcher, text)
            .into_iter()
            .map(|hit| catalog.skill(hit.skill).skill.slug.clone())
            .collect();
        slugs.sort();
        slugs
    }

    fn ambiguous_in(text: &str) -> Vec<String> {
        let (catalog, _) = testkit::catalog_and_matcher();
        skills_in(text)
            .into_iter()
            .filter(|slug| {
                let skill = catalog.skill_by_slug(slug).unwrap();
                !catalog.skill(skill).skill.ambiguous.is_empty()
            })
            .collect()
    }

    #[test]
    fn go_in_going_forward_is_not_a_skill() {
        assert_eq!(
            skills_in("Going forward, I will go the extra mile."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ordinary_english_yields_no_ambiguous_skill() {
        let traps = [
            "A go-getter with a go-to-market mindset; going forward I will go far.",
            "Go-getter who thrives under pressure.",
            "Led R&D for the C-suite and reported to the CFO.",
            "Hired in spring 2022 as a summer intern; Spring 2023 cohort.",
            "Arranged express delivery for VIP clients. Express delivery guaranteed.",
            "Grew up in the Rust Belt and restored rust-damaged cars.",
            "Praised for a swift response to outages. Swift action saved the launch.",
            "Sparked interest in the program; excelled at school; excels under pressure.",
            "Spent less than budget, with less effort.",
            "Worked as head chef; Chef de partie at a bistro.",
            "Ran a puppet show for children; Puppet theatre volunteer.",
            "Enjoys reading Kafka and Camus on weekends.",
            "Excel at building relationships with customers.",
            "Go to the store and see the node of the graph.",
            "Graded C or better; vitamin C; Plan B; R. Smith; Rs 5000.",
        ];
        for trap in traps {
            assert_eq!(ambiguous_in(trap), Vec::<String>::new(), "{trap}");
        }
    }

    #[test]
    fn the_same_words_in_technical_context_are_skills() {
        let cases = [
            ("Services written in Go and deployed on Kubernetes.", "go"),
            ("Senior Go developer", "go"),
            ("Statistical models in R and Python", "r"),
            ("Built the iOS app using Swift.", "swift"),
            ("Rewrote the parser in Rust", "rust"),
            ("Experience with Spring and Hibernate", "spring"),
            ("Node, Express, MongoDB", "express"),
            ("Automated reporting with Excel macros", "excel"),
            ("Wrote Chef cookbooks for 40 servers", "chef"),
            ("Maintained Puppet manifests", "puppet"),
            ("Built Kafka consumers for billing events", "kafka"),
            ("an attempt to redo it in Rust language", "rust"),
            ("authorization support for Kafka Sink", "kafka"),
            ("Languages: Go, Rust", "go"),
            ("Go | Python | SQL", "go"),
            ("Styled pages with Less, CSS and HTML", "less"),
            ("Batch jobs on Spark and Python", "spark"),
        ];
        for (text, slug) in cases {
            assert!(
                ambiguous_in(text).contains(&slug.to_owned()),
                "{text}: {:?}",
                skills_in(text)
            );
        }
    }

    #[test]
    fn an_ambiguous_term_counts_only_in_its_curated_case() {
        assert_eq!(ambiguous_in("Services written in go and GO"), Vec::<String>::new());
        assert_eq!(ambiguous_in("Services written in Go"), ["go"]);
        assert_eq!(skills_in("Services written in Golang"), ["go"]);
    }

    #[test]
    fn out_of_its_case_a_term_counts_only_among_skills() {
        // Prose keeps the curated case; other skills around settle the sense.
        assert_eq!(ambiguous_in("I enjoy reading kafka in spring."), Vec::<String>::new());
        assert_eq!(
            ambiguous_in("Built services with spring and kafka"),
            Vec::<String>::new()
        );
        assert_eq!(ambiguous_in("Stylesheets with tools like less and CSS"), ["less"]);
        assert_eq!(ambiguous_in("Skills: python, spring, kubernetes"), ["spring"]);
        assert_eq!(ambiguous_in("HTML | CSS | less"), ["less"]);
        // Two letters keep their case even in a list, and so do acronyms.
        assert_eq!(ambiguous_in("Skills: python, go, kubernetes"), Vec::<String>::new());
        assert_eq!(ambiguous_in("Nice to have: Less and CSS"), ["less"]);
        assert_eq!(ambiguous_in("Frameworks: NICE, CSS"), ["nice-framework"]);
    }

    #[test]
    fn a_skills_section_is_technical_context_for_every_item() {
        let text = "Skills\nGo\nR\nExcel\n\nExperience\nGo to meetings";
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let hits = extract_keywords(catalog, matcher, text);
        let go = catalog.skill_by_slug("go").unwrap();
        let go_hit = hits.iter().find(|h| h.skill == go).unwrap();
        assert_eq!(go_hit.count, 1, "only the Go of the skills section counts");
        assert_eq!(ambiguous_in(text), ["excel", "go", "r"]);
    }

    #[test]
    fn a_word_hyphenated_across_lines_still_matches_and_spans_the_original() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let hits = extract_keywords(
            catalog,
            matcher,
            "Split the monolith into micro-\n  services and REST APIs",
        );
        let found: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (catalog.skill(h.skill).skill.slug.as_str(), h.spans[0].text.as_str()))
            .collect();
        assert_eq!(
            found,
            [("microservices", "micro-\n  services"), ("rest-api", "REST APIs")]
        );
    }

    #[test]
    fn a_state_code_after_a_city_is_not_a_skill() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let mut taxonomy = testkit::taxonomy();
        let ga = taxonomy.skills.iter_mut().find(|s| s.slug == "aws").unwrap();
        ga.aliases.push("GA".into());
        let catalog_with_ga = Catalog::build(taxonomy, 2).unwrap();
        let matcher_with_ga = KeywordMatcher::build(&catalog_with_ga).unwrap();
        let found = extract_keywords(&catalog_with_ga, &matcher_with_ga, "Atlanta, GA 30301 | Python");
        let slugs: Vec<&str> = found
            .iter()
            .map(|h| catalog_with_ga.skill(h.skill).skill.slug.as_str())
            .collect();
        assert_eq!(slugs, ["python"]);
        assert_eq!(
            extract_keywords(catalog, matcher, "Python, JS").len(),
            2,
            "JS is no state"
        );
    }

    #[test]
    fn a_column_of_one_item_bullets_is_a_list() {
        assert_eq!(ambiguous_in("Requirements:\n- Go\n- PostgreSQL\n- Docker"), ["go"]);
        assert_eq!(ambiguous_in("Values:\n- Go\n- Grow\n- Give"), Vec::<String>::new());
    }

    #[test]
    fn hits_carry_counts_and_spans_of_the_original_text() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let hits = extract_keywords(catalog, matcher, "Used K8s and Kubernetes; kubernetes again. Python");
        let first = &hits[0];
        assert_eq!(catalog.skill(first.skill).skill.slug, "kubernetes");
        assert_eq!(first.count, 3);
        let texts: Vec<&str> = first.spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["K8s", "Kubernetes", "kubernetes"]);
        assert_eq!(first.spans[0].start, 5);
    }

    #[test]
    fn a_matcher_of_another_catalog_finds_nothing_instead_of_misreading() {
        let (_, matcher) = testkit::catalog_and_matcher();
        let other = Catalog::build(crate::taxonomy::Taxonomy::default(), 9).unwrap();
        assert!(extract_keywords(&other, matcher, "Python").is_empty());
    }
}
