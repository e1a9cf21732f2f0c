//! The open dossier's photos as textures: decoded on the `vigie-photos`
//! thread, turned into [`egui::TextureHandle`]s on the UI thread, cached by
//! photo and size.
//!
//! How a photo gets on screen:
//! 1. A view asks [`PhotoCache::shown`] for a photo it is about to draw (only
//!    when its place is in view). Ready: the texture. Not yet: the view
//!    draws a placeholder, and the photo is noted as *seen* (a repaint is
//!    asked for the first time only).
//! 2. [`PhotoCache::pump`], run by `AppState::logic` before each frame,
//!    takes the decoded pixels in (one texture each) and hands the worker
//!    the photos seen and not ready, in that order: the queue is replaced
//!    each time, so photos scrolled out of view before their turn are never
//!    decoded. The large view's photo goes first.
//! 3. The worker reads each file through a [`DataFolder`] (decrypting it
//!    when encryption is on), decodes it, and asks egui for a repaint.
//!
//! The [`DataFolder`] holds a copy of the data key: the worker has one only
//! while it has work (dropped when its queue is empty), and
//! [`PhotoCache::forget`] (the dossier closes, the app locks) drops it with
//! every texture. In tests that run tasks in line, the photos seen are
//! decoded in `pump` itself, on the UI thread.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use crate::model::PhotoId;
use crate::photo::Pixels;
use crate::store::{DataFolder, Encryption, PhotoOwner, PhotoSize, Store};

/// A photo in one size.
pub type PhotoKey = (PhotoId, PhotoSize);

/// What a view can draw for a photo.
#[derive(Clone, Copy, Debug)]
pub enum Shown<'a> {
    /// The texture.
    Ready(&'a egui::TextureHandle),
    /// Being decoded: draw a placeholder.
    Loading,
    /// The file cannot be read or decoded.
    Failed,
}

/// What the UI thread and the worker share.
#[derive(Default)]
struct Shared {
    /// Photos to decode, first first.
    queue: VecDeque<PhotoKey>,
    /// Whose photos, and the folder to read them from (while there is
    /// work).
    source: Option<(PhotoOwner, Arc<DataFolder>)>,
    /// Counts the times the cache was emptied: a photo decoded for an
    /// older generation is thrown away.
    generation: u64,
    /// The photo being decoded.
    busy: Option<PhotoKey>,
    /// Decoded photos not yet taken in.
    done: Vec<(u64, PhotoKey, Option<Pixels>)>,
    /// The cache is gone: the worker ends.
    stop: bool,
    /// The largest texture side the painter accepts.
    max_side: usize,
}

type Sync2 = Arc<(Mutex<Shared>, Condvar)>;

/// The open dossier's photo textures and the thread that decodes them.
#[derive(Default)]
pub struct PhotoCache {
    /// Whose photos the textures are.
    owner: Option<PhotoOwner>,
    /// Ready or failed photos.
    slots: BTreeMap<PhotoKey, Option<egui::TextureHandle>>,
    /// Photos views wanted this frame and did not have (in drawing order).
    seen: RefCell<Vec<PhotoKey>>,
    /// Photos handed to the worker and not back yet.
    pending: BTreeSet<PhotoKey>,
    /// The worker's side, once started.
    shared: Option<Sync2>,
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

impl Drop for PhotoCache {
    fn drop(&mut self) {
        if let Some(shared) = &self.shared {
            let (lock, wake) = &**shared;
            let mut s = lock.lock().unwrap_or_else(PoisonError::into_inner);
            s.stop = true;
            s.queue.clear();
            s.source = None;
            wake.notify_all();
        }
    }
}

impl PhotoCache {
    /// What to draw for `id` in `size`. When it is not ready, the photo is
    /// noted for decoding (and egui asked for a repaint the first time).
    /// Call it only for photos whose place is in view.
    pub fn shown(&self, ctx: &egui::Context, id: &PhotoId, size: PhotoSize) -> Shown<'_> {
        let key = (id.clone(), size);
        match self.slots.get(&key) {
            Some(Some(texture)) => Shown::Ready(texture),
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

    /// Whether a copy of the data folder (and of its key) is held for the
    /// worker.
    #[must_use]
    pub fn holds_data_folder(&self) -> bool {
        self.shared.as_ref().is_some_and(|shared| {
            let s = shared.0.lock().unwrap_or_else(PoisonError::into_inner);
            s.source.is_some()
        })
    }

    /// Drops every texture and the data folder, and what the worker was
    /// asked; what it is decoding is thrown away when it ends.
    pub fn forget(&mut self) {
        self.slots.clear();
        self.pending.clear();
        self.seen.borrow_mut().clear();
        self.owner = None;
        self.generation += 1;
        if let Some(shared) = &self.shared {
            let mut s = shared.0.lock().unwrap_or_else(PoisonError::into_inner);
            s.queue.clear();
            s.source = None;
            s.generation = self.generation;
        }
    }

    /// Drops one photo's textures (it was removed).
    pub fn evict(&mut self, id: &PhotoId) {
        self.slots.retain(|(photo, _), _| photo != id);
    }

    /// Takes decoded photos in and hands the worker those seen since the
    /// last call. `owner` is the open dossier's (`None`: none is open, or
    /// the app is locked: everything is dropped). `background`: decode on
    /// the worker; else here and now (tests).
    pub fn pump(&mut self, ctx: &egui::Context, store: &Store, owner: Option<PhotoOwner>, background: bool) {
        // A new key (encryption turned on or off) makes a new folder.
        let encryption = store.encryption();
        let owner = owner.filter(|_| encryption != Encryption::Locked);
        if owner != self.owner || Some(encryption) != self.encryption {
            self.forget();
            self.owner.clone_from(&owner);
            self.encryption = Some(encryption);
        }
        let Some(owner) = owner else {
            return;
        };
        self.take_decoded(ctx);
        let mut seen: Vec<PhotoKey> = std::mem::take(&mut *self.seen.borrow_mut());
        // The large view first, then in drawing order, each once.
        seen.sort_by_key(|(_, size)| *size != PhotoSize::Full);
        let mut once = BTreeSet::new();
        seen.retain(|key| !self.slots.contains_key(key) && once.insert(key.clone()));
        if background {
            self.hand_over(ctx, store, owner, seen);
        } else {
            self.pending.clear();
            let folder = store.data_folder();
            let max_side = ctx.input(|i| i.max_texture_side);
            for key in seen {
                let pixels = folder.load_pixels(&owner, &key.0, key.1).ok();
                self.insert(ctx, key, pixels.and_then(|p| fit(p, max_side)));
            }
        }
    }

    /// Turns what the worker decoded into textures.
    fn take_decoded(&mut self, ctx: &egui::Context) {
        let Some(shared) = &self.shared else {
            return;
        };
        let done = {
            let mut s = shared.0.lock().unwrap_or_else(PoisonError::into_inner);
            std::mem::take(&mut s.done)
        };
        for (generation, key, pixels) in done {
            if generation == self.generation {
                self.pending.remove(&key);
                self.insert(ctx, key, pixels);
            }
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

    /// Replaces the worker's queue with the photos seen (starting the
    /// worker the first time).
    fn hand_over(&mut self, ctx: &egui::Context, store: &Store, owner: PhotoOwner, seen: Vec<PhotoKey>) {
        let shared = match &self.shared {
            Some(shared) => Arc::clone(shared),
            None => match start_worker(ctx.clone()) {
                Some(shared) => {
                    self.shared = Some(Arc::clone(&shared));
                    shared
                }
                None => {
                    // No thread to be had: the photos show as unreadable
                    // rather than loading forever.
                    for key in seen {
                        self.slots.insert(key, None);
                    }
                    return;
                }
            },
        };
        let (lock, wake) = &*shared;
        let mut s = lock.lock().unwrap_or_else(PoisonError::into_inner);
        s.generation = self.generation;
        s.max_side = ctx.input(|i| i.max_texture_side);
        // Decoded meanwhile, or being decoded: not asked again.
        let under_way: BTreeSet<PhotoKey> = s
            .done
            .iter()
            .map(|(_, key, _)| key.clone())
            .chain(s.busy.clone())
            .collect();
        self.pending = seen.iter().cloned().chain(s.busy.clone()).collect();
        s.queue = seen.into_iter().filter(|k| !under_way.contains(k)).collect();
        if s.queue.is_empty() {
            if s.busy.is_none() {
                s.source = None;
            }
            return;
        }
        if s.source.as_ref().is_none_or(|(o, _)| *o != owner) {
            s.source = Some((owner, Arc::new(store.data_folder())));
        }
        wake.notify_all();
    }
}

/// A photo larger than the painter takes is shrunk to fit; `None` for
/// pixels that do not make an image.
fn fit(pixels: Pixels, max_side: usize) -> Option<Pixels> {
    let max_side = u32::try_from(max_side).unwrap_or(u32::MAX).max(1);
    let expected = u64::from(pixels.width) * u64::from(pixels.height) * 4;
    if pixels.width == 0 || pixels.height == 0 || pixels.rgba.len() as u64 != expected {
        return None;
    }
    if pixels.width.max(pixels.height) <= max_side {
        return Some(pixels);
    }
    let image = image::RgbaImage::from_raw(pixels.width, pixels.height, pixels.rgba)?;
    let small = image::imageops::thumbnail(&image, max_side, max_side);
    Some(Pixels {
        width: small.width(),
        height: small.height(),
        rgba: small.into_raw(),
    })
}

/// Starts the `vigie-photos` thread.
fn start_worker(ctx: egui::Context) -> Option<Sync2> {
    let shared: Sync2 = Arc::new((Mutex::new(Shared::default()), Condvar::new()));
    let theirs = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("vigie-photos".to_owned())
        .spawn(move || work(&theirs, &ctx))
        .ok()?;
    Some(shared)
}

/// The worker: takes the next photo, decodes it, hands it back, asks for a
/// repaint; drops the data folder when there is nothing left to do.
fn work(shared: &Sync2, ctx: &egui::Context) {
    let (lock, wake) = &**shared;
    loop {
        let (key, owner, folder, generation, max_side) = {
            let mut s = lock.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if s.stop {
                    return;
                }
                if let (Some(key), Some((owner, folder))) = (s.queue.front().cloned(), s.source.clone()) {
                    s.queue.pop_front();
                    s.busy = Some(key.clone());
                    break (key, owner, folder, s.generation, s.max_side);
                }
                s.source = None;
                s = wake.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let pixels = folder
            .load_pixels(&owner, &key.0, key.1)
            .ok()
            .and_then(|p| fit(p, max_side));
        drop(folder);
        {
            let mut s = lock.lock().unwrap_or_else(PoisonError::into_inner);
            s.busy = None;
            if s.generation == generation {
                s.done.push((generation, key, pixels));
            }
            if s.queue.is_empty() {
                s.source = None;
            }
        }
        ctx.request_repaint();
    }
}
