//! Property: no input makes `extract` panic. `extract` catches panics (a
//! parser bug must not take a worker down), so a panic hook watches for
//! them instead: a caught panic still fails the property.

use std::cell::Cell;
use std::sync::Once;

use atscan::document::{Limits, extract};
use proptest::prelude::*;

use crate::fixtures::*;

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    static PANICS: Cell<usize> = const { Cell::new(0) };
}

/// Counts panics on threads that watch, keeping the default report.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if WATCHING.get() {
                PANICS.set(PANICS.get() + 1);
            }
            default(info);
        }));
    });
}

/// Extracts with the hook watching; returns how many panics were caught.
fn panics_while_extracting(bytes: &[u8]) -> usize {
    install_hook();
    PANICS.set(0);
    WATCHING.set(true);
    let _ = extract(bytes, &Limits::default());
    WATCHING.set(false);
    PANICS.get()
}

/// Valid documents to corrupt: mutations near real structure reach much
/// deeper into the parsers than uniform noise does.
fn seeds() -> Vec<Vec<u8>> {
    vec![
        one_column_pdf(),
        docx_resume(),
        odt_resume(),
        br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Sam\par Lee\u8212?\'e9}".to_vec(),
        b"<html><body><p>Sam &amp; Lee</p><script>x</script></body></html>".to_vec(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert_eq!(panics_while_extracting(&bytes), 0);
    }

    #[test]
    fn random_bytes_behind_a_signature_never_panic(
        magic in prop::sample::select(vec![&b"%PDF-1.4\n"[..], b"PK\x03\x04", b"{\\rtf1", b"\xFE\xFF", b"<html>"]),
        tail in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut bytes = magic.to_vec();
        bytes.extend(tail);
        prop_assert_eq!(panics_while_extracting(&bytes), 0);
    }

    #[test]
    fn corrupted_documents_never_panic(
        seed in 0..5usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        keep in 1..=100usize,
    ) {
        let mut bytes = seeds().swap_remove(seed);
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        bytes.truncate(bytes.len() * keep / 100);
        prop_assert_eq!(panics_while_extracting(&bytes), 0);
    }
}
