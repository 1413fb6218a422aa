//! Certificates named with their issuer after them: `SEO Certificate |
//! HubSpot Academy | 2026` is the HubSpot SEO Certification, which the
//! knowledge base knows by the issuer's name first (`HubSpot SEO
//! Certificate`).

use crate::scan::matching::matcher::{Candidate, KeywordMatcher};
use crate::scan::text::layout::Line;

/// The words that end a certificate's name.
const CREDENTIALS: [&str; 2] = ["certificate", "certification"];

/// What may stand between a certificate and its issuer (dashes are folded
/// to `-` in normalized text).
const SEPARATORS: [char; 4] = ['|', ',', '-', ':'];

/// The most words a certificate's subject runs to.
const MOST_SUBJECT_WORDS: usize = 5;

/// Certificates whose issuer follows them on their line, found under the
/// issuer's name: each candidate spans the subject and the credential word
/// (`seo certificate`). `text` is normalized (lowercase).
pub(crate) fn named_after(matcher: &KeywordMatcher, text: &str, lines: &[Line]) -> Vec<Candidate> {
    let mut found = Vec::new();
    for line in lines {
        let Some(body) = text.get(line.content_range()) else {
            continue;
        };
        for credential in CREDENTIALS {
            let Some(at) = body.find(credential) else {
                continue;
            };
            let end = at + credential.len();
            let (Some(subject), Some(after)) = (subject_before(body, at), body.get(end..)) else {
                continue;
            };
            let Some(issuer) = issuer_in(after) else {
                continue;
            };
            // `HubSpot Academy`: the issuer's first word alone may be the name.
            let mut issuer_words = issuer.split(' ');
            let names = [Some(issuer), issuer_words.next().filter(|first| *first != issuer)];
            let pattern = names.into_iter().flatten().find_map(|name| {
                let key = format!("{name} {} {credential}", subject.trim());
                matcher
                    .pattern_id(&key)
                    .filter(|&id| matcher.pattern(id).is_some_and(|p| !p.ambiguous))
            });
            if let Some(pattern) = pattern {
                let start = line.content + (at - subject.len());
                found.push(Candidate {
                    pattern,
                    start: start + (subject.len() - subject.trim_start().len()),
                    end: line.content + end,
                });
            }
        }
    }
    found
}

/// The words right before the credential word, back to the start of the line
/// or a separator: `seo ` of `seo certificate` (none in `recertification`).
fn subject_before(body: &str, at: usize) -> Option<&str> {
    let before = body.get(..at).filter(|before| before.ends_with(' '))?;
    let start = before.rfind(SEPARATORS).map_or(0, |p| p + 1);
    let subject = before.get(start..)?;
    let words = subject.split_whitespace().count();
    (1..=MOST_SUBJECT_WORDS).contains(&words).then_some(subject)
}

/// The issuer after a separator: one or two words of letters, then the end
/// of the line or another separator (`| hubspot academy | 2026`).
fn issuer_in(after: &str) -> Option<&str> {
    let rest = after.trim_start().strip_prefix(SEPARATORS)?;
    let issuer = rest.split(SEPARATORS).next()?.trim();
    let words = issuer.split(' ').count();
    let letters = issuer.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    (!issuer.is_empty() && words <= 2 && letters).then_some(issuer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_is_a_short_name_after_a_separator() {
        assert_eq!(issuer_in(" | hubspot academy | 2026"), Some("hubspot academy"));
        assert_eq!(issuer_in(" - google"), Some("google"));
        assert_eq!(issuer_in(" in project management from the university"), None);
        assert_eq!(subject_before("inbound certificate", 8), Some("inbound "));
        assert_eq!(subject_before("", 0), None);
        assert_eq!(subject_before("cpr recertification", 6), None);
    }
}
