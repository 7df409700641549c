//! The rules for a new passphrase.

/// Shortest passphrase accepted, in characters, not counting spaces at
/// either end.
pub const MIN_CHARS: usize = 8;

/// Why a new passphrase (typed twice) is refused, as a text key; `None`
/// when it is accepted.
pub fn problem(pass: &str, again: &str) -> Option<&'static str> {
    if pass.trim().chars().count() < MIN_CHARS {
        Some("lock.short")
    } else if pass != again {
        Some("lock.mismatch")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_blank_and_mismatched_passphrases_are_refused() {
        assert_eq!(problem("short", "short"), Some("lock.short"));
        assert_eq!(problem("        ", "        "), Some("lock.short"));
        assert_eq!(problem("long enough", "long enougH"), Some("lock.mismatch"));
        assert_eq!(problem("long enough", "long enough"), None);
        // Characters, not bytes.
        assert_eq!(problem("ñññññññ", "ñññññññ"), Some("lock.short"));
    }
}
