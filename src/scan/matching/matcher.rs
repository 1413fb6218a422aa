//! One trie over every normalized name and alias of the knowledge base,
//! and the token boundaries a match must respect.
//!
//! A match counts only where it starts and ends at a token boundary that
//! understands technology punctuation: `C++`, `C#` and `.NET` are tokens,
//! `JavaScript` never yields Java, `NoSQL` never SQL, `R&D` never R, while a
//! full stop or comma after a name (`Node.js.`, `Go,`) is a boundary. Plurals
//! (`REST APIs`), possessives (`Docker's`) and version numbers (`Python3`) of
//! unambiguous terms count too.

use foldhash::HashMap;
use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::scan::matching::first_words::{FirstWords, leading_letters};
use crate::scan::matching::inflection::{derived_wordings, opens_with_noun_like_verb};
use crate::scan::matching::trie::{State, Trie};
use crate::scan::rules::MistakeRule;
use crate::scan::text::{char_at, char_before, fold_keep_case, is_word_char, whole_words_at};
use crate::taxonomy::catalog::Term;
use crate::taxonomy::{Catalog, MistakeIdx, RoleIdx, SkillKind, normalize_term};

/// The compiled search structures of one catalog snapshot. Build it once per
/// snapshot (a few milliseconds over the full knowledge base), never per request.
#[derive(Debug)]
pub struct KeywordMatcher {
    terms: Trie,
    first_words: FirstWords,
    /// ASCII punctuation that some term begins with.
    opening_punctuation: [bool; 128],
    patterns: Vec<Pattern>,
    /// Normalized term -> pattern, to try shorter terms where a longer one failed.
    by_key: HashMap<String, u32>,
    titles: AhoCorasick,
    title_roles: Vec<RoleIdx>,
    /// The phrases of PHRASES and EXPERTISE_CLAIMS detectors, all in one
    /// automaton so that a resume is read once for every rule.
    phrases: AhoCorasick,
    phrase_mistakes: Vec<Vec<MistakeIdx>>,
    fingerprint: Fingerprint,
}

/// What identifies the catalog a matcher (or a report) was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    version: i64,
    skills: usize,
    roles: usize,
    mistakes: usize,
}

impl Fingerprint {
    pub(crate) fn of(catalog: &Catalog) -> Self {
        Self {
            version: catalog.version,
            skills: catalog.skills.len(),
            roles: catalog.roles.len(),
            mistakes: catalog.mistakes.len(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot compile the keyword automaton: {0}")]
pub struct MatcherError(#[from] aho_corasick::BuildError);

/// Whether a term is a name or alias of the knowledge base, or a wording
/// derived from one (a verb, a verb phrase, a practitioner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Curated,
    Derived,
}

/// One normalized term and the skills written that way.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub key: String,
    pub owners: Vec<Term>,
    /// Also ordinary English: counts only in its curated case and with evidence.
    pub ambiguous: bool,
    /// The case-sensitive forms that count for an ambiguous term.
    pub forms: Vec<String>,
    /// `REST API` also matches `REST APIs`.
    plural: bool,
    /// `Python` also matches `Python3` and `HTML` `HTML5`.
    versioned: bool,
    /// A derived phrase that opens with a verb that is also a noun (`design
    /// posters`): it counts only where a verb stands.
    pub verb_only: bool,
    /// A hyphen next to the term is a boundary (`React-based`), except for
    /// ambiguous or one-letter terms (`go-getter`, `C-suite`) and derived
    /// wordings (`manage time-sensitive work` is no Time Management).
    hyphen_bounds: bool,
}

/// A term found at token boundaries: byte range of the normalized text
/// (including a plural `s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub pattern: u32,
    pub start: usize,
    pub end: usize,
}

/// A job title found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleMatch {
    pub role: RoleIdx,
    pub start: usize,
    pub end: usize,
}

impl KeywordMatcher {
    /// Compiles every name and alias of the catalog, and the wordings derived
    /// from them, into one trie walked anchored at token starts.
    pub fn build(catalog: &Catalog) -> Result<Self, MatcherError> {
        let curated: Vec<(Cow<'_, str>, &[Term], Origin)> = catalog
            .terms()
            .filter(|(key, _)| !key.is_empty())
            .map(|(key, owners)| (Cow::Borrowed(key), owners, Origin::Curated))
            .collect();
        // One kind for a term's owners: a certification's wording derives
        // nothing, a soft skill's gives verbs too.
        let kind_of = |owners: &[Term]| {
            let kinds = owners
                .iter()
                .filter_map(|t| catalog.skills.get(t.skill.index()).map(|s| s.skill.kind));
            if kinds.clone().any(|kind| kind == SkillKind::Certification) {
                SkillKind::Certification
            } else if kinds.clone().all(|kind| kind == SkillKind::Soft) {
                SkillKind::Soft
            } else {
                SkillKind::Hard
            }
        };
        // `communicating` names Communication (the verbs of soft skills),
        // `planned lessons` Lesson Planning and `graphic designer` Graphic
        // Design, where no curated term says otherwise.
        let derived: Vec<(Cow<'_, str>, &[Term], Origin)> = curated
            .iter()
            .filter(|(_, owners, _)| !owners.iter().any(|t| t.ambiguous))
            .flat_map(|(key, owners, _)| {
                derived_wordings(key, kind_of(owners))
                    .into_iter()
                    .map(move |form| (Cow::Owned(form), *owners, Origin::Derived))
            })
            .filter(|(form, _, _)| catalog.skills_named(form).is_empty())
            .collect();
        // HashMap order varies between runs; pattern ids and owners must not.
        // Each term carries its first eight bytes as a number: comparing
        // those settles most of the sort's comparisons without a memcmp.
        let first_owner = |owners: &[Term]| owners.first().map(|t| t.skill.index());
        let mut terms: Vec<_> = curated
            .into_iter()
            .chain(derived)
            .map(|(key, owners, origin)| (leading_bytes(&key), key, owners, origin))
            .collect();
        terms.sort_unstable_by(|a, b| {
            (a.0.cmp(&b.0))
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| first_owner(a.2).cmp(&first_owner(b.2)))
        });
        terms.dedup_by(|a, b| a.1 == b.1);
        let patterns: Vec<Pattern> = terms
            .iter()
            .map(|(_, key, owners, origin)| Pattern::new(catalog, key, owners, *origin))
            .collect();
        let keys: Vec<&str> = patterns.iter().map(|p| p.key.as_str()).collect();
        let terms_trie = Trie::new(&keys);
        let by_key = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.key.clone(), i as u32))
            .collect();

        let mut titles: Vec<(&str, RoleIdx)> = catalog.job_titles().filter(|(key, _)| !key.is_empty()).collect();
        titles.sort_unstable();
        // A contiguous NFA, like the phrases': the CLI builds the matcher on
        // every start, and a DFA takes several times longer to build.
        let title_automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(titles.iter().map(|(key, _)| key))?;
        let mut phrase_keys: Vec<(String, Vec<MistakeIdx>)> = Vec::new();
        for (i, entry) in catalog.mistakes.iter().enumerate() {
            let phrases = match &entry.rule {
                MistakeRule::Phrases(p) => &p.phrases,
                MistakeRule::ExpertiseClaims(p) => &p.phrases,
                _ => continue,
            };
            for key in phrases.iter().map(|p| normalize_term(p)).filter(|k| !k.is_empty()) {
                let idx = MistakeIdx(i as u32);
                match phrase_keys.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, owners)) if owners.contains(&idx) => {}
                    Some((_, owners)) => owners.push(idx),
                    None => phrase_keys.push((key, vec![idx])),
                }
            }
        }
        // Standard semantics: rules overlap (`responsible for`, `was
        // responsible for`). A contiguous NFA builds in a fraction of a DFA's time.
        let phrases = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(phrase_keys.iter().map(|(k, _)| k))?;
        let first_words = FirstWords::new(&keys, |word| terms_trie.state_after(word));
        let mut opening_punctuation = [false; 128];
        for key in &keys {
            if let Some(&first) = key.as_bytes().first()
                && let Some(slot) = opening_punctuation.get_mut(usize::from(first))
            {
                *slot = !first.is_ascii_alphanumeric();
            }
        }
        Ok(Self {
            terms: terms_trie,
            first_words,
            opening_punctuation,
            patterns,
            by_key,
            titles: title_automaton,
            title_roles: titles.into_iter().map(|(_, role)| role).collect(),
            phrases,
            phrase_mistakes: phrase_keys.into_iter().map(|(_, owners)| owners).collect(),
            fingerprint: Fingerprint::of(catalog),
        })
    }

    /// How many distinct normalized terms the trie holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap memory of the automata, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.terms.memory_usage() + self.titles.memory_usage() + self.phrases.memory_usage()
    }

    /// Whether this matcher was built from `catalog`.
    pub fn is_built_from(&self, catalog: &Catalog) -> bool {
        self.fingerprint == Fingerprint::of(catalog)
    }

    pub(crate) fn pattern(&self, id: u32) -> Option<&Pattern> {
        self.patterns.get(id as usize)
    }

    /// The pattern of a normalized term, if the trie holds it.
    pub(crate) fn pattern_id(&self, key: &str) -> Option<u32> {
        self.by_key.get(key).copied()
    }

    /// Every term at token boundaries in normalized `text`, left to right,
    /// without overlaps; the longest term wins where several start together.
    ///
    /// Terms can only begin where a token begins, so the trie is walked
    /// anchored at those positions only: an unanchored search would stop at
    /// every `c` or `r` inside ordinary words, only for the match to be
    /// thrown away.
    pub(crate) fn candidates(&self, text: &str) -> Vec<Candidate> {
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut found = Vec::with_capacity(len / 48);
        let mut resume_at = 0;
        let mut previous_is_word = false;
        let mut pos = 0;
        while let Some(&byte) = bytes.get(pos) {
            let start = pos;
            let (starts_token, letters) = if byte.is_ascii_alphanumeric() {
                // Skip the ASCII word: the rest of it starts no token.
                let word = bytes.get(pos..).unwrap_or(&[]);
                let letters = leading_letters(word).len();
                pos += letters
                    + word
                        .get(letters..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                let starts = !previous_is_word;
                previous_is_word = true;
                (starts, letters)
            } else if byte.is_ascii() {
                let starts = !previous_is_word && !byte.is_ascii_whitespace() && self.may_open_term(byte);
                previous_is_word = false;
                pos += 1;
                (starts, 0)
            } else {
                let c = char_at(text, pos).unwrap_or(' ');
                let starts = !previous_is_word && !c.is_whitespace();
                previous_is_word = is_word_char(c);
                pos += c.len_utf8();
                (starts, 0)
            };
            if starts_token
                && start >= resume_at
                && let Some(candidate) = self.candidate_at(text, start, letters)
            {
                found.push(candidate);
                resume_at = candidate.end;
            }
        }
        found
    }

    /// Whether some term begins with this punctuation byte (`.net`, `#`):
    /// other punctuation opens no term and is not walked.
    fn may_open_term(&self, byte: u8) -> bool {
        self.opening_punctuation
            .get(usize::from(byte))
            .copied()
            .unwrap_or(false)
    }

    /// The term at token start `pos`, if one fits the boundaries there;
    /// `letters` is how many ASCII letters open the token.
    fn candidate_at(&self, text: &str, pos: usize, letters: usize) -> Option<Candidate> {
        let bytes = text.as_bytes();
        let try_walk = |state: Option<State>, at: usize| {
            let (id, end) = self.terms.longest_from(state, bytes, pos, at)?;
            self.accept(text, id, pos, end).or_else(|| self.shorter(text, pos, end))
        };
        let after_word = |letters: usize| {
            let first = self.first_words.get(bytes, pos, letters)?;
            let end = pos + letters;
            if first.may_go_on(bytes.get(end), bytes.get(end + 1)) {
                try_walk(Some(first.state), end)
            } else {
                // No longer term goes on with the bytes that follow: the word alone is the term.
                self.accept(text, first.whole?, pos, end)
            }
        };
        if letters == 0 {
            return try_walk(None, pos);
        }
        // `APIs` may be the plural of `API`.
        let plural = letters > 1 && bytes.get(pos + letters - 1) == Some(&b's');
        after_word(letters).or_else(|| plural.then(|| after_word(letters - 1)).flatten())
    }

    /// The longest shorter term that starts at `start` and fits the boundaries
    /// (`Spring` in `Spring Bootcamp`).
    fn shorter(&self, text: &str, start: usize, end: usize) -> Option<Candidate> {
        (start + 1..end)
            .rev()
            .filter(|&cut| text.is_char_boundary(cut) && !char_at(text, cut).is_some_and(is_word_char))
            .find_map(|cut| {
                let key = text.get(start..cut)?;
                let id = *self.by_key.get(key)?;
                self.accept(text, id, start, cut)
            })
    }

    fn accept(&self, text: &str, id: u32, start: usize, end: usize) -> Option<Candidate> {
        let pattern = self.patterns.get(id as usize)?;
        if !pattern.starts_token(text, start) {
            return None;
        }
        let after = text.get(end..)?;
        let possessive = after.starts_with("'s") && pattern.ends_token(after.get(2..)?);
        let versioned = pattern.versioned
            && after.starts_with(|c: char| c.is_ascii_digit())
            && pattern.ends_token(after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
        // A possessive or a version number is not part of the span (`Docker`
        // of `Docker's`, `Python` of `Python3`); a plural is (`REST APIs`).
        let span_end = if pattern.ends_token(after) || possessive || versioned {
            end
        } else if pattern.plural && after.starts_with('s') && pattern.ends_token(after.get(1..)?) {
            end + 1
        } else {
            return None;
        };
        if inside_link(text, start, span_end) {
            return None;
        }
        Some(Candidate {
            pattern: id,
            start,
            end: span_end,
        })
    }

    /// Every occurrence of a detector phrase in normalized `text`, overlaps
    /// included, at word boundaries: the mistakes it belongs to and where.
    pub(crate) fn phrases(&self, text: &str) -> Vec<(&[MistakeIdx], Range<usize>)> {
        self.phrases
            .find_overlapping_iter(text)
            .filter(|m| whole_words_at(text, m.start(), m.len()))
            .filter_map(|m| Some((self.phrase_mistakes.get(m.pattern().as_usize())?.as_slice(), m.range())))
            .collect()
    }

    /// Every job title in normalized `text`, at word boundaries (plural allowed).
    pub(crate) fn titles(&self, text: &str) -> Vec<TitleMatch> {
        self.titles
            .find_iter(text)
            .filter(|m| {
                let after = text.get(m.end()..).unwrap_or("");
                let after = after.strip_prefix('s').unwrap_or(after);
                !char_before(text, m.start()).is_some_and(is_word_char) && !after.starts_with(|c: char| is_word_char(c))
            })
            .filter_map(|m| {
                Some(TitleMatch {
                    role: *self.title_roles.get(m.pattern().as_usize())?,
                    start: m.start(),
                    end: m.end(),
                })
            })
            .collect()
    }
}

impl Pattern {
    fn new(catalog: &Catalog, key: &str, owners: &[Term], origin: Origin) -> Self {
        let ambiguous = owners.iter().any(|t| t.ambiguous);
        let mut forms: Vec<String> = Vec::new();
        if ambiguous {
            for term in owners {
                let curated = catalog.skill(term.skill).skill.ambiguous.iter();
                for form in curated.chain(std::iter::once(&term.written)) {
                    let folded = fold_keep_case(form).into_owned();
                    if normalize_term(&folded) == key {
                        // A lowercase form (`telemetry`, `medical records`)
                        // may open a bullet with a capital or stand in a
                        // title-cased list; curated capitals (`Go`) stay.
                        let capitalized = capitalize_lowercase(&folded);
                        let title_cased = title_case_lowercase(&folded);
                        for form in [folded, capitalized, title_cased] {
                            if !forms.contains(&form) {
                                forms.push(form);
                            }
                        }
                    }
                }
            }
        }
        let letters = key.chars().count();
        let ends_in_letter = key.ends_with(|c: char| c.is_ascii_alphabetic());
        Self {
            key: key.to_owned(),
            owners: owners.to_vec(),
            ambiguous,
            forms,
            plural: !ambiguous && ends_in_letter && letters >= 3 && !key.ends_with('s') && !ends_in_mass_noun(key),
            versioned: !ambiguous && ends_in_letter && letters >= 2,
            hyphen_bounds: !ambiguous && letters >= 2 && origin == Origin::Curated,
            verb_only: origin == Origin::Derived && opens_with_noun_like_verb(key),
        }
    }

    /// Whether a token may start at `start`.
    fn starts_token(&self, text: &str, start: usize) -> bool {
        let Some(before) = char_before(text, start) else {
            return true;
        };
        match before {
            c if is_word_char(c) => false,
            '-' => self.hyphen_bounds,
            // `ASP.NET` does not contain `.NET`, nor `Node.js` `JS`.
            '.' | '\'' => !char_before(text, start - 1).is_some_and(is_word_char),
            '+' | '#' | '&' | '@' | '_' | '$' | '%' | '\\' | '=' | '~' => false,
            _ => true,
        }
    }

    /// Whether a token may end where `after` begins.
    fn ends_token(&self, after: &str) -> bool {
        let mut chars = after.chars();
        let Some(next) = chars.next() else { return true };
        let then_word = chars.next().is_some_and(is_word_char);
        match next {
            c if is_word_char(c) => false,
            // A full stop ends a sentence (`Go.`) but not a name (`Node.js`).
            '.' | '&' | '\'' => !then_word,
            '-' => self.hyphen_bounds || !then_word,
            '+' | '#' | '@' | '_' | '$' | '%' | '\\' | '=' | '~' => false,
            _ => true,
        }
    }
}

/// `telemetry` -> `Telemetry`; a form with a capital already stays as it is.
fn capitalize_lowercase(form: &str) -> String {
    let mut chars = form.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => form.to_owned(),
    }
}

/// `medical records` as `Medical Records`; a form with any capital stays.
fn title_case_lowercase(form: &str) -> String {
    if form.chars().any(char::is_uppercase) {
        return form.to_owned();
    }
    form.split(' ').map(capitalize_lowercase).collect::<Vec<_>>().join(" ")
}

/// Whether a match at `start..end` lies inside a URL or an email address.
fn inside_link(text: &str, start: usize, end: usize) -> bool {
    const WINDOW: usize = 80;
    // Normalized blanks are ASCII: the token around the match is found on bytes.
    let bytes = text.as_bytes();
    let lo = start.saturating_sub(WINDOW);
    let hi = (end + WINDOW).min(bytes.len());
    let before = bytes.get(lo..start).unwrap_or(&[]);
    let before = before
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(before, |p| before.get(p + 1..).unwrap_or(&[]));
    let after = bytes.get(end..hi).unwrap_or(&[]);
    let after = after
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(after, |p| after.get(..p).unwrap_or(&[]));
    let has = |part: &[u8], needle: &[u8]| part.windows(needle.len()).any(|w| w == needle);
    let looks_like_link = |part: &[u8]| {
        // Nearly every token has none of these: skip the marker search.
        if !part.iter().any(|b| matches!(b, b'@' | b'/' | b'.' | b':')) {
            return false;
        }
        part.contains(&b'@')
            || has(part, b"://")
            || has(part, b"www.")
            || [
                ".com", ".io/", ".org", ".dev/", ".co/", ".me/", ".ai/", ".app/", ".edu", ".gov/",
            ]
            .iter()
            .any(|tld| has(part, tld.as_bytes()))
    };
    // A domain name followed by a path: `github.com/jane`.
    // (Not `.net`: `ASP.NET/C#` is a list of skills.)
    const DOMAINS: [&str; 10] = [
        ".com", ".io", ".org", ".dev", ".co", ".me", ".ai", ".app", ".edu", ".gov",
    ];
    let domain_with_path = after.first() == Some(&b'/')
        && text
            .get(start..end)
            .is_some_and(|m| DOMAINS.iter().any(|d| m.ends_with(d)));
    domain_with_path || looks_like_link(before) || looks_like_link(after)
}

/// The first eight bytes of `key` as a big-endian number (zero-padded), so
/// that numbers order as the keys' bytes do wherever they differ.
fn leading_bytes(key: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(key.as_bytes()) {
        *slot = *byte;
    }
    u64::from_be_bytes(bytes)
}

/// Last words that are uncountable nouns, whose `s` form is a verb:
/// `our team works with` is no Teamwork, `the clinic cares for` no Patient Care.
const MASS_NOUNS: [&str; 4] = ["work", "care", "help", "support"];

fn ends_in_mass_noun(key: &str) -> bool {
    let last = key.rsplit(' ').next().unwrap_or(key);
    MASS_NOUNS.contains(&last)
}

#[cfg(test)]
mod tests {
    use crate::scan::testkit;

    fn found(text: &str) -> Vec<String> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let norm = text.to_lowercase();
        matcher
            .candidates(&norm)
            .iter()
            .map(|c| {
                let pattern = matcher.pattern(c.pattern).unwrap();
                let skill = &catalog.skill(pattern.owners[0].skill).skill.slug;
                format!("{skill}={}", &norm[c.start..c.end])
            })
            .collect()
    }

    #[test]
    fn a_term_inside_a_longer_word_is_not_a_match() {
        assert_eq!(
            found("JavaScript NoSQL MongoDB"),
            ["javascript=javascript", "nosql=nosql", "mongodb=mongodb"]
        );
    }

    #[test]
    fn technology_punctuation_belongs_to_the_term() {
        assert_eq!(
            found("C++, C#, F# and .NET with ASP.NET Core on Node.js and Vue.js"),
            [
                "cpp=c++",
                "csharp=c#",
                "fsharp=f#",
                "dotnet=.net",
                "aspnet-core=asp.net core",
                "nodejs=node.js",
                "vuejs=vue.js"
            ]
        );
        assert_eq!(
            found("CI/CD, TCP/IP, A/B testing, PL/SQL, T-SQL and Objective-C"),
            [
                "ci-cd=ci/cd",
                "tcp-ip=tcp/ip",
                "ab-testing=a/b testing",
                "pl-sql=pl/sql",
                "t-sql=t-sql",
                "objective-c=objective-c"
            ]
        );
    }

    #[test]
    fn c_plus_plus_never_yields_c_and_r_and_d_never_yields_r() {
        assert_eq!(found("c+ r&d c-suite"), Vec::<String>::new());
    }

    #[test]
    fn sentence_punctuation_after_a_name_is_a_boundary() {
        assert_eq!(found("experience with Node.js."), ["nodejs=node.js"]);
        assert_eq!(
            found("Docker, Kubernetes; Python: SQL!"),
            ["docker=docker", "kubernetes=kubernetes", "python=python", "sql=sql"]
        );
        assert_eq!(found("Go."), ["go=go"]);
    }

    #[test]
    fn plurals_possessives_and_versions_of_plain_terms_count() {
        assert_eq!(found("REST APIs"), ["rest-api=rest apis"]);
        assert_eq!(found("Docker's cache"), ["docker=docker"]);
        assert_eq!(found("Python3 and HTML5"), ["python=python", "html=html"]);
        assert_eq!(found("Swifts gos"), Vec::<String>::new());
        // An uncountable last word has no plural: its `s` form is a verb.
        assert_eq!(found("team work; our team works with"), ["teamwork=team work"]);
    }

    #[test]
    fn the_longest_term_wins_and_a_failed_long_term_falls_back_to_a_shorter_one() {
        assert_eq!(
            found("Spring Boot and React Native"),
            ["spring-boot=spring boot", "react-native=react native"]
        );
        assert_eq!(found("Spring Bootcamp"), ["spring=spring"]);
    }

    #[test]
    fn hyphens_bound_plain_terms_but_not_ambiguous_or_one_letter_ones() {
        assert_eq!(found("React-based"), ["react=react"]);
        assert_eq!(found("go-getter go-to-market c-level"), Vec::<String>::new());
    }

    #[test]
    fn a_hyphen_joins_the_words_of_a_term_as_a_blank_does() {
        assert_eq!(
            found("machine-learning, react-native and spring-boot"),
            [
                "machine-learning=machine-learning",
                "react-native=react-native",
                "spring-boot=spring-boot"
            ]
        );
    }

    #[test]
    fn terms_inside_links_and_email_addresses_do_not_count() {
        assert_eq!(
            found("github.com/jane/kubernetes-demo jane@go.dev https://react.dev"),
            Vec::<String>::new()
        );
        assert_eq!(found("asp.net/c#"), ["aspnet-core=asp.net", "csharp=c#"]);
        assert_eq!(
            found("github.com/jane and GitHub or github.com."),
            ["github=github", "github=github.com"]
        );
    }

    #[test]
    fn job_titles_are_found_at_word_boundaries() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let titles = matcher.titles("senior backend engineers wanted; not a superbackend engineer");
        assert_eq!(titles.len(), 1);
        assert_eq!(catalog.role(titles[0].role).role.slug, "backend-developer");
    }
}
