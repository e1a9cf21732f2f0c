//! The two languages of Vigie, French first: a leaf module that the model,
//! the store, the report and the interface all use.

use serde::{Deserialize, Serialize};

/// A language of the interface and of the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Self; 2] = [Self::Fr, Self::En];

    /// The language of a locale name such as `fr-FR`, `en_GB.UTF-8` or
    /// `de-DE`: English for English locales, French otherwise (French is the
    /// default).
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Fr
        }
    }

    /// The language of the system, French when unknown.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::Fr, |l| Self::from_locale(&l))
    }

    /// The language's own name, as shown in the language switch.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    /// The two-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
        }
    }
}
