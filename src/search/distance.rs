//! Edit distance for ranking typo-tolerant hits: tantivy's fuzzy query finds
//! them but scores them all alike.

/// The optimal-string-alignment distance between `a` and `b`: insertions,
/// deletions, substitutions and swaps of adjacent characters cost one each,
/// as in tantivy's fuzzy query with `transposition_cost_one`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two before the current one, for transpositions.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_letters_cost_one_edit() {
        assert_eq!(edit_distance("pyhton", "python"), 1);
        assert_eq!(edit_distance("djnago", "django"), 1);
    }

    #[test]
    fn missing_extra_and_wrong_letters_cost_one_edit_each() {
        assert_eq!(edit_distance("kubernets", "kubernetes"), 1);
        assert_eq!(edit_distance("postgress", "postgres"), 1);
        assert_eq!(edit_distance("javscript", "javascript"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
