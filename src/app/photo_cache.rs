//! The open dossier's photos as textures: decoded by the task runner's
//! `vigie-photos` thread ([`Decoder`]), turned into
//! [`egui::TextureHandle`]s on the UI thread, cached by photo and size.
//!
//! How a photo gets on screen:
//! 1. A view asks [`PhotoCache::shown`] for a photo it is about to draw (only
//!    when its place is in view). Ready: the texture. Not yet: the view
//!    draws a placeholder, and the photo is noted as *seen* (a repaint is
//!    asked for the first time only).
//! 2. [`PhotoCache::pump`], run by `AppState::logic` before each frame,
//!    takes the decoded pixels in (one texture each) and hands the decoder
//!    the photos seen and not ready, in that order: its queue is replaced
//!    each time, so photos scrolled out of view before their turn are never
//!    decoded. The large view's photo goes first.
//! 3. The decoder reads each file through a [`DataFolder`](crate::store::DataFolder)
//!    (decrypting it when encryption is on), decodes it, and asks egui for
//!    a repaint.
//!
//! Memory stays bounded: thumbnails are at most 320 pixels a side (about
//! 300 kB of texture each, made only for photos drawn, at most
//! [`MAX_THUMBNAILS`] of them beyond those on screen), and one full-size
//! photo at a time (the large view's). [`PhotoCache::forget`] (the dossier
//! closes, the app locks) drops every texture and the decoder's copy of the
//! data key. In tests that run tasks in line, the photos seen are decoded
//! in `pump` itself, on the UI thread.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::decoder::{Decoder, fit};
use super::tasks::Tasks;
use crate::model::PhotoId;
use crate::photo::Pixels;
use crate::store::{Encryption, PhotoOwner, PhotoSize, Store};

/// How many thumbnail textures are kept at most (about 300 kB each at 320
/// pixels), beyond those drawn in the last frame.
pub const MAX_THUMBNAILS: usize = 240;

/// A photo in one size.
pub type PhotoKey = (PhotoId, PhotoSize);

/// What a view can draw for a photo.
#[derive(Clone, Copy)]
pub enum Shown<'a> {
    /// The texture.
    Ready(&'a egui::TextureHandle),
    /// Being decoded: draw a placeholder.
    Loading,
    /// The file cannot be read or decoded.
    Failed,
}

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Ready(_) => "Ready",
            Self::Loading => "Loading",
            Self::Failed => "Failed",
        })
    }
}

/// The open dossier's photo textures.
#[derive(Default)]
pub struct PhotoCache {
    /// Whose photos the textures are.
    owner: Option<PhotoOwner>,
    /// Ready or failed photos.
    slots: BTreeMap<PhotoKey, Option<egui::TextureHandle>>,
    /// Photos views wanted this frame and did not have (in drawing order).
    seen: RefCell<Vec<PhotoKey>>,
    /// Photos views drew from a texture since the last `pump`.
    drawn: RefCell<BTreeSet<PhotoKey>>,
    /// Photos handed to the decoder and not back yet.
    pending: BTreeSet<PhotoKey>,
    /// Counts the times the cache was emptied.
    generation: u64,
    /// The data folder's encryption when the textures were made.
    encryption: Option<Encryption>,
}

impl std::fmt::Debug for PhotoCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhotoCache")
            .field("owner", &self.owner)
            .field("textures", &self.texture_count())
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

impl PhotoCache {
    /// What to draw for `id` in `size`. When it is not ready, the photo is
    /// noted for decoding (and egui asked for a repaint the first time).
    /// Call it only for photos whose place is in view.
    pub fn shown(&self, ctx: &egui::Context, id: &PhotoId, size: PhotoSize) -> Shown<'_> {
        let key = (id.clone(), size);
        match self.slots.get(&key) {
            Some(Some(texture)) => {
                self.drawn.borrow_mut().insert(key);
                Shown::Ready(texture)
            }
            Some(None) => Shown::Failed,
            None => {
                if !self.pending.contains(&key) {
                    ctx.request_repaint();
                }
                self.seen.borrow_mut().push(key);
                Shown::Loading
            }
        }
    }

    /// The texture of a photo, if it is ready (nothing is asked for).
    #[must_use]
    pub fn texture(&self, id: &PhotoId, size: PhotoSize) -> Option<&egui::TextureHandle> {
        self.slots.get(&(id.clone(), size)).and_then(Option::as_ref)
    }

    /// How many textures are held.
    #[must_use]
    pub fn texture_count(&self) -> usize {
        self.slots.values().filter(|s| s.is_some()).count()
    }

    /// How many photos are being decoded or wait for it.
    #[must_use]
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// Drops every texture, and the decoder's queue and data folder; what
    /// it is decoding is thrown away when it ends.
    pub fn forget(&mut self, tasks: &Tasks) {
        self.slots.clear();
        self.pending.clear();
        self.seen.borrow_mut().clear();
        self.drawn.borrow_mut().clear();
        self.owner = None;
        self.generation += 1;
        if let Some(decoder) = tasks.running_decoder() {
            decoder.forget(self.generation);
        }
    }

    /// Drops one photo's textures (it was removed).
    pub fn evict(&mut self, id: &PhotoId) {
        self.slots.retain(|(photo, _), _| photo != id);
    }

    /// Takes decoded photos in and hands the decoder those seen since the
    /// last call. `owner` is the open dossier's (`None`: none is open, or
    /// the app is locked: everything is dropped). When `tasks` run in the
    /// background, the runner's decoder does the work; else it is done
    /// here and now (tests).
    pub fn pump(&mut self, ctx: &egui::Context, store: &Store, owner: Option<PhotoOwner>, tasks: &mut Tasks) {
        // A new key (encryption turned on or off) makes a new folder.
        let encryption = store.encryption();
        let owner = owner.filter(|_| encryption != Encryption::Locked);
        if owner != self.owner || Some(encryption) != self.encryption {
            self.forget(tasks);
            self.owner.clone_from(&owner);
            self.encryption = Some(encryption);
        }
        let Some(owner) = owner else {
            return;
        };
        self.take_decoded(ctx, tasks.running_decoder());
        self.keep_within_bounds();
        let mut seen: Vec<PhotoKey> = std::mem::take(&mut *self.seen.borrow_mut());
        // The large view first, then in drawing order, each once.
        seen.sort_by_key(|(_, size)| *size != PhotoSize::Full);
        let mut once = BTreeSet::new();
        seen.retain(|key| !self.slots.contains_key(key) && once.insert(key.clone()));
        let max_side = ctx.input(|i| i.max_texture_side);
        if !tasks.background {
            self.pending.clear();
            let folder = store.data_folder();
            for key in seen {
                let pixels = folder.load_pixels(&owner, &key.0, key.1).ok();
                self.insert(ctx, key, pixels.and_then(|p| fit(p, max_side)));
            }
            return;
        }
        if seen.is_empty() && self.pending.is_empty() {
            return;
        }
        match tasks.decoder(ctx) {
            Some(decoder) => {
                let folder = || store.data_folder();
                self.pending = decoder.submit(self.generation, max_side, &owner, folder, seen);
            }
            None => {
                // No thread to be had: the photos show as unreadable
                // rather than loading forever.
                for key in seen {
                    self.slots.insert(key, None);
                }
            }
        }
    }

    /// Turns what the decoder decoded into textures.
    fn take_decoded(&mut self, ctx: &egui::Context, decoder: Option<&Decoder>) {
        let Some(decoder) = decoder else {
            return;
        };
        for done in decoder.take_done() {
            if done.generation == self.generation {
                self.pending.remove(&done.key);
                self.insert(ctx, done.key, done.pixels);
            }
        }
    }

    /// Past [`MAX_THUMBNAILS`] thumbnail textures, those not drawn since
    /// the last call go (they are decoded again if scrolled back to).
    fn keep_within_bounds(&mut self) {
        let drawn = std::mem::take(&mut *self.drawn.borrow_mut());
        let thumbnails = self
            .slots
            .iter()
            .filter(|((_, size), texture)| *size == PhotoSize::Thumbnail && texture.is_some())
            .count();
        if thumbnails > MAX_THUMBNAILS {
            self.slots
                .retain(|key, texture| key.1 == PhotoSize::Full || texture.is_none() || drawn.contains(key));
        }
    }

    fn insert(&mut self, ctx: &egui::Context, key: PhotoKey, pixels: Option<Pixels>) {
        if key.1 == PhotoSize::Full {
            // One large photo at a time: the others' textures go.
            self.slots.retain(|(_, size), _| *size != PhotoSize::Full);
        }
        let texture = pixels.map(|p| {
            let size = [p.width as usize, p.height as usize];
            let image = egui::ColorImage::from_rgba_unmultiplied(size, &p.rgba);
            ctx.load_texture(
                format!("photo-{}-{:?}", key.0, key.1),
                image,
                egui::TextureOptions::LINEAR,
            )
        });
        self.slots.insert(key, texture);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixels() -> Pixels {
        Pixels {
            width: 2,
            height: 2,
            rgba: vec![9; 16],
        }
    }

    #[test]
    fn thumbnails_past_the_bound_go_unless_drawn() {
        let ctx = egui::Context::default();
        let mut cache = PhotoCache::default();
        let ids: Vec<PhotoId> = (0..MAX_THUMBNAILS + 10).map(|_| PhotoId::random()).collect();
        for id in &ids {
            cache.insert(&ctx, (id.clone(), PhotoSize::Thumbnail), Some(pixels()));
        }
        cache.insert(&ctx, (ids[0].clone(), PhotoSize::Full), Some(pixels()));
        assert!(matches!(
            cache.shown(&ctx, &ids[5], PhotoSize::Thumbnail),
            Shown::Ready(_)
        ));
        cache.keep_within_bounds();
        assert_eq!(cache.texture_count(), 2, "the one drawn and the large one");
        assert!(cache.texture(&ids[5], PhotoSize::Thumbnail).is_some());
        assert!(cache.texture(&ids[0], PhotoSize::Full).is_some());

        // Within the bound, nothing goes.
        for id in &ids[..10] {
            cache.insert(&ctx, (id.clone(), PhotoSize::Thumbnail), Some(pixels()));
        }
        cache.keep_within_bounds();
        assert_eq!(cache.texture_count(), 11);
    }
}
