//! Scans the corpus and counts how the reports agree with the labels.

use std::collections::HashMap;

use crate::eval::baseline::{Idf, pair_cosine};
use crate::eval::{Corpus, LoadedPair};
use crate::scan::{self, KeywordMatcher, ScanReport, ScanRequest};
use crate::taxonomy::{Catalog, SkillIdx, normalize_term};

/// How the scanner fares on the labelled corpus.
#[derive(Debug, Default)]
pub struct Quality {
    pub pairs: Vec<PairQuality>,
    pub comparisons: Vec<Comparison>,
}

/// One pair: what the labels ask and what the scan reported.
#[derive(Debug, Default)]
pub struct PairQuality {
    pub pair: String,
    pub score: u8,
    /// Labelled job skills the scan found in the job, and those it missed.
    pub job_found: Vec<String>,
    pub job_missed: Vec<String>,
    pub resume_found: Vec<String>,
    pub resume_missed: Vec<String>,
    /// Labels that name no skill of the knowledge base (counted as missed).
    pub unknown: Vec<String>,
    /// Wrong-sense traps the scan fell into, with the words that set each
    /// off (`job: Microsoft Office ("…work from a home office…")`).
    pub traps: Vec<String>,
    /// Found job skills whose importance agrees with the label, and those
    /// that do not (`Kafka: required, labelled preferred`).
    pub importance_right: usize,
    pub importance_wrong: Vec<String>,
    pub title: Option<String>,
    pub title_expected: String,
    pub title_right: bool,
}

/// A job's fitting resume against one cross resume.
#[derive(Debug)]
pub struct Comparison {
    pub job: String,
    pub cross_resume: String,
    pub fit_score: u8,
    pub cross_score: u8,
    pub fit_cosine: f64,
    pub cross_cosine: f64,
    pub fit_corpus_cosine: f64,
    pub cross_corpus_cosine: f64,
}

impl Comparison {
    pub fn won(&self) -> bool {
        self.fit_score > self.cross_score
    }

    pub fn gap(&self) -> f64 {
        f64::from(self.fit_score) - f64::from(self.cross_score)
    }
}

/// Scans every pair and cross pair of `corpus`.
pub fn measure(catalog: &Catalog, matcher: &KeywordMatcher, corpus: &Corpus) -> Quality {
    let idf = Idf::over(
        corpus
            .pairs
            .iter()
            .flat_map(|p| [p.resume.as_str(), p.job.as_str()])
            .chain(corpus.postings.iter().map(String::as_str)),
    );
    let mut fit_scores: HashMap<&str, u8> = HashMap::new();
    let mut quality = Quality::default();
    for pair in &corpus.pairs {
        let report = scan_pair(catalog, matcher, &pair.resume, &pair.job);
        let measured = report.map_or_else(
            |error| PairQuality {
                pair: pair.labels.pair.clone(),
                title_expected: format!("(scan failed: {error})"),
                ..PairQuality::default()
            },
            |report| compare_with_labels(catalog, matcher, pair, &report),
        );
        fit_scores.insert(&pair.labels.pair, measured.score);
        quality.pairs.push(measured);
    }
    for cross in &corpus.cross {
        let (Some(job), Some(resume)) = (corpus.pair(&cross.job), corpus.pair(&cross.resume)) else {
            continue;
        };
        let cross_score = scan_pair(catalog, matcher, &resume.resume, &job.job).map_or(0, |r| r.score().overall);
        quality.comparisons.push(Comparison {
            job: cross.job.clone(),
            cross_resume: cross.resume.clone(),
            fit_score: fit_scores.get(cross.job.as_str()).copied().unwrap_or(0),
            cross_score,
            fit_cosine: pair_cosine(&job.resume, &job.job),
            cross_cosine: pair_cosine(&resume.resume, &job.job),
            fit_corpus_cosine: idf.cosine(&job.resume, &job.job),
            cross_corpus_cosine: idf.cosine(&resume.resume, &job.job),
        });
    }
    quality
}

fn scan_pair(
    catalog: &Catalog,
    matcher: &KeywordMatcher,
    resume: &str,
    job: &str,
) -> Result<ScanReport, scan::ScanError> {
    scan::scan(
        catalog,
        matcher,
        &ScanRequest {
            resume,
            job: Some(job),
            role: None,
        },
    )
}

/// The skill a label names: a name or alias of the knowledge base, else the
/// one skill the matcher reads in the label's words.
fn resolve(catalog: &Catalog, matcher: &KeywordMatcher, label: &str) -> Option<SkillIdx> {
    // A label names a skill by its name, also where the name is another
    // skill's alias in another sense (`incident response`).
    let named = normalize_term(label);
    let owners = catalog.skills_named(label);
    if let Some(term) = owners
        .iter()
        .find(|t| normalize_term(&catalog.skill(t.skill).skill.name) == named)
    {
        return Some(term.skill);
    }
    if let Some(term) = catalog.resolve(label) {
        return Some(term.skill);
    }
    match scan::extract_keywords(catalog, matcher, label).as_slice() {
        [only] => Some(only.skill),
        _ => None,
    }
}

fn compare_with_labels(
    catalog: &Catalog,
    matcher: &KeywordMatcher,
    pair: &LoadedPair,
    report: &ScanReport,
) -> PairQuality {
    let labels = &pair.labels;
    let job_skills: Vec<SkillIdx> = report.job_keywords().iter().map(|hit| hit.skill).collect();
    let resume_skills: Vec<SkillIdx> = report.resume_keywords().iter().map(|hit| hit.skill).collect();
    let importance = |skill: SkillIdx| report.importance_of(skill);
    let mut quality = PairQuality {
        pair: labels.pair.clone(),
        score: report.score().overall,
        ..PairQuality::default()
    };
    for (label, expected) in labels.job.skills() {
        match resolve(catalog, matcher, label) {
            Some(skill) if job_skills.contains(&skill) => {
                quality.job_found.push(label.to_owned());
                match importance(skill) {
                    Some(reported) if reported == expected => quality.importance_right += 1,
                    Some(reported) => quality.importance_wrong.push(format!(
                        "{label}: {}, labelled {}",
                        reported.as_str(),
                        expected.as_str()
                    )),
                    None => {}
                }
            }
            Some(_) => quality.job_missed.push(label.to_owned()),
            None => {
                quality.job_missed.push(label.to_owned());
                quality.unknown.push(label.to_owned());
            }
        }
    }
    for label in &labels.resume.skills {
        match resolve(catalog, matcher, label) {
            Some(skill) if resume_skills.contains(&skill) => quality.resume_found.push(label.clone()),
            Some(_) => quality.resume_missed.push(label.clone()),
            None => {
                quality.resume_missed.push(label.clone());
                quality.unknown.push(label.clone());
            }
        }
    }
    for (side, traps, hits, text) in [
        ("job", &labels.job.traps, report.job_keywords(), &pair.job),
        ("resume", &labels.resume.traps, report.resume_keywords(), &pair.resume),
    ] {
        for trap in traps {
            let skill = resolve(catalog, matcher, trap);
            if let Some(hit) = hits.iter().find(|hit| Some(hit.skill) == skill) {
                let quote = hit
                    .spans
                    .first()
                    .map(|span| context(text, span.start))
                    .unwrap_or_default();
                quality.traps.push(format!("{side}: {trap} (\"{quote}\")"));
            }
        }
    }
    quality.title = report.job_title().map(str::to_owned);
    quality.title_expected = labels.job.title.clone();
    quality.title_right = report.job_title().is_some_and(|title| {
        std::iter::once(&labels.job.title)
            .chain(&labels.job.title_also)
            .any(|expected| same_title(title, expected))
    });
    quality.unknown.sort();
    quality.unknown.dedup();
    quality
}

/// About forty characters either side of UTF-16 offset `at`, on one line.
fn context(text: &str, at: u32) -> String {
    let mut units = 0;
    let chars: Vec<char> = text.chars().collect();
    let index = chars
        .iter()
        .position(|c| {
            units += c.len_utf16() as u32;
            units > at
        })
        .unwrap_or(chars.len());
    let from = index.saturating_sub(40);
    let to = (index + 40).min(chars.len());
    chars
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Titles compare by their words, whatever the case and punctuation.
fn same_title(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        normalize_term(s)
            .split(|c: char| !c.is_alphanumeric() && !"+#.".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    words(a) == words(b)
}

impl Quality {
    fn ratio(part: usize, whole: usize) -> f64 {
        if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
    }

    pub fn job_recall(&self) -> f64 {
        self.recall(|p| (&p.job_found, &p.job_missed))
    }

    pub fn resume_recall(&self) -> f64 {
        self.recall(|p| (&p.resume_found, &p.resume_missed))
    }

    /// Labels found over labels found or missed, over every pair.
    fn recall(&self, side: impl Fn(&PairQuality) -> (&Vec<String>, &Vec<String>)) -> f64 {
        let (found, missed) = self
            .pairs
            .iter()
            .map(&side)
            .fold((0, 0), |(f, m), (found, missed)| (f + found.len(), m + missed.len()));
        Self::ratio(found, found + missed)
    }

    pub fn traps(&self) -> usize {
        self.pairs.iter().map(|p| p.traps.len()).sum()
    }

    pub fn importance(&self) -> f64 {
        let right: usize = self.pairs.iter().map(|p| p.importance_right).sum();
        let wrong: usize = self.pairs.iter().map(|p| p.importance_wrong.len()).sum();
        Self::ratio(right, right + wrong)
    }

    pub fn titles(&self) -> f64 {
        Self::ratio(self.pairs.iter().filter(|p| p.title_right).count(), self.pairs.len())
    }

    /// Share of jobs whose fitting resume outscores every cross resume.
    pub fn fit_over_every_cross(&self) -> f64 {
        let mut jobs: HashMap<&str, bool> = HashMap::new();
        for c in &self.comparisons {
            *jobs.entry(&c.job).or_insert(true) &= c.won();
        }
        Self::ratio(jobs.values().filter(|won| **won).count(), jobs.len())
    }

    /// Share of fit-over-cross comparisons won by the score.
    pub fn comparisons_won(&self) -> f64 {
        self.share_won(Comparison::won)
    }

    /// The same share for the TF-IDF cosine, IDF over the two texts.
    pub fn tfidf_won(&self) -> f64 {
        self.share_won(|c| c.fit_cosine > c.cross_cosine)
    }

    /// The same share for the TF-IDF cosine, IDF over the whole corpus.
    pub fn corpus_tfidf_won(&self) -> f64 {
        self.share_won(|c| c.fit_corpus_cosine > c.cross_corpus_cosine)
    }

    fn share_won(&self, won: impl Fn(&Comparison) -> bool) -> f64 {
        Self::ratio(
            self.comparisons.iter().filter(|c| won(c)).count(),
            self.comparisons.len(),
        )
    }

    /// Mean score points between a job's fitting resume and a cross resume.
    pub fn mean_gap(&self) -> f64 {
        if self.comparisons.is_empty() {
            return 0.0;
        }
        self.comparisons.iter().map(Comparison::gap).sum::<f64>() / self.comparisons.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_by_words_whatever_the_case_and_punctuation() {
        assert!(same_title("Sr. .NET Developer", "sr. .net developer"));
        assert!(same_title("UX/UI Designer", "UX / UI Designer"));
        assert!(!same_title("QA Engineer", "Automation QA Engineer"));
    }
}
