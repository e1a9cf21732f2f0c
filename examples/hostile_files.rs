//! Makes the files `benches/hostile.sh` times: costly `.vigie` files that
//! Vigie must refuse at once, and a large data folder to back up and
//! restore. Not shipped; see BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example hostile_files -- files DIR
//! cargo run --release --example hostile_files -- folder DIR DOSSIERS PHOTOS
//! ```

#![expect(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "a benchmark's fixture maker"
)]

use std::fs;
use std::io::Write as _;
use std::path::Path;

use age::secrecy::SecretString;

/// The passphrase of every file made here (the script types it).
const PASSPHRASE: &str = "marmotte orageuse devant le phare 42";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["files", dir] => files(Path::new(dir)),
        ["folder", dir, dossiers, photos] => {
            folder(Path::new(dir), dossiers.parse().unwrap(), photos.parse().unwrap());
        }
        _ => {
            println!("usage: hostile_files files DIR | folder DIR DOSSIERS PHOTOS");
            std::process::exit(2);
        }
    }
}

/// An age header written by hand, with `stanzas`, then a little body.
fn header_file(path: &Path, stanzas: usize, log_n: u8) {
    let mut bytes = b"age-encryption.org/v1\n".to_vec();
    for _ in 0..stanzas {
        bytes.extend_from_slice(
            format!(
                "-> scrypt AAAAAAAAAAAAAAAAAAAAAA {log_n}\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
            )
            .as_bytes(),
        );
    }
    bytes.extend_from_slice(b"--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
    bytes.extend_from_slice(&[0_u8; 1024]);
    fs::write(path, bytes).unwrap();
}

/// A real handover file (right passphrase, right checksums) holding one
/// dossier and a photo whose header announces 65,000 × 65,000 pixels,
/// its passphrase derived with scrypt `2^log_n`.
fn bomb(path: &Path, log_n: u8) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie::store::Store::open(dir.path()).unwrap();
    let dossier = vigie::model::Dossier::new(
        "Bomb",
        vigie::model::Journey::Personal,
        vec!["home-consultation".into()],
        None,
        chrono::Utc::now(),
    );
    let id = store.create(&dossier).unwrap();
    let dossier_ron = fs::read(store.dossier_path(&id)).unwrap();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&image::RgbImage::new(16, 16))
        .unwrap();
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFD, 0xE8, 0xFD, 0xE8]);
    let entries: Vec<(String, Vec<u8>)> = vec![
        ("dossier.ron".into(), dossier_ron),
        ("photos/bomb.jpg".into(), jpeg.clone()),
        ("photos/bomb.thumb.jpg".into(), jpeg),
    ];
    let manifest = serde_json::json!({
        "format": "vigie-archive", "version": 1, "kind": "handover", "app_version": "0.1.0",
        "created": "2026-12-01T10:00:00Z",
        "entries": entries.iter().map(|(name, bytes)| serde_json::json!({
            "path": name, "size": bytes.len(), "sha256": sha256(bytes)
        })).collect::<Vec<_>>(),
    });
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(PASSPHRASE.to_owned()));
    recipient.set_work_factor(log_n);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut out = Vec::new();
    let writer = encryptor.wrap_output(&mut out).unwrap();
    let mut tar = tar::Builder::new(writer);
    let manifest = serde_json::to_vec(&manifest).unwrap();
    for (name, bytes) in std::iter::once(("manifest.json".to_owned(), manifest)).chain(entries) {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        tar.append_data(&mut header, name, bytes.as_slice()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    fs::File::create(path).unwrap().write_all(&out).unwrap();
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

fn files(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    header_file(&dir.join("work-2-23.vigie"), 1, 23);
    header_file(&dir.join("stanzas-80000.vigie"), 80_000, 10);
    // As Vigie writes it (the passphrase's derivation is what opening any
    // file costs), and with a cheap derivation (the photo's own cost).
    bomb(
        &dir.join("photo-65000.vigie"),
        vigie::store::age_header::SCRYPT_LOG_N,
    );
    bomb(&dir.join("photo-65000-cheap-kdf.vigie"), 10);
    println!("{}", dir.display());
}

/// A data folder of `dossiers` dossiers and `photos` photos (spread over
/// the dossiers), each photo a real small JPEG with its thumbnail.
fn folder(dir: &Path, dossiers: usize, photos: usize) {
    let mut store = vigie::store::Store::open(dir).unwrap();
    let mut dossier = vigie::model::Dossier::new(
        "Synthetic",
        vigie::model::Journey::Personal,
        vec!["home-consultation".into()],
        None,
        chrono::Utc::now(),
    );
    let first = store.create(&dossier).unwrap();
    let text = fs::read(store.dossier_path(&first)).unwrap();
    let mut jpeg = Vec::new();
    let picture = image::RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([u8::try_from(x % 251).unwrap(), u8::try_from(y % 241).unwrap(), 90])
    });
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&picture)
        .unwrap();
    let mut thumb = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut thumb, 85)
        .encode_image(&image::imageops::thumbnail(&picture, 320, 240))
        .unwrap();
    for n in 1..dossiers {
        fs::write(dir.join("dossiers").join(format!("syn-{n:06}.ron")), &text).unwrap();
    }
    let per = photos.div_ceil(dossiers.max(1));
    for p in 0..photos {
        let owner = dir
            .join("dossiers")
            .join(format!("syn-{:06}.photos", p / per.max(1) + 1));
        fs::create_dir_all(&owner).unwrap();
        fs::write(owner.join(format!("p{p:06}.jpg")), &jpeg).unwrap();
        fs::write(owner.join(format!("p{p:06}.thumb.jpg")), &thumb).unwrap();
    }
    dossier.title.clear();
    println!("{} dossiers, {} photos of {} bytes", dossiers, photos, jpeg.len());
}
