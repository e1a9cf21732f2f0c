//! Vigie's benchmarks (criterion): start-up state, one walkthrough frame
//! (headless: `run_ui` plus tessellation), a save, the dossier list and the
//! exports. Run with `cargo bench --bench perf`; the figures and the budgets
//! are in BENCHMARKS.md. The window's start-up and memory are measured by
//! `benches/startup.sh`.

#![expect(
    clippy::unwrap_used,
    reason = "a benchmark whose setup fails must stop at once"
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{Local, TimeZone as _};
use criterion::{Criterion, criterion_group, criterion_main};
use vigie::app::{AppState, Command, Page, app_ui, theme};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::Dossier;
use vigie::report::{self, Format, Profile};
use vigie::store::Store;

#[path = "../tests/synthetic.rs"]
mod synthetic;
use synthetic::{SYNTHETIC, answered, data_folder, many_dossiers};

/// The largest built-in checklist's id.
fn largest_builtin(library: &Library) -> String {
    library
        .checklists
        .iter()
        .filter(|c| c.id.as_str() != SYNTHETIC)
        .max_by_key(|c| c.items().count())
        .unwrap()
        .id
        .as_str()
        .to_owned()
}

/// The largest dossier: every built-in checklist, every item answered,
/// a note on every third.
fn largest_dossier(library: &Library) -> Dossier {
    let ids: Vec<&str> = library
        .checklists
        .iter()
        .map(|c| c.id.as_str())
        .filter(|&id| id != SYNTHETIC)
        .collect();
    answered(library, &ids, usize::MAX)
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

/// One frame: the UI, then tessellation, as eframe does before painting.
fn frame(ctx: &egui::Context, state: &mut AppState) -> usize {
    let mut output = ctx.run_ui(input(), |ui| app_ui(ui, state));
    // No painter here: the font atlas is dropped on purpose.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    theme::setup_context(&ctx);
    ctx
}

/// An app with `dossier` open on its item list.
fn open(root: &Path, dossier: &Dossier) -> AppState {
    let mut store = Store::open(root).unwrap();
    let id = store.create(dossier).unwrap();
    let mut state = AppState::new(root.to_path_buf(), Some(Lang::Fr)).unwrap();
    state.handle(Command::Open(id));
    assert!(state.session().is_some(), "the dossier opens");
    state
}

fn bench_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("walkthrough_frame");
    let dir = data_folder(5_000);
    let library = Library::load(Some(&dir.path().join("checklists")));
    assert!(library.errors.is_empty(), "{:?}", library.errors);

    let largest = largest_builtin(&library);
    let mut state = open(dir.path(), &answered(&library, &[largest.as_str()], 20));
    let ctx = context();
    for _ in 0..3 {
        frame(&ctx, &mut state);
    }
    group.bench_function(format!("largest built-in ({largest})"), |b| {
        b.iter(|| frame(&ctx, &mut state));
    });

    let mut state = open(dir.path(), &answered(&library, &[SYNTHETIC], 500));
    let ctx = context();
    for _ in 0..3 {
        frame(&ctx, &mut state);
    }
    group.bench_function("synthetic 5000 items", |b| b.iter(|| frame(&ctx, &mut state)));

    // The action plan: the items to do or partly done (200 of the 500
    // answered here).
    state.handle(Command::Navigate(vigie::app::Navigation::Page(Page::Plan)));
    for _ in 0..3 {
        frame(&ctx, &mut state);
    }
    group.bench_function("action plan, synthetic 5000 items", |b| {
        b.iter(|| frame(&ctx, &mut state));
    });
    group.finish();
}

fn bench_save(c: &mut Criterion) {
    let dir = data_folder(500);
    let library = Library::load(Some(&dir.path().join("checklists")));
    let dossier = answered(&library, &[SYNTHETIC], 500);
    assert_eq!(dossier.answers.len(), 500, "500 answers");
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&dossier).unwrap();
    let mut group = c.benchmark_group("save_500_answers");
    group.bench_function("whole save (disk included)", |b| {
        b.iter(|| store.save(&id, black_box(&dossier)).unwrap());
    });
    // What an autosave costs the frame: the rest runs on the save thread.
    group.bench_function("UI thread part (save_job)", |b| {
        b.iter(|| store.save_job(&id, black_box(&dossier)).unwrap());
    });
    group.finish();
}

fn bench_list(c: &mut Criterion) {
    let mut group = c.benchmark_group("dossier_list");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let dir = many_dossiers(10_000);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.list().unwrap().len(), 10_000, "10,000 dossiers");
    group.bench_function("Store::list, 10000 dossiers", |b| {
        b.iter(|| store.list().unwrap().len());
    });
    // The home screen's list: the index answers for every unchanged file.
    let library = Library::load(None);
    let index = dir.path().join("dossiers").join(vigie::store::INDEX_FILE);
    group.bench_function("Store::list_with, 10000 dossiers, no index", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&index);
            store.list_with(&library.checklists).unwrap().len()
        });
    });
    store.list_with(&library.checklists).unwrap();
    group.bench_function("Store::list_with, 10000 dossiers, index up to date", |b| {
        b.iter(|| store.list_with(&library.checklists).unwrap().len());
    });
    group.bench_function("start with 10000 dossiers and draw the list", |b| {
        b.iter(|| {
            let mut state = AppState::new(dir.path().to_path_buf(), Some(Lang::Fr)).unwrap();
            let ctx = context();
            frame(&ctx, &mut state)
        });
    });
    let mut state = AppState::new(dir.path().to_path_buf(), Some(Lang::Fr)).unwrap();
    let ctx = context();
    frame(&ctx, &mut state);
    group.bench_function("home frame, 10000 dossiers", |b| {
        b.iter(|| frame(&ctx, &mut state));
    });
    group.finish();

    let dir = many_dossiers(1_000);
    c.bench_function("start with 1000 dossiers (state and first frame)", |b| {
        b.iter(|| {
            let mut state = AppState::new(dir.path().to_path_buf(), Some(Lang::Fr)).unwrap();
            let ctx = context();
            frame(&ctx, &mut state)
        });
    });
}

fn bench_export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export_largest_dossier");
    group.sample_size(20);
    let library = Library::load(None);
    let dossier = largest_dossier(&library);
    let now = Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
    for format in [Format::Pdf, Format::Html] {
        group.bench_function(format!("{format:?}"), |b| {
            b.iter(|| {
                let report = report::build(&dossier, &library, Profile::Full, Lang::Fr, now);
                report::render(&report, format).unwrap().len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_frames, bench_save, bench_list, bench_export);
criterion_main!(benches);
