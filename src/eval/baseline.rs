//! The baseline most open-source "ATS checkers" compute: the cosine of the
//! TF-IDF vectors of the resume and the job, with scikit-learn's defaults
//! (lower case, words of two or more word characters, raw counts, smoothed
//! IDF `ln((1 + n) / (1 + df)) + 1`, L2 norm).

use std::collections::HashMap;

/// Document frequencies over a set of texts.
#[derive(Debug, Default)]
pub struct Idf {
    documents: usize,
    frequency: HashMap<String, usize>,
}

impl Idf {
    pub fn over<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut idf = Self::default();
        for text in texts {
            idf.documents += 1;
            let mut words: Vec<String> = words(text).collect();
            words.sort_unstable();
            words.dedup();
            for word in words {
                *idf.frequency.entry(word).or_default() += 1;
            }
        }
        idf
    }

    fn weight(&self, word: &str) -> f64 {
        let df = self.frequency.get(word).copied().unwrap_or(0);
        ((1 + self.documents) as f64 / (1 + df) as f64).ln() + 1.0
    }

    /// The cosine of the two texts' TF-IDF vectors, 0-1.
    pub fn cosine(&self, a: &str, b: &str) -> f64 {
        let (a, b) = (self.vector(a), self.vector(b));
        let dot: f64 = a.iter().filter_map(|(word, x)| Some(x * b.get(word)?)).sum();
        let norm = |v: &HashMap<String, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
        let denominator = norm(&a) * norm(&b);
        if denominator == 0.0 { 0.0 } else { dot / denominator }
    }

    fn vector(&self, text: &str) -> HashMap<String, f64> {
        let mut counts: HashMap<String, f64> = HashMap::new();
        for word in words(text) {
            *counts.entry(word).or_default() += 1.0;
        }
        for (word, value) in &mut counts {
            *value *= self.weight(word);
        }
        counts
    }
}

/// The cosine with IDF fitted on the two texts alone.
pub fn pair_cosine(a: &str, b: &str) -> f64 {
    Idf::over([a, b]).cosine(a, b)
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|word| word.chars().count() >= 2)
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_cosine_one_and_disjoint_texts_zero() {
        assert!((pair_cosine("Python and SQL", "python AND sql") - 1.0).abs() < 1e-9);
        assert_eq!(pair_cosine("Python developer", "registered nurse"), 0.0);
    }

    #[test]
    fn words_shared_by_every_document_weigh_less() {
        let idf = Idf::over(["the nurse", "the developer", "the teacher"]);
        assert!(idf.weight("the") < idf.weight("nurse"));
        let shared_rare = idf.cosine("the nurse", "a nurse");
        let shared_common = idf.cosine("the nurse", "the teacher");
        assert!(shared_rare > shared_common, "{shared_rare} {shared_common}");
    }
}
