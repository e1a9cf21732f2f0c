//! Benchmarks of the log of events as evidence (criterion): checking the
//! chain and the photos' files of a log of 1,000 entries with 500 photos
//! (what `vigie journal verify` does once the folder is open), and writing
//! its evidence bundle (chronology PDF with the 500 photos, the photos,
//! `SHA256SUMS`, the zip). Run with `cargo bench --bench journal`; the
//! figures are in BENCHMARKS.md.

#![expect(
    clippy::unwrap_used,
    reason = "a benchmark whose setup fails must stop at once"
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{Local, NaiveDate, TimeZone as _, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use vigie::cli::journal::check_photos;
use vigie::lang::Lang;
use vigie::model::journal::chain::sha256_hex;
use vigie::model::journal::{Contact, ContactKind, Entry, EventKind, Journal, Vehicle};
use vigie::model::{PhotoId, PhotoRef};
use vigie::report::chronology::bundle::build_bundle;
use vigie::store::{PhotoOwner, PhotoSize, Store};

/// A noisy 2,000 × 1,500 JPEG, the size of a photo once imported.
fn stored_photo() -> Vec<u8> {
    let image = image::RgbImage::from_fn(2000, 1500, |x, y| {
        let n = (x.wrapping_mul(31) ^ y.wrapping_mul(17)).wrapping_mul(2_654_435_761) >> 24;
        let byte = |v: u32| u8::try_from(v % 256).unwrap();
        image::Rgb([byte(x / 8), byte(y / 8), byte(n)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .unwrap();
    out
}

/// A log of 1,000 entries, every other one with a photo (500), 100 of them
/// amended once, sealed with the photos' files, saved in `root`.
fn log_with_photos(root: &Path) -> Store {
    let store = Store::open(root).unwrap();
    let folder = store.data_folder();
    let jpeg = stored_photo();
    let mut journal = Journal::new();
    let start = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let mut hash = |p: &PhotoRef| {
        folder
            .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
            .ok()
            .map(|b| sha256_hex(&b))
    };
    for n in 0..1000_u32 {
        let when = start + chrono::Duration::hours(i64::from(n) * 17);
        let mut entry = Entry::draft(EventKind::ALL[n as usize % 9], when, Utc::now());
        entry.place = format!("Rue des Lilas, devant le n° {}", n % 40);
        entry.what = format!(
            "Événement {n} : une voiture grise est passée trois fois devant la maison, \
             puis s'est arrêtée une dizaine de minutes moteur allumé ; deux hommes à bord."
        );
        entry.vehicles.push(Vehicle {
            make: "Peugeot 308".into(),
            colour: "grise".into(),
            plate: format!("AB-{:03}-CD", n % 50),
        });
        entry.contacts.push(Contact {
            kind: ContactKind::Phone,
            value: format!("06 12 34 {:02} {:02}", n % 100, n % 7),
        });
        if n % 2 == 0 {
            let id = PhotoId(format!("photo{n:04}"));
            folder
                .write_photo_bytes(&PhotoOwner::Journal, &id, PhotoSize::Full, &jpeg)
                .unwrap();
            entry.photos.push(PhotoRef {
                id,
                caption: format!("Photo de l'événement {n}"),
                width: 2000,
                height: 1500,
                added: Utc::now(),
            });
        }
        let id = journal.add_with(entry, Utc::now(), &mut hash);
        if n % 10 == 0 {
            let mut amended = journal.get(&id).unwrap().clone();
            amended.witnesses = "La voisine du 12".into();
            journal.amend_with(&id, &amended, Utc::now(), &mut hash).unwrap();
        }
    }
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, &journal).unwrap();
    store
}

fn journal(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = log_with_photos(dir.path());
    let folder = store.data_folder();
    let mut group = c.benchmark_group("journal");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    // What `vigie journal verify` does: read the file, check the chain,
    // read and hash each sealed photo once.
    group.bench_function("verify_1000_entries_500_photos", |b| {
        b.iter(|| {
            let (journal, _) = store.load_household::<Journal>().unwrap();
            let mut check = journal.verify();
            check.problems.extend(check_photos(&journal, &folder));
            assert!(check.is_intact(), "{:?}", check.problems);
            black_box(check)
        });
    });
    // The same without the photos: what the window does when the log is
    // read (the file, then the chain).
    group.bench_function("verify_chain_only_1000_entries", |b| {
        b.iter(|| {
            let (journal, _) = store.load_household::<Journal>().unwrap();
            let check = journal.verify();
            assert!(check.is_intact(), "{:?}", check.problems);
            black_box(check)
        });
    });
    // Reading and hashing the 500 photo files alone.
    group.bench_function("hash_500_photo_files", |b| {
        let (journal, _) = store.load_household::<Journal>().unwrap();
        b.iter(|| {
            let photos = journal.entries.iter().flat_map(|e| e.photos.iter());
            let hashes: Vec<String> = photos
                .map(|p| {
                    let bytes = folder
                        .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
                        .unwrap();
                    sha256_hex(&bytes)
                })
                .collect();
            black_box(hashes)
        });
    });
    let (journal, _) = store.load_household::<Journal>().unwrap();
    let now = Local.with_ymd_and_hms(2026, 12, 8, 10, 0, 0).unwrap();
    // The bundle as `vigie journal export --bundle` builds it (the file's
    // write left out: one crash-safe write of the zip).
    group.bench_function("bundle_1000_entries_500_photos", |b| {
        b.iter(|| {
            let bundle = build_bundle(&journal, Lang::Fr, now, &mut |p| {
                folder.photo_for_report(&PhotoOwner::Journal, p)
            })
            .unwrap();
            assert_eq!(bundle.photos, 500, "every photo in the bundle");
            black_box(bundle.zip.len())
        });
    });
    group.finish();
}

criterion_group!(benches, journal);
criterion_main!(benches);
