//! Photos in the report: the full PDF and HTML hold them with their
//! captions (the PDF parsed back, its images counted); the family handout
//! and the emergency sheet never do.

use std::path::Path;

use chrono::{Local, TimeZone as _};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::checklist::ItemId;
use vigie::model::{Dossier, PhotoRef};
use vigie::photo::prepare_bytes;
use vigie::report::{self, Format, Profile};

use crate::util::{date, jpeg_with_gps, png, sample_dossier};

/// The sample dossier with three photos on two items, and their JPEGs.
fn dossier_with_photos() -> (Dossier, Vec<(PhotoRef, Vec<u8>)>) {
    let mut d = sample_dossier();
    let mut photos = Vec::new();
    for (item, bytes, caption) in [
        ("alarm.lighting", jpeg_with_gps(40, 30, 1), "Lampe du portail"),
        ("alarm.lighting", png(30, 40), ""),
        ("entrances.locked-at-home", png(24, 24), "Serrure <b>neuve</b>"),
    ] {
        let prepared = prepare_bytes(&bytes, Path::new("p")).unwrap();
        let photo = prepared.photo_ref(caption, date("2026-11-02T10:00:00Z"));
        d.add_photo(&ItemId::from(item), photo.clone(), date("2026-11-02T10:00:00Z"));
        photos.push((photo, prepared.photo));
    }
    (d, photos)
}

fn report_of(profile: Profile) -> report::Report {
    let library = Library::load(None);
    let (d, photos) = dossier_with_photos();
    let now = Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
    let mut r = report::build(&d, &library, profile, Lang::Fr, now);
    report::attach_photos(&mut r, &d, &library, Lang::Fr, &mut |p| {
        photos.iter().find(|(q, _)| q.id == p.id).map(|(_, b)| b.clone())
    });
    r
}

/// The image `XObject`s of a PDF.
pub fn pdf_images(bytes: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(|t| t.as_name())
                    .is_ok_and(|n| n == b"Image")
            })
        })
        .count()
}

#[test]
fn the_full_report_holds_each_items_photos_with_captions() {
    let r = report_of(Profile::Full);
    assert_eq!(r.photos.items.len(), 2);
    assert_eq!(r.photo_files().count(), 3);
    let pdf = report::render(&r, Format::Pdf).unwrap();
    assert!(
        pdf_images(&pdf) >= 3,
        "3 photos in the PDF, found {}",
        pdf_images(&pdf)
    );
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("Lampe du portail"), "caption printed");

    let html = String::from_utf8(report::render(&r, Format::Html).unwrap()).unwrap();
    assert_eq!(html.matches("src=\"data:image/jpeg;base64,").count(), 3);
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""),
        "the CSP allows data: images and nothing else"
    );
    assert!(
        html.contains("Serrure &lt;b&gt;neuve&lt;/b&gt;"),
        "captions escaped"
    );
}

#[test]
fn the_family_handout_and_the_emergency_sheet_never_hold_a_photo() {
    for profile in [Profile::Family, Profile::Emergency] {
        let r = report_of(profile);
        assert!(r.photos.items.is_empty(), "{profile:?}");
        let pdf = report::render(&r, Format::Pdf).unwrap();
        assert_eq!(pdf_images(&pdf), 0, "{profile:?}");
        let html = String::from_utf8(report::render(&r, Format::Html).unwrap()).unwrap();
        assert!(!html.contains("<img"), "{profile:?}");
    }
}
