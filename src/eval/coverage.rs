//! Knowledge coverage on real postings: for each posting, the share of its
//! requirement lines that yield at least one skill (or a degree, which the
//! scan reads as the education requirement), and the phrases of the
//! lines that yield none, most frequent first (what a curator should look
//! at next).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::scan::{KeywordMatcher, requirement_lines};
use crate::taxonomy::Catalog;

/// One posting's requirement lines and how many yield a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingCoverage {
    pub name: String,
    pub lines: usize,
    pub yielding: usize,
}

impl PostingCoverage {
    pub fn share(&self) -> f64 {
        self.yielding as f64 / self.lines.max(1) as f64
    }
}

#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Postings with at least one requirement line.
    pub postings: Vec<PostingCoverage>,
    /// Postings without a heading of requirements, left out of the average.
    pub without_requirements: Vec<String>,
    /// Phrases of lines that yield no skill, with the number of postings
    /// they appear in; most frequent first.
    pub unresolved: Vec<(String, usize)>,
}

impl Coverage {
    /// The share of requirement lines yielding a skill, averaged per posting.
    pub fn mean_share(&self) -> f64 {
        if self.postings.is_empty() {
            return 0.0;
        }
        self.postings.iter().map(PostingCoverage::share).sum::<f64>() / self.postings.len() as f64
    }
}

/// Measures `documents` (name and text) against the knowledge base.
pub fn coverage(catalog: &Catalog, matcher: &KeywordMatcher, documents: &[(String, String)]) -> Coverage {
    let mut result = Coverage::default();
    let mut phrase_postings: HashMap<String, usize> = HashMap::new();
    for (name, text) in documents {
        let lines = requirement_lines(catalog, matcher, text);
        if lines.is_empty() {
            result.without_requirements.push(name.clone());
            continue;
        }
        let mut phrases: HashSet<String> = HashSet::new();
        for line in lines.iter().filter(|l| !l.yields()) {
            phrases.extend(phrases_of(&line.text));
        }
        for phrase in phrases {
            *phrase_postings.entry(phrase).or_insert(0) += 1;
        }
        result.postings.push(PostingCoverage {
            name: name.clone(),
            lines: lines.len(),
            yielding: lines.iter().filter(|l| l.yields()).count(),
        });
    }
    let mut unresolved: Vec<(String, usize)> = phrase_postings.into_iter().filter(|(_, n)| *n >= 2).collect();
    unresolved.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    result.unresolved = unresolved;
    result
}

/// Words that carry no skill: phrases are the runs of other words between them.
const STOPWORDS: &[&str] = &[
    "a",
    "able",
    "about",
    "across",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "both",
    "but",
    "by",
    "can",
    "demonstrated",
    "do",
    "each",
    "etc",
    "experience",
    "for",
    "from",
    "good",
    "have",
    "in",
    "including",
    "is",
    "it",
    "its",
    "knowledge",
    "least",
    "more",
    "must",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "plus",
    "preferred",
    "proven",
    "related",
    "required",
    "skills",
    "strong",
    "such",
    "that",
    "the",
    "their",
    "this",
    "to",
    "understanding",
    "using",
    "very",
    "we",
    "well",
    "with",
    "within",
    "work",
    "working",
    "years",
    "you",
    "your",
];

/// Runs of one to three words between stopwords, lowercase.
fn phrases_of(line: &str) -> Vec<String> {
    fn flush(run: &mut Vec<&str>, phrases: &mut Vec<String>) {
        for n in 1..=run.len().min(3) {
            phrases.extend(run.windows(n).map(|w| w.join(" ")));
        }
        run.clear();
    }
    let lower = line.to_lowercase();
    let mut phrases = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in lower
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '+' | '#')))
        .map(|w| w.trim_matches('-'))
    {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !STOPWORDS.contains(&word) {
            run.push(word);
        } else {
            flush(&mut run, &mut phrases);
        }
    }
    flush(&mut run, &mut phrases);
    phrases
}

/// The coverage table: the mean, the least covered postings and the most
/// frequent unresolved phrases.
pub fn render_coverage(coverage: &Coverage, top: usize) -> String {
    let mut out = String::new();
    let lines: usize = coverage.postings.iter().map(|p| p.lines).sum();
    let _ = writeln!(
        out,
        "{} postings with requirement lines ({lines} lines), {} without a heading of requirements",
        coverage.postings.len(),
        coverage.without_requirements.len()
    );
    let _ = writeln!(
        out,
        "requirement lines yielding a skill or a degree, averaged per posting: {:.3}",
        coverage.mean_share()
    );
    let mut least: Vec<&PostingCoverage> = coverage.postings.iter().collect();
    least.sort_by(|a, b| a.share().total_cmp(&b.share()).then_with(|| a.name.cmp(&b.name)));
    let _ = writeln!(out, "\nleast covered postings:");
    for posting in least.iter().take(top.min(10)) {
        let _ = writeln!(
            out,
            "  {:.2}  {}/{}  {}",
            posting.share(),
            posting.yielding,
            posting.lines,
            posting.name
        );
    }
    let _ = writeln!(out, "\nphrases of lines that yield no skill (postings):");
    for (phrase, postings) in coverage.unresolved.iter().take(top) {
        let _ = writeln!(out, "  {postings:>4}  {phrase}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_runs_of_up_to_three_words_between_stopwords() {
        assert_eq!(
            phrases_of("Superior Excel skills and patient education"),
            [
                "superior",
                "excel",
                "superior excel",
                "patient",
                "education",
                "patient education"
            ]
        );
        assert!(phrases_of("5+ years of experience with the team").contains(&"team".to_owned()));
    }
}
