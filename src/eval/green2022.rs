//! Our skill extraction on a public benchmark: the gold test set of Green,
//! Maynard and Lin, "Development of a Benchmark Corpus to Support Entity
//! Recognition in Job Descriptions" (LREC 2022, CC BY 4.0): 336 sentences of
//! UK job ads, one token per line with a BIO tag (`raw_data/testset.txt`),
//! and the authors' CRF baseline's predictions on it
//! (`history/test_output.csv`), scored here by the same measures as ours.
//!
//! We extract two of its five entity types: Skill (the knowledge base's
//! hard and soft skills) and Qualification (its certifications). Each found
//! span covers the tokens it overlaps. Scores per type: by exact span, by
//! overlapping span (a found span is right when it overlaps a gold one of
//! its type; a gold span is found when a found span of its type overlaps
//! it), and by token (BIO tags, micro-averaged, as the paper's 0.59 F1 is).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};

use crate::scan::{KeywordMatcher, extract_keywords};
use crate::taxonomy::{Catalog, SkillKind};

/// The entity types we extract, as the benchmark names them.
pub const TYPES: [&str; 2] = ["Skill", "Qualification"];

/// One tokenized sentence with a tag per token (`B-Skill`, `I-Skill`, `O`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// Reads `testset.txt`: `TOKEN TAG` per line, a blank line between sentences.
pub fn read_gold(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        match (fields.next(), fields.next()) {
            (None, _) => {
                if !current.tokens.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
            }
            (Some(token), Some(tag)) => {
                current.tokens.push(token.to_owned());
                current.tags.push(tag.to_owned());
            }
            (Some(_), None) => bail!("{}:{}: a token without a tag", path.display(), number + 1),
        }
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Reads the baseline's predicted tags (`text,true,pred`, one row per token
/// in the order of the test set) into the sentences' shape.
pub fn read_baseline(path: &Path, gold: &[Sentence]) -> anyhow::Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    // The token itself may hold a comma: the tags are the last two fields.
    let predicted: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| line.rsplit(',').next().unwrap_or("O").trim().to_owned())
        .collect();
    let total: usize = gold.iter().map(|s| s.tokens.len()).sum();
    if predicted.len() != total {
        bail!("{}: {} predictions for {total} tokens", path.display(), predicted.len());
    }
    let mut rest = predicted.as_slice();
    Ok(gold
        .iter()
        .map(|sentence| {
            let (these, after) = rest.split_at(sentence.tokens.len());
            rest = after;
            these.to_vec()
        })
        .collect())
}

/// Our tags for a sentence: the tokens each found span overlaps, tagged
/// with its type.
pub fn tag_sentence(catalog: &Catalog, matcher: &KeywordMatcher, sentence: &Sentence) -> Vec<String> {
    // The sentence as text, tokens apart by a space, with each token's
    // UTF-16 range (the unit of the scan's spans).
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(sentence.tokens.len());
    let mut at = 0u32;
    for token in &sentence.tokens {
        if !text.is_empty() {
            text.push(' ');
            at += 1;
        }
        text.push_str(token);
        let len = token.encode_utf16().count() as u32;
        ranges.push(at..at + len);
        at += len;
    }
    let mut tags = vec!["O".to_owned(); sentence.tokens.len()];
    let mut spans: Vec<(u32, u32, &str)> = Vec::new();
    for hit in extract_keywords(catalog, matcher, &text) {
        let Some(skill) = catalog.skills.get(hit.skill.index()) else {
            continue;
        };
        let kind = match skill.skill.kind {
            SkillKind::Certification => "Qualification",
            SkillKind::Hard | SkillKind::Soft => "Skill",
        };
        spans.extend(hit.spans.iter().map(|s| (s.start, s.end, kind)));
    }
    spans.sort_unstable();
    for (start, end, kind) in spans {
        let covered: Vec<usize> = (0..ranges.len())
            .filter(|&i| ranges[i].start < end && start < ranges[i].end)
            .collect();
        // A token already inside another span stays there.
        if covered.iter().any(|&i| tags[i] != "O") {
            continue;
        }
        for (n, &i) in covered.iter().enumerate() {
            tags[i] = format!("{}-{kind}", if n == 0 { "B" } else { "I" });
        }
    }
    tags
}

/// The entity type of a BIO tag (`Skill` of `B-Skill`; empty for `O`).
fn type_of(tag: &str) -> &str {
    tag.get(2..).unwrap_or("")
}

/// Spans of one type in a tag sequence, as token ranges: a span starts at
/// `B-` or at an `I-` whose type differs from the previous tag's.
fn spans(tags: &[String], kind: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = tag.starts_with("I-") && i > 0 && type_of(&tags[i - 1]) == type_of(tag);
        if !continues && let Some(start) = open.take() {
            found.push((start, i));
        }
        if type_of(tag) == kind && !continues {
            open = Some(i);
        }
    }
    if let Some(start) = open {
        found.push((start, tags.len()));
    }
    found
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn of(right_found: usize, found: usize, gold_found: usize, gold: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(right_found, found), ratio(gold_found, gold));
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self { precision, recall, f1 }
    }
}

/// A system's scores on one entity type.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TypeScores {
    pub gold_spans: usize,
    pub exact: Prf,
    pub overlap: Prf,
    pub token: Prf,
}

/// Scores `predicted` tags against the gold ones for `kind`.
pub fn score(gold: &[Sentence], predicted: &[Vec<String>], kind: &str) -> TypeScores {
    let (mut found, mut gold_spans, mut exact, mut right_overlap, mut gold_overlap) = (0, 0, 0, 0, 0);
    let (mut tokens_found, mut tokens_gold, mut tokens_right) = (0, 0, 0);
    for (sentence, tags) in gold.iter().zip(predicted) {
        let (ours, theirs) = (spans(tags, kind), spans(&sentence.tags, kind));
        let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
        found += ours.len();
        gold_spans += theirs.len();
        exact += ours.iter().filter(|s| theirs.contains(s)).count();
        right_overlap += ours.iter().filter(|s| theirs.iter().any(|g| overlaps(s, g))).count();
        gold_overlap += theirs.iter().filter(|g| ours.iter().any(|s| overlaps(s, g))).count();
        for (ours, theirs) in tags.iter().zip(&sentence.tags) {
            let (is_ours, is_theirs) = (
                ours.ends_with(kind) && ours != "O",
                theirs.ends_with(kind) && theirs != "O",
            );
            tokens_found += usize::from(is_ours);
            tokens_gold += usize::from(is_theirs);
            tokens_right += usize::from(is_ours && ours == theirs);
        }
    }
    TypeScores {
        gold_spans,
        exact: Prf::of(exact, found, exact, gold_spans),
        overlap: Prf::of(right_overlap, found, gold_overlap, gold_spans),
        token: Prf::of(tokens_right, tokens_found, tokens_right, tokens_gold),
    }
}

/// The table: each system's scores per type.
pub fn render(systems: &[(&str, Vec<TypeScores>)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| system | type | gold spans | exact P / R / F1 | overlap P / R / F1 | token (BIO) P / R / F1 |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    let prf = |p: &Prf| format!("{:.2} / {:.2} / {:.2}", p.precision, p.recall, p.f1);
    for (name, scores) in systems {
        for (kind, s) in TYPES.iter().zip(scores) {
            let _ = writeln!(
                out,
                "| {name} | {kind} | {} | {} | {} | {} |",
                s.gold_spans,
                prf(&s.exact),
                prf(&s.overlap),
                prf(&s.token)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &str) -> Vec<String> {
        list.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn spans_start_at_b_or_at_a_change_of_type() {
        let t = tags("O B-Skill I-Skill O I-Skill I-Skill B-Skill B-Domain");
        assert_eq!(spans(&t, "Skill"), [(1, 3), (4, 6), (6, 7)]);
        assert_eq!(spans(&t, "Domain"), [(7, 8)]);
    }

    #[test]
    fn exact_overlapping_and_token_scores_differ_as_they_should() {
        let gold = vec![Sentence {
            tokens: tags("use python and sql daily"),
            tags: tags("O B-Skill I-Skill I-Skill O"),
        }];
        let predicted = vec![tags("O B-Skill O B-Skill O")];
        let s = score(&gold, &predicted, "Skill");
        assert_eq!(s.gold_spans, 1);
        assert_eq!(s.exact.f1, 0.0);
        assert_eq!((s.overlap.precision, s.overlap.recall), (1.0, 1.0));
        // B-Skill at 1 is right; B-Skill at 3 is I-Skill in the gold.
        assert_eq!((s.token.precision, s.token.recall), (0.5, 1.0 / 3.0));
    }
}
