//! The first words of the terms, for starting the trie walk at a word.
//!
//! Most words of a document begin no term; the rest begin a term at a known
//! trie state. A table keyed by the word answers both in one lookup, so
//! the scan walks the trie only past the first word, and only where a
//! longer term may go on with the bytes that follow it in the text.

use crate::scan::matching::trie::State;

/// What the table knows about a first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FirstWord {
    /// The trie state after the word.
    pub state: State,
    /// The term that is exactly this word.
    pub whole: Option<u32>,
    /// The bytes (as `byte % 64`) that follow the word in a longer term
    /// (`.` of `node.js`, ` ` of `data pipelines`).
    next: u64,
    /// The bytes (as `byte % 32`) that follow `word ` in a longer term
    /// (`p` of `data pipelines`).
    after_blank: u32,
}

impl FirstWord {
    /// A word after which the trie is at `state`, before the terms it
    /// begins are noted.
    fn at(state: State) -> Self {
        Self {
            state,
            whole: None,
            next: 0,
            after_blank: 0,
        }
    }

    /// Whether a longer term may start with the word followed by `next`
    /// and `then`: only then is a walk needed. (It may say yes in vain,
    /// never no in vain.) A blank and a hyphen between words stand for each other
    /// (`lead-generation`, `test driven development`), as in the trie walk.
    pub(crate) fn may_go_on(&self, next: Option<&u8>, then: Option<&u8>) -> bool {
        let Some(&next) = next else { return false };
        let follows = |byte: u8| self.next & (1 << (byte % 64)) != 0;
        let blank_then = || follows(b' ') && then.is_some_and(|&then| self.after_blank & (1 << (then % 32)) != 0);
        match next {
            b' ' | b'-' => follows(b'-') || blank_then(),
            _ => follows(next),
        }
    }
}

/// An open-addressing table keyed by the word's first eight bytes and its
/// length (longer words keep their other bytes in one buffer). It is probed
/// once per word of every document, so it must stay small and in cache.
#[derive(Debug)]
pub(crate) struct FirstWords {
    slots: Vec<Slot>,
    /// The bytes after the eighth of words longer than eight letters.
    tails: Vec<u8>,
    /// One bit per hash, 8 KB: most words that begin no term stop here,
    /// without touching the larger table.
    bloom: Vec<u64>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    head: u64,
    /// Zero for a free slot.
    len: u32,
    tail: u32,
    entry: FirstWord,
}

impl FirstWords {
    /// The table of `keys` (pattern id = index), with `state_after` giving
    /// the trie state after a word.
    pub(crate) fn new(keys: &[&str], state_after: impl Fn(&[u8]) -> Option<State>) -> Self {
        // (first word, what follows it in the term, pattern id)
        let mut firsts: Vec<(&[u8], &[u8], u32)> = keys
            .iter()
            .zip(0u32..)
            .map(|(key, id)| {
                let word = leading_letters(key.as_bytes());
                (word, key.as_bytes().get(word.len()..).unwrap_or(&[]), id)
            })
            // Terms that open with punctuation or a non-ASCII letter (`.net`)
            // have no first word here; their tokens walk from the start.
            .filter(|(word, _, _)| !word.is_empty())
            .collect();
        // Only grouping matters: each word's terms side by side. The keys
        // come sorted, so the words are nearly in order already, and a
        // stable sort merges the few runs instead of sorting from scratch.
        firsts.sort_by_key(|&(word, _, _)| word);
        let capacity = (firsts.len() * 2).next_power_of_two().max(16);
        let free = Slot {
            head: 0,
            len: 0,
            tail: 0,
            entry: FirstWord::at(State(u32::MAX)),
        };
        let mut table = Self {
            slots: vec![free; capacity],
            tails: Vec::new(),
            bloom: vec![0; (1 << 16) / 64],
        };
        for group in firsts.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(word, _, _)) = group.first() else { continue };
            let Some(state) = state_after(word) else { continue };
            let mut entry = FirstWord::at(state);
            for &(_, rest, id) in group {
                match rest {
                    [] => entry.whole = Some(id),
                    [next, more @ ..] => {
                        entry.next |= 1 << (next % 64);
                        if *next == b' ' {
                            entry.after_blank |= more.first().map_or(0, |then| 1 << (then % 32));
                        }
                    }
                }
            }
            table.insert(word, entry);
        }
        table
    }

    fn insert(&mut self, word: &[u8], entry: FirstWord) {
        let (Ok(tail), Ok(len)) = (u32::try_from(self.tails.len()), u32::try_from(word.len())) else {
            return;
        };
        let head = load(word, 0, word.len());
        let hash = word_hash(head, word);
        let mask = self.slots.len() - 1;
        let mut index = hash as usize & mask;
        while self.slots.get(index).is_some_and(|s| s.len != 0) {
            index = (index + 1) & mask;
        }
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Slot { head, len, tail, entry };
            self.tails.extend_from_slice(word.get(8..).unwrap_or(&[]));
        }
        let bit = (hash >> 48) as usize;
        if let Some(bits) = self.bloom.get_mut(bit / 64) {
            *bits |= 1 << (bit % 64);
        }
    }

    /// What the table knows of the word `text[at..at + len]` (ASCII
    /// letters), if it begins a term.
    pub(crate) fn get(&self, text: &[u8], at: usize, len: usize) -> Option<FirstWord> {
        let word = text.get(at..at + len)?;
        let head = load(text, at, len);
        let hash = word_hash(head, word);
        let bit = (hash >> 48) as usize;
        if self
            .bloom
            .get(bit / 64)
            .is_none_or(|bits| bits & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut index = hash as usize & mask;
        loop {
            let slot = self.slots.get(index)?;
            if slot.len == 0 {
                return None;
            }
            if slot.head == head && slot.len as usize == len {
                let tail = word.get(8..).unwrap_or(&[]);
                let start = slot.tail as usize;
                if tail.is_empty() || self.tails.get(start..start + tail.len()) == Some(tail) {
                    return Some(slot.entry);
                }
            }
            index = (index + 1) & mask;
        }
    }
}

/// The run of ASCII letters that opens `bytes` (`Python3` begins `python`).
pub(crate) fn leading_letters(bytes: &[u8]) -> &[u8] {
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    bytes.get(..len).unwrap_or(&[])
}

/// Up to eight bytes of `bytes` from `at` (`len` of them) as a
/// little-endian number: one load where the text goes on past them.
fn load(bytes: &[u8], at: usize, len: usize) -> u64 {
    let len = len.min(8);
    let raw = match bytes.get(at..at + 8) {
        Some(eight) => <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes),
        None => bytes
            .get(at..at + len)
            .unwrap_or(&[])
            .iter()
            .rev()
            .fold(0, |acc, &b| acc << 8 | u64::from(b)),
    };
    if len == 8 { raw } else { raw & ((1 << (8 * len)) - 1) }
}

/// A hash of a word from its first eight bytes (`head`), its length and,
/// for the rare longer word, its other bytes.
fn word_hash(head: u64, word: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |hash: u64, chunk: u64| {
        let product = (hash ^ chunk).wrapping_mul(K);
        product ^ (product >> 29)
    };
    let mut hash = mix(word.len() as u64, head);
    for chunk in word.get(8..).unwrap_or(&[]).chunks(8) {
        hash = mix(hash, chunk.iter().rev().fold(0, |acc, &b| acc << 8 | u64::from(b)));
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(keys: &[&str]) -> FirstWords {
        // A stand-in state per word: its length.
        FirstWords::new(keys, |word| Some(State(word.len() as u32)))
    }

    #[test]
    fn a_word_knows_its_term_and_which_bytes_may_go_on_from_it() {
        let words = table(&["data", "data pipelines", "docker", "node.js", "kafka", ".net"]);
        let get = |word: &[u8]| words.get(word, 0, word.len());
        let data = get(b"data").unwrap();
        assert_eq!(data.whole, Some(0));
        assert!(data.may_go_on(Some(&b' '), Some(&b'p')));
        assert!(!data.may_go_on(Some(&b' '), Some(&b'a')), "no term goes on `data a`");
        assert!(!data.may_go_on(Some(&b','), Some(&b' ')));
        assert!(!data.may_go_on(None, None));
        let docker = get(b"docker").unwrap();
        assert_eq!(docker.whole, Some(2));
        assert!(!docker.may_go_on(Some(&b' '), Some(&b'c')));
        let node = get(b"node").unwrap();
        assert_eq!(node.whole, None);
        assert!(node.may_go_on(Some(&b'.'), Some(&b'j')));
        assert_eq!(get(b"net"), None, "`.net` has no first word");
        assert_eq!(get(b"dat"), None);
        assert_eq!(get(b"pipelines"), None);
    }

    #[test]
    fn words_are_found_inside_a_text_and_long_words_compare_every_letter() {
        let words = table(&["internationalization", "go"]);
        let text = b"internationalization internationalizatiom go";
        assert!(words.get(text, 0, 20).is_some());
        assert!(words.get(text, 21, 20).is_none());
        assert!(words.get(text, 0, 19).is_none());
        assert!(words.get(text, 42, 2).is_some(), "a word at the very end");
        assert!(words.get(text, 42, 3).is_none(), "past the end");
    }
}
