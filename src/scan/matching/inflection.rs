//! Other parts of speech of a soft skill's one-word name, so that a text
//! that does the thing counts as naming it: `communicate`, `communicating`
//! for Communication, `prioritized` for Prioritization, `adaptable` for
//! Adaptability, `mentored` for Mentoring.
//!
//! Only soft skills: their names are nouns made from verbs, and postings
//! and resumes use the verb as often as the noun. Hard skills are products
//! and methods whose verbs mean other things (`documented` is no
//! Documentation).

/// The derived forms of a normalized one-word name (none for other terms).
pub fn derived_forms(key: &str) -> Vec<String> {
    if key.len() < 8 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let with = |stem: &str, endings: &[&str]| endings.iter().map(|e| format!("{stem}{e}")).collect();
    // British spellings too: `prioritise`.
    if let Some(stem) = key.strip_suffix("ization").or_else(|| key.strip_suffix("isation")) {
        return with(stem, &["ize", "izes", "izing", "ized", "ise", "ises", "ising", "ised"]);
    }
    if let Some(stem) = key.strip_suffix("ation") {
        return with(stem, &["ate", "ates", "ating", "ated"]);
    }
    if let Some(stem) = key.strip_suffix("ability") {
        return with(stem, &["able"]);
    }
    if let Some(stem) = key.strip_suffix("ing") {
        return with(stem, &["ed"]);
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_made_from_verbs_give_their_verbs() {
        assert_eq!(
            derived_forms("communication"),
            ["communicate", "communicates", "communicating", "communicated"]
        );
        assert_eq!(
            derived_forms("prioritization"),
            [
                "prioritize",
                "prioritizes",
                "prioritizing",
                "prioritized",
                "prioritise",
                "prioritises",
                "prioritising",
                "prioritised"
            ]
        );
        assert_eq!(derived_forms("adaptability"), ["adaptable"]);
        assert_eq!(derived_forms("mentoring"), ["mentored"]);
    }

    #[test]
    fn short_words_and_phrases_give_nothing() {
        assert!(derived_forms("sql").is_empty());
        assert!(derived_forms("time management").is_empty());
    }
}
