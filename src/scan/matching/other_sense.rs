//! Where a skill's name stands for something else: the letters are right but
//! the words around them say it is a place, a web address, an amount of
//! money, an acronym spelled out as other words, a company, a colleague or
//! a quality of a thing (`collaborative technologies`).
//!
//! A derived verb phrase that opens with a verb that is also a noun counts
//! only where a verb stands (`to design posters`, not `design experience`).
//!
//! These rules hold for every term, ambiguous or not: `CTI (Computer
//! Telephony Integration)` is no Threat Intelligence, `Php 50,000` no PHP,
//! `Confluence Environmental Company` no Confluence and `our Product
//! Marketing Manager` no Product Marketing.

use std::ops::Range;

use crate::scan::matching::matcher::{Candidate, Pattern};
use crate::scan::text::{NormText, after_a_determiner};
use crate::taxonomy::{Catalog, SkillIdx, SkillKind, normalize_term};

/// The candidates that keep a skill's sense. An acronym spelled out as
/// something else once is that something else wherever the text uses it.
pub(crate) fn in_own_sense<'m>(
    catalog: &Catalog,
    norm: &NormText,
    candidates: Vec<(&'m Pattern, &'m Candidate)>,
) -> Vec<(&'m Pattern, &'m Candidate)> {
    let around: Vec<(&str, &str, &str)> = candidates.iter().map(|(_, c)| surroundings(norm, c)).collect();
    let redefined: Vec<u32> = candidates
        .iter()
        .zip(&around)
        .filter(|((pattern, _), (written, before, after))| {
            spelled_out_as_another(catalog, pattern, written, before, after)
        })
        .map(|((_, c), _)| c.pattern)
        .collect();
    candidates
        .into_iter()
        .zip(around)
        .filter(|((pattern, c), (written, before, after))| {
            let redefined_here = redefined.contains(&c.pattern) && is_acronym(written);
            !(redefined_here
                || among_unknown_acronyms(catalog, written, before, after)
                || (pattern.verb_only && !where_a_verb_stands(before))
                || is_region_code(written, before, after)
                || is_url_scheme(after)
                || is_currency(after)
                || is_company(written, after)
                || is_named_occasion(written, after)
                || is_colleague(written, before, after)
                || is_department(written, before, after)
                || is_season(written, after)
                || accounts_for(written, after)
                || after_non(before)
                || describes_a_thing(catalog, pattern, written, after))
        })
        .map(|(candidate, _)| candidate)
        .collect()
}

/// Certifications named only by an acronym with nothing of their field
/// around: `CNO, CNA` in a security posting is no Certified Nursing
/// Assistant. The field is a related skill, or a hard skill that some role
/// of the certification also asks for. `occurrences` are every skill found
/// and where (normalized ranges); the answer is the skills to drop.
pub(crate) fn lone_acronym_certifications(
    catalog: &Catalog,
    norm: &NormText,
    occurrences: &[(SkillIdx, Range<usize>)],
) -> Vec<SkillIdx> {
    let mut found: Vec<SkillIdx> = occurrences.iter().map(|(skill, _)| *skill).collect();
    found.sort_unstable();
    found.dedup();
    found
        .iter()
        .copied()
        .filter(|&skill| {
            let entry = catalog.skill(skill);
            if entry.skill.kind != SkillKind::Certification {
                return false;
            }
            let name = normalize_term(&entry.skill.name);
            let acronym_only = occurrences.iter().filter(|(s, _)| *s == skill).all(|(_, range)| {
                let written = norm.original_text(range.clone());
                is_acronym(written) && normalize_term(written) != name
            });
            let in_its_field = found.iter().any(|&other| {
                let other_entry = catalog.skill(other);
                other != skill
                    && other_entry.skill.kind == SkillKind::Hard
                    && (entry.related.contains(&other)
                        || entry
                            .roles
                            .iter()
                            .any(|(role, _)| other_entry.roles.iter().any(|(r, _)| r == role)))
            });
            acronym_only && !in_its_field
        })
        .collect()
}

/// An acronym listed among acronyms that the knowledge base does not know
/// (`FBI,NSA,TAO,CSS,S32,IAD`): one more abbreviation of an agency, a unit
/// or a rank, not the skill it spells elsewhere. A list of known skills
/// (`AWS, GCP, EKS, IAM`) keeps its acronyms.
fn among_unknown_acronyms(catalog: &Catalog, written: &str, before: &str, after: &str) -> bool {
    if !is_acronym(written) {
        return false;
    }
    let separator = |c: char| matches!(c, ',' | '/' | '|' | ';') || c.is_whitespace();
    // The acronym must be an item of its own, a separator on either side.
    let alone = before.chars().next_back().is_none_or(separator) && after.chars().next().is_none_or(separator);
    if !alone {
        return false;
    }
    let items_before = before.rsplit('\n').next().unwrap_or("").rsplit(separator);
    let items_after = after.split('\n').next().unwrap_or("").split(separator);
    let nonempty = |item: &&str| !item.is_empty();
    let neighbours: Vec<&str> = items_before
        .filter(nonempty)
        .take(3)
        .chain(items_after.filter(nonempty).take(3))
        .collect();
    let known = neighbours.iter().filter(|item| catalog.resolve(item).is_some()).count();
    let unknown_acronyms = neighbours
        .iter()
        .filter(|item| {
            (2..=6).contains(&item.len())
                && item.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && item.bytes().any(|b| b.is_ascii_uppercase())
                && catalog.resolve(item).is_none()
        })
        .count();
    unknown_acronyms >= 3 && unknown_acronyms > known
}

/// Whether a verb stands at the end of `before`: after `to`, or opening a
/// line, a bullet or a list item (`- Review code and consult`). Elsewhere
/// `design experience` and `test cases` are nouns.
fn where_a_verb_stands(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or("");
    // A line, a bullet or an item of a list (`Skills: design experiments`,
    // `Python, review code`) may open with a verb.
    let opens_item = line.trim_end().chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '-' | '*' | '•' | '●' | '▪' | '◦' | '–' | '·' | ':' | ',' | ';' | '|' | '/'
        )
    });
    // `to design`, `to effectively design`.
    let mut words = line.trim_end().rsplit(' ');
    let after_to = match (words.next(), words.next()) {
        (Some(last), _) if last.eq_ignore_ascii_case("to") => true,
        (Some(adverb), Some(to)) => adverb.ends_with("ly") && to.eq_ignore_ascii_case("to"),
        _ => false,
    };
    opens_item || after_to
}

/// The original text of a candidate, and the whole text before and after it.
fn surroundings<'t>(norm: &'t NormText, c: &Candidate) -> (&'t str, &'t str, &'t str) {
    let original = norm.original();
    let range = norm.original_range(c.start..c.end);
    (
        original.get(range.clone()).unwrap_or(""),
        original.get(..range.start).unwrap_or(""),
        original.get(range.end..).unwrap_or(""),
    )
}

fn is_acronym(written: &str) -> bool {
    (2..=6).contains(&written.len()) && written.bytes().all(|b| b.is_ascii_uppercase())
}

/// The state or region of an address, `Austin, TX` or `Atlanta, GA 30301`:
/// two capitals after a place name and a comma are not a skill (TX, GA, CA).
fn is_region_code(written: &str, before: &str, after: &str) -> bool {
    const REGIONS: [&str; 64] = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "AB", "BC",
        "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "UK", "EU",
    ];
    if written.len() != 2 || !REGIONS.contains(&written) {
        return false;
    }
    let Some(place) = before.strip_suffix(", ").or_else(|| before.strip_suffix(',')) else {
        return false;
    };
    let place_is_named = place
        .rsplit(|ch: char| !ch.is_alphabetic() && ch != '.')
        .next()
        .and_then(|word| word.chars().next())
        .is_some_and(char::is_uppercase);
    let ends_address = after
        .chars()
        .next()
        .is_none_or(|ch| ch.is_whitespace() || ch.is_ascii_digit() || matches!(ch, '|' | '•' | ',' | ';' | ')'));
    place_is_named && ends_address
}

/// `https://`, also as a PDF breaks it (`https: //github.com`).
fn is_url_scheme(after: &str) -> bool {
    after
        .strip_prefix(':')
        .is_some_and(|rest| rest.trim_start().starts_with("//"))
}

/// An amount right after the letters is a currency (`Php 50,000`, the
/// Philippine peso): digits grouped by thousands.
fn is_currency(after: &str) -> bool {
    let amount = after.strip_prefix(' ').unwrap_or(after);
    let head_len = amount.bytes().take_while(|b| b.is_ascii_digit() || *b == b',').count();
    let head = amount.get(..head_len).unwrap_or("");
    let mut groups = head.trim_end_matches(',').split(',');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    (1..=3).contains(&first.len()) && !rest.is_empty() && rest.iter().all(|g| g.len() == 3)
}

/// A capitalized name that goes on, within a few capitalized words of its
/// line, to a company's ending (`FactSet Research Systems Inc`, `HubSpot
/// Academy`), or whose officer is named (`Splunk's CISO`).
fn is_company(written: &str, after: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "Inc",
        "Inc.",
        "LLC",
        "Ltd",
        "Ltd.",
        "Corp",
        "Corp.",
        "Corporation",
        "Company",
        "GmbH",
        "Academy",
        "Networks",
        "Technologies",
        "Labs",
    ];
    const OFFICERS: [&str; 8] = ["CEO", "CTO", "CISO", "CFO", "COO", "founder", "co-founder", "president"];
    if !written.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let line = after.split('\n').next().unwrap_or("");
    // `Splunk's CISO`: the company's officer.
    if let Some(rest) = line.strip_prefix("'s ").or_else(|| line.strip_prefix("\u{2019}s ")) {
        let next = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        if OFFICERS.iter().any(|officer| officer.eq_ignore_ascii_case(next)) {
            return true;
        }
    }
    // A comma ends the name unless the ending follows it (`Acme, Inc.`):
    // `Program Manager, EGS Inc.` is a title at a company.
    let is_ending = |word: &str| ENDINGS.contains(&word.trim_end_matches([')', ']', ';', ':', '|', ',']));
    let mut words = line.split(' ').filter(|w| !w.is_empty()).take(4).peekable();
    while let Some(word) = words.next() {
        if word == "," {
            return words.next().is_some_and(is_ending);
        }
        if is_ending(word) {
            return true;
        }
        let comma_ends_name = word.ends_with(',') && !words.peek().is_some_and(|next| is_ending(next));
        if !word.starts_with(|c: char| c.is_uppercase()) || comma_ends_name {
            return false;
        }
    }
    false
}

/// A capitalized name that goes on to the ending of an award, an event, a
/// law or a public body: `Community Leadership Award`, `Strata + Hadoop
/// World`, `Employee Relations Ordinance`, `Employee Relations Board`. The name is the occasion's, not a skill of whoever
/// writes it.
fn is_named_occasion(written: &str, after: &str) -> bool {
    // Not `program`: an `Information Security Program` is the skill at work.
    const ENDINGS: [&str; 15] = [
        "board",
        "commission",
        "council",
        "committee",
        "award",
        "awards",
        "prize",
        "scholarship",
        "fellowship",
        "conference",
        "summit",
        "world",
        "expo",
        "ordinance",
        "act",
    ];
    if !written.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let line = after.split('\n').next().unwrap_or("");
    let words = line
        .split([' ', ','])
        .filter(|w| !w.is_empty() && *w != "+" && *w != "&");
    for word in words.take(3) {
        let word = word.trim_end_matches([')', ']', ';', ':', '|', '.']);
        if word.starts_with(|c: char| c.is_uppercase()) && ENDINGS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
            return true;
        }
        if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
    }
    false
}

/// A colleague named by what they do: `our Product Marketing Manager`, `the
/// Communications Director`, `the Customer Success Manager`. (A team is
/// different: work `with the special education team` is special education
/// work.)
fn is_colleague(written: &str, before: &str, after: &str) -> bool {
    const PEOPLE: [&str; 5] = ["manager", "managers", "director", "officer", "coordinator"];
    if !after_a_determiner(before) {
        return false;
    }
    let person = |word: &str| PEOPLE.iter().any(|p| p.eq_ignore_ascii_case(word));
    let next = after
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    // `the Project Manager`: the title itself may be the term's wording.
    let last = written.rsplit(' ').next().unwrap_or("");
    person(next) || person(last)
}

/// An acronym beside its spelled-out words, when those words are another
/// skill or none that shares a word with this one: `CTI (Computer Telephony
/// Integration)` is not Cyber Threat Intelligence, nor `Incremental Static
/// Regeneration (ISR)` Interrupt Handling, while `AWS (Amazon Web Services)`
/// stays AWS.
fn spelled_out_as_another(catalog: &Catalog, pattern: &Pattern, written: &str, before: &str, after: &str) -> bool {
    if !is_acronym(written) {
        return false;
    }
    let Some(inside) = spelled_out(written, before, after) else {
        return false;
    };
    if inside.len() > 80 || initials(inside) != written {
        return false;
    }
    let owners = || pattern.owners.iter().map(|t| t.skill);
    if let Some(term) = catalog.resolve(inside) {
        return !owners().any(|skill| skill == term.skill);
    }
    let described = owners()
        .map(|skill| {
            let entry = catalog.skill(skill);
            let description = entry.skill.description.as_deref().unwrap_or("");
            normalize_term(&format!("{} {description}", entry.skill.name))
        })
        .collect::<Vec<_>>()
        .join(" ");
    !normalize_term(inside)
        .split(' ')
        .filter(|word| word.len() >= 4)
        .any(|word| described.split(|c: char| !c.is_alphanumeric()).any(|w| w == word))
}

/// Words that a spelled-out acronym skips: `Research and Development`.
const LINKS: [&str; 5] = ["and", "of", "for", "the", "&"];

fn is_link(word: &str) -> bool {
    LINKS.iter().any(|link| link.eq_ignore_ascii_case(word))
}

/// The capitals of the words that count, hyphenated parts apart.
fn initials(words: &str) -> String {
    words
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && !is_link(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

/// The words an acronym stands for: in parentheses right after it (`CTI
/// (Computer Telephony Integration)`), or right before it when it stands in
/// parentheses (`Incremental Static Regeneration (ISR)`), as many as it has
/// letters.
fn spelled_out<'t>(written: &str, before: &'t str, after: &'t str) -> Option<&'t str> {
    let following = after
        .trim_start_matches(' ')
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .map(|(inside, _)| inside);
    if following.is_some() {
        return following;
    }
    after.strip_prefix(')')?;
    let words = before.strip_suffix('(')?.trim_end_matches(' ');
    let line = words.rsplit('\n').next().unwrap_or("");
    let mut start = line.len();
    let mut letters = 0;
    for word in line.rsplit(' ') {
        if letters >= written.len() {
            break;
        }
        start = start.checked_sub(word.len())?;
        letters += word
            .split('-')
            .filter(|part| !part.is_empty() && !is_link(part))
            .count();
        start = start.saturating_sub(1);
    }
    (letters == written.len()).then(|| line.get(start..).unwrap_or("").trim_start_matches(' '))
}

/// A department among departments that the work goes across:
/// `coordinating with Sales, Procurement, Legal and Engineering`, `the
/// Sales, Finance and Legal teams`. The words name teams, not skills.
fn is_department(written: &str, before: &str, after: &str) -> bool {
    const DEPARTMENTS: [&str; 24] = [
        "sales",
        "marketing",
        "finance",
        "legal",
        "engineering",
        "product",
        "design",
        "operations",
        "business operations",
        "procurement",
        "infrastructure",
        "security",
        "support",
        "hr",
        "human resources",
        "it",
        "compliance",
        "accounting",
        "research",
        "customer success",
        "partnerships",
        "recruiting",
        "facilities",
        "executive",
    ];
    const LEADS: [&str; 5] = ["with", "across", "between", "among", "alongside"];
    const GROUPS: [&str; 10] = [
        "team",
        "teams",
        "department",
        "departments",
        "functions",
        "groups",
        "stakeholders",
        "leaders",
        "partners",
        "organizations",
    ];
    let is_department = |item: &str| DEPARTMENTS.iter().any(|d| d.eq_ignore_ascii_case(item));
    if !written.starts_with(|c: char| c.is_uppercase()) || !is_department(written) {
        return false;
    }
    let stop = |c: char| matches!(c, '.' | ';' | ':' | '\n' | '(' | ')');
    let head = before.rsplit(stop).next().unwrap_or("");
    let tail = after.split(stop).next().unwrap_or("");
    let items = |part| -> Vec<&str> {
        str::split(part, [',', '&', '/'])
            .flat_map(|piece| piece.split(" and "))
            .map(|item| item.trim().trim_start_matches("and ").trim())
            .collect()
    };
    let one_of = |words: &[&str], word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    let mut before_items = items(head);
    let mut after_items = items(tail);
    // The first item carries the words that lead into the list, the last
    // the words after it: `coordinating with Sales`, `Legal teams`.
    let lead = before_items.first().copied().unwrap_or("");
    let (lead_words, first_item) = lead.rsplit_once(' ').unwrap_or(("", lead));
    let led = one_of(&LEADS, first_item) || one_of(&LEADS, lead_words.rsplit(' ').next().unwrap_or(""));
    if let Some(first) = before_items.first_mut() {
        *first = first_item;
    }
    let trail = after_items.pop().unwrap_or("");
    let named_end = trail
        .split(' ')
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let (named, rest) = trail.split_at(named_end);
    let next = rest.strip_prefix(' ').unwrap_or(rest).split(' ').next().unwrap_or("");
    let grouped = one_of(&GROUPS, next);
    after_items.push(named);
    let departments = before_items
        .iter()
        .chain(&after_items)
        .filter(|item| is_department(item))
        .count();
    departments >= 2 && (led || grouped)
}

/// A season of a year or a term: `Spring 2019`, `Spring '19`, `Spring
/// semester`.
fn is_season(written: &str, after: &str) -> bool {
    if !written.eq_ignore_ascii_case("spring") {
        return false;
    }
    let next = after.strip_prefix(' ').unwrap_or("");
    let year = next.trim_start_matches(['\'', '\u{2019}']);
    let digits = year.bytes().take_while(u8::is_ascii_digit).count();
    let is_year = (digits == 4 && (year.starts_with("19") || year.starts_with("20"))) || (digits == 2 && year != next);
    let word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    is_year
        || matches!(
            word.to_lowercase().as_str(),
            "semester" | "term" | "quarter" | "session" | "break"
        )
}

/// `accounting for materials`, `accounting for 40% of sales`: the verb
/// `account for`, not the discipline.
fn accounts_for(written: &str, after: &str) -> bool {
    written.eq_ignore_ascii_case("accounting") && after.starts_with(" for ")
}

/// `collaborative technologies`, `collaborative filtering`: a soft skill's
/// adjective that says what a thing is like, not what the person is like
/// (`highly collaborative`, `a collaborative team player`).
fn describes_a_thing(catalog: &Catalog, pattern: &Pattern, written: &str, after: &str) -> bool {
    const THINGS: [&str; 18] = [
        "technologies",
        "technology",
        "tools",
        "tool",
        "platform",
        "platforms",
        "software",
        "research",
        "environment",
        "environments",
        "culture",
        "space",
        "spaces",
        "workspace",
        "atmosphere",
        "filtering",
        "robots",
        "learning",
    ];
    // Cheapest first: this runs for every candidate.
    if written.contains([' ', '-']) {
        return false;
    }
    let next = after
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    THINGS.iter().any(|thing| thing.eq_ignore_ascii_case(next))
        && !pattern.owners.is_empty()
        && pattern
            .owners
            .iter()
            .all(|t| catalog.skill(t.skill).skill.kind == SkillKind::Soft)
}

/// `non-presenting`, `non-technical`: the prefix denies the word.
fn after_non(before: &str) -> bool {
    before
        .get(before.len().saturating_sub(4)..)
        .is_some_and(|end| end.eq_ignore_ascii_case("non-"))
        && !before
            .get(..before.len() - 4)
            .and_then(|rest| rest.chars().next_back())
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_soft_skills_adjective_on_a_thing_is_no_skill() {
        let (catalog, matcher) = crate::scan::testkit::catalog_and_matcher();
        let skills = |text: &str| crate::scan::extract_keywords(catalog, matcher, text).len();
        assert_eq!(
            skills("Proficient with SharePoint or other collaborative technologies"),
            1
        );
        assert_eq!(skills("Recommenders built on collaborative filtering"), 0);
        assert_eq!(skills("A highly collaborative engineer"), 1);
        assert_eq!(skills("Collaborative, with a bias for action"), 1);
    }

    #[test]
    fn region_codes_follow_a_named_place() {
        assert!(is_region_code("TX", "Austin, ", " 78701"));
        assert!(!is_region_code("TX", "skills: ", ""));
        assert!(!is_region_code("GO", "Austin, ", ""));
    }

    #[test]
    fn schemes_and_amounts_are_no_skills() {
        assert!(is_url_scheme("://example.com"));
        assert!(is_url_scheme(": //github.com/x"));
        assert!(!is_url_scheme(": Python, Go"));
        assert!(is_currency(" 50,000 a month"));
        assert!(is_currency(" 1,250,000"));
        assert!(!is_currency(" 8 and 11"));
        assert!(!is_currency(" 2019, 2022"));
        assert!(!is_currency(", Java"));
    }

    #[test]
    fn companies_end_in_a_company_word_on_their_line_or_name_an_officer() {
        assert!(is_company("FactSet", " Research Systems Inc •"));
        assert!(is_company("Confluence", " Environmental Company] - 2013"));
        assert!(is_company("HubSpot", " Academy | 2026"));
        assert!(is_company("Arista", " Networks Linux kernel engineer"));
        assert!(!is_company("Confluence", " and Jira at Acme Inc"));
        assert!(!is_company("python", " Company"));
        assert!(is_company("FactSet", " Research Systems Inc\n• Developed"));
        assert!(is_company("Splunk", "'s CISO Joel Fulton says"));
        assert!(is_company("Splunk", "\u{2019}s CISO Joel Fulton says"));
        assert!(!is_company("Splunk", "'s dashboards and alerts"));
        assert!(!is_company("Splunk", "\nAcme Inc"));
        assert!(!is_company("Program Manager", ", EGS Inc."));
        assert!(is_company("Acme", ", Inc. 2019"));
        assert!(is_company("Acme", " Widgets, Inc."));
    }

    #[test]
    fn awards_events_and_laws_are_named_occasions() {
        assert!(is_named_occasion("Leadership", " Award 2017 – Medill"));
        assert!(is_named_occasion("LEADERSHIP", " AWARD"));
        assert!(!is_named_occasion("Information Security", " Program"));
        assert!(is_named_occasion("Hadoop", " World March 2017"));
        assert!(is_named_occasion("Employee Relations", " Ordinance and labor"));
        assert!(!is_named_occasion("Leadership", " and mentoring"));
        assert!(!is_named_occasion("Kubernetes", " Community Prow project"));
        assert!(!is_named_occasion("leadership", " award"));
        assert!(!is_named_occasion("Hindi", ", French\n\nAWARDS"));
    }

    #[test]
    fn an_acronym_among_unknown_acronyms_is_no_skill() {
        let (catalog, _) = crate::scan::testkit::catalog_and_matcher();
        assert!(among_unknown_acronyms(catalog, "CSS", "FBI,NSA,TAO,", ",S32,IAD,NCS"));
        assert!(among_unknown_acronyms(
            catalog,
            "CSS",
            "Portland FBI NSA TAO ",
            " S32 IAD NCS"
        ));
        assert!(!among_unknown_acronyms(
            catalog,
            "CSS",
            "Skills: HTML, ",
            ", JavaScript, SQL"
        ));
        assert!(!among_unknown_acronyms(catalog, "CSS", "FBI,NSA,TAO,", "3,S32,IAD,NCS"));
    }

    #[test]
    fn a_verb_stands_after_to_or_opening_a_line() {
        assert!(where_a_verb_stands("the ability to "));
        assert!(where_a_verb_stands("projects to effectively "));
        assert!(where_a_verb_stands("Duties\n- "));
        assert!(where_a_verb_stands("Duties\n"));
        assert!(where_a_verb_stands("Skills: "));
        assert!(where_a_verb_stands("Python, "));
        assert!(!where_a_verb_stands("push the "));
        assert!(!where_a_verb_stands("five years of "));
    }

    #[test]
    fn acronyms_are_spelled_out_on_either_side() {
        assert_eq!(
            spelled_out("CTI", "", " (Computer Telephony Integration) and"),
            Some("Computer Telephony Integration")
        );
        assert_eq!(
            spelled_out("ISR", "using Incremental Static Regeneration (", ") and"),
            Some("Incremental Static Regeneration")
        );
        assert_eq!(spelled_out("CTI", "Telephony Integration (", ")"), None);
        assert_eq!(
            spelled_out("RD", "Research and Development (", ")"),
            Some("Research and Development")
        );
        assert_eq!(spelled_out("ISR", "the (", ")"), None);
        assert_eq!(spelled_out("ISR", "rendering with ", " and"), None);
        assert_eq!(initials("Test-Driven Development"), "TDD");
    }

    #[test]
    fn departments_across_which_work_goes_are_no_skills() {
        let tail = ", Procurement, Infrastructure, Legal, Engineering, and Business Operations as well as external";
        assert!(is_department("Sales", "team; coordinating with ", tail));
        assert!(is_department(
            "Business Operations",
            "coordinating with Sales, Procurement, Infrastructure, Legal, Engineering, and ",
            " as well as external"
        ));
        assert!(is_department(
            "Sales",
            "partner with the Product, Legal and ",
            " teams."
        ));
        assert!(!is_department("Sales", "Skills: ", ", Marketing, Finance, Legal"));
        assert!(!is_department("Sales", "experience with ", " and Salesforce."));
        assert!(!is_department("sales", "coordinating with ", ", legal, finance"));
    }

    #[test]
    fn a_season_of_a_year_is_no_framework() {
        assert!(is_season("Spring", " 2019\nTeaching"));
        assert!(is_season("Spring", " \u{2019}19"));
        assert!(is_season("spring", " semester"));
        assert!(!is_season("Spring", " Boot 3"));
        assert!(!is_season("Spring", " 5 and Hibernate"));
        assert!(!is_season("Swift", " 2019"));
    }

    #[test]
    fn accounting_for_is_a_verb() {
        assert!(accounts_for("accounting", " for materials, supplies"));
        assert!(!accounts_for("accounting", " and payroll"));
        assert!(!accounts_for("marketing", " for startups"));
    }

    #[test]
    fn non_denies_the_word() {
        assert!(after_non("Serves as a non-"));
        assert!(after_non("Non-"));
        assert!(!after_non("a canon-"));
        assert!(!after_non("presenting "));
    }

    #[test]
    fn colleagues_are_named_with_a_determiner() {
        assert!(is_colleague(
            "Product Marketing",
            "You’ll support our ",
            " Manager, Content"
        ));
        assert!(is_colleague("Communications", "report directly to the ", " Director."));
        assert!(is_colleague("Customer Success Manager", "issues to the ", " * Achieve"));
        assert!(!is_colleague("special education", "with the ", " team"));
        assert!(!is_colleague("Project Manager", "Senior ", " at Acme"));
        assert!(!is_colleague("Marketing", "the ", " of the product"));
    }
}
