//! Bad input: the checklist and dossier loaders never panic, whatever the
//! file holds (property tests on real files cut short, with bytes flipped
//! or inserted, and on random RON-like text), and a damaged encrypted file
//! is an error, not a crash.

use std::path::Path;

use proptest::prelude::*;
use vigie::model::checklist::Origin;
use vigie::model::validate::{IdRegistry, parse_checklist};
use vigie::store::{AGE_MAGIC, parse_dossier_bytes};

use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::sample_dossier;

const CHECKLIST: &str = include_str!("../checklists/01-home-consultation.ron");

/// A few edits of a real file: cut it, flip bytes, insert bytes.
#[derive(Clone, Debug)]
enum Edit {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 1..=255_u8).prop_map(|(at, mask)| Edit::Flip(at, mask)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
    ];
    proptest::collection::vec(edit, 1..6)
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Truncate(at) => bytes.truncate(at % len),
            Edit::Flip(at, mask) => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] ^= mask;
                }
            }
            Edit::Insert(at, new) => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, new.iter().copied());
            }
        }
    }
    bytes
}

fn load_checklist(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = parse_checklist(
        &text,
        "fuzz.ron",
        Origin::User("fuzz.ron".into()),
        &mut IdRegistry::new(),
    );
}

fn dossier_text() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie::store::Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    std::fs::read(store.dossier_path(&id)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_checklist_never_panics(edits in edits()) {
        load_checklist(&mutate(CHECKLIST.as_bytes().to_vec(), &edits));
    }

    #[test]
    fn a_damaged_dossier_never_panics(edits in edits()) {
        let bytes = mutate(dossier_text(), &edits);
        let _ = parse_dossier_bytes(&bytes, Path::new("fuzz.ron"));
    }

    #[test]
    fn random_ron_never_panics(text in "[(){}\\[\\]:,\"'a-z0-9_ .#\\-\n]{0,300}") {
        load_checklist(text.as_bytes());
        let _ = parse_dossier_bytes(text.as_bytes(), Path::new("fuzz.ron"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_encrypted_dossier_is_an_error_not_a_panic(edits in edits(), junk in proptest::collection::vec(any::<u8>(), 0..200)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = fast_store(dir.path());
        store.enable_encryption(&secret(PASSPHRASE)).unwrap();
        let id = store.create(&sample_dossier()).unwrap();
        let path = store.dossier_path(&id);
        let good = std::fs::read(&path).unwrap();
        // The real file, damaged past its header line…
        let mut bad = mutate(good[AGE_MAGIC.len()..].to_vec(), &edits);
        bad.splice(0..0, AGE_MAGIC.iter().copied());
        if bad != good {
            std::fs::write(&path, &bad).unwrap();
            prop_assert!(store.read_dossier_file(&path).is_err());
        }
        // …and junk after a valid header.
        let mut junk_file = AGE_MAGIC.to_vec();
        junk_file.extend(junk);
        std::fs::write(&path, &junk_file).unwrap();
        prop_assert!(store.read_dossier_file(&path).is_err());
    }
}
