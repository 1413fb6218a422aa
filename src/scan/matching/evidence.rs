//! When an ambiguous term (Go, R, Swift, Spring, Excel, Chef, ...) counts as
//! a skill: in its curated case with technical context, or in another case
//! only among other skills (`such as acting, music, dance`).
//!
//! Technical context is any of: a skills section or a labelled skills line
//! (`Languages: Go, Rust`); a list whose other items are recognized skills
//! (`Go | Python | SQL`, or a column of one-item bullets); a recognized skill
//! right next to it (`R and Python`, `Go/Kubernetes`); an example of a skill
//! or a kind of tool (`configuration management (currently Chef)`, `tools
//! like Slack`); or a technical phrase around it (`written in Go`, `using
//! Swift`, `Go developer`, `Kafka topics`).
//! Ordinary English (`go-getter`, `a swift response`, `spring 2022`, `the
//! Rust Belt`, `reading Kafka`) has none of these.

use std::ops::Range;

use crate::scan::matching::matcher::{Candidate, KeywordMatcher};
use crate::scan::text::document::Document;
use crate::scan::text::layout::{Line, inline_label, line_index, sentence_around};
use crate::scan::text::{NormText, fold_keep_case};
use crate::taxonomy::{Catalog, SkillIdx};

/// What the evidence rules need to know about a document.
pub(crate) struct DocContext<'a> {
    pub norm: &'a NormText,
    pub lines: &'a [Line],
    /// Byte ranges of the sections that list skills.
    pub skill_sections: &'a [Range<usize>],
}

impl<'a> DocContext<'a> {
    pub(crate) fn of(doc: &'a Document) -> Self {
        Self {
            norm: &doc.norm,
            lines: &doc.lines,
            skill_sections: &doc.skill_sections,
        }
    }
}

/// Whether each candidate counts: unambiguous terms always, ambiguous ones
/// with the right case and technical context, or in a document of their
/// field.
pub(crate) fn accepted(
    catalog: &Catalog,
    matcher: &KeywordMatcher,
    ctx: &DocContext<'_>,
    candidates: &[Candidate],
) -> Vec<bool> {
    let mut accepted: Vec<bool> = candidates
        .iter()
        .map(|c| matcher.pattern(c.pattern).is_some_and(|p| !p.ambiguous))
        .collect();
    let mut pending: Vec<usize> = Vec::new();
    let mut other_case: Vec<usize> = Vec::new();
    for (i, (ok, c)) in accepted.iter_mut().zip(candidates).enumerate() {
        if *ok {
            continue;
        }
        if written_as_curated(matcher, ctx.norm, c) {
            pending.push(i);
        } else if letters(ctx.norm, c) >= 3 && !an_acronym(matcher, c) {
            other_case.push(i);
        }
    }
    // Evidence of its own first; then, in two rounds, evidence from the
    // skills around it, so that ambiguous terms can vouch for each other
    // once one of them is accepted (`Go, Rust and Python`).
    let mut undecided: Vec<(usize, &Line)> = Vec::with_capacity(pending.len());
    for &i in &pending {
        let Some(c) = candidates.get(i) else { continue };
        let Some(line) = line_index(ctx.lines, c.start).and_then(|l| ctx.lines.get(l)) else {
            continue;
        };
        if has_own_context(ctx, line, c) {
            accepted[i] = true;
        } else {
            undecided.push((i, line));
        }
    }
    for _ in 0..2 {
        for &(i, line) in &undecided {
            if !accepted[i] && has_company(ctx, line, candidates, &accepted, i) {
                accepted[i] = true;
            }
        }
    }
    undecided.retain(|&(i, _)| !accepted[i]);
    if !undecided.is_empty() {
        let sure = sure_skills(matcher, candidates);
        for &(i, _) in &undecided {
            if candidates
                .get(i)
                .is_some_and(|c| in_its_field(catalog, matcher, c, &sure))
            {
                accepted[i] = true;
            }
        }
    }
    // Out of its curated case (`music`, `spring`), a term is the skill only
    // among other skills: case tells a word from a name in prose, not in a
    // list (`such as acting, music, dance, film`, `tools like gulp and
    // webpack`). One- and two-letter words (`go`, `r`) keep their case even
    // there, and an acronym's letters in another case are another word
    // (`Nice to have` is no NICE). Last, so that every other kind of
    // evidence is in.
    for _ in 0..2 {
        for &i in &other_case {
            if !accepted[i] && among_skills(ctx, candidates, &accepted, i) {
                accepted[i] = true;
            }
        }
    }
    accepted
}

/// The skills the document names without doubt (by unambiguous terms), each once.
fn sure_skills(matcher: &KeywordMatcher, candidates: &[Candidate]) -> Vec<SkillIdx> {
    let mut sure: Vec<SkillIdx> = candidates
        .iter()
        .filter_map(|c| matcher.pattern(c.pattern))
        .filter(|p| !p.ambiguous)
        .flat_map(|p| p.owners.iter().map(|t| t.skill))
        .collect();
    sure.sort_unstable();
    sure.dedup();
    sure
}

/// How many skills of its field a document must name without doubt before
/// an ambiguous term of that field counts anywhere in it.
const FIELD_COMPANY: usize = 2;

/// Whether the document is of the term's field: it names, without doubt,
/// skills of the term's category or curated neighbours of it. `firmware`
/// in an embedded engineer's resume beside Microcontrollers and RTOS is
/// Firmware Development; `hardware, firmware, and threat loads` in a
/// soldier's is not.
fn in_its_field(catalog: &Catalog, matcher: &KeywordMatcher, c: &Candidate, sure: &[SkillIdx]) -> bool {
    let Some(pattern) = matcher.pattern(c.pattern) else {
        return false;
    };
    // Only a term curated in lowercase, an ordinary phrase of the field
    // (`firmware`, `medical records`): a name curated with its capital
    // (`Go`, `Swift`, `Spring`) is a product whose word is also English,
    // and a developer's resume still says `Spring 2019` and `Go to person`.
    if !pattern.forms.iter().any(|form| !form.chars().any(char::is_uppercase)) {
        return false;
    }
    pattern.owners.iter().any(|term| {
        let entry = catalog.skill(term.skill);
        let kin = sure.iter().filter(|&&other| {
            let other_entry = catalog.skill(other);
            other != term.skill
                && ((entry.category.is_some() && other_entry.category == entry.category)
                    || entry.related.contains(&other)
                    || other_entry.related.contains(&term.skill))
        });
        kin.count() >= FIELD_COMPANY
    })
}

/// Whether the text writes the term in one of its curated case-sensitive forms.
fn written_as_curated(matcher: &KeywordMatcher, norm: &NormText, candidate: &Candidate) -> bool {
    let Some(pattern) = matcher.pattern(candidate.pattern) else {
        return false;
    };
    let written = fold_keep_case(norm.original_text(candidate.start..candidate.end));
    // Capitals are a heading's or a list's style (`LESS | Sass`, `LISP`,
    // `ILLUSTRATOR`), not a word's case: they stand for any curated case.
    let in_capitals = is_in_capitals(&written);
    // A hyphen and a blank between words stand for each other (`on-call`),
    // as in the trie walk.
    let joint = |byte: u8| match byte {
        b'-' => b' ',
        _ if in_capitals => byte.to_ascii_uppercase(),
        _ => byte,
    };
    pattern
        .forms
        .iter()
        .any(|form| form.len() == written.len() && form.bytes().zip(written.bytes()).all(|(f, w)| joint(f) == joint(w)))
}

fn letters(norm: &NormText, candidate: &Candidate) -> usize {
    norm.text()
        .get(candidate.start..candidate.end)
        .map_or(0, |term| term.chars().filter(|c| c.is_alphabetic()).count())
}

/// Whether every curated form of the term is written in capitals (`NICE`).
fn an_acronym(matcher: &KeywordMatcher, candidate: &Candidate) -> bool {
    matcher
        .pattern(candidate.pattern)
        .is_some_and(|p| p.forms.iter().all(|form| is_in_capitals(form)))
}

/// Two or more letters, every one a capital.
fn is_in_capitals(written: &str) -> bool {
    let mut letters = written.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

/// Context that does not depend on other skills: a skills section, a skills
/// label, a technical phrase.
fn has_own_context(ctx: &DocContext<'_>, line: &Line, c: &Candidate) -> bool {
    in_a_skills_part(ctx, line, c) || technical_phrase(ctx.norm.text(), line, c)
}

/// A skills section, or the value of a skills label (`Languages: Go, Rust`).
fn in_a_skills_part(ctx: &DocContext<'_>, line: &Line, c: &Candidate) -> bool {
    ctx.skill_sections.iter().any(|section| section.contains(&c.start))
        || inline_label(ctx.norm.text(), line).is_some_and(|(label, rest)| c.start >= rest && is_skills_label(&label))
}

/// Context from the skills around it: next to one, in a list or a column of
/// them, or in a sentence about one.
fn has_company(ctx: &DocContext<'_>, line: &Line, candidates: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let text = ctx.norm.text();
    next_to_a_skill(text, candidates, accepted, i)
        || an_example(text, line, candidates, accepted, i)
        || object_of_a_technical_sentence(text, line, candidates, accepted, i)
        || in_a_list_of_skills(text, line, candidates, accepted, i)
        || in_a_column_of_skills(ctx, line, candidates, accepted, i)
}

/// Whether the term stands among skills: in a skills section or line, in a
/// list or column whose other items are skills, right next to a skill, or
/// as an example of one.
fn among_skills(ctx: &DocContext<'_>, candidates: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let Some(c) = candidates.get(i) else { return false };
    let Some(line) = line_index(ctx.lines, c.start).and_then(|l| ctx.lines.get(l)) else {
        return false;
    };
    let text = ctx.norm.text();
    in_a_skills_part(ctx, line, c)
        || next_to_a_skill(text, candidates, accepted, i)
        || an_example(text, line, candidates, accepted, i)
        || in_a_list_of_skills(text, line, candidates, accepted, i)
        || in_a_column_of_skills(ctx, line, candidates, accepted, i)
}

/// Labels of lines that list skills: `Languages:`, `Tech stack:`, `Tools:`.
pub(crate) fn is_skills_label(label: &str) -> bool {
    const WORDS: [&str; 16] = [
        "skills",
        "skill",
        "languages",
        "technologies",
        "technology",
        "tools",
        "frameworks",
        "stack",
        "platforms",
        "databases",
        "libraries",
        "software",
        "proficiencies",
        "competencies",
        "environment",
        "technical",
    ];
    label.split_whitespace().any(|w| WORDS.contains(&w))
}

/// Words that, right before a term, make it technical: `written in Go`,
/// `using Swift`, `experience with Spring`, `knowledge of R`.
fn technical_phrase(text: &str, line: &Line, c: &Candidate) -> bool {
    let before = text.get(line.content..c.start).unwrap_or("");
    let after = text.get(c.end..line.end).unwrap_or("");
    let mut previous = before.split(' ').rev();
    // The term must follow the cue word directly, with one blank between.
    let (Some(""), Some(w1)) = (previous.next(), previous.next()) else {
        return technical_follower(after);
    };
    let w2 = previous.next().unwrap_or("");
    let cue = match w1 {
        "using" | "via" => true,
        "in" => matches!(
            w2,
            "written"
                | "programming"
                | "programmed"
                | "coded"
                | "code"
                | "coding"
                | "developed"
                | "development"
                | "implemented"
                | "built"
                | "proficient"
                | "proficiency"
                | "skilled"
                | "expertise"
                | "experienced"
                | "fluent"
                | "fluency"
                | "rewritten"
                | "rewrote"
                | "wrote"
                | "services"
                | "microservices"
                | "apps"
                | "applications"
                | "tools"
                | "tooling"
                | "scripts"
                | "apis"
                | "libraries"
                | "backends"
                | "systems"
                | "pipelines"
                | "models"
                | "analysis"
                | "dashboards"
                | "parser"
                | "parsers"
                | "engine"
                | "service"
                | "tool"
                | "cli"
                | "server"
                | "servers"
                | "app"
                | "application"
                | "library"
                | "module"
                | "modules"
                | "sdk"
                | "component"
                | "components"
                | "reimplemented"
                | "ported"
                | "prototyped"
                | "charted"
                | "documented"
                | "recorded"
                | "tracked"
                | "reported"
                | "modeled"
                | "modelled"
                | "analyzed"
                | "created"
                | "automated"
                | "maintained"
                | "configured"
                | "deployed"
                | "hosted"
                | "reports"
                | "templates"
                | "workflows"
        ),
        "with" => matches!(
            w2,
            "experience"
                | "experienced"
                | "familiar"
                | "familiarity"
                | "proficient"
                | "proficiency"
                | "built"
                | "developed"
                | "skilled"
                | "comfortable"
                | "hands-on"
                | "fluent"
                | "expertise"
                | "automated"
                | "provisioned"
                | "integrated"
        ),
        "of" => matches!(
            w2,
            "knowledge" | "years" | "proficiency" | "understanding" | "command" | "mastery" | "use" | "usage"
        ),
        "to" => matches!(
            w2,
            "migrated" | "ported" | "moved" | "rewrote" | "converted" | "upgraded" | "switched"
        ),
        "on" => matches!(w2, "built" | "running" | "runs" | "deployed" | "based"),
        _ => false,
    };
    cue || technical_follower(after)
}

/// Words that, right after a term, make it technical: `Go developer`,
/// `Swift code`, `Kafka topics`, `Excel spreadsheets`.
fn technical_follower(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '/'))
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', '!', '?']);
    matches!(
        word,
        "developer"
            | "developers"
            | "engineer"
            | "engineers"
            | "programmer"
            | "programmers"
            | "programming"
            | "development"
            | "code"
            | "codebase"
            | "coding"
            | "service"
            | "services"
            | "microservice"
            | "microservices"
            | "backend"
            | "backends"
            | "api"
            | "apis"
            | "sdk"
            | "framework"
            | "frameworks"
            | "library"
            | "libraries"
            | "module"
            | "modules"
            | "package"
            | "packages"
            | "script"
            | "scripts"
            | "scripting"
            | "application"
            | "applications"
            | "app"
            | "apps"
            | "stack"
            | "pipeline"
            | "pipelines"
            | "cluster"
            | "clusters"
            | "cookbook"
            | "cookbooks"
            | "manifest"
            | "manifests"
            | "playbook"
            | "playbooks"
            | "topic"
            | "topics"
            | "consumer"
            | "consumers"
            | "producer"
            | "producers"
            | "streams"
            | "streaming"
            | "broker"
            | "brokers"
            | "spreadsheet"
            | "spreadsheets"
            | "formulas"
            | "pivot"
            | "macro"
            | "macros"
            | "workbook"
            | "workbooks"
            | "server"
            | "servers"
            | "tooling"
            | "toolchain"
            | "compiler"
            | "runtime"
            | "ecosystem"
            | "jobs"
            | "routines"
            | "goroutines"
            | "concurrency"
            | "generics"
            | "mvc"
            | "repl"
            | "notebooks"
            | "shiny"
            | "ui"
            | "components"
            | "hooks"
            | "charts"
            | "migration"
            | "integration"
            | "integrations"
            | "methodology"
            | "methodologies"
            | "practices"
            | "principles"
            | "ceremonies"
            | "sprints"
            | "workflows"
            | "environment"
            | "environments"
            | "subscription"
            | "subscriptions"
            | "deployments"
            | "dashboards"
            | "queries"
            | "reports"
            | "templates"
            | "language"
            | "languages"
            | "implementation"
            | "bindings"
            | "crate"
            | "crates"
            | "sink"
            | "sinks"
            | "connector"
            | "connectors"
    )
}

/// `Charted patient assessments in Epic.`: the term ends its clause after
/// `in`, `with` or `on`, in a sentence that names another recognized skill.
/// (`Moved to Denver in Spring.` names none.)
fn object_of_a_technical_sentence(
    text: &str,
    line: &Line,
    candidates: &[Candidate],
    accepted: &[bool],
    i: usize,
) -> bool {
    let Some(c) = candidates.get(i) else { return false };
    let before = text.get(line.content..c.start).unwrap_or("");
    let after = text.get(c.end..line.end).unwrap_or("");
    let previous_word = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .unwrap_or("");
    let ends_clause = after.trim_start().is_empty() || after.starts_with(['.', ',', ';', ':', ')', '!', '?']);
    if !matches!(previous_word, "in" | "with" | "on" | "into" | "from") || !ends_clause {
        return false;
    }
    let sentence = sentence_around(text, line, c.start);
    within(candidates, accepted, sentence).any(|(j, _)| j != i)
}

/// The accepted candidates that lie inside `range` (candidates are in text order).
fn within<'c>(
    candidates: &'c [Candidate],
    accepted: &'c [bool],
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = (usize, &'c Candidate)> + 'c {
    let first = candidates.partition_point(|c| c.start < range.start);
    candidates
        .iter()
        .enumerate()
        .skip(first)
        .take_while(move |(_, c)| c.start < range.end)
        .filter(move |&(j, c)| c.end <= range.end && accepted.get(j).copied().unwrap_or(false))
}

/// Joining words allowed between two skills that sit next to each other.
const CONNECTORS: [&str; 9] = ["and", "or", "with", "plus", "including", "incl", "as", "well", "also"];

/// A recognized skill directly before or after, joined only by punctuation
/// or a connecting word: `R and Python`, `Go/Kubernetes`, `Docker, Go`.
fn next_to_a_skill(text: &str, candidates: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let Some(c) = candidates.get(i) else { return false };
    let joined = |gap: &str| {
        gap.len() <= 24
            && !gap.contains(['\n', '.', '!', '?'])
            && gap
                .split(|ch: char| {
                    ch.is_whitespace() || matches!(ch, ',' | '/' | '|' | '&' | '+' | ';' | '(' | ')' | '•' | ':' | '-')
                })
                .filter(|w| !w.is_empty())
                .all(|w| CONNECTORS.contains(&w))
    };
    let before = i
        .checked_sub(1)
        .and_then(|j| Some((candidates.get(j)?, *accepted.get(j)?)))
        .is_some_and(|(prev, ok)| ok && text.get(prev.end..c.start).is_some_and(joined));
    let after = candidates
        .get(i + 1)
        .zip(accepted.get(i + 1))
        .is_some_and(|(next, &ok)| ok && text.get(c.end..next.start).is_some_and(joined));
    before || after
}

/// Words that introduce examples of what came before.
const EXAMPLE_MARKERS: [&str; 13] = [
    "such as",
    "like",
    "e.g.",
    "e.g.,",
    "eg",
    "including",
    "especially",
    "particularly",
    "specifically",
    "currently",
    "namely",
    "i.e.",
    "for example",
];

/// Kinds of tool that a sentence may name before giving examples of them.
const TOOL_KINDS: [&str; 18] = [
    "tools",
    "tool",
    "frameworks",
    "framework",
    "systems",
    "platforms",
    "platform",
    "environments",
    "languages",
    "databases",
    "libraries",
    "software",
    "services",
    "technologies",
    "stack",
    "suites",
    "solutions",
    "apps",
];

/// An example of a recognized skill or of a kind of tool named before it in
/// the sentence: `configuration management (currently Chef)`, `tools like
/// Slack`, `frameworks available for it, specifically Express`, `support
/// systems, particularly Intercom`.
fn an_example(text: &str, line: &Line, candidates: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let Some(c) = candidates.get(i) else { return false };
    let before = text
        .get(line.content..c.start)
        .unwrap_or("")
        .trim_end_matches([' ', '(']);
    let Some(lead) = EXAMPLE_MARKERS
        .iter()
        .find_map(|marker| before.strip_suffix(marker))
        .filter(|lead| !lead.ends_with(|ch: char| ch.is_alphanumeric()))
    else {
        return false;
    };
    let lead_end = line.content + lead.len();
    let sentence_start = sentence_around(text, line, lead_end).start;
    let sentence = text.get(sentence_start..lead_end).unwrap_or("");
    let names_a_kind = sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|word| TOOL_KINDS.contains(&word));
    let names_a_skill = candidates
        .iter()
        .zip(accepted)
        .any(|(other, &ok)| ok && other.start >= sentence_start && other.end <= lead_end);
    names_a_kind || names_a_skill
}

fn is_list_separator(c: char) -> bool {
    matches!(c, ',' | '|' | ';' | '•' | '/' | '\t')
}

/// A short item of a separated list on one line, another item of which is a
/// recognized skill: `Languages - Go | Python | SQL`.
fn in_a_list_of_skills(text: &str, line: &Line, candidates: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let Some(c) = candidates.get(i) else { return false };
    let body = text.get(line.content..line.end).unwrap_or("");
    if !body.contains(is_list_separator) {
        return false;
    }
    let item_start = text
        .get(line.content..c.start)
        .and_then(|b| b.rfind(is_list_separator).map(|p| line.content + p + 1))
        .unwrap_or(line.content);
    let item_end = text
        .get(c.end..line.end)
        .and_then(|a| a.find(is_list_separator).map(|p| c.end + p))
        .unwrap_or(line.end);
    let item_words = text
        .get(item_start..item_end)
        .map_or(usize::MAX, |item| item.split_whitespace().count());
    if item_words > 4 {
        return false;
    }
    // Another item of the list must itself be a skill, give or take a word:
    // `Jenkins, the store manager, praised my work ethic.` is a sentence.
    within(candidates, accepted, line.range())
        .any(|(_, other)| (other.end <= item_start || other.start >= item_end) && is_skill_item(text, line, other))
}

/// Whether the list item around `skill` is the skill and at most one more word.
fn is_skill_item(text: &str, line: &Line, skill: &Candidate) -> bool {
    let start = text
        .get(line.content..skill.start)
        .and_then(|b| b.rfind(is_list_separator).map(|p| line.content + p + 1))
        .unwrap_or(line.content);
    let end = text
        .get(skill.end..line.end)
        .and_then(|a| a.find(is_list_separator).map(|p| skill.end + p))
        .unwrap_or(line.end);
    let words = |range: std::ops::Range<usize>| text.get(range).map_or(usize::MAX, |t| t.split_whitespace().count());
    words(start..end) <= words(skill.start..skill.end).saturating_add(1)
}

/// A one-item line among one-item lines that name recognized skills:
/// a column of skills, as in `Requirements:\n- Go\n- PostgreSQL`.
fn in_a_column_of_skills(
    ctx: &DocContext<'_>,
    line: &Line,
    candidates: &[Candidate],
    accepted: &[bool],
    i: usize,
) -> bool {
    let text = ctx.norm.text();
    // Normalized lines have single blanks: three words have at most two.
    let short = |l: &Line| {
        text.get(l.content_range())
            .is_some_and(|body| body.len() <= 60 && body.bytes().filter(|&b| b == b' ').count() <= 2)
    };
    if !short(line) {
        return false;
    }
    let Some(at) = line_index(ctx.lines, line.start) else {
        return false;
    };
    let neighbours = [at.checked_sub(1), Some(at + 1)];
    neighbours
        .into_iter()
        .flatten()
        .filter_map(|l| ctx.lines.get(l))
        .filter(|l| short(l))
        .any(|l| within(candidates, accepted, l.content_range()).any(|(j, _)| j != i))
}
