//! The task runner's photo decoder: one long-lived `vigie-photos` thread,
//! owned by [`Tasks`](super::tasks::Tasks), that reads photo files (through
//! a [`DataFolder`], decrypting them when encryption is on) and decodes
//! them into pixels for the [`PhotoCache`](super::photo_cache::PhotoCache).
//!
//! Unlike the runner's other jobs, its work is a queue that the cache
//! replaces before each frame (photos scrolled out of view before their
//! turn are never decoded), so it is one thread fed through a condition
//! variable rather than a thread per job. It holds a copy of the data key
//! only while it has work, and [`Decoder::forget`] (the dossier closes, the
//! app locks) drops it at once.

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use super::photo_cache::PhotoKey;
use crate::photo::Pixels;
use crate::store::{DataFolder, PhotoOwner};

/// A photo decoded (or not: `None`) for the cache of a generation.
#[derive(Debug)]
pub struct Decoded {
    /// The cache's generation it was asked for.
    pub generation: u64,
    /// Which photo, in which size.
    pub key: PhotoKey,
    /// Its pixels, fitted to the painter; `None` when unreadable.
    pub pixels: Option<Pixels>,
}

/// What the UI thread and the decoder share.
#[derive(Default)]
struct Shared {
    /// Photos to decode, first first.
    queue: VecDeque<PhotoKey>,
    /// Whose photos, and the folder to read them from (while there is
    /// work).
    source: Option<(PhotoOwner, Arc<DataFolder>)>,
    /// The cache's generation: a photo decoded for an older one is thrown
    /// away.
    generation: u64,
    /// The photo being decoded.
    busy: Option<PhotoKey>,
    /// Decoded photos not yet taken in.
    done: Vec<Decoded>,
    /// The runner is gone: the thread ends.
    stop: bool,
    /// The largest texture side the painter accepts.
    max_side: usize,
}

type Link = Arc<(Mutex<Shared>, Condvar)>;

/// The `vigie-photos` thread and its queue.
pub struct Decoder {
    link: Link,
}

impl std::fmt::Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.lock();
        f.debug_struct("Decoder")
            .field("queued", &s.queue.len())
            .field("busy", &s.busy.is_some())
            .field("done", &s.done.len())
            .finish_non_exhaustive()
    }
}

impl Drop for Decoder {
    fn drop(&mut self) {
        let mut s = self.lock();
        s.stop = true;
        s.queue.clear();
        s.source = None;
        self.link.1.notify_all();
    }
}

impl Decoder {
    /// Starts the `vigie-photos` thread; `None` when no thread can be had.
    pub(super) fn start(ctx: egui::Context) -> Option<Self> {
        let link: Link = Arc::new((Mutex::new(Shared::default()), Condvar::new()));
        let theirs = Arc::clone(&link);
        std::thread::Builder::new()
            .name("vigie-photos".to_owned())
            .spawn(move || work(&theirs, &ctx))
            .ok()?;
        Some(Self { link })
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.link.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the queue with `keys` (first first) for the cache's
    /// `generation`, photos of `owner` read from the folder `folder` makes
    /// (made only when there is work). Returns the photos now under way:
    /// queued, being decoded, or decoded and not taken yet.
    pub fn submit(
        &self,
        generation: u64,
        max_side: usize,
        owner: &PhotoOwner,
        folder: impl FnOnce() -> DataFolder,
        keys: Vec<PhotoKey>,
    ) -> BTreeSet<PhotoKey> {
        let mut s = self.lock();
        s.generation = generation;
        s.max_side = max_side;
        // Decoded meanwhile, or being decoded: not asked again.
        let under_way: BTreeSet<PhotoKey> = s
            .done
            .iter()
            .filter(|d| d.generation == generation)
            .map(|d| d.key.clone())
            .chain(s.busy.clone())
            .collect();
        s.queue = keys.into_iter().filter(|k| !under_way.contains(k)).collect();
        let pending = s.queue.iter().cloned().chain(under_way).collect();
        if s.queue.is_empty() {
            if s.busy.is_none() {
                s.source = None;
            }
            return pending;
        }
        if s.source.as_ref().is_none_or(|(o, _)| o != owner) {
            s.source = Some((owner.clone(), Arc::new(folder())));
        }
        self.link.1.notify_all();
        pending
    }

    /// The photos decoded since the last call.
    #[must_use]
    pub fn take_done(&self) -> Vec<Decoded> {
        std::mem::take(&mut self.lock().done)
    }

    /// Drops the queue and the data folder (with its key); what is being
    /// decoded is thrown away when it ends.
    pub fn forget(&self, generation: u64) {
        let mut s = self.lock();
        s.queue.clear();
        s.source = None;
        s.done.clear();
        s.generation = generation;
    }

    /// Whether a copy of the data folder (and of its key) is held.
    #[must_use]
    pub fn holds_data_folder(&self) -> bool {
        self.lock().source.is_some()
    }
}

/// A photo larger than the painter takes is shrunk to fit; `None` for
/// pixels that do not make an image.
pub(super) fn fit(pixels: Pixels, max_side: usize) -> Option<Pixels> {
    let max_side = u32::try_from(max_side).unwrap_or(u32::MAX).max(1);
    let expected = u64::from(pixels.width) * u64::from(pixels.height) * 4;
    if pixels.width == 0 || pixels.height == 0 || pixels.rgba.len() as u64 != expected {
        return None;
    }
    if pixels.width.max(pixels.height) <= max_side {
        return Some(pixels);
    }
    let image = image::RgbaImage::from_raw(pixels.width, pixels.height, pixels.rgba)?;
    // `thumbnail` takes the exact size: the aspect is kept here.
    let (long, short) = (pixels.width.max(pixels.height), pixels.width.min(pixels.height));
    let scaled = u32::try_from(u64::from(short) * u64::from(max_side) / u64::from(long))
        .unwrap_or(1)
        .max(1);
    let (width, height) = if pixels.width >= pixels.height {
        (max_side, scaled)
    } else {
        (scaled, max_side)
    };
    let small = image::imageops::thumbnail(&image, width, height);
    Some(Pixels {
        width: small.width(),
        height: small.height(),
        rgba: small.into_raw(),
    })
}

/// The thread: takes the next photo, decodes it, hands it back, asks for a
/// repaint; drops the data folder when there is nothing left to do.
fn work(link: &Link, ctx: &egui::Context) {
    let (lock, wake) = &**link;
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
                s.done.push(Decoded {
                    generation,
                    key,
                    pixels,
                });
            }
            if s.queue.is_empty() {
                s.source = None;
            }
        }
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_larger_than_the_painter_takes_are_shrunk_and_bad_ones_refused() {
        let big = Pixels {
            width: 400,
            height: 100,
            rgba: vec![7; 400 * 100 * 4],
        };
        let small = fit(big, 200).unwrap();
        assert_eq!((small.width, small.height), (200, 50), "the aspect is kept");
        let tall = Pixels {
            width: 90,
            height: 300,
            rgba: vec![7; 90 * 300 * 4],
        };
        let small = fit(tall, 200).unwrap();
        assert_eq!((small.width, small.height), (60, 200));
        assert_eq!(small.rgba.len(), 60 * 200 * 4);
        let short = Pixels {
            width: 10,
            height: 10,
            rgba: vec![0; 12],
        };
        assert!(fit(short, 200).is_none());
    }
}
