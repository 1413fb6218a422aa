//! The second stage of a scan: every alias of the knowledge base found in a
//! normalized document in one walk of a trie ([`matcher`] over [`trie`],
//! with its [`first_words`] table), skills also in their verb forms
//! ([`inflection`]), ambiguous words kept only with evidence ([`evidence`]),
//! terms completed across a coordination ([`ellipsis`]), certificates
//! read with the issuer named after them ([`issuer`]),
//! words that stand for something else where they are dropped
//! ([`other_sense`]), and the result indexed by skill ([`found`]).

pub(crate) mod ellipsis;
pub(crate) mod evidence;
pub(crate) mod first_words;
pub(crate) mod found;
pub(crate) mod inflection;
pub(crate) mod issuer;
pub(crate) mod matcher;
pub(crate) mod other_sense;
pub(crate) mod trie;

pub use found::{KeywordHit, extract_keywords};
pub use inflection::derived_wordings;
pub(crate) use matcher::Fingerprint;
pub use matcher::{KeywordMatcher, MatcherError};
