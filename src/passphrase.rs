//! How hard a passphrase is to guess, estimated with `zxcvbn` (the
//! estimator of Dropbox, which knows common words, names, dates, keyboard
//! patterns and substitutions). No egui, no I/O.
//!
//! Vigie refuses a passphrase below [`MIN_SCORE`]: the key file can be
//! copied and attacked offline, and scrypt makes each guess cost about a
//! second on this computer but far less on an attacker's hardware.

/// The lowest accepted score (0 to 4): "safely unguessable", about 10⁸
/// guesses or more.
pub const MIN_SCORE: u8 = 3;

/// The estimated strength of a passphrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strength {
    /// From 0 (guessed in under 10³ tries) to 4 (over 10¹⁰).
    pub score: u8,
    /// The estimated number of guesses, as a power of ten.
    pub guesses_log10: f64,
}

impl Strength {
    /// Estimates the strength of `passphrase`.
    #[must_use]
    pub fn of(passphrase: &str) -> Self {
        if passphrase.is_empty() {
            return Self {
                score: 0,
                guesses_log10: 0.0,
            };
        }
        let entropy = zxcvbn::zxcvbn(passphrase, &["vigie", "Vigie"]);
        Self {
            score: u8::from(entropy.score()),
            guesses_log10: entropy.guesses_log10(),
        }
    }

    /// Whether Vigie accepts it.
    #[must_use]
    pub fn is_enough(self) -> bool {
        self.score >= MIN_SCORE
    }

    /// The score as a fraction, for a bar.
    #[must_use]
    pub fn fraction(self) -> f32 {
        f32::from(self.score) / 4.0
    }
}
