//! How much of an extracted text reads as words: the share of letters that
//! sit in ordinary words rather than in words glued together (a producer
//! that places words without space characters) or that could not be decoded
//! at all. An ATS reads glued words as one unknown word, so a low figure
//! means keywords go missing, whatever the resume says.

/// Longer than any ordinary English word: two or more words glued together.
const GLUED_LETTERS: usize = 20;

/// Readability (0-100) below which a read counts as partial.
pub(crate) const PARTIAL_BELOW: u8 = 95;

/// Letters of a text, and those of them in words that did not read cleanly.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    pub letters: usize,
    /// Letters in glued words.
    pub glued_letters: usize,
    /// Glued words, in order of appearance.
    pub glued_words: Vec<String>,
    /// Chinese, Japanese and Korean characters (written without spaces).
    pub cjk: usize,
}

impl Reading {
    pub(crate) fn of(text: &str) -> Self {
        let mut reading = Self::default();
        for token in text.split_whitespace() {
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            reading.letters += letters;
            reading.cjk += token.chars().filter(|&c| is_cjk(c)).count();
            if is_glued(token) {
                reading.glued_letters += letters;
                reading.glued_words.push(token.to_owned());
            }
        }
        reading
    }

    /// The share of letters in glued words, 0-1 (1 for a text without letters).
    pub(crate) fn glued_share(&self) -> f64 {
        if self.letters == 0 {
            return 1.0;
        }
        self.glued_letters as f64 / self.letters as f64
    }

    /// 0-100: the share of characters that read as ordinary words, counting
    /// `lost` undecodable characters as unread.
    pub(crate) fn score(&self, lost: usize) -> u8 {
        let total = self.letters + lost;
        if total == 0 {
            return 0;
        }
        let clean = self.letters - self.glued_letters;
        (100.0 * clean as f64 / total as f64).floor() as u8
    }
}

/// A word too long to be one, or one whose capitals show two or more words
/// run together ("DevOpsEngineerAcme"; one join, as in "JavaScript", is a
/// name). Punctuation separates words ("Dental\",\"Vision"); links,
/// addresses, paths and code (`\SubBulletItem`) are long by nature.
fn is_glued(token: &str) -> bool {
    if token.contains(['@', '/', '.', '_', '\\']) || token.chars().any(is_cjk) {
        return false;
    }
    token.split(|c: char| !c.is_alphabetic()).any(|run| {
        let letters = run.chars().count();
        let joins = run
            .chars()
            .zip(run.chars().skip(1))
            .filter(|(a, b)| a.is_lowercase() && b.is_uppercase())
            .count();
        letters > GLUED_LETTERS || (joins >= 2 && letters >= 12)
    })
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_words_are_found_by_length_or_by_their_capitals() {
        let reading = Reading::of(
            "WorkExperience DevOpsEngineerAcme developedandmaintainedthepipeline JavaScript \
             \"Benefits\",\"Retirement\",\"Paid",
        );
        assert_eq!(
            reading.glued_words,
            ["DevOpsEngineerAcme", "developedandmaintainedthepipeline"]
        );
    }

    #[test]
    fn names_links_and_ordinary_words_read_cleanly() {
        let reading = Reading::of(
            "Built PostgreSQL and TypeScript services; see https://github.com/someone/averyveryverylongrepositoryname \
             internationalization \\SubBulletItem",
        );
        assert!(reading.glued_words.is_empty(), "{:?}", reading.glued_words);
        assert_eq!(reading.score(0), 100);
    }

    #[test]
    fn glued_and_lost_characters_lower_the_score() {
        let reading = Reading::of("Experienced nurse EnthusiasticandhardworkingCustomerServiceSpecialist");
        assert!(reading.score(0) < 50);
        assert!(Reading::of("Experienced nurse").score(20) < 50);
        assert_eq!(Reading::of("").score(0), 0);
    }
}
