//! Photos on a dossier's items: what the dossier file says of each photo
//! ([`PhotoRef`]: its id, caption and size), and the methods that add,
//! caption, remove and list them. The image files themselves live in the
//! data folder ([`crate::store::PhotoOwner`]); decoding is in
//! [`crate::photo`]. No I/O here.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::ItemId;
use super::dossier::Dossier;

/// A photo's id: random, lowercase hexadecimal, safe as a file name
/// (`3f9c0a…`). The photo's files are named after it, so a file that names
/// a photo otherwise (`../x`) is refused when it is read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhotoId(pub String);

impl TryFrom<String> for PhotoId {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        if Self::is_valid(&s) {
            Ok(Self(s))
        } else {
            Err(format!(
                "{s:?} is not a photo id (1 to 64 letters, digits, - or _)"
            ))
        }
    }
}

impl From<PhotoId> for String {
    fn from(id: PhotoId) -> Self {
        id.0
    }
}

impl PhotoId {
    /// A new random id (96 bits from the operating system's generator).
    #[must_use]
    pub fn random() -> Self {
        let mut bytes = [0_u8; 12];
        if getrandom::getrandom(&mut bytes).is_err() {
            // No random source: the time and a counter, hashed, are unique
            // enough for a file name (ids are never secret).
            use sha2::Digest as _;
            static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let seed = format!("{:?}-{}-{n}", std::time::SystemTime::now(), std::process::id());
            let hash = sha2::Sha256::digest(seed.as_bytes());
            bytes.copy_from_slice(&hash[..12]);
        }
        Self(hex(&bytes))
    }

    /// The id as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a well-formed photo id: 1 to 64 ASCII letters, digits,
    /// `-` or `_` (no dot, so that `<id>.thumb.jpg` reads back).
    #[must_use]
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }
}

impl fmt::Display for PhotoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Bytes as lowercase hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// One photo of an item, as the dossier file records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    /// Its id, which names its files.
    pub id: PhotoId,
    /// What it shows, in the user's words (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Width of the stored photo, in pixels.
    pub width: u32,
    /// Height of the stored photo, in pixels.
    pub height: u32,
    /// When it was added.
    pub added: DateTime<Utc>,
}

impl Dossier {
    /// The photos of an item, in the order they were added.
    #[must_use]
    pub fn photos_of(&self, item: &ItemId) -> &[PhotoRef] {
        self.photos.get(item).map_or(&[], Vec::as_slice)
    }

    /// Every photo of the dossier with its item, items in id order.
    pub fn all_photos(&self) -> impl Iterator<Item = (&ItemId, &PhotoRef)> {
        self.photos
            .iter()
            .flat_map(|(item, photos)| photos.iter().map(move |p| (item, p)))
    }

    /// The ids of every photo of the dossier.
    #[must_use]
    pub fn photo_ids(&self) -> BTreeSet<PhotoId> {
        self.all_photos().map(|(_, p)| p.id.clone()).collect()
    }

    /// How many photos the dossier holds.
    #[must_use]
    pub fn photo_count(&self) -> usize {
        self.photos.values().map(Vec::len).sum()
    }

    /// A photo and its item, by id.
    #[must_use]
    pub fn find_photo(&self, id: &PhotoId) -> Option<(&ItemId, &PhotoRef)> {
        self.all_photos().find(|(_, p)| &p.id == id)
    }

    /// Adds a photo (whose files are already written) at the end of an
    /// item's photos.
    pub fn add_photo(&mut self, item: &ItemId, photo: PhotoRef, now: DateTime<Utc>) {
        self.photos.entry(item.clone()).or_default().push(photo);
        self.modified = now;
    }

    /// Changes a photo's caption. Returns whether anything changed.
    pub fn set_photo_caption(&mut self, id: &PhotoId, caption: &str, now: DateTime<Utc>) -> bool {
        let Some(photo) = self.photos.values_mut().flatten().find(|p| &p.id == id) else {
            return false;
        };
        if photo.caption == caption {
            return false;
        }
        caption.clone_into(&mut photo.caption);
        self.modified = now;
        true
    }

    /// Removes a photo from the dossier and returns it with its item. Its
    /// files stay until the store tidies the folder (they may still be
    /// referenced by the dossier's backup).
    pub fn remove_photo(&mut self, id: &PhotoId, now: DateTime<Utc>) -> Option<(ItemId, PhotoRef)> {
        let (item, index) = self
            .photos
            .iter()
            .find_map(|(item, photos)| photos.iter().position(|p| &p.id == id).map(|i| (item.clone(), i)))?;
        let photos = self.photos.get_mut(&item)?;
        let photo = photos.remove(index);
        if photos.is_empty() {
            self.photos.remove(&item);
        }
        self.modified = now;
        Some((item, photo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::Journey;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn photo(caption: &str) -> PhotoRef {
        PhotoRef {
            id: PhotoId::random(),
            caption: caption.to_owned(),
            width: 40,
            height: 30,
            added: now(),
        }
    }

    #[test]
    fn photos_are_added_captioned_and_removed() {
        let mut d = Dossier::new("Maison", Journey::Referent, vec![], None, now());
        let item = ItemId::from("perimeter.lighting");
        let (a, b) = (photo("Lampe"), photo(""));
        d.add_photo(&item, a.clone(), now());
        d.add_photo(&item, b.clone(), now());
        assert_eq!(d.photos_of(&item).len(), 2);
        assert_eq!(d.photo_count(), 2);
        assert!(d.set_photo_caption(&b.id, "Échelle", now()));
        assert!(!d.set_photo_caption(&b.id, "Échelle", now()));
        assert_eq!(d.find_photo(&b.id).unwrap().1.caption, "Échelle");
        assert_eq!(d.remove_photo(&a.id, now()).unwrap().0, item);
        assert!(d.remove_photo(&a.id, now()).is_none());
        d.remove_photo(&b.id, now());
        assert!(d.photos.is_empty(), "an item without photos leaves no entry");
    }

    #[test]
    fn ids_are_random_and_safe() {
        let (a, b) = (PhotoId::random(), PhotoId::random());
        assert_ne!(a, b);
        assert!(PhotoId::is_valid(a.as_str()) && a.as_str().len() == 24);
        assert!(!PhotoId::is_valid("../x") && !PhotoId::is_valid("a.b") && !PhotoId::is_valid(""));
    }
}
