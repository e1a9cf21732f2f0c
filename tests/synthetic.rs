//! Synthetic data for the tests and the benchmarks (`benches/perf.rs`
//! includes this file): a long user checklist, dossiers answered on it, a
//! data folder with many dossiers.

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone as _, Utc};
use vigie::library::Library;
use vigie::model::checklist::{Checklist, Journey};
use vigie::model::{Dossier, DossierId, Status};
use vigie::store::Store;

/// The id of the synthetic checklist.
pub const SYNTHETIC: &str = "synthetic-bench";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
}

/// A user checklist with `count` items in one section (the worst case for
/// the item list), in the checklist file format.
pub fn synthetic_checklist(count: usize) -> String {
    let mut ron = format!(
        "(id: \"{SYNTHETIC}\", version: 1,
          title: (fr: \"Liste de charge\", en: \"Load list\"),
          summary: (fr: \"Pour les mesures.\", en: \"For the benchmarks.\"),
          journeys: [Personal, Referent, Family],
          sections: [(id: \"bench\", title: (fr: \"Tout\", en: \"Everything\"), items: ["
    );
    for n in 0..count {
        let priority = ["Critical", "High", "Medium", "Low"][n % 4];
        write!(
            ron,
            "(id: \"bench.item-{n}\",
              title: (fr: \"Point de contrôle numéro {n}\", en: \"Check number {n}\"),
              guidance: (fr: \"Vérifiez ce point une fois par mois et notez ce que vous avez vu.\",
                         en: \"Check this once a month and note what you saw.\"),
              priority: {priority},
              sources: [\"https://www.service-public.fr/\"]),"
        )
        .unwrap();
    }
    ron.push_str("])])");
    ron
}

/// A data folder holding the synthetic checklist of `items` items.
pub fn data_folder(items: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    std::fs::write(
        store.checklists_dir().join("synthetic.ron"),
        synthetic_checklist(items),
    )
    .unwrap();
    dir
}

/// A dossier on `checklists`, every `step`-th item answered with a note.
pub fn answered(library: &Library, checklists: &[&str], answers: usize) -> Dossier {
    let mut d = Dossier::new(
        "Maison de Lyon — été",
        Journey::Personal,
        checklists.iter().map(|&c| c.into()).collect(),
        None,
        t0(),
    );
    let items = library
        .checklists
        .iter()
        .filter(|c| checklists.contains(&c.id.as_str()))
        .flat_map(Checklist::items);
    for (n, item) in items.take(answers).enumerate() {
        d.set_status(&item.id, Status::CHOICES[n % 5], t0());
        d.set_note(
            &item.id,
            &format!("Note n° {n} : vérifier « à nouveau » l’accès côté jardin."),
            t0(),
        );
    }
    d
}

/// A data folder with `count` copies of a small dossier, titled
/// "Dossier 00000" to "Dossier {count - 1}" (listed in that order: same
/// date, ids in that order).
pub fn many_dossiers(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let library = Library::load(None);
    let mut dossier = answered(&library, &["home-consultation"], 10);
    "Dossier 00000".clone_into(&mut dossier.title);
    let first = store.create(&dossier).unwrap();
    let text = std::fs::read_to_string(store.dossier_path(&first)).unwrap();
    for n in 1..count {
        let id = DossierId(format!("{}-{n:05}", first.0));
        let copy = text.replace("\"Dossier 00000\"", &format!("\"Dossier {n:05}\""));
        std::fs::write(store.dossier_path(&id), copy).unwrap();
    }
    dir
}
