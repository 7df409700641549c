//! Small helpers chosen for code size in the wasm build.

/// Stable in-place sort. `before(a, b)` is true when `a` must come before `b`.
/// The lists sorted here are short or nearly sorted, where insertion sort is
/// fast, and it compiles to a fraction of the standard library's sort.
pub fn insertion_sort_by<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut ours = v.clone();
            insertion_sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
