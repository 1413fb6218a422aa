//! A byte trie over the normalized terms, walked anchored at token starts.
//!
//! The scan only ever asks "which terms start here", so it needs no
//! failure links: a plain trie answers, and it builds from the sorted keys
//! in one pass (milliseconds for the whole knowledge base, where an
//! Aho-Corasick automaton spends most of its build on failure links).

/// A node of the trie: the position of its children in `Trie::nodes` and
/// the term that ends here.
#[derive(Debug, Clone, Copy)]
struct Node {
    byte: u8,
    /// The pattern id of the term that ends at this node, or `NONE`.
    pattern: u32,
    first_child: u32,
    child_count: u32,
}

const NONE: u32 = u32::MAX;

/// A node of the trie, as the walk knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State(pub(crate) u32);

/// The terms, with each node's children side by side in `nodes`, sorted
/// by byte; the root's children are also reachable through a dense table.
#[derive(Debug)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    root: Box<[u32; 256]>,
}

impl Trie {
    /// The trie of `keys`, which must be sorted and distinct; pattern id = index.
    pub(crate) fn new(keys: &[&str]) -> Self {
        // First pass: first-child/next-sibling links. Sorted keys add a
        // node's children in byte order, so only its last child can match.
        let mut built = Vec::with_capacity(keys.iter().map(|k| k.len()).sum::<usize>() / 2);
        built.push(Building::new(0));
        for (key, id) in keys.iter().zip(0u32..) {
            let mut node = 0;
            for &byte in key.as_bytes() {
                let last = built[node].last_child;
                node = if last != NONE && built[last as usize].byte == byte {
                    last as usize
                } else {
                    let child = built.len() as u32;
                    built.push(Building::new(byte));
                    if last == NONE {
                        built[node].first_child = child;
                    } else {
                        built[last as usize].next_sibling = child;
                    }
                    built[node].last_child = child;
                    child as usize
                };
            }
            built[node].pattern = id;
        }
        // Second pass, breadth first: each node's children become one run.
        let mut nodes = Vec::with_capacity(built.len());
        let mut order = Vec::with_capacity(built.len());
        order.push(0u32);
        let mut head = 0;
        while let Some(&old) = order.get(head) {
            head += 1;
            let first_child = order.len();
            let mut child = built[old as usize].first_child;
            while child != NONE {
                order.push(child);
                child = built[child as usize].next_sibling;
            }
            let node = &built[old as usize];
            nodes.push(Node {
                byte: node.byte,
                pattern: node.pattern,
                first_child: first_child as u32,
                child_count: (order.len() - first_child) as u32,
            });
        }
        let mut root = Box::new([NONE; 256]);
        if let Some(top) = nodes.first() {
            for index in top.first_child..top.first_child + top.child_count {
                root[usize::from(nodes[index as usize].byte)] = index;
            }
        }
        Self { nodes, root }
    }

    /// The state after `byte` from `state` (or from the root), unless no term goes on so.
    #[inline]
    pub(crate) fn next(&self, state: Option<State>, byte: u8) -> Option<State> {
        let Some(State(at)) = state else {
            let child = self.root[usize::from(byte)];
            return (child != NONE).then_some(State(child));
        };
        let node = self.nodes.get(at as usize)?;
        let children = self
            .nodes
            .get(node.first_child as usize..(node.first_child + node.child_count) as usize)?;
        children
            .iter()
            .position(|child| child.byte == byte)
            .map(|i| State(node.first_child + i as u32))
    }

    /// The state after `word` from the root, unless no term starts so.
    pub(crate) fn state_after(&self, word: &[u8]) -> Option<State> {
        word.iter()
            .try_fold(None, |state, &byte| self.next(state, byte).map(Some))?
    }

    /// The term that ends at `state`.
    pub(crate) fn pattern(&self, State(at): State) -> Option<u32> {
        self.nodes.get(at as usize).map(|n| n.pattern).filter(|&p| p != NONE)
    }

    /// The longest term that starts at `start` in `haystack`: walking from
    /// `state` (the state after `start..at`, or the root when `None`), its
    /// pattern and end.
    pub(crate) fn longest_from(
        &self,
        state: Option<State>,
        haystack: &[u8],
        start: usize,
        at: usize,
    ) -> Option<(u32, usize)> {
        let mut found = state.filter(|_| at > start).and_then(|s| Some((self.pattern(s)?, at)));
        self.walk(state, haystack, at, &mut found);
        found
    }

    /// Walks `haystack` from `at`, keeping in `found` the term that ends
    /// furthest. Where a blank or hyphen leads on both as itself and as its
    /// twin (`data-driven` and `data analysis` after `data`), both ways are
    /// walked; terms have few blanks, so the forks stay few.
    fn walk(&self, mut state: Option<State>, haystack: &[u8], at: usize, found: &mut Option<(u32, usize)>) {
        for (i, &byte) in haystack.get(at..).unwrap_or_default().iter().enumerate() {
            let twin = word_joint_twin(byte).and_then(|twin| self.next(state, twin));
            let next = match (self.next(state, byte), twin) {
                (Some(next), Some(twin)) => {
                    self.step(twin, at + i + 1, found);
                    self.walk(Some(twin), haystack, at + i + 1, found);
                    next
                }
                (Some(next), None) | (None, Some(next)) => next,
                (None, None) => break,
            };
            self.step(next, at + i + 1, found);
            state = Some(next);
        }
    }

    /// Notes the term that ends at `state` (byte `end`) if it ends furthest.
    fn step(&self, state: State, end: usize, found: &mut Option<(u32, usize)>) {
        if let Some(pattern) = self.pattern(state)
            && found.is_none_or(|(_, furthest)| end > furthest)
        {
            *found = Some((pattern, end));
        }
    }

    /// Heap memory, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>() + std::mem::size_of::<[u32; 256]>()
    }
}

/// A blank and a hyphen between the words of a term stand for each other:
/// `lead-generation` is Lead Generation and `test driven development` is
/// Test-Driven Development.
fn word_joint_twin(byte: u8) -> Option<u8> {
    match byte {
        b' ' => Some(b'-'),
        b'-' => Some(b' '),
        _ => None,
    }
}

/// A node while the trie is built; links are node indexes or `NONE`.
struct Building {
    byte: u8,
    pattern: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
}

impl Building {
    fn new(byte: u8) -> Self {
        Self {
            byte,
            pattern: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(keys: &[&str]) -> Trie {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        Trie::new(&keys)
    }

    #[test]
    fn a_hyphen_and_a_blank_between_words_stand_for_each_other() {
        let t = trie(&["lead generation", "test-driven development", "e-mail"]);
        // Sorted: e-mail (0), lead generation (1), test-driven development (2).
        assert_eq!(t.longest_from(None, b"lead-generation", 0, 0), Some((1, 15)));
        assert_eq!(t.longest_from(None, b"test driven development", 0, 0), Some((2, 23)));
        assert_eq!(t.longest_from(None, b"e-mail", 0, 0), Some((0, 6)));
        assert_eq!(t.longest_from(None, b"lead_generation", 0, 0), None);
        // Where the hyphen leads on as itself too, both ways are walked.
        let t = trie(&["data analysis", "data-driven"]);
        assert_eq!(t.longest_from(None, b"data-analysis", 0, 0), Some((0, 13)));
        assert_eq!(t.longest_from(None, b"data-driven", 0, 0), Some((1, 11)));
    }

    #[test]
    fn the_longest_term_that_starts_at_the_position_wins() {
        let t = trie(&["data", "data pipelines", "data science", "java"]);
        let text = b"data pipelines and data sciences";
        // Sorted: data (0), data pipelines (1), data science (2), java (3).
        assert_eq!(t.longest_from(None, text, 0, 0), Some((1, 14)));
        assert_eq!(t.longest_from(None, text, 19, 19), Some((2, 31)));
        assert_eq!(t.longest_from(None, b"database", 0, 0), Some((0, 4)));
        assert_eq!(t.longest_from(None, b"javelin", 0, 0), None);
    }

    #[test]
    fn a_walk_resumes_from_the_state_after_a_word() {
        let t = trie(&["node", "node.js", "nodes"]);
        let state = t.state_after(b"node");
        assert_eq!(state.and_then(|s| t.pattern(s)), Some(0));
        assert_eq!(t.longest_from(state, b"node.js is", 0, 4), Some((1, 7)));
        assert_eq!(t.longest_from(state, b"node red", 0, 4), Some((0, 4)));
        assert_eq!(t.state_after(b"nodx"), None);
    }

    #[test]
    fn every_key_is_found_whole_and_under_its_own_id() {
        let keys = ["a", "ab", "abc", "b", "ba", "c++", "c#", ".net", "zz top"];
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let t = Trie::new(&sorted);
        for (id, key) in sorted.iter().enumerate() {
            assert_eq!(
                t.longest_from(None, key.as_bytes(), 0, 0),
                Some((id as u32, key.len())),
                "{key}"
            );
        }
        assert_eq!(t.state_after(b""), None);
    }
}
