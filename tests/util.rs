//! Fixtures shared by the integration tests.

use std::path::Path;

use chrono::{DateTime, Utc};
use egui_kittest::kittest::Queryable as _;
use vigie::model::checklist::{ItemId, Journey};
use vigie::model::{Dossier, Status};

/// A fixed date, so that files are reproducible.
pub fn date(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A dossier on the home consultation with two answers.
pub fn sample_dossier() -> Dossier {
    let t0 = date("2026-11-01T09:00:00Z");
    let mut d = Dossier::new(
        "Domicile principal",
        Journey::Personal,
        vec!["home-consultation".into()],
        None,
        t0,
    );
    // A fixed identity, so that two samples compare equal.
    d.uid = Some("0123456789abcdef0123456789abcdef".into());
    d.set_status(&ItemId::from("entrances.locked-at-home"), Status::Done, t0);
    d.set_status(&ItemId::from("alarm.lighting"), Status::Partly, t0);
    d.set_note(
        &ItemId::from("alarm.lighting"),
        "Côté jardin « à revoir » & <b>",
        t0,
    );
    d
}

/// The Unix permission bits of a path.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The whole window in a test harness, on the data folder `root`, saving at
/// once after each change.
pub fn harness(root: &Path, lang: vigie::i18n::Lang) -> egui_kittest::Harness<'static, vigie::app::AppState> {
    let mut state = vigie::app::AppState::new(root.to_owned(), Some(lang)).unwrap();
    state.autosave_delay = std::time::Duration::ZERO;
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1100.0, 760.0])
        .with_context_setup(vigie::app::theme::setup_context)
        .build_ui_state(vigie::app::frame, state);
    harness.run();
    harness
}

/// Types `text` into the field labelled `label`, as a user would.
pub fn type_into(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the widget labelled `label`.
pub fn click(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, label: &str) {
    // Scrolled into view first, as a person would before clicking.
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Shows section `index` of the open dossier's item list, as clicking it
/// in the side panel does.
pub fn select_section(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, index: usize) {
    let vigie::app::AppState {
        views,
        session,
        library,
        lang,
        ..
    } = h.state_mut();
    let dossier = &session.as_ref().expect("a dossier is open").dossier;
    views.walk.select_section(index, dossier, library, *lang);
}

/// A small test picture as JPEG (`width × height`, noisy so that it does
/// not compress to nothing), red in its top-left 8 × 8 corner, with an
/// EXIF segment that holds `orientation`, a camera make and a GPS position
/// (48° 51′ 24″ N), as a phone writes it.
pub fn jpeg_with_gps(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        if x < 8 && y < 8 {
            image::Rgb([255, 0, 0])
        } else {
            let n = (x * 31 + y * 17) % 97;
            image::Rgb([0, 80 + u8::try_from(n).unwrap(), 160])
        }
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 95)
        .encode_image(&image)
        .unwrap();
    // TIFF, big-endian: IFD0 (orientation, make, GPS pointer), then the
    // GPS IFD (latitude reference and latitude).
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend(tag.to_be_bytes());
        tiff.extend(kind.to_be_bytes());
        tiff.extend(count.to_be_bytes());
        tiff.extend(value);
    };
    let ifd0_len = 2 + 3 * 12 + 4;
    let make_at = 8 + ifd0_len;
    let make = b"Vigiecam\0";
    let gps_at = make_at + u32::try_from(make.len()).unwrap();
    tiff.extend(3_u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(
        &mut tiff,
        0x010F,
        2,
        u32::try_from(make.len()).unwrap(),
        make_at.to_be_bytes(),
    );
    entry(&mut tiff, 0x8825, 4, 1, gps_at.to_be_bytes());
    tiff.extend(0_u32.to_be_bytes());
    tiff.extend(make);
    let gps_len = 2 + 2 * 12 + 4;
    let rationals_at = gps_at + gps_len;
    tiff.extend(2_u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, 5, 3, rationals_at.to_be_bytes());
    tiff.extend(0_u32.to_be_bytes());
    for (num, den) in [(48_u32, 1_u32), (51, 1), (24, 1)] {
        tiff.extend(num.to_be_bytes());
        tiff.extend(den.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
    out.extend(app1);
    out.extend(&plain[2..]);
    out
}

/// A small PNG of `width × height`.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([
            u8::try_from(x % 256).unwrap(),
            u8::try_from(y % 256).unwrap(),
            90,
            200,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

/// The segments of a JPEG up to its first scan: each marker code (`0xE0`
/// APP0, `0xE1` APP1…) with its content.
pub fn jpeg_segments(bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    assert_eq!(&bytes[..2], [0xFF, 0xD8], "not a JPEG");
    let mut segments = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let code = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        segments.push((code, bytes[i + 4..i + 2 + len].to_vec()));
        if code == 0xDA {
            break;
        }
        i += 2 + len;
    }
    segments
}

/// Every file under `dir` with its content, recursively, sorted.
pub fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Makes a file look `minutes` old.
pub fn age_file(path: &Path, minutes: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(minutes * 60);
    // Opened for reading: a folder too.
    std::fs::File::open(path).unwrap().set_modified(when).unwrap();
}
