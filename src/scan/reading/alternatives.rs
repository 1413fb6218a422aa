//! Lists of alternatives in a job description: any one of them meets the
//! requirement (`at least one of Playwright, Cypress or Selenium`, `a
//! language such as Python, Ruby or Go`, `Java or Kotlin`).
//!
//! A sentence holds alternatives when a cue of choice (`one of`, `any of`,
//! `either`) comes before two or more of its skills, when an example list
//! (`such as`, `e.g.`, `like`) of two or more ends in `or`, or when two
//! skills are joined by `or` alone.

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::matching::found::{Found, Occurrence};
use crate::scan::reading::importance::sentence_across_wraps;
use crate::scan::text::WordList;
use crate::scan::text::document::Document;
use crate::scan::text::layout::line_index;
use crate::taxonomy::SkillIdx;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// `one of`: what follows is a choice.
    Choice,
    /// `such as`: what follows are examples; a choice when they end in `or`.
    Examples,
}

static CUES: LazyLock<WordList<Cue>> = LazyLock::new(|| WordList::new(CUE_WORDS));

const CUE_WORDS: &[(&str, Cue)] = &[
    ("one of", Cue::Choice),
    ("one or more of", Cue::Choice),
    ("at least one of", Cue::Choice),
    ("any of", Cue::Choice),
    ("either", Cue::Choice),
    ("such as", Cue::Examples),
    ("e.g.", Cue::Examples),
    ("e.g", Cue::Examples),
    ("eg", Cue::Examples),
    ("for example", Cue::Examples),
    ("like", Cue::Examples),
    ("including", Cue::Examples),
];

/// Compiles the word list now rather than during the first scan.
pub(crate) fn warm_up() {
    CUES.contains("");
}

/// The groups of skills of which any one meets the requirement, each in
/// text order and without repeats.
pub(crate) fn alternatives(doc: &Document, found: &Found) -> Vec<Vec<SkillIdx>> {
    let text = doc.text();
    let mut groups: Vec<Vec<SkillIdx>> = Vec::new();
    let mut occurrences = found.occurrences.iter().peekable();
    while let Some(first) = occurrences.next() {
        let Some(at) = line_index(&doc.lines, first.start) else {
            continue;
        };
        let sentence = sentence_across_wraps(doc, at, first.start);
        let mut in_sentence: Vec<&Occurrence> = vec![first];
        while let Some(next) = occurrences.next_if(|o| o.start < sentence.end) {
            in_sentence.push(next);
        }
        if in_sentence.len() >= 2 {
            groups.extend(groups_in(text, &sentence, &in_sentence));
        }
    }
    for group in &mut groups {
        let mut seen = Vec::with_capacity(group.len());
        group.retain(|skill| {
            let new = !seen.contains(skill);
            seen.push(*skill);
            new
        });
    }
    groups.retain(|group| group.len() >= 2);
    groups
}

fn groups_in(text: &str, sentence: &Range<usize>, skills: &[&Occurrence]) -> Vec<Vec<SkillIdx>> {
    let body = text.get(sentence.clone()).unwrap_or("");
    let cue = CUES
        .find(body)
        .next()
        .map(|(cue, range)| (cue, sentence.start + range.end));
    if let Some((cue, after)) = cue {
        let listed: Vec<&&Occurrence> = skills.iter().filter(|o| o.start >= after).collect();
        let ends_in_or = listed
            .windows(2)
            .last()
            .is_some_and(|pair| joined_by_or(text, pair[0], pair[1]));
        if listed.len() >= 2 && (cue == Cue::Choice || ends_in_or) {
            return vec![listed.iter().map(|o| o.skill).collect()];
        }
    }
    // `Java or Kotlin`, `Java and/or Kotlin`.
    let mut groups: Vec<Vec<SkillIdx>> = Vec::new();
    for pair in skills.windows(2) {
        if !joined_by_or(text, pair[0], pair[1]) {
            continue;
        }
        match groups.last_mut() {
            Some(group) if group.last() == Some(&pair[0].skill) => group.push(pair[1].skill),
            _ => groups.push(vec![pair[0].skill, pair[1].skill]),
        }
    }
    groups
}

/// Whether only `or` (with commas, `and/or`) stands between two skills.
fn joined_by_or(text: &str, a: &Occurrence, b: &Occurrence) -> bool {
    let between = text
        .get(a.end..b.start)
        .unwrap_or("")
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    matches!(between, "or" | "and/or" | "or even")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit;

    fn groups(text: &str) -> Vec<Vec<String>> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let doc = Document::new(text);
        let found = Found::find(catalog, matcher, &doc);
        alternatives(&doc, &found)
            .into_iter()
            .map(|group| group.iter().map(|s| catalog.skill(*s).skill.slug.clone()).collect())
            .collect()
    }

    #[test]
    fn a_choice_or_an_example_list_ending_in_or_is_a_group() {
        assert_eq!(
            groups("Proficient in at least one of: Python, Docker, Kubernetes"),
            [["python", "docker", "kubernetes"]]
        );
        assert_eq!(
            groups("A language such as Python, Go, or Rust is required."),
            [["python", "go", "rust"]]
        );
        assert_eq!(groups("You know Python or Go."), [["python", "go"]]);
    }

    #[test]
    fn a_list_of_several_requirements_is_no_group() {
        assert!(groups("You know Python, Docker and Kubernetes.").is_empty());
        assert!(groups("Tools such as Docker and Kubernetes.").is_empty());
    }
}
