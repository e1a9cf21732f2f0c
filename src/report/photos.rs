//! Photos in the full report: each item that has photos, with its status
//! and the photos' captions, two photos a row, sized for print. Only the
//! full (confidential) report has them: the family handout and the
//! emergency sheet never do.
//!
//! [`super::build`] stays pure; [`attach_photos`] adds the photos, read
//! through the loader it is given (the store's files, decrypted). The PDF
//! receives each photo as a virtual file of the typst world
//! ([`ReportPhoto::file`]); the HTML as a `data:` URI.

use std::fmt::Write as _;

use base64::Engine as _;
use serde::Serialize;

use super::html::escape;
use super::labels::texts;
use super::{Profile, Report};
use crate::lang::Lang;
use crate::library::Library;
use crate::model::checklist::{Checklist, ItemId, Journey};
use crate::model::{Dossier, PhotoRef};

/// The photo section of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PhotoSection {
    /// Its heading ("" when there is none).
    pub title: String,
    /// What it holds.
    pub intro: String,
    /// The items with photos, in checklist order.
    pub items: Vec<PhotoItem>,
    /// What stands in place of a photo whose file could not be read, or is
    /// not a photo as Vigie stores them.
    pub unreadable: String,
    /// How many photos are left out for that reason (the caption stays):
    /// whoever exports is told.
    pub missing: usize,
}

/// An item's photos.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhotoItem {
    /// The item's id.
    pub id: String,
    /// The item's title.
    pub title: String,
    /// Its status (or finding).
    pub status: String,
    /// Its photos, in the order they were added.
    pub photos: Vec<ReportPhoto>,
}

/// One photo in the report.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct ReportPhoto {
    /// Its caption (may be empty).
    pub caption: String,
    /// Its virtual file in the PDF's typst world (`/photos/<n>.jpg`).
    pub file: String,
    /// The JPEG itself (not in the report's JSON data).
    #[serde(skip)]
    pub jpeg: Vec<u8>,
}

impl std::fmt::Debug for ReportPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportPhoto")
            .field("caption", &self.caption)
            .field("file", &self.file)
            .field("jpeg_bytes", &self.jpeg.len())
            .finish()
    }
}

impl Report {
    /// Every photo of the report, in order.
    pub fn photo_files(&self) -> impl Iterator<Item = &ReportPhoto> {
        self.photos.items.iter().flat_map(|i| i.photos.iter())
    }
}

/// Adds the dossier's photos to a full report (nothing for the other
/// profiles). `load` gives a photo's JPEG bytes (the full photo, not the
/// thumbnail), or `None` when its file cannot be read: it is then left
/// out.
pub fn attach_photos(
    report: &mut Report,
    dossier: &Dossier,
    library: &Library,
    lang: Lang,
    load: &mut dyn FnMut(&PhotoRef) -> Option<Vec<u8>>,
) {
    if report.profile != Profile::Full || dossier.photos.is_empty() {
        return;
    }
    let t = texts(lang);
    let items: Vec<(&ItemId, String)> = {
        let known: Vec<(&ItemId, String)> = dossier
            .loaded_checklists(&library.checklists)
            .flat_map(Checklist::items)
            .filter(|item| dossier.photos.contains_key(&item.id))
            .map(|item| (&item.id, item.title.get(lang).to_owned()))
            .collect();
        let orphans = dossier
            .photos
            .keys()
            .filter(|id| !known.iter().any(|(k, _)| k == id))
            .map(|id| (id, id.to_string()))
            .collect::<Vec<_>>();
        known.into_iter().chain(orphans).collect()
    };
    let mut n = 0;
    let mut missing = 0;
    for (id, title) in items {
        let status = dossier.status(id);
        let status = if dossier.journey == Journey::Referent {
            (t.finding_name)(status)
        } else {
            (t.status_name)(status)
        };
        let photos: Vec<ReportPhoto> = dossier
            .photos_of(id)
            .iter()
            .map(|photo| {
                if let Some(jpeg) = load(photo).filter(|jpeg| is_printable(jpeg)) {
                    n += 1;
                    ReportPhoto {
                        caption: photo.caption.clone(),
                        file: format!("/photos/{n}.jpg"),
                        jpeg,
                    }
                } else {
                    missing += 1;
                    ReportPhoto {
                        caption: photo.caption.clone(),
                        file: String::new(),
                        jpeg: Vec::new(),
                    }
                }
            })
            .collect();
        if !photos.is_empty() {
            report.photos.items.push(PhotoItem {
                id: id.to_string(),
                title,
                status: status.to_owned(),
                photos,
            });
        }
    }
    if !report.photos.items.is_empty() {
        let (title, intro, unreadable) = match lang {
            Lang::Fr => (
                "Photos",
                "Les photos prises pour chaque point, avec leur légende.",
                "Photo illisible\u{a0}: seule sa légende est imprimée.",
            ),
            Lang::En => (
                "Photos",
                "The photos taken for each point, with their captions.",
                "Photo that cannot be read: only its caption is printed.",
            ),
        };
        title.clone_into(&mut report.photos.title);
        intro.clone_into(&mut report.photos.intro);
        unreadable.clone_into(&mut report.photos.unreadable);
        report.photos.missing = missing;
    }
}

/// Whether a photo's bytes can go into a report: a JPEG no larger than
/// Vigie stores photos, checked on its header (a stored photo was decoded
/// whole when it came in). A file swapped by hand for a "photo" whose
/// header announces 65,000 × 65,000 pixels is left out here, rather than
/// make the PDF's layout allocate gigabytes.
pub(crate) fn is_printable(jpeg: &[u8]) -> bool {
    crate::photo::check_stored_jpeg(jpeg, crate::photo::MAX_SIDE, std::path::Path::new("photo")).is_ok()
}

/// The CSS of the photo section.
pub const CSS: &str = "
.photos { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem 1rem; margin: .3rem 0 .8rem; }
.photos figure { margin: 0; break-inside: avoid; }
.photos img { display: block; width: 100%; height: 7cm; object-fit: contain; background: #f2f2f2; }
.photos figcaption { font-size: 9pt; color: #333; margin-top: .2rem; }
";

/// Writes the photo section of the HTML report (nothing without photos):
/// the images as `data:` URIs, which the page's Content-Security-Policy
/// allows (`img-src data:`) and nothing else.
pub fn html(h: &mut String, r: &Report) {
    if r.photos.items.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
        escape(&r.photos.title),
        escape(&r.photos.intro)
    );
    for item in &r.photos.items {
        let _ = writeln!(
            h,
            "<h3>{} <span class=\"muted\">({})</span></h3>",
            escape(&item.title),
            escape(&item.status)
        );
        figures_html(h, item.photos.iter());
    }
}

/// Writes photos as a grid of figures, two a row, each image a `data:` URI
/// with its caption (nothing when there is no photo).
pub(crate) fn figures_html<'a>(h: &mut String, photos: impl Iterator<Item = &'a ReportPhoto>) {
    let mut photos = photos.peekable();
    if photos.peek().is_none() {
        return;
    }
    h.push_str("<div class=\"photos\">\n");
    for photo in photos {
        if photo.file.is_empty() {
            let _ = writeln!(
                h,
                "<figure><figcaption>{}</figcaption></figure>",
                escape(&photo.caption)
            );
            continue;
        }
        let data = base64::engine::general_purpose::STANDARD.encode(&photo.jpeg);
        let _ = writeln!(
            h,
            "<figure><img src=\"data:image/jpeg;base64,{data}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
            escape(&photo.caption),
            escape(&photo.caption)
        );
    }
    h.push_str("</div>\n");
}
