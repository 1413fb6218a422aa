//! A tokenizer that keeps technology names whole: `c++`, `c#`, `.net`,
//! `node.js`, `ci/cd`, `pl/sql`, `t-sql`, `a/b`, `objective-c`.
//!
//! tantivy's default tokenizer splits on every non-alphanumeric character, so
//! `c++`, `c#` and `objective-c` would all be indexed as the term `c` and a
//! search for the C language would match all of them. Here a token is a run of
//! letters and digits joined by `+ # . / - & _`; the joined token is one term.
//!
//! When indexing, a joined token also yields its parts (`node.js` -> `node`,
//! `js`) so that `node` finds Node.js. Parts shorter than two characters are
//! dropped: `objective-c` must not be found by `c`, nor `a/b testing` by `a`.
//! Parts take consecutive positions starting at the whole token's, and the
//! next token comes after the last part, so that the query `node js` is a
//! phrase match of `node.js`. Queries are tokenized without parts (see
//! [`TechTokenizer::for_query`]) but advance positions the same way, so a
//! phrase query built from them lines up with the indexed positions.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Characters that join letters and digits into one technology token.
fn is_joiner(c: char) -> bool {
    matches!(c, '+' | '#' | '.' | '/' | '-' | '&' | '_')
}

/// Joiners that separate the parts of a token; `+` and `#` belong to the part.
fn is_part_separator(c: char) -> bool {
    matches!(c, '.' | '/' | '-' | '&' | '_')
}

/// Parts shorter than this are not indexed on their own.
const MIN_PART_CHARS: usize = 2;

#[derive(Debug, Clone)]
pub struct TechTokenizer {
    with_parts: bool,
    tokens: Vec<Token>,
}

impl TechTokenizer {
    /// The index-time tokenizer: whole tokens and their parts.
    pub fn for_index() -> Self {
        Self {
            with_parts: true,
            tokens: Vec::new(),
        }
    }

    /// The query-time tokenizer: whole tokens only, positions as when indexing.
    pub fn for_query() -> Self {
        Self {
            with_parts: false,
            tokens: Vec::new(),
        }
    }
}

impl Tokenizer for TechTokenizer {
    type TokenStream<'a> = TechTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TechTokenStream<'a> {
        self.tokens.clear();
        let tokens = &mut self.tokens;
        scan(text, self.with_parts, |token| tokens.push(token));
        TechTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

pub struct TechTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl TokenStream for TechTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Splits `text` into tokens (lowercased), calling `emit` for each.
fn scan(text: &str, with_parts: bool, mut emit: impl FnMut(Token)) {
    let mut position = 0;
    let mut rest = text;
    let mut base = 0;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric() || is_joiner(c)) {
        let run = &rest[start..];
        let len = run
            .find(|c: char| !(c.is_alphanumeric() || is_joiner(c)))
            .unwrap_or(run.len());
        if let Some((from, to)) = trim_token(&run[..len]) {
            let whole_from = base + start + from;
            let whole = &text[whole_from..base + start + to];
            let parts = split_parts(whole);
            let width = parts.len().max(1);
            emit(Token {
                offset_from: whole_from,
                offset_to: whole_from + whole.len(),
                position,
                text: whole.to_lowercase(),
                position_length: width,
            });
            if with_parts {
                for (k, &(part_from, part_to)) in parts.iter().enumerate() {
                    let part = &whole[part_from..part_to];
                    if part.len() == whole.len() || part.chars().count() < MIN_PART_CHARS {
                        continue;
                    }
                    emit(Token {
                        offset_from: whole_from + part_from,
                        offset_to: whole_from + part_to,
                        position: position + k,
                        text: part.to_lowercase(),
                        position_length: 1,
                    });
                }
            }
            position += width;
        }
        base += start + len;
        rest = &rest[start + len..];
    }
}

/// Trims joiners off a run: keeps a leading `.` before a letter (`.net`) and
/// trailing `+`/`#` after a letter or digit (`c++`, `c#`), drops the rest
/// (`node.js.` at the end of a sentence is `node.js`). Returns byte bounds.
fn trim_token(run: &str) -> Option<(usize, usize)> {
    let first = run.find(char::is_alphanumeric)?;
    let last_alnum = run.rfind(char::is_alphanumeric)?;
    let mut from = first;
    if run[..first].ends_with('.') {
        from -= 1;
    }
    let after_last = last_alnum + run[last_alnum..].chars().next().map_or(0, char::len_utf8);
    let suffix = run[after_last..]
        .find(|c: char| c != '+' && c != '#')
        .unwrap_or(run.len() - after_last);
    Some((from, after_last + suffix))
}

/// The byte ranges of a token's parts: the pieces between part separators
/// that hold a letter or digit, each trimmed like a token.
fn split_parts(token: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in token.char_indices().chain(std::iter::once((token.len(), '.'))) {
        if is_part_separator(c) {
            if let Some((from, to)) = trim_token(&token[start..i]) {
                parts.push((start + from, start + to));
            }
            start = i + c.len_utf8();
        }
    }
    parts
}

/// Tokenizes a text for tests and for matching names in memory: the terms
/// with their positions, as the index (`with_parts`) or a query sees them.
pub fn tokens(text: &str, with_parts: bool) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    scan(text, with_parts, |token| out.push((token.position, token.text)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, with_parts: bool) -> Vec<String> {
        tokens(text, with_parts).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn technology_names_stay_one_token() {
        for name in [
            "c++",
            "c#",
            "f#",
            ".net",
            "node.js",
            "ci/cd",
            "pl/sql",
            "t-sql",
            "a/b",
            "objective-c",
            "r&d",
        ] {
            assert_eq!(terms(name, false), vec![name.to_owned()], "{name}");
        }
    }

    #[test]
    fn sentence_punctuation_around_names_is_dropped() {
        assert_eq!(
            terms("Built APIs in Node.js.", false),
            ["built", "apis", "in", "node.js"]
        );
        assert_eq!(terms("(C++, C#; .NET)", false), ["c++", "c#", ".net"]);
        assert_eq!(terms("-- ci/cd --", false), ["ci/cd"]);
        assert_eq!(
            terms("\"quoted\" ~fuzzy^2 field:value*", false),
            ["quoted", "fuzzy", "2", "field", "value"]
        );
    }

    #[test]
    fn indexing_adds_the_parts_of_a_joined_name_but_not_single_letters() {
        assert_eq!(terms("node.js", true), ["node.js", "node", "js"]);
        assert_eq!(terms("pl/sql", true), ["pl/sql", "pl", "sql"]);
        assert_eq!(terms("objective-c", true), ["objective-c", "objective"]);
        assert_eq!(terms("t-sql", true), ["t-sql", "sql"]);
        assert_eq!(terms("a/b testing", true), ["a/b", "testing"]);
        assert_eq!(terms(".net", true), [".net", "net"]);
        assert_eq!(terms("c++ c#", true), ["c++", "c#"]);
    }

    #[test]
    fn the_letter_c_is_not_a_term_of_other_c_languages() {
        let indexed = terms("C++, C#, Objective-C and .NET", true);
        assert!(!indexed.iter().any(|t| t == "c"), "{indexed:?}");
        assert_eq!(terms("C", true), ["c"]);
    }

    #[test]
    fn parts_take_consecutive_positions_so_spaced_queries_are_phrases() {
        assert_eq!(
            tokens("node.js developer", true),
            [
                (0, "node.js".to_owned()),
                (0, "node".to_owned()),
                (1, "js".to_owned()),
                (2, "developer".to_owned())
            ]
        );
        assert_eq!(
            tokens("node.js developer", false),
            [(0, "node.js".to_owned()), (2, "developer".to_owned())]
        );
        assert_eq!(tokens("node js", false), [(0, "node".to_owned()), (1, "js".to_owned())]);
    }

    #[test]
    fn text_without_letters_or_digits_has_no_tokens() {
        assert!(terms("", false).is_empty());
        assert!(terms("+-/.#&_ \" : ( * ~ ^ \\", true).is_empty());
    }

    #[test]
    fn non_ascii_letters_are_kept_and_lowercased() {
        assert_eq!(terms("Señor Ärzte 数据", false), ["señor", "ärzte", "数据"]);
    }
}
