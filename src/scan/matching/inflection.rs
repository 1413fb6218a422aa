//! Other wordings of a skill's name, so that a text that does the thing
//! counts as naming it.
//!
//! - A soft skill's one-word name gives its verb: `communicate`,
//!   `communicating` for Communication, `prioritized` for Prioritization,
//!   `adaptable` for Adaptability, `mentored` for Mentoring. Only soft
//!   skills: hard skills are products and methods whose one-word verbs mean
//!   other things (`documented` is no Documentation).
//! - A name made of an object and an action noun gives the verb phrase:
//!   `planned lessons` for Lesson Planning, `analyzed data` for Data Analysis,
//!   `write reports` for Report Writing. The object stays, so the phrase
//!   means what the name means.
//! - A name of a practice gives its practitioner: `graphic designer` for
//!   Graphic Design, `staff accountant` for Accounting.
//! - A name of several words that ends in a plural gives its singular:
//!   `the California Building Code` for Building Codes. (A singular name's
//!   plural needs no wording of its own: the matcher allows an `s`.)

use crate::taxonomy::SkillKind;

/// Every wording derived from a normalized name or alias of a skill of
/// `kind`: the verbs of a soft skill, the verb phrase and the practitioner
/// of any skill but a certification.
pub fn derived_wordings(key: &str, kind: SkillKind) -> Vec<String> {
    let mut wordings = match kind {
        SkillKind::Soft => derived_forms(key),
        SkillKind::Hard | SkillKind::Certification => Vec::new(),
    };
    if kind != SkillKind::Certification {
        let verb_phrases = verb_object_forms(key);
        let plurals: Vec<String> = std::iter::once(key)
            .chain(verb_phrases.iter().map(String::as_str))
            .filter_map(plural_in_ies)
            .collect();
        wordings.extend(verb_phrases);
        wordings.extend(plurals);
        wordings.extend(practitioner_form(key));
        wordings.extend(singular_form(key));
    }
    wordings
}

/// The plural of a last word in consonant + `y`, which the matcher's plural
/// `s` misses: `react testing libraries`, `optimizing queries`,
/// `developed policies`. One-word names keep their own plurals.
fn plural_in_ies(phrase: &str) -> Option<String> {
    let (head, last) = phrase.rsplit_once(' ')?;
    let stem = last.strip_suffix('y')?;
    let consonant = stem
        .bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_lowercase() && !b"aeiou".contains(&b));
    (consonant && stem.len() >= 2).then(|| format!("{head} {stem}ies"))
}

/// Vendors whose products are named with a plural: `Microsoft Teams` and
/// `Google Ads` have no singular (`the Microsoft team` is a team).
const VENDORS: &[&str] = &[
    "microsoft",
    "google",
    "amazon",
    "apple",
    "adobe",
    "oracle",
    "ibm",
    "salesforce",
    "meta",
];

/// The singular of a normalized name of two or more words whose last word
/// is a plural noun (none for other names). One word is never enough:
/// `Sales`, `Logistics` and `Kubernetes` are the plural of nothing.
fn singular_form(key: &str) -> Option<String> {
    let (head, last) = key.rsplit_once(' ')?;
    if last.len() < 4 || !last.bytes().all(|b| b.is_ascii_lowercase()) || VENDORS.contains(&head) {
        return None;
    }
    // `analytics`, `business` and `series` are no plurals to undo.
    if ["ss", "us", "is", "ics", "ies"]
        .iter()
        .any(|ending| last.ends_with(ending))
    {
        return None;
    }
    let singular = ["sses", "shes", "ches", "xes"]
        .iter()
        .find_map(|ending| {
            last.strip_suffix(ending)
                .map(|stem| format!("{stem}{}", &ending[..ending.len() - 2]))
        })
        .or_else(|| last.strip_suffix('s').map(str::to_owned))?;
    Some(format!("{head} {singular}"))
}

/// The derived forms of a normalized one-word name (none for other terms).
fn derived_forms(key: &str) -> Vec<String> {
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

/// Action nouns that close a skill's name, with the verb forms that do the
/// action (`Data Analysis`: `analyze data`). A bare verb that is also a
/// noun starts a verb phrase only where a verb stands ([`NOUN_LIKE_VERBS`]):
/// `design experience` and `test cases` are nouns, while `designed
/// experiences` and `tested cases` are done.
const ACTIONS: &[(&str, &[&str])] = &[
    ("management", &["manage", "manages", "managing", "managed"]),
    ("development", &["develop", "develops", "developing", "developed"]),
    ("planning", &["plan", "plans", "planning", "planned"]),
    ("design", &["design", "designs", "designing", "designed"]),
    ("testing", &["test", "tests", "testing", "tested"]),
    ("writing", &["write", "writes", "writing", "wrote", "written"]),
    (
        "analysis",
        &[
            "analyze",
            "analyzes",
            "analyzing",
            "analyzed",
            "analyse",
            "analysing",
            "analysed",
        ],
    ),
    ("estimation", &["estimate", "estimates", "estimating", "estimated"]),
    ("estimating", &["estimate", "estimates", "estimated"]),
    ("reading", &["read", "reads", "reading"]),
    ("review", &["review", "reviews", "reviewing", "reviewed"]),
    (
        "administration",
        &["administer", "administers", "administering", "administered"],
    ),
    ("maintenance", &["maintain", "maintains", "maintaining", "maintained"]),
    (
        "coordination",
        &["coordinate", "coordinates", "coordinating", "coordinated"],
    ),
    ("preparation", &["prepare", "prepares", "preparing", "prepared"]),
    ("installation", &["install", "installs", "installing", "installed"]),
    ("handling", &["handle", "handles", "handled"]),
    ("tracking", &["track", "tracks", "tracked"]),
    ("monitoring", &["monitor", "monitors", "monitored"]),
    ("collection", &["collect", "collects", "collecting", "collected"]),
    ("processing", &["process", "processes", "processed"]),
    ("scheduling", &["schedule", "schedules", "scheduled"]),
    ("building", &["build", "builds", "built"]),
    ("optimization", &["optimize", "optimizes", "optimizing", "optimized"]),
    ("negotiation", &["negotiate", "negotiates", "negotiating", "negotiated"]),
    ("generation", &["generate", "generates", "generating", "generated"]),
    ("creation", &["create", "creates", "creating", "created"]),
    ("evaluation", &["evaluate", "evaluates", "evaluating", "evaluated"]),
    ("inspection", &["inspect", "inspects", "inspecting", "inspected"]),
    ("migration", &["migrate", "migrates", "migrating", "migrated"]),
    (
        "visualization",
        &["visualize", "visualizes", "visualizing", "visualized"],
    ),
    ("resolution", &["resolve", "resolves", "resolving", "resolved"]),
    ("solving", &["solve", "solves", "solved"]),
    ("making", &["make", "makes", "made"]),
    ("forecasting", &["forecast", "forecasts", "forecasted"]),
    ("auditing", &["audit", "audits", "audited"]),
    ("editing", &["edit", "edits", "edited"]),
    ("prevention", &["prevent", "prevents", "preventing", "prevented"]),
    (
        "reconciliation",
        &["reconcile", "reconciles", "reconciling", "reconciled"],
    ),
];

/// Action nouns and the people who do the action: `Graphic Design` is what
/// a graphic designer does, `Data Analysis` what a data analyst does.
const AGENTS: &[(&str, &str)] = &[
    ("management", "manager"),
    ("development", "developer"),
    ("design", "designer"),
    ("analysis", "analyst"),
    ("writing", "writer"),
    ("editing", "editor"),
    ("engineering", "engineer"),
    ("administration", "administrator"),
    ("testing", "tester"),
    ("auditing", "auditor"),
    ("planning", "planner"),
    ("coordination", "coordinator"),
    ("programming", "programmer"),
    ("consulting", "consultant"),
];

/// One-word names of trades and professions and the person who practises
/// them (`Staff Accountant` shows Accounting). Other one-word action nouns
/// say too little alone (`manager` is no Management).
const PRACTITIONERS: &[(&str, &str)] = &[
    ("accounting", "accountant"),
    ("bookkeeping", "bookkeeper"),
    ("recruiting", "recruiter"),
    ("photography", "photographer"),
    ("copywriting", "copywriter"),
    ("translation", "translator"),
    ("tutoring", "tutor"),
    ("welding", "welder"),
    ("carpentry", "carpenter"),
    ("plumbing", "plumber"),
];

/// The person who does what a normalized name names: `graphic designer`
/// for Graphic Design, `accountant` for Accounting (none for other names).
fn practitioner_form(key: &str) -> Option<String> {
    if let Some((_, person)) = PRACTITIONERS.iter().find(|(trade, _)| *trade == key) {
        return Some((*person).to_owned());
    }
    let (object, action) = key.rsplit_once(' ')?;
    let (_, person) = AGENTS.iter().find(|(noun, _)| *noun == action)?;
    Some(format!("{object} {person}"))
}

/// Bare verbs that are also nouns: a phrase that opens with one counts
/// only where a verb stands (`to design posters`, a bullet that opens with
/// `Review code`); see [`opens_with_noun_like_verb`].
const NOUN_LIKE_VERBS: &[&str] = &[
    "plan", "design", "test", "estimate", "review", "track", "monitor", "process", "schedule", "build", "forecast",
    "audit", "edit",
];

/// Endings of adjectives: `Financial Planning` is no `plan financial`.
const ADJECTIVE_ENDINGS: &[&str] = &["al", "ive", "ic", "ous", "ful", "ible", "able", "ary", "ed"];

/// Nouns with those endings, which may well be the object.
const NOUNS_LIKE_ADJECTIVES: &[&str] = &[
    "proposal",
    "material",
    "capital",
    "journal",
    "manual",
    "portal",
    "signal",
    "approval",
    "referral",
    "renewal",
    "appraisal",
    "tutorial",
    "terminal",
    "rental",
    "hospital",
    "graphic",
    "traffic",
    "logic",
    "music",
    "clinic",
    "topic",
    "archive",
    "incentive",
    "objective",
    "initiative",
    "need",
    "feed",
];

/// The verb phrases of a normalized name `object action` (none for other
/// names): each verb form before the object, bare and with `the`.
fn verb_object_forms(key: &str) -> Vec<String> {
    // `problem-solving` too: `solve problems`.
    let Some((object, action)) = key.rsplit_once([' ', '-']) else {
        return Vec::new();
    };
    let Some((_, verbs)) = ACTIONS.iter().find(|(noun, _)| *noun == action) else {
        return Vec::new();
    };
    let words: Vec<&str> = object.split(' ').collect();
    let plain_noun = |word: &&str| {
        word.len() >= 3
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && (NOUNS_LIKE_ADJECTIVES.contains(word) || !ADJECTIVE_ENDINGS.iter().any(|ending| word.ends_with(ending)))
    };
    if words.len() > 3 || !words.iter().all(plain_noun) {
        return Vec::new();
    }
    verbs
        .iter()
        .flat_map(|verb| [format!("{verb} {object}"), format!("{verb} the {object}")])
        .collect()
}

/// Whether a derived verb phrase opens with a bare verb that is also a noun
/// (`design posters`, `review code`): it names the skill only where a verb
/// stands.
pub(crate) fn opens_with_noun_like_verb(phrase: &str) -> bool {
    let first = phrase.split(' ').next().unwrap_or("");
    NOUN_LIKE_VERBS.contains(&first)
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
    fn a_last_word_in_y_gives_its_plural_in_ies() {
        assert_eq!(
            plural_in_ies("react testing library").as_deref(),
            Some("react testing libraries")
        );
        assert_eq!(plural_in_ies("optimizing query").as_deref(), Some("optimizing queries"));
        assert_eq!(plural_in_ies("data privacy").as_deref(), Some("data privacies"));
        assert_eq!(plural_in_ies("customer journey"), None);
        assert_eq!(plural_in_ies("strategy"), None);
        let wordings = derived_wordings("query optimization", SkillKind::Hard);
        assert!(wordings.iter().any(|w| w == "optimized queries"), "{wordings:?}");
    }

    #[test]
    fn an_object_and_an_action_give_the_verb_phrase() {
        let forms = verb_object_forms("lesson planning");
        assert!(forms.contains(&"planned lesson".to_owned()));
        assert!(forms.contains(&"plan lesson".to_owned()));
        assert!(opens_with_noun_like_verb("plan lesson"));
        assert!(!opens_with_noun_like_verb("planned lesson"));
        assert!(forms.contains(&"planning the lesson".to_owned()));
        assert!(verb_object_forms("data analysis").contains(&"analysed data".to_owned()));
        assert!(verb_object_forms("root cause analysis").contains(&"analyze root cause".to_owned()));
        assert!(verb_object_forms("problem-solving").contains(&"solve problem".to_owned()));
    }

    #[test]
    fn practitioners_name_what_they_practise() {
        assert_eq!(practitioner_form("graphic design").as_deref(), Some("graphic designer"));
        assert_eq!(
            practitioner_form("financial analysis").as_deref(),
            Some("financial analyst")
        );
        assert_eq!(practitioner_form("accounting").as_deref(), Some("accountant"));
        assert_eq!(practitioner_form("management"), None);
        assert_eq!(practitioner_form("machine learning"), None);
    }

    #[test]
    fn adjectives_names_and_other_endings_give_no_verb_phrase() {
        assert!(verb_object_forms("financial planning").is_empty());
        assert!(verb_object_forms("responsive design").is_empty());
        assert!(verb_object_forms("c++ development").is_empty());
        assert!(verb_object_forms("machine learning").is_empty());
        assert!(!verb_object_forms("proposal writing").is_empty());
        assert!(verb_object_forms("management").is_empty());
        // `design experience` is a verb phrase only where a verb stands.
        assert!(opens_with_noun_like_verb("design experience"));
    }

    #[test]
    fn plural_names_of_several_words_give_their_singular() {
        assert_eq!(singular_form("building codes").as_deref(), Some("building code"));
        assert_eq!(singular_form("wiring diagrams").as_deref(), Some("wiring diagram"));
        assert_eq!(singular_form("business processes").as_deref(), Some("business process"));
        assert_eq!(singular_form("code patches").as_deref(), Some("code patch"));
        assert_eq!(singular_form("sales"), None);
        assert_eq!(singular_form("business analytics"), None);
        assert_eq!(singular_form("microsoft teams"), None);
        assert_eq!(singular_form("data analysis"), None);
        assert_eq!(singular_form("wearable technologies"), None);
    }

    #[test]
    fn short_words_and_phrases_give_nothing() {
        assert!(derived_forms("sql").is_empty());
        assert!(derived_forms("time management").is_empty());
    }
}
