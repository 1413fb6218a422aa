//! Terms whose words a coordination shares with a neighbour: `data
//! collection, analysis and reporting` names Data Analysis and Data
//! Reporting beside Data Collection; `unit and integration testing` names
//! Unit Testing beside Integration Testing; `written and verbal
//! communication` both kinds of communication.
//!
//! Only one-word conjuncts next to a term found in full, and only where the
//! completed words are themselves a term of the knowledge base.

use crate::scan::matching::matcher::{Candidate, KeywordMatcher};

/// What joins conjuncts, longest first so that `, and ` wins over `, `.
const JOINS: [&str; 7] = [", and ", ", or ", " and ", " or ", " & ", ", ", "/"];

/// At most this many conjuncts are read on either side of a term.
const MOST_CONJUNCTS: usize = 6;

/// The terms completed from the conjuncts around `found` (in normalized,
/// lowercase `text`), in text order.
pub(crate) fn completed(matcher: &KeywordMatcher, text: &str, found: &[Candidate]) -> Vec<Candidate> {
    let mut more = Vec::new();
    for c in found {
        let Some(pattern) = matcher.pattern(c.pattern).filter(|p| !p.ambiguous) else {
            continue;
        };
        let Some((first, _)) = pattern.key.split_once(' ') else {
            continue;
        };
        let (shared_front, _) = pattern.key.rsplit_once(' ').unwrap_or_default();
        let shared_back = pattern.key.get(first.len() + 1..).unwrap_or_default();
        // `data collection, analysis and reporting`: the front words shared;
        // `unit and integration testing`: the back words.
        let sides: [(Side, usize); 2] = [(Side::After, c.end), (Side::Before, c.start)];
        for (side, mut at) in sides {
            for _ in 0..MOST_CONJUNCTS {
                let Some((word, start, end)) = side.conjunct(text, at) else {
                    break;
                };
                let key = match side {
                    Side::After => format!("{shared_front} {word}"),
                    Side::Before => format!("{word} {shared_back}"),
                };
                let unambiguous = |id: &u32| matcher.pattern(*id).is_some_and(|p| !p.ambiguous);
                if let Some(id) = matcher.pattern_id(&key).filter(unambiguous) {
                    more.push(Candidate {
                        pattern: id,
                        start,
                        end,
                    });
                }
                at = match side {
                    Side::After => end,
                    Side::Before => start,
                };
            }
        }
    }
    more.retain(|m| !found.iter().any(|c| c.start < m.end && m.start < c.end));
    more.sort_unstable_by_key(|m| (m.start, m.pattern));
    more.dedup_by_key(|m| m.start);
    more
}

/// Which side of a term its conjuncts stand.
#[derive(Debug, Clone, Copy)]
enum Side {
    After,
    Before,
}

impl Side {
    /// The next conjunct on this side of byte `at`: the word and its range.
    fn conjunct(self, text: &str, at: usize) -> Option<(&str, usize, usize)> {
        match self {
            Self::After => next_conjunct(text, at),
            Self::Before => previous_conjunct(text, at),
        }
    }
}

/// The one-word conjunct after byte `at`: the word and its byte range.
fn next_conjunct(text: &str, at: usize) -> Option<(&str, usize, usize)> {
    let rest = text.get(at..)?;
    let join = JOINS.iter().find(|join| rest.starts_with(*join))?;
    let start = at + join.len();
    let len = text
        .get(start..)?
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'-')
        .count();
    let end = start + len;
    let word = text.get(start..end)?;
    let ends_word = !text.get(end..)?.starts_with(|c: char| c.is_alphanumeric());
    (len >= 2 && ends_word).then_some((word, start, end))
}

/// The one-word conjunct before byte `at`: the word and its byte range.
fn previous_conjunct(text: &str, at: usize) -> Option<(&str, usize, usize)> {
    let before = text.get(..at)?;
    let join = JOINS.iter().find(|join| before.ends_with(*join))?;
    let end = at - join.len();
    let len = text
        .get(..end)?
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'-')
        .count();
    let start = end - len;
    let word = text.get(start..end)?;
    let starts_word = !text.get(..start)?.ends_with(|c: char| c.is_alphanumeric());
    (len >= 2 && starts_word).then_some((word, start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjuncts_are_single_words_after_a_join() {
        let text = "data collection, maintenance, analysis and reporting.";
        let after = "data collection".len();
        let (word, start, end) = next_conjunct(text, after).unwrap();
        assert_eq!(word, "maintenance");
        let (word, _, end2) = next_conjunct(text, end).unwrap();
        assert_eq!(word, "analysis");
        assert_eq!(next_conjunct(text, end2).unwrap().0, "reporting");
        assert_eq!(&text[start..end], "maintenance");
        assert!(next_conjunct("data collection. analysis", 15).is_none());
    }

    #[test]
    fn conjuncts_before_a_term_are_read_backwards() {
        let text = "unit, regression and integration testing";
        let (word, start, _) = previous_conjunct(text, text.find("integration").unwrap()).unwrap();
        assert_eq!(word, "regression");
        assert_eq!(previous_conjunct(text, start).unwrap().0, "unit");
        // A conjunct is a whole word of letters.
        let text = "e2e and integration testing";
        assert!(previous_conjunct(text, text.find("integration").unwrap()).is_none());
    }
}
