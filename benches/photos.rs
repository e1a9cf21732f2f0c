//! Benchmarks of photos (criterion): a frame of the item list with 200
//! photos against the same list without, importing one phone-sized photo,
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
use vigie::app::{AppState, Command};
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

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 760.0),
        )),
        ..Default::default()
    }
}

/// One whole frame as eframe runs it (`logic`, then the UI), then
/// tessellation; no painter, so the textures' uploads are dropped.
fn frame(ctx: &egui::Context, state: &mut AppState) -> usize {
    let mut output = ctx.run_ui(input(), |ui| vigie::app::frame(ui, state));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// A dossier open on the first section of its item list, with `count`
/// photos spread over that section's items (so that every one is on a
/// card of the list shown), their thumbnails already decoded.
fn list_with_photos(root: &Path, library: &Library, count: usize) -> (AppState, egui::Context) {
    let checklist = library
        .checklists
        .iter()
        .find(|c| c.id.as_str() == "home-consultation")
        .unwrap();
    let mut dossier = Dossier::new(
        "Liste",
        Journey::Personal,
        vec![checklist.id.clone()],
        None,
        Utc::now(),
    );
    let mut store = Store::open(root).unwrap();
    let id = store.create(&dossier).unwrap();
    let owner = PhotoOwner::Dossier(id.clone());
    let items: Vec<ItemId> = checklist.sections[0].items.iter().map(|i| i.id.clone()).collect();
    let prepared = prepare_bytes(&phone_photo(1600, 1200, 3), Path::new("phone.jpg")).unwrap();
    for n in 0..count {
        let photo = prepared.photo_ref(&format!("Photo {n}"), Utc::now());
        store
            .data_folder()
            .write_photo(&owner, &photo.id, &prepared)
            .unwrap();
        dossier.add_photo(&items[n % items.len()], photo, Utc::now());
    }
    store.save(&id, &dossier).unwrap();
    let mut state = AppState::new(root.to_path_buf(), Some(Lang::Fr)).unwrap();
    state.handle(Command::Open(id));
    let AppState {
        views,
        session,
        library,
        lang,
        ..
    } = &mut state;
    views
        .walk
        .select_section(0, &session.as_ref().unwrap().dossier, library, *lang);
    let ctx = egui::Context::default();
    vigie::app::theme::setup_context(&ctx);
    // Tasks run in line here: the thumbnails in view are decoded during
    // these first frames, so that the frames measured are the steady ones.
    for _ in 0..5 {
        frame(&ctx, &mut state);
    }
    (state, ctx)
}

fn list_frames(c: &mut Criterion) {
    let library = Library::load(None);
    let mut group = c.benchmark_group("item_list_frame");
    let none = tempfile::tempdir().unwrap();
    let (mut state, ctx) = list_with_photos(none.path(), &library, 0);
    group.bench_function("no photos", |b| b.iter(|| black_box(frame(&ctx, &mut state))));
    let many = tempfile::tempdir().unwrap();
    let (mut state, ctx) = list_with_photos(many.path(), &library, 200);
    assert!(
        state.photos.cache.texture_count() > 0,
        "the thumbnails in view are drawn from textures"
    );
    group.bench_function("200 photos", |b| b.iter(|| black_box(frame(&ctx, &mut state))));
    group.finish();
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
    targets = list_frames, photos
}
criterion_main!(benches);
