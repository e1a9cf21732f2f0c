//! The dossier list's index (`dossiers/.index`): used when a file has not
//! changed, never trusted over a file that has, rebuilt when damaged or
//! when the checklists change, encrypted like the dossiers.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use vigie::library::Library;
use vigie::model::checklist::Checklist;
use vigie::model::summary::DossierSummary;
use vigie::store::{AGE_MAGIC, INDEX_FILE, Store};

use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::sample_dossier;

/// Sets a file's time an hour back, as if it had been written long ago.
fn settle(path: &Path) -> SystemTime {
    let then = SystemTime::now() - Duration::from_hours(1);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
    then
}

/// Replaces the dossier's title by another of the same length, keeping
/// the file's length and time: a change the index cannot see.
fn retitle_unseen(path: &Path, from: &str, to: &str, time: SystemTime) {
    assert_eq!(from.len(), to.len(), "the same length");
    let text = fs::read_to_string(path).unwrap().replace(from, to);
    fs::write(path, text).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn titles(store: &Store, library: &Library) -> Vec<String> {
    store
        .list_with(&library.checklists)
        .unwrap()
        .into_iter()
        .map(|l| l.summary.unwrap().title)
        .collect()
}

#[test]
fn an_unchanged_file_is_not_read_again_and_a_changed_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let path = store.dossier_path(&id);
    let time = settle(&path);
    assert_eq!(titles(&store, &library), ["Domicile principal"]);
    let index = store.dossier_path(&id).with_file_name(INDEX_FILE);
    assert!(index.is_file(), "the index is written");

    // Same length, same time: the summary comes from the index.
    retitle_unseen(&path, "Domicile principal", "Domicile secondair", time);
    assert_eq!(titles(&store, &library), ["Domicile principal"]);

    // The time moved: the file is read again.
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(time + Duration::from_secs(1))
        .unwrap();
    assert_eq!(titles(&store, &library), ["Domicile secondair"]);
}

#[test]
fn a_file_changed_moments_ago_is_always_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let path = store.dossier_path(&id);
    // Written just now: a coarse clock could give its next change the
    // same time, so the index does not keep it.
    assert_eq!(titles(&store, &library), ["Domicile principal"]);
    let time = fs::metadata(&path).unwrap().modified().unwrap();
    retitle_unseen(&path, "Domicile principal", "Domicile secondair", time);
    assert_eq!(titles(&store, &library), ["Domicile secondair"]);
}

#[test]
fn a_damaged_index_is_rebuilt_and_the_list_stays_right() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    settle(&store.dossier_path(&id));
    let index = store.dossier_path(&id).with_file_name(INDEX_FILE);
    fs::write(&index, b"{ not an index").unwrap();
    assert_eq!(titles(&store, &library), ["Domicile principal"]);
    let rebuilt = fs::read_to_string(&index).unwrap();
    assert!(rebuilt.contains("Domicile principal"), "{rebuilt}");
    // A dossier deleted since is not listed from the index.
    store.trash(&id, chrono::Utc::now()).unwrap();
    assert!(titles(&store, &library).is_empty());
}

fn first_summary(store: &Store, checklists: &[Checklist]) -> DossierSummary {
    store.list_with(checklists).unwrap().remove(0).summary.unwrap()
}

#[test]
fn other_checklists_recount_the_progress() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    settle(&store.dossier_path(&id));
    let full = first_summary(&store, &library.checklists);
    assert!(full.total > 0, "the built-in checklists apply");
    let none = first_summary(&store, &[]);
    assert_eq!(none.total, 0, "counted again without checklists");
    let again = first_summary(&store, &library.checklists);
    assert_eq!(again.total, full.total);
}

#[test]
fn the_index_is_private_and_encrypted_like_the_dossiers() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let mut store = fast_store(dir.path());
    let id = store.create(&sample_dossier()).unwrap();
    settle(&store.dossier_path(&id));
    titles(&store, &library);
    let index = store.dossier_path(&id).with_file_name(INDEX_FILE);
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&index), 0o600);
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let bytes = fs::read(&index).unwrap();
    assert!(bytes.starts_with(AGE_MAGIC), "encrypted with the rest");
    assert_eq!(titles(&store, &library), ["Domicile principal"]);
    let bytes = fs::read(&index).unwrap();
    assert!(bytes.starts_with(AGE_MAGIC), "still encrypted once rewritten");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("Domicile"),
        "no title in clear"
    );
}

/// The window reads the list on a thread while it draws its first frame:
/// that frame says the list is being read (not the first launch, not an
/// empty list), and the list comes in a moment later.
#[test]
fn the_first_frame_comes_before_the_list_and_says_it_is_being_read() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    // Enough dossiers, none in the index yet, for the list to take a
    // while: one written by the store, copied.
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let dossiers = dir.path().join("dossiers");
    for n in 1..2000 {
        fs::copy(
            dossiers.join(format!("{id}.ron")),
            dossiers.join(format!("copie-{n:04}.ron")),
        )
        .unwrap();
    }
    let mut state = vigie::app::AppState::open(dir.path().to_owned(), Some(vigie::i18n::Lang::Fr)).unwrap();
    assert!(state.dossiers.is_empty(), "no list before the first frame");
    state.tasks.background = true;
    state.start_listing();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1100.0, 760.0])
        .with_context_setup(vigie::app::theme::setup_context)
        .build_ui_state(vigie::app::frame, state);
    h.step();
    assert!(
        h.state().list_loading,
        "the first frame did not wait for the list"
    );
    assert!(h.query_by_label("Lecture des dossiers…").is_some());
    assert!(
        h.query_by_label_contains("Bienvenue").is_none(),
        "not taken for a first launch"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while h.state().list_loading {
        assert!(std::time::Instant::now() < deadline, "the list never came");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    assert_eq!(h.state().dossiers.len(), 2000);
    assert!(h.query_by_label("Lecture des dossiers…").is_none());
    assert!(
        h.query_by_label_contains("Tous (2000)").is_some(),
        "the caseload, counted"
    );
}
