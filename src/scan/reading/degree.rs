//! Degrees as levels: what a job asks for and what a resume names
//! (`Bachelor's or Master's`, `BSN`, `PhD`, `B.Tech`, `M.A`).

use std::sync::LazyLock;

use crate::scan::text::WordList;

/// Degrees from the lowest; a job asking for one accepts any above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DegreeLevel {
    HighSchool,
    Any,
    Bachelor,
    Master,
    Doctorate,
}

impl DegreeLevel {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::HighSchool => "a high-school diploma",
            Self::Any => "a degree",
            Self::Bachelor => "a bachelor's degree",
            Self::Master => "a master's degree",
            Self::Doctorate => "a doctorate",
        }
    }
}

/// Every degree level a text names (`Bachelor's or Master's`, `BSN`, `PhD`).
pub(crate) fn degree_levels(text: &str) -> Vec<DegreeLevel> {
    let mut levels: Vec<DegreeLevel> = DEGREES.find(text).map(|(level, _)| level).collect();
    levels.sort();
    levels.dedup();
    // `Bachelor's degree` names one level, not also "any degree".
    if levels.iter().any(|&level| level > DegreeLevel::Any) {
        levels.retain(|&level| level != DegreeLevel::Any);
    }
    levels
}

const DEGREE_WORDS: &[(&str, DegreeLevel)] = {
    use DegreeLevel::{Any, Bachelor, Doctorate, HighSchool, Master};
    &[
        ("phd", Doctorate),
        ("ph.d", Doctorate),
        ("ph.d.", Doctorate),
        ("doctorate", Doctorate),
        ("doctoral", Doctorate),
        ("master's", Master),
        ("masters", Master),
        ("master of", Master),
        ("master degree", Master),
        ("msc", Master),
        ("m.sc", Master),
        ("m.s.", Master),
        ("ms in", Master),
        ("ma in", Master),
        ("mba", Master),
        ("m.b.a", Master),
        ("meng", Master),
        ("m.eng", Master),
        ("msn", Master),
        ("m.ed", Master),
        ("mph", Master),
        ("m.a", Master),
        ("m.a.", Master),
        ("m.s", Master),
        ("m.sc.", Master),
        ("m.ed.", Master),
        ("m.tech", Master),
        ("m. tech", Master),
        ("mca", Master),
        ("llm", Master),
        ("ll.m", Master),
        ("j.d.", Doctorate),
        ("bachelor's", Bachelor),
        ("bachelors", Bachelor),
        ("bachelor", Bachelor),
        ("bsc", Bachelor),
        ("b.sc", Bachelor),
        ("b.s.", Bachelor),
        ("b.a.", Bachelor),
        ("bs in", Bachelor),
        ("ba in", Bachelor),
        ("bs/ms", Bachelor),
        ("bs/ba", Bachelor),
        ("ba/bs", Bachelor),
        ("b.a", Bachelor),
        ("b.s", Bachelor),
        ("b.sc.", Bachelor),
        ("b. sc", Bachelor),
        ("b. tech", Bachelor),
        ("b.e.", Bachelor),
        ("b.ed", Bachelor),
        ("b.ed.", Bachelor),
        ("bcom", Bachelor),
        ("bca", Bachelor),
        ("mbbs", Bachelor),
        ("llb", Bachelor),
        ("ll.b", Bachelor),
        ("b.eng", Bachelor),
        ("beng", Bachelor),
        ("btech", Bachelor),
        ("b.tech", Bachelor),
        ("bsn", Bachelor),
        ("bba", Bachelor),
        ("b.b.a", Bachelor),
        ("b.com", Bachelor),
        ("undergraduate degree", Bachelor),
        ("four-year degree", Bachelor),
        ("4-year degree", Bachelor),
        ("associate's degree", Any),
        ("associate degree", Any),
        ("associates degree", Any),
        ("associate of", Any),
        ("adn", Any),
        ("a.a.s", Any),
        ("degree", Any),
        ("degrees", Any),
        ("diploma", HighSchool),
        ("high school", HighSchool),
        ("ged", HighSchool),
    ]
};

static DEGREES: LazyLock<WordList<DegreeLevel>> = LazyLock::new(|| WordList::new(DEGREE_WORDS));

/// Compiles the word list now rather than during the first scan.
pub(crate) fn warm_up() {
    DEGREES.contains("");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_several_countries_are_degrees() {
        for (text, level) in [
            ("b.a (honours) english", DegreeLevel::Bachelor),
            ("m.a history", DegreeLevel::Master),
            ("b.ed. 2015", DegreeLevel::Bachelor),
            ("b. tech in computer science", DegreeLevel::Bachelor),
            ("bs/ba in computer science", DegreeLevel::Bachelor),
        ] {
            assert_eq!(degree_levels(text), [level], "{text}");
        }
    }
}
