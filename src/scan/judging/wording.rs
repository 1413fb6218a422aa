//! The wording a job and a resume share, beyond the knowledge base: the
//! content words of the job's asking parts (its requirements and duties, not
//! its benefits or company description) that the resume also uses.
//!
//! Where the knowledge base recognises few of a job's terms (a teaching or a
//! warehouse posting), these words are what is left to tell a fitting resume
//! from an unrelated one, the way a TF-IDF comparison of the two texts does.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

// A fixed seed, so that iteration order, and the sums over it, is the same
// in every scan; the tables live for one scan, sized by the input limits.
use foldhash::fast::FixedState;

use crate::scan::judging::compare::stem_of;

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
    /// Distinct content words of the resume.
    pub resume_words: usize,
}

/// What an unrelated resume shares by chance grows with its vocabulary: a
/// long resume uses more of any job's words. Measured on the resumes of the
/// cross pairs of `eval/` (third-party resumes against jobs of other
/// fields): about `CHANCE`, plus `CHANCE_PER_WORD` for each distinct
/// content word of the resume.
const CHANCE: f64 = 0.02;
const CHANCE_PER_WORD: f64 = 0.0004;
/// How far above chance a fitting resume's share lies (about 0.07 on the
/// labelled pairs): full marks a little beyond.
const FIT_ABOVE_CHANCE: f64 = 0.10;

impl SharedWording {
    pub(crate) fn of(resume: &Resume, job: &Job) -> Option<Self> {
        let doc = job.doc.as_ref()?;
        // A posting repeats its employer's name (`the UCLA Law Center for
        // Reproductive Health`): a resume that shares it shares no asks.
        let employer: HashSet<Cow<'_, str>, FixedState> = job
            .employer
            .clone()
            .and_then(|range| doc.text().get(range))
            .map(|name| content_words(name).collect())
            .unwrap_or_default();
        // About one content word in eight bytes: sized once, never rehashed.
        let asking_len: usize = job.asking.iter().map(ExactSizeIterator::len).sum();
        let mut counts: HashMap<Cow<'_, str>, u32, FixedState> =
            HashMap::with_capacity_and_hasher(asking_len / 8, Default::default());
        for range in &job.asking {
            for word in content_words(doc.text().get(range.clone()).unwrap_or("")) {
                if !employer.contains(&word) {
                    *counts.entry(word).or_default() += 1;
                }
            }
        }
        if counts.is_empty() {
            return None;
        }
        let mut resume_words: HashSet<Cow<'_, str>, FixedState> =
            HashSet::with_capacity_and_hasher(resume.text().len() / 8, Default::default());
        resume_words.extend(content_words(resume.text()));
        // A word the job repeats matters more, with diminishing returns.
        let weight = |n: u32| f64::from(n.min(4)).sqrt();
        let total: f64 = counts.values().map(|&n| weight(n)).sum();
        let (shared, shared_weight) = counts
            .iter()
            .filter(|(w, _)| resume_words.contains(*w))
            .fold((0, 0.0), |(shared, total), (_, &n)| (shared + 1, total + weight(n)));
        Some(Self {
            job_words: counts.len(),
            shared,
            weighted_share: shared_weight / total,
            resume_words: resume_words.len(),
        })
    }

    /// 0-100: 0 at what a resume of this length shares by chance, 100 at
    /// what a fitting one shares.
    pub(crate) fn score(&self) -> f64 {
        ((self.weighted_share - self.chance()) / FIT_ABOVE_CHANCE).clamp(0.0, 1.0) * 100.0
    }

    /// The weighted share an unrelated resume of this length reaches.
    pub(crate) fn chance(&self) -> f64 {
        CHANCE + CHANCE_PER_WORD * self.resume_words as f64
    }
}

/// The stems of a normalized (lowercase) text's content words: letters
/// only, three or more, not a function word nor a word every posting and
/// resume uses.
fn content_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    // Normalized text is lowercase; words of ASCII letters are what counts
    // here, so bytes will do.
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|w| !COMMON.contains(w))
        .map(stem_of)
}

/// [`COMMON_WORDS`] as a set: looked up once per word of both texts.
static COMMON: LazyLock<HashSet<&'static str, FixedState>> = LazyLock::new(|| COMMON_WORDS.iter().copied().collect());

/// Compiles the word set now rather than during the first scan.
pub(crate) fn warm_up() {
    LazyLock::force(&COMMON);
}

/// Function words and the working vocabulary of nearly every posting and
/// resume, sorted so that a reviewer finds a word. They say nothing about fit.
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
    use crate::scan::testkit;

    #[test]
    fn the_employers_name_is_no_wording_to_share() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let posting = "---\ntitle: Analyst\norganization: Center for Reproductive Health\n---\n\
                       The Center for Reproductive Health analyst will survey clinics.";
        let job = Job::from_text(catalog, matcher, posting, None);
        let resume = Resume::new(catalog, matcher, "Volunteer at a reproductive health center.");
        let shared = SharedWording::of(&resume, &job).unwrap();
        assert_eq!((shared.job_words, shared.shared), (3, 0), "analyst, survey, clinic");
    }

    #[test]
    fn the_common_words_are_sorted_and_listed_once() {
        assert!(
            COMMON_WORDS.windows(2).all(|w| w[0] < w[1]),
            "COMMON_WORDS must stay sorted"
        );
    }

    #[test]
    fn content_words_skip_function_words_numbers_and_short_words() {
        let words: Vec<Cow<'_, str>> =
            content_words("we need 3 years of charting and patient education in an icu").collect();
        assert_eq!(words, ["chart", "patient", "education", "icu"]);
    }
}
