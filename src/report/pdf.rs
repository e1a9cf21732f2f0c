//! The PDF summary, laid out by typst used as a library, fully offline.
//!
//! The template (`template.typ`, embedded) reads the report from a virtual
//! `data.json` file: user text reaches typst as JSON strings, which typst
//! places as plain text, so nothing a user typed is ever read as markup.
//! Fonts (`DejaVu Sans`, full French coverage) are embedded from `assets/`.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};

use super::{ExportError, Report};

const TEMPLATE: &str = include_str!("template.typ");
const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// What does not change from one export to the next: the standard library
/// and the fonts, built once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = [FONT_REGULAR, FONT_BOLD]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The typst world of one export: the template and the data.
struct ReportWorld {
    main_id: FileId,
    main: Source,
    data_id: FileId,
    data: Bytes,
    /// The report's photos, as virtual files (`/photos/<n>.jpg`).
    photos: Vec<(FileId, Bytes)>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main_id {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if let Some((_, bytes)) = self.photos.iter().find(|(photo, _)| *photo == id) {
            Ok(bytes.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// typst's diagnostics as one error.
fn layout_error(errors: &[typst::diag::SourceDiagnostic]) -> ExportError {
    ExportError::Layout(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Lays out `report` and returns the PDF file's bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, ExportError> {
    let data = serde_json::to_vec(report).map_err(|e| ExportError::Layout(e.to_string()))?;
    typeset(TEMPLATE, data, &report.title, photo_files(report.photo_files()))
}

/// Photos as the virtual image files of a typst world (each at its
/// `file` path).
pub(crate) fn photo_files<'a>(
    photos: impl Iterator<Item = &'a super::photos::ReportPhoto>,
) -> Vec<(FileId, Bytes)> {
    photos
        .filter_map(|p| Some((file_id(&p.file)?, Bytes::new(p.jpeg.clone()))))
        .collect()
}

/// Lays out `template` (a typst source reading `/data.json`) with `data`
/// (JSON) and `photos` (virtual image files) and returns the PDF file's
/// bytes; `title` identifies the document. Shared by every printed
/// document (the summary, the chronology of events).
pub(crate) fn typeset(
    template: &str,
    data: Vec<u8>,
    title: &str,
    photos: Vec<(FileId, Bytes)>,
) -> Result<Vec<u8>, ExportError> {
    let (Some(main_id), Some(data_id)) = (file_id("/main.typ"), file_id("/data.json")) else {
        return Err(ExportError::Layout("invalid virtual path".to_owned()));
    };
    let world = ReportWorld {
        main_id,
        main: Source::new(main_id, template.to_owned()),
        data_id,
        data: Bytes::new(data),
        photos,
    };
    let document = typst::compile(&world)
        .output
        .map_err(|errors| layout_error(&errors))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(title.to_owned()),
        creator: typst::foundations::Smart::Custom(Some("Vigie".to_owned())),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| layout_error(&errors))
}
