//! Which labels of a public taxonomy read as keywords a document would
//! contain, and which of those are also ordinary words.

/// Words that make a label a phrase rather than a name: "principles of
/// accounting", "work with others", "use of social media".
const PHRASE_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "using",
    "use",
    "such",
    "as",
    "etc",
    "your",
    "their",
    "its",
    "other",
    "others",
    "various",
    "relevant",
    "related",
    "types",
    "type",
    "principles",
    "techniques",
    "methods",
    "procedures",
    "practices",
];

/// At most this many words: longer labels are descriptions.
const MAX_WORDS: usize = 4;
const MAX_CHARS: usize = 50;

/// Whether `label` could be written as a keyword in a resume or a posting.
pub(super) fn keyword_like(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    (2..=MAX_CHARS).contains(&label.chars().count())
        && !words.is_empty()
        && words.len() <= MAX_WORDS
        && label.chars().any(char::is_alphabetic)
        && !label.contains(['(', ')', '[', ']', ',', ';', ':', '?', '!', '"', '*', '='])
        && !words
            .iter()
            .any(|word| PHRASE_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether `label` is one ordinary-looking word (letters only, no capital
/// after the first letter): "Planning", "algebra", "Gnuplot". Such a word may
/// be English as much as a skill, so it counts only with evidence.
pub(super) fn plain_word(label: &str) -> bool {
    let mut chars = label.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.all(|c| c.is_alphabetic() && !c.is_uppercase())
}

/// Services a resume names as contact details ("linkedin.com/in/..."): as
/// skills they would match every contact line.
const CONTACT_CHANNELS: &[&str] = &["linkedin", "whatsapp", "skype", "wechat", "telegram"];

pub(super) fn contact_channel(label: &str) -> bool {
    CONTACT_CHANNELS.contains(&label.to_lowercase().as_str())
}

/// One word in capitals ("ASQ", "GTM", "NICE", "LAMP"): an acronym with
/// many meanings, or an ordinary word set in capitals.
pub(super) fn capitals_word(label: &str) -> bool {
    label.len() >= 2
        && label.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && label.chars().any(|c| c.is_ascii_uppercase())
}

/// Whether `name` is written like a product, a standard or a version rather
/// than a topic: a word in mixed case, a digit, a symbol other than a hyphen,
/// or one word in capitals ("GarageBand", "IEC 62304", "Scala.js",
/// "SPARQL"), where "Data Processing", "ICT infrastructure" and
/// "Goal-Oriented" are topics a posting mentions in passing.
pub(super) fn product_like(name: &str) -> bool {
    capitals_word(name)
        || name.split([' ', '-']).any(|word| {
            let mixed_case = word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase);
            mixed_case || word.chars().any(|c| c.is_ascii_digit() || ".+#/&_".contains(c))
        })
}

/// The label with its first letter capitalised, as a display name: ESCO
/// writes common nouns in lower case ("animal nutrition").
pub(super) fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `"Python (Programming Language)"` -> `("Python", Some("Programming Language"))`.
pub(super) fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
    {
        Some((base, qualifier)) if !base.trim().is_empty() => (base.trim(), Some(qualifier)),
        _ => (name.trim(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_keywords_and_duty_phrases_are_not() {
        for keyword in [
            "Kubernetes",
            "animal nutrition",
            "TCP/IP",
            "C++",
            "Adobe Photoshop Lightroom",
            "10BASE2",
        ] {
            assert!(keyword_like(keyword), "{keyword}");
        }
        for phrase in [
            "manage musical staff and their schedules",
            "principles of accounting",
            "use of social media",
            "Maintenance, Repair",
            "work with others",
            "x",
            "2000",
        ] {
            assert!(!keyword_like(phrase), "{phrase}");
        }
    }

    #[test]
    fn plain_words_and_short_acronyms_are_told_apart_from_names() {
        assert!(plain_word("Planning") && plain_word("algebra") && plain_word("Gnuplot"));
        assert!(!plain_word("LibreOffice") && !plain_word("SPARQL") && !plain_word("data processing"));
        assert!(!plain_word("Node.js") && !plain_word("10BASE2"));
        assert!(capitals_word("ASQ") && capitals_word("NICE") && capitals_word("3GPP"));
        assert!(!capitals_word("Go") && !capitals_word("Node.js") && !capitals_word("2000"));
    }

    #[test]
    fn products_are_told_from_topics_by_their_spelling() {
        for product in ["GarageBand", "IEC 62304", "Scala.js", "10BASE2", "SPARQL", "TCP/IP"] {
            assert!(product_like(product), "{product}");
        }
        for topic in [
            "Data Processing",
            "ICT infrastructure",
            "Management",
            "Algebra",
            "Goal-Oriented",
        ] {
            assert!(!product_like(topic), "{topic}");
        }
    }

    #[test]
    fn qualifiers_split_off_and_names_capitalise() {
        assert_eq!(
            split_qualifier("Python (Programming Language)"),
            ("Python", Some("Programming Language"))
        );
        assert_eq!(split_qualifier("Kubernetes"), ("Kubernetes", None));
        assert_eq!(split_qualifier("(ISC)2"), ("(ISC)2", None));
        assert_eq!(capitalised("animal nutrition"), "Animal nutrition");
    }
}
