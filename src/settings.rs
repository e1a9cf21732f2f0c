//! The user's preferences (language, colour theme, text size, idle lock,
//! how the dossier list is sorted and filtered), saved by the
//! store in `settings.ron`. Plain data: nothing here is secret, and nothing
//! here knows how it is shown.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::checklist::Journey;

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The user's preferences, saved in `settings.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The language chosen; `None` follows the system locale.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// After how long without input an encrypted data folder locks itself.
    #[serde(default)]
    pub idle_lock: IdleLock,
    /// The text size, in percent of the normal size.
    #[serde(default)]
    pub zoom: Zoom,
    /// How the dossier list is sorted.
    #[serde(default)]
    pub home_sort: HomeSort,
    /// The journey the dossier list shows; `None`: every journey.
    #[serde(default)]
    pub home_filter: Option<Journey>,
}

/// The text size, in percent (100: normal), kept between [`Zoom::MIN`] and
/// [`Zoom::MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Zoom(pub u16);

impl Default for Zoom {
    fn default() -> Self {
        Self(100)
    }
}

impl Zoom {
    /// The smallest size.
    pub const MIN: u16 = 70;
    /// The largest size.
    pub const MAX: u16 = 200;
    /// One step of Ctrl + or Ctrl −.
    pub const STEP: u16 = 10;

    /// One step larger, at most [`Zoom::MAX`].
    #[must_use]
    pub fn larger(self) -> Self {
        Self((self.0 + Self::STEP).min(Self::MAX))
    }

    /// One step smaller, at least [`Zoom::MIN`].
    #[must_use]
    pub fn smaller(self) -> Self {
        Self(self.0.saturating_sub(Self::STEP).max(Self::MIN))
    }

    /// The zoom factor (1.0: normal), within bounds even when the file was
    /// edited by hand.
    #[must_use]
    pub fn factor(self) -> f32 {
        f32::from(self.0.clamp(Self::MIN, Self::MAX)) / 100.0
    }
}

/// How the dossier list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HomeSort {
    /// The most recently changed first.
    #[default]
    LastChange,
    /// The nearest review date first (none last).
    NextReview,
    /// The most open critical items first.
    OpenCritical,
    /// By journey, then title.
    Journey,
}

impl HomeSort {
    /// Every sort, in menu order.
    pub const ALL: [Self; 4] = [
        Self::LastChange,
        Self::NextReview,
        Self::OpenCritical,
        Self::Journey,
    ];
}

/// After how many minutes without input the app locks an encrypted data
/// folder; `0` never. Defaults to 15 minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdleLock(pub u32);

impl Default for IdleLock {
    fn default() -> Self {
        Self(15)
    }
}

impl IdleLock {
    /// The choices offered in the settings, in minutes (`0`: never).
    pub const CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 0];

    /// The idle time, `None` for never.
    #[must_use]
    pub fn duration(self) -> Option<std::time::Duration> {
        (self.0 > 0).then(|| std::time::Duration::from_secs(u64::from(self.0) * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zoom_stays_within_bounds() {
        assert_eq!(Zoom::default().larger().0, 110);
        assert_eq!(Zoom(Zoom::MAX).larger().0, Zoom::MAX);
        assert_eq!(Zoom(Zoom::MIN).smaller().0, Zoom::MIN);
        assert!(
            (Zoom(1000).factor() - 2.0).abs() < f32::EPSILON,
            "a hand-edited size is bounded"
        );
    }
}
