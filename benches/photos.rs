//! Benchmarks of photos (criterion): importing one phone-sized photo,
//! exporting a full report with 50 photos (PDF and HTML), and writing and
//! reading a handover of a dossier with 50 photos. Run with
//! `cargo bench --bench photos`; the figures are in BENCHMARKS.md.

#![expect(
    clippy::unwrap_used,
    reason = "a benchmark whose setup fails must stop at once"
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use age::secrecy::SecretString;
use chrono::{Local, TimeZone as _, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use vigie::archive::{Limits, open_handover};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::Dossier;
use vigie::model::checklist::{ItemId, Journey};
use vigie::photo::prepare_bytes;
use vigie::report::{self, Format, Profile};
use vigie::store::{PhotoOwner, PhotoSize, Store};

/// A noisy picture of `width × height` as JPEG, like a phone's.
fn phone_photo(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        let n = (x.wrapping_mul(31) ^ y.wrapping_mul(17) ^ seed).wrapping_mul(2_654_435_761) >> 24;
        let byte = |v: u32| u8::try_from(v % 256).unwrap();
        image::Rgb([byte(x / 8), byte(y / 8), byte(n)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .unwrap();
    out
}

/// A référent's visit with 50 photos (2000 × 1500 once imported) over
/// the first 25 items, saved in `root`.
fn visit_with_photos(root: &Path, library: &Library) -> (Store, vigie::model::DossierId, Dossier) {
    let mut store = Store::open(root).unwrap();
    store.set_kdf_work_factor(18);
    let checklist = library
        .checklists
        .iter()
        .find(|c| c.id.as_str() == "home-consultation")
        .unwrap();
    let mut dossier = Dossier::new(
        "Visite",
        Journey::Referent,
        vec![checklist.id.clone()],
        None,
        Utc::now(),
    );
    let id = store.create(&dossier).unwrap();
    let owner = PhotoOwner::Dossier(id.clone());
    let items: Vec<ItemId> = checklist.items().map(|i| i.id.clone()).take(25).collect();
    let source = phone_photo(4000, 3000, 7);
    let prepared = prepare_bytes(&source, Path::new("phone.jpg")).unwrap();
    for n in 0..50 {
        let photo = prepared.photo_ref(&format!("Photo {n}"), Utc::now());
        store
            .data_folder()
            .write_photo(&owner, &photo.id, &prepared)
            .unwrap();
        dossier.add_photo(&items[n % items.len()], photo, Utc::now());
    }
    store.save(&id, &dossier).unwrap();
    (store, id, dossier)
}

fn photos(c: &mut Criterion) {
    let library = Library::load(None);
    let source = phone_photo(4000, 3000, 1);
    c.bench_function("import one 12-megapixel photo", |b| {
        b.iter(|| black_box(prepare_bytes(&source, Path::new("phone.jpg")).unwrap()));
    });

    let dir = tempfile::tempdir().unwrap();
    let (store, id, dossier) = visit_with_photos(dir.path(), &library);
    let folder = store.data_folder();
    let owner = PhotoOwner::Dossier(id.clone());
    let now = Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
    let full_report = || {
        let mut r = report::build(&dossier, &library, Profile::Full, Lang::Fr, now);
        report::attach_photos(&mut r, &dossier, &library, Lang::Fr, &mut |p| {
            folder
                .read_photo(&owner, &p.id, PhotoSize::Full)
                .ok()
                .map(|b| b.to_vec())
        });
        r
    };
    c.bench_function("export PDF with 50 photos", |b| {
        b.iter(|| black_box(report::render(&full_report(), Format::Pdf).unwrap()));
    });
    c.bench_function("export HTML with 50 photos", |b| {
        b.iter(|| black_box(report::render(&full_report(), Format::Html).unwrap()));
    });

    let passphrase = SecretString::from("marmotte orageuse devant le phare 42".to_owned());
    let file = dir.path().join("visit.vigie");
    c.bench_function("write a handover with 50 photos (scrypt 2^18)", |b| {
        b.iter(|| {
            black_box(
                folder
                    .write_handover(&id, &dossier, &file, &passphrase, Utc::now())
                    .unwrap(),
            )
        });
    });
    c.bench_function("open a handover with 50 photos (scrypt 2^18)", |b| {
        b.iter(|| black_box(open_handover(&file, &passphrase, &Limits::default()).unwrap()));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(20));
    targets = photos
}
criterion_main!(benches);
