//! How much a job asks for what it names, and which of its text asks at all.
//!
//! A skill is REQUIRED under a requirements heading (`Requirements`, `Must
//! have`, `What you'll need`, `Qualifications`, `Selection criteria`) or in
//! a sentence that says `required`, `must` or `at least`; PREFERRED under
//! `Nice to have`, `Preferred`, `Bonus`, `Desirable` or in a sentence that
//! says `a plus`, `an asset`, `good to have`, or after `ideally` in it
//! (`HTML and CSS (ideally SCSS)`: only SCSS); MENTIONED otherwise.
//! The sentence wins over the heading (`Kafka is a plus` under Requirements
//! is PREFERRED), and a sentence runs on across a soft line wrap (`... Kafka
//! experience` / `is a plus.`). A negated cue (`no prior experience
//! required`) says nothing, and a term right after a negation (`No cold
//! calling`, `not microservices`), one the job gives (`mentored by a team
//! lead`) or one that names the employer's team (`the frontend team`) is
//! not asked for.
//!
//! Some of a posting asks for nothing: front matter, benefits, the company's
//! description (a paragraph that opens with the employer as the subject of
//! a sentence about itself), how to apply, the equal-opportunity statement. What it names
//! is not the job's keywords (`performance reviews`, `remote work options`,
//! `regardless of disability`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::reading::front_matter::FrontMatter;
use crate::scan::text::document::Document;
use crate::scan::text::layout::{Line, heading_key, inline_label, line_index, sentence_around};
use crate::scan::text::{WordList, after_a_determiner};
use crate::taxonomy::Importance;

/// The part of a job a line is in. Ordered so that, among the words of one
/// heading, preferred wins over required over neutral over boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Zone {
    Preferred,
    /// `Desired skills`: preferred beside a list of requirements, else the
    /// requirements themselves.
    Desired,
    Required,
    Neutral,
    /// Asks for nothing: benefits, about us, how to apply, front matter.
    Boilerplate,
}

/// The zone of every line of a job and where its sentences give cues.
#[derive(Debug)]
pub(crate) struct JobZones {
    zones: Vec<Zone>,
    /// Whether each line is a heading (it opens a zone and asks nothing).
    headings: Vec<bool>,
    /// Where a sentence says `required` or `a plus`, in text order.
    cues: Vec<(usize, Cue)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Importance(Importance),
    /// The sentence belongs to the equal-opportunity statement or the benefits.
    Boilerplate,
    /// `no`, `not`: the cue after it says nothing.
    Negation,
    /// A cue's word that asks nothing here: `you will be essential to
    /// all aspects of data management` praises the role.
    Idle,
    /// `we use`: what follows in the sentence is the team's, not an ask.
    Ours,
    /// `ideally`, `preferably`: what follows is preferred, and what came
    /// before keeps its own importance (`HTML and CSS (ideally SCSS)`).
    Ideally,
}

impl JobZones {
    pub(crate) fn read(doc: &Document, front_matter: Option<&FrontMatter>) -> Self {
        let text = doc.text();
        let mut zone = Zone::Neutral;
        // Whether a line under a heading of requirements lists something.
        let mut lists_requirements = false;
        let mut headings = vec![false; doc.lines.len()];
        let employer = front_matter
            .and_then(|fm| fm.employer.clone())
            .and_then(|name| text.get(name))
            .filter(|name| !name.is_empty());
        // Whether the line before opened a portrait of the employer that
        // wraps on into this one.
        let mut portrait = false;
        let zones: Vec<Zone> = doc
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if front_matter.is_some_and(|fm| fm.lines.contains(&i)) {
                    return Zone::Boilerplate;
                }
                let body = text.get(line.range()).unwrap_or("");
                portrait = (portrait && i > 0 && wraps_into_next(doc, i - 1))
                    || employer.is_some_and(|name| portrays_employer(body, name));
                if portrait {
                    return Zone::Boilerplate;
                }
                if let Some((label, rest)) = inline_label(text, line)
                    && !text.get(rest..line.end).unwrap_or("").trim().is_empty()
                {
                    // `Nice to have: Kafka` and `APPLICATION PROCEDURES: send...`
                    // open a zone; `Location: remote` and `Salary: ...` are
                    // fields, boilerplate on their own line only.
                    match classify_heading(&label) {
                        Some(Zone::Boilerplate) if is_field_label(&label) => return Zone::Boilerplate,
                        Some(labelled) => zone = labelled,
                        None => {}
                    }
                } else if let Some(heading) = job_heading(doc, line, zone) {
                    zone = heading;
                    if let Some(slot) = headings.get_mut(i) {
                        *slot = true;
                    }
                    return zone;
                }
                lists_requirements |= zone == Zone::Required;
                zone
            })
            .collect();
        // A posting whose only list of asks is `Desired skills` asks for them
        // (`Job requirements` over `Desired skills:` lists nothing itself).
        let desired = if lists_requirements {
            Zone::Preferred
        } else {
            Zone::Required
        };
        let zones = zones
            .into_iter()
            .map(|zone| if zone == Zone::Desired { desired } else { zone })
            .collect();
        let cues = CUES.find(text).map(|(cue, range)| (range.start, cue)).collect();
        Self { zones, headings, cues }
    }

    /// The importance of an occurrence at byte `pos`, or `None` where the
    /// job asks for nothing.
    pub(crate) fn importance_at(&self, doc: &Document, term: Range<usize>) -> Option<Importance> {
        let pos = term.start;
        let at = line_index(&doc.lines, pos)?;
        let zone = *self.zones.get(at)?;
        if zone == Zone::Boilerplate
            || ruled_out(doc.text(), &term)
            || received(doc.text(), &term)
            || names_a_team(doc.text(), &term)
            || names_its_leaders(doc.text(), &term)
        {
            return None;
        }
        let sentence = sentence_across_wraps(doc, at, pos);
        let mut said: Option<Importance> = None;
        let mut negated = false;
        for &(at, cue) in self.cues_within(&sentence) {
            match cue {
                Cue::Boilerplate => return None,
                Cue::Negation => negated = true,
                Cue::Idle => {}
                Cue::Ours if at < pos && said.is_none() => said = Some(Importance::Mentioned),
                Cue::Ours => {}
                Cue::Ideally if at < pos => said = Some(Importance::Preferred),
                Cue::Ideally => {}
                // A preferred cue beats a required one: `preferred but not required`.
                Cue::Importance(Importance::Preferred) => said = Some(Importance::Preferred),
                Cue::Importance(importance) if !negated && said.is_none() => said = Some(importance),
                Cue::Importance(_) => {}
            }
        }
        Some(said.unwrap_or(match zone {
            Zone::Required => Importance::Required,
            Zone::Preferred | Zone::Desired => Importance::Preferred,
            Zone::Neutral | Zone::Boilerplate => Importance::Mentioned,
        }))
    }

    fn cues_within(&self, range: &Range<usize>) -> &[(usize, Cue)] {
        let first = self.cues.partition_point(|(at, _)| *at < range.start);
        let last = self.cues.partition_point(|(at, _)| *at < range.end);
        self.cues.get(first..last).unwrap_or(&[])
    }

    /// Where a job lists what it asks for, headings left out: the lines
    /// under its headings of requirements and pluses, or, in a job without
    /// such headings, its bulleted lines outside the boilerplate.
    pub(crate) fn requirement_lines<'d>(&'d self, doc: &'d Document) -> Vec<&'d Line> {
        let lines = doc
            .lines
            .iter()
            .zip(&self.zones)
            .zip(&self.headings)
            .filter(|(_, heading)| !**heading)
            .map(|(line_and_zone, _)| line_and_zone);
        let asking: Vec<&Line> = lines
            .clone()
            .filter(|(_, zone)| matches!(zone, Zone::Required | Zone::Preferred | Zone::Desired))
            .map(|(line, _)| line)
            .collect();
        if !asking.is_empty() {
            return asking;
        }
        lines
            .filter(|(line, zone)| line.bullet && **zone == Zone::Neutral)
            .map(|(line, _)| line)
            .collect()
    }

    /// Byte ranges of the lines that may ask for something.
    pub(crate) fn asking_ranges<'d>(&'d self, doc: &'d Document) -> impl Iterator<Item = Range<usize>> + 'd {
        doc.lines
            .iter()
            .zip(&self.zones)
            .filter(|(_, zone)| **zone != Zone::Boilerplate)
            .map(|(line, _)| line.range())
    }
}

/// Whether a line opens with the employer as the subject of a sentence about
/// itself (`10up has been making the web better since 2011`, `Acme is a
/// leader in payments`): the company's portrait, which asks for nothing.
/// Not `Acme is looking for` or `Acme seeks`: those describe the post.
fn portrays_employer(line: &str, employer: &str) -> bool {
    const ABOUT_ITSELF: &[&str] = &[
        "is", "was", "has", "are", "have", "builds", "provides", "helps", "makes", "develops", "offers", "serves",
        "exists", "believes", "creates", "powers", "enables",
    ];
    let Some(rest) = line.trim_start_matches(['#', '*', '_', ' ']).strip_prefix(employer) else {
        return false;
    };
    let mut words = rest.split(' ');
    let (Some(""), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    // `Acme is currently looking for`, `Acme is now hiring`.
    let of_the_post = words
        .take(2)
        .any(|word| matches!(word, "looking" | "hiring" | "seeking" | "searching"));
    ABOUT_ITSELF.contains(&verb) && !of_the_post
}

/// Whether the words right before `pos` rule out what follows: `No cold
/// calling`, `(not microservices)`, `without a degree`, `not a position for
/// working remotely`. Only a negation next to the term counts (an article,
/// or `a <noun> for`, may stand between): `you must not be afraid of
/// Kubernetes` still asks for Kubernetes, and `not only Java` is no
/// negation.
fn ruled_out(text: &str, term: &Range<usize>) -> bool {
    let before = text.get(..term.start).unwrap_or("");
    let line = before
        .rfind('\n')
        .map_or(before, |at| before.get(at + 1..).unwrap_or(""));
    let mut words = line
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty());
    let mut previous = words.next();
    if previous == Some("for") {
        // `not a position for`: the noun, then its article.
        previous = words.nth(1);
    }
    if matches!(previous, Some("a" | "an" | "any")) {
        previous = words.next();
    }
    matches!(previous, Some("no" | "not" | "without"))
}

/// Whether the job gives what the term names rather than asking for it:
/// `mentored by a team lead`, `mentoring from our Director of Design`,
/// `training from day one`.
fn received(text: &str, term: &Range<usize>) -> bool {
    let written = text.get(term.clone()).unwrap_or("");
    let after = text.get(term.end..).unwrap_or("");
    let line = after.split('\n').next().unwrap_or("");
    let next = line.split(|c: char| !c.is_alphanumeric()).find(|word| !word.is_empty());
    ["ed", "ing", "ship"].iter().any(|end| written.ends_with(end)) && matches!(next, Some("by" | "from"))
}

/// Whether `leadership` names the employer's leaders or standing rather
/// than asking for the skill: `promote our leadership in the open source
/// arena`, `report to the leadership`, `assisting leadership through
/// consulting`. (`your leadership` and `the leadership skills` ask for it.)
fn names_its_leaders(text: &str, term: &Range<usize>) -> bool {
    if text.get(term.clone()) != Some("leadership") {
        return false;
    }
    let before = text.get(..term.start).unwrap_or("");
    let owner = before.trim_end_matches(' ').rsplit(' ').next();
    let after = text.get(term.end..).unwrap_or("");
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty());
    let leaders = matches!(
        owner,
        Some("our" | "its" | "their" | "the" | "assist" | "assisting" | "advise" | "advising" | "brief" | "briefing")
    );
    leaders
        && !matches!(
            next,
            Some("skills" | "skill" | "abilities" | "ability" | "qualities" | "experience")
        )
}

/// Whether the term names one of the employer's teams rather than asking
/// for its skill: `the core of the frontend team`, `our sales team`.
fn names_a_team(text: &str, term: &Range<usize>) -> bool {
    let before = text.get(..term.start).unwrap_or("");
    let after = text.get(term.end..).unwrap_or("");
    let team = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|word| matches!(word, "team" | "teams"));
    after_a_determiner(before) && team
}

/// The sentence around `pos` on line `at`, carried on over soft wraps: a line
/// that ends without a stop, followed by a line that goes on in lower case.
pub(crate) fn sentence_across_wraps(doc: &Document, at: usize, pos: usize) -> Range<usize> {
    let text = doc.text();
    let Some(line) = doc.lines.get(at) else {
        return pos..pos;
    };
    let mut sentence = sentence_around(text, line, pos);
    let mut i = at;
    while sentence.end >= line_end(doc, i) && wraps_into_next(doc, i) {
        i += 1;
        let Some(next) = doc.lines.get(i) else { break };
        sentence.end = sentence_around(text, next, next.content).end;
    }
    let mut i = at;
    while sentence.start <= doc.lines.get(i).map_or(0, |l| l.content) && i > 0 && wraps_into_next(doc, i - 1) {
        i -= 1;
        let Some(previous) = doc.lines.get(i) else { break };
        sentence.start = sentence_around(text, previous, previous.end).start;
    }
    sentence
}

fn line_end(doc: &Document, i: usize) -> usize {
    doc.lines.get(i).map_or(usize::MAX, |line| line.end)
}

/// Whether line `i` runs on into the next: it ends without a stop or colon
/// and the next line is no bullet and starts in lower case.
fn wraps_into_next(doc: &Document, i: usize) -> bool {
    let text = doc.text();
    let (Some(line), Some(next)) = (doc.lines.get(i), doc.lines.get(i + 1)) else {
        return false;
    };
    let body = text.get(line.range()).unwrap_or("").trim_end();
    if body.is_empty() || body.ends_with(['.', '!', '?', ':', ';']) || next.bullet {
        return false;
    }
    doc.norm
        .original_text(next.content..next.end)
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether blank lines stand before and after `line`, or the text ends
/// there. Normalized text keeps no blank lines; the original does.
fn set_apart(doc: &Document, line: &Line) -> bool {
    let original = doc.norm.original();
    let range = doc.norm.original_range(line.range());
    let before = original.get(..range.start).unwrap_or("");
    let after = original.get(range.end..).unwrap_or("");
    let blank_lines = |gap: &str| gap.matches('\n').count() >= 2;
    let gap_before = before.get(before.trim_end().len()..).unwrap_or("");
    let gap_after = after.get(..after.len() - after.trim_start().len()).unwrap_or("");
    (before.trim_end().is_empty() || blank_lines(gap_before))
        && (after.trim_start().is_empty() || blank_lines(gap_after))
}

/// A line that is a heading of a job description, and its zone; `current`
/// is the zone the line is in.
fn job_heading(doc: &Document, line: &Line, current: Zone) -> Option<Zone> {
    let text = doc.text();
    if line.bullet {
        return None;
    }
    let body = text.get(line.range())?.trim();
    if body.len() > 100 || body.ends_with(['.', ',', ';']) {
        return None;
    }
    let words = body.split_whitespace().count();
    // `Here are some skills that will come handy:` introduces a list: of
    // the asks it is under (`Requirements` / `We'd love to hear from you
    // if:`), else of the job.
    if body.ends_with(':') && words <= 12 {
        let key = main_clause(body.trim_end_matches(':'));
        let introduced = match current {
            Zone::Required | Zone::Preferred | Zone::Desired => current,
            Zone::Neutral | Zone::Boilerplate => Zone::Neutral,
        };
        return Some(classify_heading(key).unwrap_or(introduced));
    }
    let key = heading_key(body)?;
    // A line set apart, by Markdown (`**What the role will focus on**`,
    // `## What you will bring`) or by blank lines around it, is a heading
    // at greater length than a short line inside a paragraph, which may be
    // a sentence cut off.
    let key_words = key.split_whitespace().count();
    let marked = || body.starts_with('#') || (body.starts_with("**") && body.ends_with("**")) || set_apart(doc, line);
    if key_words > 8 || (key_words > 5 && !marked()) {
        return None;
    }
    classify_heading(&key)
}

/// The main clause of a line that introduces a list: `After meeting minimum
/// qualifications, candidates will be scheduled for the following` names
/// what follows in its last clause, not in its opening one. A list of
/// short items (`Knowledge, Skills, and Abilities`) stays whole.
fn main_clause(key: &str) -> &str {
    match key.rsplit_once(", ") {
        Some((opening, main)) if opening.split_whitespace().count() >= 3 && main.split_whitespace().count() >= 3 => {
            main
        }
        _ => key,
    }
}

/// The zone a heading opens: `None` when the text is not a known heading.
/// Preferred wins over required (`Preferred qualifications`). A heading
/// that speaks of the company as `us` and not to the reader (`Customers
/// love us because:`, `What makes us special`) opens its self-portrait.
fn classify_heading(key: &str) -> Option<Zone> {
    HEADINGS.find(key).map(|(zone, _)| zone).min().or_else(|| {
        // Keys are normalized, so lowercase.
        let words = || key.split(|c: char| !c.is_alphanumeric() && c != '\'');
        let of_us = words().any(|word| word == "us");
        let to_you = words().any(|word| word.starts_with("you"));
        (of_us && !to_you).then_some(Zone::Boilerplate)
    })
}

static HEADINGS: LazyLock<WordList<Zone>> = LazyLock::new(|| WordList::new(HEADING_WORDS));
static CUES: LazyLock<WordList<Cue>> = LazyLock::new(|| WordList::new(SENTENCE_CUES));

/// Compiles the word lists now rather than during the first scan.
pub(crate) fn warm_up() {
    HEADINGS.contains("");
    CUES.contains("");
}

/// What a heading's words say about the zone it opens.
const HEADING_WORDS: &[(&str, Zone)] = &[
    ("nice to have", Zone::Preferred),
    ("nice-to-have", Zone::Preferred),
    ("nice to haves", Zone::Preferred),
    ("nice-to-haves", Zone::Preferred),
    ("preferred", Zone::Preferred),
    ("bonus", Zone::Preferred),
    ("plus", Zone::Preferred),
    ("pluses", Zone::Preferred),
    ("desired", Zone::Desired),
    ("desirable", Zone::Desired),
    ("good to have", Zone::Preferred),
    ("great to have", Zone::Preferred),
    ("stand out", Zone::Preferred),
    ("extra credit", Zone::Preferred),
    // `we'd love it if you have:`; `we'd love to hear from you if:`
    // introduces the asks themselves.
    ("love it if", Zone::Preferred),
    ("optional", Zone::Preferred),
    ("not essential", Zone::Preferred),
    ("advantage", Zone::Preferred),
    ("ideally", Zone::Preferred),
    ("would be great", Zone::Preferred),
    ("even better", Zone::Preferred),
    ("brownie points", Zone::Preferred),
    ("assets", Zone::Preferred),
    ("an asset", Zone::Preferred),
    ("useful", Zone::Preferred),
    ("requirements", Zone::Required),
    ("requirement", Zone::Required),
    ("required", Zone::Required),
    ("must have", Zone::Required),
    ("must-have", Zone::Required),
    ("must haves", Zone::Required),
    ("must-haves", Zone::Required),
    ("qualifications", Zone::Required),
    ("qualification", Zone::Required),
    ("what you'll need", Zone::Required),
    ("what you will need", Zone::Required),
    ("what you need", Zone::Required),
    ("what we need", Zone::Required),
    ("looking for", Zone::Required),
    ("who you are", Zone::Required),
    ("you are", Zone::Required),
    ("you have", Zone::Required),
    ("you bring", Zone::Required),
    ("you'll bring", Zone::Required),
    ("you will bring", Zone::Required),
    ("you should have", Zone::Required),
    ("essential", Zone::Required),
    // The work itself, not what the candidate must bring.
    ("essential duties", Zone::Neutral),
    ("essential functions", Zone::Neutral),
    ("essential job functions", Zone::Neutral),
    ("ideal candidate", Zone::Required),
    ("about you", Zone::Required),
    ("your profile", Zone::Required),
    ("your background", Zone::Required),
    ("skills and experience", Zone::Required),
    ("experience and skills", Zone::Required),
    ("minimum", Zone::Required),
    ("basic", Zone::Required),
    ("what it takes", Zone::Required),
    ("we expect", Zone::Required),
    ("skills", Zone::Required),
    ("competencies", Zone::Required),
    ("selection criteria", Zone::Required),
    ("knowledge and experience", Zone::Required),
    ("responsibilities", Zone::Neutral),
    // Not `you are`: the duties, not who the candidate is.
    ("you are responsible", Zone::Neutral),
    ("you will be responsible", Zone::Neutral),
    ("you'll be responsible", Zone::Neutral),
    ("what you'll do", Zone::Neutral),
    ("what you will do", Zone::Neutral),
    ("what you'll be doing", Zone::Neutral),
    ("your role", Zone::Neutral),
    ("the role", Zone::Neutral),
    ("role", Zone::Neutral),
    ("about the job", Zone::Neutral),
    ("job description", Zone::Neutral),
    ("description", Zone::Neutral),
    ("overview", Zone::Neutral),
    ("summary", Zone::Neutral),
    ("the team", Zone::Neutral),
    ("duties", Zone::Neutral),
    ("day to day", Zone::Neutral),
    ("your impact", Zone::Neutral),
    ("your mission", Zone::Neutral),
    ("your day", Zone::Neutral),
    ("your tasks", Zone::Neutral),
    ("job title", Zone::Neutral),
    ("title", Zone::Neutral),
    ("our stack", Zone::Neutral),
    ("how we work", Zone::Neutral),
    // What the examination of a public-sector post weighs: it counts, but
    // it is no minimum qualification.
    ("selection process", Zone::Preferred),
    ("location", Zone::Boilerplate),
    // `About:` alone is the company; about the job, the role or the team is not.
    ("about", Zone::Boilerplate),
    ("about this job", Zone::Neutral),
    ("about the position", Zone::Neutral),
    ("about this position", Zone::Neutral),
    ("about the opportunity", Zone::Neutral),
    ("about us", Zone::Boilerplate),
    ("about the company", Zone::Boilerplate),
    ("company description", Zone::Boilerplate),
    ("who we are", Zone::Boilerplate),
    ("benefits", Zone::Boilerplate),
    ("perks", Zone::Boilerplate),
    ("what we offer", Zone::Boilerplate),
    ("we offer", Zone::Boilerplate),
    ("compensation", Zone::Boilerplate),
    ("salary", Zone::Boilerplate),
    ("pay range", Zone::Boilerplate),
    ("why join us", Zone::Boilerplate),
    ("why work", Zone::Boilerplate),
    ("company", Zone::Boilerplate),
    ("how to apply", Zone::Boilerplate),
    ("to apply", Zone::Boilerplate),
    ("where to apply", Zone::Boilerplate),
    ("application process", Zone::Boilerplate),
    ("application deadline", Zone::Boilerplate),
    ("filing period", Zone::Boilerplate),
    ("interview process", Zone::Boilerplate),
    ("hiring process", Zone::Boilerplate),
    ("equal opportunity", Zone::Boilerplate),
    ("equal employment", Zone::Boilerplate),
    ("eeo", Zone::Boilerplate),
    ("diversity", Zone::Boilerplate),
    ("de&i", Zone::Boilerplate),
    ("dei", Zone::Boilerplate),
    ("our values", Zone::Boilerplate),
    ("our mission", Zone::Boilerplate),
    ("our culture", Zone::Boilerplate),
    ("physical demands", Zone::Boilerplate),
    // Notes on the examination of a public-sector post state conditions of
    // the post (`Some positions may require a valid driver's license`).
    ("process notes", Zone::Neutral),
    ("working conditions", Zone::Boilerplate),
    ("application procedures", Zone::Boilerplate),
    ("application instructions", Zone::Boilerplate),
    ("process information", Zone::Boilerplate),
    ("remuneration", Zone::Boilerplate),
    ("get in touch", Zone::Boilerplate),
    ("contact", Zone::Boilerplate),
];

/// A label of a one-line field (`Location: remote`, `Position location:`),
/// as against one that opens a section (`APPLICATION PROCEDURES: send...`).
fn is_field_label(label: &str) -> bool {
    const FIELD_WORDS: &[&str] = &[
        "location",
        "salary",
        "pay",
        "compensation",
        "remuneration",
        "deadline",
        "period",
        "company",
        "contact",
        "date",
        "phone",
        "email",
    ];
    label.split_whitespace().any(|word| FIELD_WORDS.contains(&word))
}

/// Words that make a sentence's skills required or preferred whatever the
/// heading above says, or that mark it as asking for nothing.
const SENTENCE_CUES: &[(&str, Cue)] = &[
    ("a plus", Cue::Importance(Importance::Preferred)),
    ("plus", Cue::Importance(Importance::Preferred)),
    ("bonus", Cue::Importance(Importance::Preferred)),
    ("preferred", Cue::Importance(Importance::Preferred)),
    ("preferably", Cue::Ideally),
    ("preferable", Cue::Importance(Importance::Preferred)),
    ("nice to have", Cue::Importance(Importance::Preferred)),
    ("nice-to-have", Cue::Importance(Importance::Preferred)),
    ("good to have", Cue::Importance(Importance::Preferred)),
    ("great to have", Cue::Importance(Importance::Preferred)),
    ("ideally", Cue::Ideally),
    ("desirable", Cue::Importance(Importance::Preferred)),
    ("desired", Cue::Importance(Importance::Preferred)),
    ("an advantage", Cue::Importance(Importance::Preferred)),
    ("advantageous", Cue::Importance(Importance::Preferred)),
    ("an asset", Cue::Importance(Importance::Preferred)),
    ("important asset", Cue::Importance(Importance::Preferred)),
    ("beneficial", Cue::Importance(Importance::Preferred)),
    ("would be great", Cue::Importance(Importance::Preferred)),
    ("would be nice", Cue::Importance(Importance::Preferred)),
    ("helpful", Cue::Importance(Importance::Preferred)),
    ("not required", Cue::Importance(Importance::Preferred)),
    ("not mandatory", Cue::Importance(Importance::Preferred)),
    ("optional", Cue::Importance(Importance::Preferred)),
    ("required", Cue::Importance(Importance::Required)),
    ("require", Cue::Importance(Importance::Required)),
    ("requires", Cue::Importance(Importance::Required)),
    ("requirement", Cue::Importance(Importance::Required)),
    ("must", Cue::Importance(Importance::Required)),
    ("mandatory", Cue::Importance(Importance::Required)),
    ("essential", Cue::Importance(Importance::Required)),
    ("be essential to", Cue::Idle),
    ("be essential in", Cue::Idle),
    ("need to", Cue::Importance(Importance::Required)),
    ("needs to", Cue::Importance(Importance::Required)),
    ("at least", Cue::Importance(Importance::Required)),
    // Asks worded as a wish of the team, outside any requirements heading:
    // `We are looking for someone with Java`, `Candidates should be able to`.
    // Not `looking for a DevOps engineer`: that names the post.
    ("looking for someone", Cue::Importance(Importance::Required)),
    ("looking for somebody", Cue::Importance(Importance::Required)),
    ("looking for people", Cue::Importance(Importance::Required)),
    ("looking for candidates", Cue::Importance(Importance::Required)),
    ("looking for a candidate", Cue::Importance(Importance::Required)),
    ("looking for an individual", Cue::Importance(Importance::Required)),
    ("should have", Cue::Importance(Importance::Required)),
    ("should be able to", Cue::Importance(Importance::Required)),
    ("you should", Cue::Importance(Importance::Required)),
    ("candidates should", Cue::Importance(Importance::Required)),
    ("we expect", Cue::Importance(Importance::Required)),
    ("you'll need", Cue::Importance(Importance::Required)),
    ("you will need", Cue::Importance(Importance::Required)),
    ("minimum of", Cue::Importance(Importance::Required)),
    // The team's own tools: `We use PostgreSQL and Redis`, `(we use
    // GitHub and Slack)`; the ask around them is something else.
    ("we use", Cue::Ours),
    ("we currently use", Cue::Ours),
    ("we are using", Cue::Ours),
    ("we're using", Cue::Ours),
    ("no", Cue::Negation),
    ("not", Cue::Negation),
    // The employer's statement, not the topic: `knowledge of laws related
    // to equal employment opportunity` asks for EEO compliance.
    ("an equal opportunity", Cue::Boilerplate),
    ("an equal employment", Cue::Boilerplate),
    ("equal opportunity employer", Cue::Boilerplate),
    ("equal employment opportunity employer", Cue::Boilerplate),
    ("equal opportunity for all", Cue::Boilerplate),
    ("equal opportunities for all", Cue::Boilerplate),
    ("equal opportunity to all", Cue::Boilerplate),
    ("equal employment opportunity to", Cue::Boilerplate),
    ("equal employment opportunities to", Cue::Boilerplate),
    ("provides equal", Cue::Boilerplate),
    ("provide equal", Cue::Boilerplate),
    ("committed to equal", Cue::Boilerplate),
    ("commitment to equal", Cue::Boilerplate),
    ("affirmative action", Cue::Boilerplate),
    ("without regard to", Cue::Boilerplate),
    ("regardless of", Cue::Boilerplate),
    ("reasonable accommodation", Cue::Boilerplate),
    ("reasonable accommodations", Cue::Boilerplate),
    ("sexual orientation", Cue::Boilerplate),
    ("gender identity", Cue::Boilerplate),
    ("national origin", Cue::Boilerplate),
    ("veteran status", Cue::Boilerplate),
    ("protected veteran", Cue::Boilerplate),
    ("e-verify", Cue::Boilerplate),
    ("we offer", Cue::Boilerplate),
    // The company's portrait: `We exist to empower ...`, `We provide a
    // cloud-based voice solution that integrates with helpdesk tools`.
    ("we exist", Cue::Boilerplate),
    ("we provide", Cue::Boilerplate),
    ("we have raised", Cue::Boilerplate),
    ("we've raised", Cue::Boilerplate),
    ("was founded", Cue::Boilerplate),
    ("founded in", Cue::Boilerplate),
    ("benefits include", Cue::Boilerplate),
    ("our benefits", Cue::Boilerplate),
    ("401(k)", Cue::Boilerplate),
    ("401k", Cue::Boilerplate),
    ("paid time off", Cue::Boilerplate),
    ("parental leave", Cue::Boilerplate),
    ("tuition reimbursement", Cue::Boilerplate),
    ("stock options", Cue::Boilerplate),
    ("visa sponsorship", Cue::Boilerplate),
    ("discriminate", Cue::Boilerplate),
    ("americans with disabilities act", Cue::Boilerplate),
    ("disability accommodation", Cue::Boilerplate),
    ("recruitment process", Cue::Boilerplate),
    ("recruitment plan", Cue::Boilerplate),
    ("recruitment event", Cue::Boilerplate),
    ("recruitment procedures", Cue::Boilerplate),
    ("hiring process", Cue::Boilerplate),
    ("background check", Cue::Boilerplate),
    ("drug screen", Cue::Boilerplate),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn importance(text: &str, word: &str) -> Option<Importance> {
        let doc = Document::new(text);
        let zones = JobZones::read(&doc, None);
        let text = doc.text();
        let pos = text.find(word).unwrap_or_else(|| panic!("{word} is in the text"));
        // The term runs to the end of the word the match ends in, as the matcher's would.
        let rest = text.get(pos + word.len()..).unwrap_or("");
        let end = pos + word.len() + rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        zones.importance_at(&doc, pos..end)
    }

    #[test]
    fn a_cue_after_a_soft_line_wrap_still_counts() {
        let job = "Requirements\nExperience with Kafka streams and event\nsourcing is a plus.\nSQL";
        assert_eq!(importance(job, "kafka"), Some(Importance::Preferred));
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
    }

    #[test]
    fn common_wordings_of_a_plus_are_preferred() {
        for job in [
            "Knowledge of Docker would be an important asset",
            "Docker: good to have",
            "Docker like a plus",
            "Ideally you know Docker",
            "Docker is a bonus",
        ] {
            assert_eq!(importance(job, "docker"), Some(Importance::Preferred), "{job}");
        }
    }

    #[test]
    fn a_wish_of_the_team_asks_and_the_post_it_names_does_not() {
        let job = "We are looking for someone with Java experience.";
        assert_eq!(importance(job, "java"), Some(Importance::Required));
        let job = "Candidates should be able to write SQL.";
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        let job = "We are looking for a DevOps engineer to join us.";
        assert_eq!(importance(job, "devops"), Some(Importance::Mentioned));
    }

    #[test]
    fn the_teams_own_tools_are_no_ask_and_the_ask_before_them_stays() {
        let job = "Requirements\n- Strong SQL. We use PostgreSQL and Redis.\n- Experience with Kafka (we use it daily)";
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        assert_eq!(importance(job, "postgresql"), Some(Importance::Mentioned));
        assert_eq!(importance(job, "kafka"), Some(Importance::Required));
    }

    #[test]
    fn a_markdown_heading_may_be_longer_than_a_plain_one() {
        let job = "## Requirements\n**What the role will focus on**\n- Ruby development\n\
                   **What you will bring to the role**\n- SQL\n**Nice but not essential**\n- Shopify";
        assert_eq!(importance(job, "ruby"), Some(Importance::Mentioned));
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        assert_eq!(importance(job, "shopify"), Some(Importance::Preferred));
        // The same once a Markdown reader has dropped the marks.
        let job = "Requirements\n\nWhat the role will focus on\n\n- Ruby development\n\n\
                   What you will bring to the role\n\n- SQL\n\nNice but not essential\n\n- Shopify";
        assert_eq!(importance(job, "ruby"), Some(Importance::Mentioned));
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        assert_eq!(importance(job, "shopify"), Some(Importance::Preferred));
    }

    #[test]
    fn a_role_that_is_essential_to_the_work_asks_nothing() {
        let text = "You will be essential to all aspects of data management, including SQL.";
        assert_eq!(importance(text, "sql"), Some(Importance::Mentioned));
        assert_eq!(importance("SQL is essential.", "sql"), Some(Importance::Required));
    }

    #[test]
    fn a_term_right_after_a_negation_is_ruled_out() {
        let job = "Requirements\n- SQL\n- No cold calling.\n- One Rails app (not microservices)\n\
            - You must not be afraid of Kubernetes\n- Not only Java but also Kotlin";
        assert_eq!(importance(job, "cold calling"), None);
        assert_eq!(importance(job, "microservices"), None);
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        assert_eq!(importance(job, "kubernetes"), Some(Importance::Required));
        assert_eq!(importance(job, "java"), Some(Importance::Required));
        assert_eq!(importance("Requirements\nWork without a manager", "manager"), None);
        let remote = "Requirements\nThis is not a position for working remotely. A role for remote work.";
        assert_eq!(importance(remote, "working remotely"), None);
        assert_eq!(importance(remote, "remote work"), Some(Importance::Required));
    }

    #[test]
    fn the_employers_leaders_are_not_asked_for() {
        let asks = |line: &str| importance(&format!("Requirements\n- {line}"), "leadership");
        assert_eq!(asks("Promote our leadership in the open source arena"), None);
        assert_eq!(asks("Report to the leadership"), None);
        assert_eq!(asks("Assisting leadership through consulting"), None);
        assert_eq!(
            asks("Show the leadership skills a team needs"),
            Some(Importance::Required)
        );
        assert_eq!(asks("Your leadership of a small team"), Some(Importance::Required));
    }

    #[test]
    fn what_the_job_gives_is_not_asked_for() {
        let asks = |line: &str| importance(&format!("Requirements\n- {line}"), "mentor");
        assert_eq!(asks("You will be mentored by a team lead"), None);
        assert_eq!(asks("Grow with mentoring from our Director"), None);
        assert_eq!(asks("Mentoring junior engineers"), Some(Importance::Required));
    }

    #[test]
    fn the_employers_team_is_not_asked_for() {
        let job = "Requirements
- Grow the core of the frontend team
- Frontend experience with React";
        let at = |word: &str, from: usize| {
            let doc = Document::new(job);
            let pos = doc.text().get(from..).and_then(|t| t.find(word)).map(|p| p + from)?;
            JobZones::read(&doc, None).importance_at(&doc, pos..pos + word.len())
        };
        assert_eq!(at("frontend", 0), None);
        assert_eq!(
            at("frontend", job.find("Frontend").unwrap_or(0)),
            Some(Importance::Required)
        );
    }

    #[test]
    fn a_negated_requirement_asks_for_nothing_more() {
        let job = "Duties\nNo prior experience with Excel required.";
        assert_eq!(importance(job, "excel"), Some(Importance::Mentioned));
    }

    #[test]
    fn an_inline_heading_sets_the_importance_of_what_follows_the_colon() {
        assert_eq!(importance("Nice to have: Kafka", "kafka"), Some(Importance::Preferred));
        assert_eq!(importance("Must have: Kafka\nSQL", "sql"), Some(Importance::Required));
    }

    #[test]
    fn benefits_the_company_and_the_equal_opportunity_statement_ask_for_nothing() {
        let job = "Requirements\n- SQL\nBenefits\n- Performance reviews and training\n\
            We are an equal opportunity employer and consider applicants regardless of disability.";
        assert_eq!(importance(job, "sql"), Some(Importance::Required));
        assert_eq!(importance(job, "performance"), None);
        assert_eq!(importance(job, "disability"), None);
        let statement =
            "Requirements\n- SQL\n\nDE&I Statement:\n\nAt Acme, we believe diversity, equity and inclusion matter.";
        assert_eq!(importance(statement, "diversity"), None);
    }

    #[test]
    fn a_heading_of_the_readers_mission_ends_the_company_portrait() {
        let job =
            "About Acme\nAcme is a pioneer in elder care with Salesforce.\n\nYour mission\nProvide support in Zendesk.";
        assert_eq!(importance(job, "salesforce"), None);
        assert_eq!(importance(job, "zendesk"), Some(Importance::Mentioned));
    }

    #[test]
    fn equal_opportunity_as_a_topic_is_asked_for() {
        let job = "Requirements\n- Knowledge of laws and policies related to equal employment opportunity; Python\n\
            Acme provides equal employment opportunities to all applicants.\nAcme is an equal opportunity employer.";
        assert_eq!(importance(job, "policies related to equal"), Some(Importance::Required));
        assert_eq!(importance(job, "opportunities to all"), None);
        assert_eq!(importance(job, "opportunity employer"), None);
    }

    #[test]
    fn an_inline_label_of_a_section_opens_it_and_a_field_label_does_not() {
        let job = "REQUIRED QUALIFICATIONS: SQL\n- Python\nAPPLICATION PROCEDURES: send a letter to us\n\
            mentioning Excel\nRequirements\n- Go\nLocation: Berlin\n- Rust";
        assert_eq!(importance(job, "python"), Some(Importance::Required));
        assert_eq!(importance(job, "excel"), None);
        assert_eq!(importance(job, "berlin"), None);
        assert_eq!(importance(job, "rust"), Some(Importance::Required));
    }

    #[test]
    fn a_heading_about_us_opens_the_company_and_one_to_you_does_not() {
        let job = "Customers love us because:\nWe changed how DevOps teams work.\n\n\
                   We'd love to hear from you if:\n- You know Kubernetes";
        assert_eq!(importance(job, "devops"), None);
        assert_eq!(importance(job, "kubernetes"), Some(Importance::Mentioned));
    }

    #[test]
    fn the_employers_portrait_asks_for_nothing() {
        let job = "---\ncompanyName: \"Acme\"\n---\n\
                   Acme has been crafting websites for content creators since 2011, with experts in\n\
                   software engineering and cloud infrastructure.\n\n\
                   Acme is currently looking for an accountant who knows Excel.\n\
                   We provide a voice solution that integrates with helpdesk tools.";
        let doc = Document::new(job);
        let fm = FrontMatter::find(&doc);
        let zones = JobZones::read(&doc, fm.as_ref());
        let at = |word: &str| {
            let pos = doc.text().find(word).unwrap_or_else(|| panic!("{word} is in the text"));
            zones.importance_at(&doc, pos..pos + word.len())
        };
        assert_eq!(at("content creators"), None);
        assert_eq!(at("cloud infrastructure"), None);
        assert_eq!(at("excel"), Some(Importance::Mentioned));
        assert_eq!(at("helpdesk"), None);
    }

    #[test]
    fn about_alone_is_the_company_and_about_this_job_is_not() {
        let job = "About:\nWe sell Excel add-ins.\n\nAbout this job\nYou will write Python.";
        assert_eq!(importance(job, "excel"), None);
        assert_eq!(importance(job, "python"), Some(Importance::Mentioned));
    }

    #[test]
    fn a_line_that_introduces_a_list_keeps_the_asks_it_is_under() {
        let text = "Requirements\n\nWe'd love to hear from you if:\n* You know Kafka\n\n\
                    Essential Duties\nThe tasks may include:\n* Redis upkeep";
        assert_eq!(importance(text, "kafka"), Some(Importance::Required));
        assert_eq!(importance(text, "redis"), Some(Importance::Mentioned));
    }

    #[test]
    fn ideally_qualifies_what_follows_it_only() {
        let job = "Requirements\n- Web pages with HTML and CSS (ideally SCSS)\n\
                   - Understanding of Kafka, ideally in a SaaS context";
        assert_eq!(importance(job, "html"), Some(Importance::Required));
        assert_eq!(importance(job, "scss"), Some(Importance::Preferred));
        assert_eq!(importance(job, "kafka"), Some(Importance::Required));
    }

    #[test]
    fn a_line_that_introduces_a_list_names_it_in_its_main_clause() {
        let job =
            "Duties\nAfter meeting minimum qualifications, candidates will be examined on the following:\n- Excel";
        assert_eq!(importance(job, "excel"), Some(Importance::Mentioned));
        let job = "Duties\nKnowledge, Skills, and Abilities:\n- Excel";
        assert_eq!(importance(job, "excel"), Some(Importance::Required));
    }

    #[test]
    fn duties_addressed_to_you_and_a_wish_are_no_requirements() {
        let job = "You are responsible for:\n- Tableau dashboards\n\n\
                   Additionally, we'd love it if you have:\n- Cron experience";
        assert_eq!(importance(job, "tableau"), Some(Importance::Mentioned));
        assert_eq!(importance(job, "cron"), Some(Importance::Preferred));
    }

    #[test]
    fn desired_skills_under_an_empty_requirements_heading_are_required() {
        let job = "Job requirements\n\nDesired skills:\n- Go\n- Docker (nice to have)";
        assert_eq!(importance(job, "go"), Some(Importance::Required));
        assert_eq!(importance(job, "docker"), Some(Importance::Preferred));
        let both = "Requirements\n- Go\nDesired skills:\n- Docker";
        assert_eq!(importance(both, "docker"), Some(Importance::Preferred));
    }
}
