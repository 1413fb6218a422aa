//! The wording a job and a resume share, beyond the knowledge base: the
//! content words of the job's asking parts (its requirements and duties, not
//! its benefits or company description) that the resume also uses.
//!
//! Where the knowledge base recognises few of a job's terms (a teaching or a
//! warehouse posting), these words are what is left to tell a fitting resume
//! from an unrelated one, the way a TF-IDF comparison of the two texts does.

use std::collections::HashSet;

use crate::scan::reading::{Job, Resume};

/// How much of the job's wording the resume shares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SharedWording {
    /// Distinct content words of the job's asking parts.
    pub job_words: usize,
    /// Those the resume uses too.
    pub shared: usize,
    /// Each word weighted by how often the job uses it.
    pub weighted_share: f64,
}

/// Below this weighted share, a resume shares no more than an unrelated one
/// does (common working words); at `FULL` it shares what a fitting one does.
const NONE: f64 = 0.05;
const FULL: f64 = 0.25;

impl SharedWording {
    pub(crate) fn of(resume: &Resume, job: &Job) -> Option<Self> {
        let doc = job.doc.as_ref()?;
        let mut counts: Vec<(String, u32)> = Vec::new();
        for range in &job.asking {
            for word in content_words(doc.text().get(range.clone()).unwrap_or("")) {
                match counts.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((word, 1)),
                }
            }
        }
        if counts.is_empty() {
            return None;
        }
        let resume_words: HashSet<String> = content_words(resume.text()).collect();
        // A word the job repeats matters more, with diminishing returns.
        let weight = |n: u32| f64::from(n.min(4)).sqrt();
        let total: f64 = counts.iter().map(|(_, n)| weight(*n)).sum();
        let shared: Vec<&(String, u32)> = counts.iter().filter(|(w, _)| resume_words.contains(w)).collect();
        let shared_weight: f64 = shared.iter().map(|(_, n)| weight(*n)).sum();
        Some(Self {
            job_words: counts.len(),
            shared: shared.len(),
            weighted_share: shared_weight / total,
        })
    }

    /// 0-100: 0 at what any resume shares, 100 at what a fitting one shares.
    pub(crate) fn score(&self) -> f64 {
        ((self.weighted_share - NONE) / (FULL - NONE)).clamp(0.0, 1.0) * 100.0
    }
}

/// The stems of a text's content words: letters only, three or more, not a
/// function word nor a word every posting and resume uses.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| COMMON_WORDS.binary_search(&w.as_str()).is_err())
        .map(|w| crate::scan::judging::compare::stem(&w))
}

/// Function words and the working vocabulary of nearly every posting and
/// resume, sorted for binary search. They say nothing about fit.
const COMMON_WORDS: &[&str] = &[
    "ability",
    "able",
    "about",
    "above",
    "across",
    "activities",
    "additional",
    "after",
    "all",
    "also",
    "among",
    "and",
    "any",
    "apply",
    "are",
    "area",
    "areas",
    "around",
    "assist",
    "assists",
    "available",
    "based",
    "been",
    "before",
    "being",
    "best",
    "between",
    "both",
    "but",
    "can",
    "candidate",
    "candidates",
    "closely",
    "company",
    "complete",
    "current",
    "daily",
    "day",
    "days",
    "demonstrated",
    "department",
    "develop",
    "developing",
    "duties",
    "each",
    "either",
    "employee",
    "employees",
    "employer",
    "ensure",
    "ensuring",
    "environment",
    "equal",
    "etc",
    "every",
    "excellent",
    "experience",
    "experienced",
    "experiences",
    "field",
    "following",
    "for",
    "from",
    "full",
    "functions",
    "further",
    "general",
    "good",
    "great",
    "has",
    "have",
    "help",
    "helping",
    "her",
    "here",
    "high",
    "highly",
    "his",
    "hours",
    "how",
    "ideal",
    "including",
    "individual",
    "individuals",
    "information",
    "into",
    "its",
    "job",
    "join",
    "key",
    "knowledge",
    "least",
    "level",
    "like",
    "made",
    "maintain",
    "make",
    "may",
    "members",
    "minimum",
    "more",
    "most",
    "must",
    "need",
    "needed",
    "needs",
    "new",
    "not",
    "number",
    "off",
    "office",
    "one",
    "ones",
    "only",
    "opportunities",
    "opportunity",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "part",
    "per",
    "perform",
    "performs",
    "plus",
    "position",
    "positions",
    "preferred",
    "provide",
    "provides",
    "providing",
    "qualifications",
    "qualified",
    "related",
    "relevant",
    "required",
    "requirements",
    "responsibilities",
    "responsible",
    "role",
    "roles",
    "same",
    "should",
    "skill",
    "skills",
    "some",
    "strong",
    "such",
    "support",
    "take",
    "team",
    "teams",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "under",
    "use",
    "used",
    "using",
    "various",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "without",
    "work",
    "worked",
    "working",
    "works",
    "would",
    "year",
    "years",
    "you",
    "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_words_are_sorted_for_binary_search() {
        assert!(
            COMMON_WORDS.windows(2).all(|w| w[0] < w[1]),
            "COMMON_WORDS must stay sorted"
        );
    }

    #[test]
    fn content_words_skip_function_words_numbers_and_short_words() {
        let words: Vec<String> = content_words("We need 3 years of charting and patient education in an ICU").collect();
        assert_eq!(words, ["chart", "patient", "education", "icu"]);
    }
}
