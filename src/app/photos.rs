//! Photos on items: the strip of an item card or a visit step (thumbnails,
//! a caption each, *Remove…*, *Add photo…*), the photo shown large over the
//! screen, files dropped on the window, and the dialogs (the path of a
//! photo when no file chooser opens, removing a photo).
//!
//! Adding runs as a task ([`PhotoImport`], on the `vigie-photo-import`
//! thread): the image files are prepared and written first (upright,
//! shrunk, no metadata, encrypted when encryption is on), then their
//! [`PhotoRef`]s are added to the dossier, which is saved as any change is.
//! Thumbnails come from the [`PhotoCache`].

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::command::Command;
use super::dialogs::Dialog;
use super::handle::mark_pending;
use super::pages::View;
use super::photo_cache::{PhotoCache, Shown};
use super::state::{AppState, Notice, Page, Screen};
use super::summary::Chosen;
use super::tasks::{Job, TaskKind};
use super::theme;
use crate::i18n::Tr;
use crate::model::checklist::ItemId;
use crate::model::{Dossier, DossierId, PhotoId, PhotoRef};
use crate::store::{DataFolder, PhotoFileError, PhotoOwner, PhotoSize, StoreError};

/// The height of a thumbnail on an item card.
const THUMB_HEIGHT: f32 = 84.0;
/// The height of a thumbnail on a visit step.
const STEP_THUMB_HEIGHT: f32 = 120.0;
/// The width of a photo's caption field, at least.
const CAPTION_WIDTH: f32 = 150.0;

/// What the image file chooser gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Files to add.
    Files(Vec<PathBuf>),
    /// The user closed it.
    Cancelled,
    /// No chooser could be shown: the path is typed instead.
    NoDialog,
}

/// The system's file choosers (tests put stand-ins here).
#[derive(Clone, Copy)]
pub struct Choosers {
    /// Image files to add (the filter's name).
    pub images: fn(&str) -> Picked,
    /// A `.vigie` file to write (the file name proposed, the filter's name).
    pub save: fn(&str, &str) -> Chosen,
    /// A `.vigie` file to open (the filter's name).
    pub open: fn(&str) -> Chosen,
}

impl Default for Choosers {
    fn default() -> Self {
        Self {
            images: pick_images,
            save: super::archive::save_dialog,
            open: super::archive::open_dialog,
        }
    }
}

impl std::fmt::Debug for Choosers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Choosers")
    }
}

/// Photos in the window: the textures, the photo shown large, the imports
/// under way, the file choosers.
#[derive(Debug, Default)]
pub struct Photos {
    /// The open dossier's photos as textures.
    pub cache: PhotoCache,
    /// The photo shown large, if any.
    pub viewer: Option<PhotoId>,
    /// Photos being added, by dossier and item.
    pub adding: Vec<Adding>,
    /// The file choosers.
    pub choosers: Choosers,
}

/// Photos being added to an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adding {
    /// The dossier.
    pub dossier: DossierId,
    /// The item.
    pub item: ItemId,
    /// How many files.
    pub files: usize,
}

impl Photos {
    /// How many photos are being added to `item` of `dossier`.
    #[must_use]
    pub fn adding_to(&self, dossier: &DossierId, item: &ItemId) -> usize {
        self.adding
            .iter()
            .filter(|a| &a.dossier == dossier && &a.item == item)
            .map(|a| a.files)
            .sum()
    }
}

/// What the user asked of photos.
#[derive(Debug)]
pub enum PhotoCommand {
    /// Add these image files to an item of the open dossier.
    Add {
        /// The item.
        item: ItemId,
        /// The files.
        files: Vec<PathBuf>,
    },
    /// No file chooser: ask for the photo's path.
    AskPath(ItemId),
    /// Change a photo's caption.
    SetCaption(PhotoId, String),
    /// Ask before removing a photo.
    AskRemove(PhotoId),
    /// Remove a photo from the open dossier.
    Remove(PhotoId),
    /// Show a photo large.
    Show(PhotoId),
    /// Close the large view.
    CloseViewer,
    /// Files were dropped where no item is shown.
    DroppedNowhere,
}

impl PhotoCommand {
    /// Whether it only changes the open dossier in memory or what is shown.
    #[must_use]
    pub fn edits_in_memory(&self) -> bool {
        matches!(
            self,
            Self::SetCaption(..) | Self::Show(_) | Self::CloseViewer | Self::DroppedNowhere
        )
    }
}

/// A photo dialog.
#[derive(Debug)]
pub enum PhotoDialog {
    /// No file chooser opened: the photo's path, as typed.
    Path {
        /// The item it goes to.
        item: ItemId,
        /// The path typed.
        path: String,
    },
    /// Removing a photo.
    ConfirmRemove(PhotoId),
}

/// Something to tell about photos.
#[derive(Clone, Debug)]
pub enum PhotoNotice {
    /// Files refused (each error names its file); how many others were
    /// added.
    Refused {
        /// Why, file by file.
        errors: Vec<Arc<PhotoFileError>>,
        /// How many were added.
        added: usize,
    },
    /// Photos added to a dossier closed meanwhile (how many, its title).
    AddedTo(usize, String),
    /// The dossier could not take the photos.
    NotAdded(Arc<StoreError>),
    /// Files dropped where no item is shown.
    DropNowhere,
    /// The import stopped unexpectedly.
    Crashed,
}

impl PhotoNotice {
    /// Whether it reports a problem.
    #[must_use]
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::AddedTo(..) | Self::DropNowhere)
    }

    /// The notice in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        let p = t.photos;
        match self {
            Self::Refused { errors, added } => {
                let errors: Vec<String> = errors.iter().map(|e| (p.photo_error)(e)).collect();
                (p.refused)(&errors, *added)
            }
            Self::AddedTo(n, title) => (p.added_to)(*n, title),
            Self::NotAdded(err) => (p.not_added)(&(t.store_error)(err)),
            Self::DropNowhere => p.drop_nowhere.to_owned(),
            Self::Crashed => p.import_crashed.to_owned(),
        }
    }
}

/// The disk work of adding photos to an item: each file prepared and
/// written; runs on any thread.
#[derive(Debug)]
pub struct PhotoImport {
    folder: DataFolder,
    dossier: DossierId,
    item: ItemId,
    files: Vec<PathBuf>,
    now: DateTime<Utc>,
}

/// What a [`PhotoImport`] did.
#[derive(Debug)]
pub struct PhotosAdded {
    /// The dossier.
    pub dossier: DossierId,
    /// The item.
    pub item: ItemId,
    /// How many files were given.
    pub files: usize,
    /// The photos written, for the dossier to record.
    pub added: Vec<PhotoRef>,
    /// The files refused (nothing written for them).
    pub refused: Vec<PhotoFileError>,
}

impl PhotoImport {
    /// Prepares and writes each file; a refused one writes nothing.
    #[must_use]
    pub fn run(self) -> PhotosAdded {
        let owner = PhotoOwner::Dossier(self.dossier.clone());
        let mut added = Vec::new();
        let mut refused = Vec::new();
        for file in &self.files {
            match self.folder.add_photo_file(&owner, file, "", self.now) {
                Ok(photo) => added.push(photo),
                Err(err) => refused.push(err),
            }
        }
        PhotosAdded {
            dossier: self.dossier,
            item: self.item,
            files: self.files.len(),
            added,
            refused,
        }
    }
}

impl AppState {
    /// Carries out a photo command.
    pub(super) fn handle_photo(&mut self, command: PhotoCommand) {
        let now = Utc::now();
        match command {
            PhotoCommand::Add { item, files } => {
                self.dialog = None;
                self.start_adding(item, files, now);
            }
            PhotoCommand::AskPath(item) => {
                self.dialog = Some(Dialog::Photo(PhotoDialog::Path {
                    item,
                    path: String::new(),
                }));
            }
            PhotoCommand::SetCaption(id, caption) => self.edit(|d| d.set_photo_caption(&id, &caption, now)),
            PhotoCommand::AskRemove(id) => {
                self.photos.viewer = None;
                self.dialog = Some(Dialog::Photo(PhotoDialog::ConfirmRemove(id)));
            }
            PhotoCommand::Remove(id) => {
                self.dialog = None;
                self.photos.viewer = None;
                self.edit(|d| d.remove_photo(&id, now).is_some());
                self.photos.cache.evict(&id);
            }
            PhotoCommand::Show(id) => self.photos.viewer = Some(id),
            PhotoCommand::CloseViewer => self.photos.viewer = None,
            PhotoCommand::DroppedNowhere => self.notice = Some(Notice::Photo(PhotoNotice::DropNowhere)),
        }
    }

    /// Starts preparing and writing `files` for `item` of the open dossier.
    fn start_adding(&mut self, item: ItemId, files: Vec<PathBuf>, now: DateTime<Utc>) {
        let Some(session) = &self.session else {
            return;
        };
        if files.is_empty() {
            return;
        }
        self.photos.adding.push(Adding {
            dossier: session.id.clone(),
            item: item.clone(),
            files: files.len(),
        });
        self.tasks.start(Job::Photos(PhotoImport {
            folder: self.store.data_folder(),
            dossier: session.id.clone(),
            item,
            files,
            now,
        }));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Takes in photos written: recorded in their dossier (the open one, or
    /// the one that was open, loaded and saved); refused files said once.
    pub(super) fn finish_adding(&mut self, done: PhotosAdded) {
        let now = Utc::now();
        let mine = Adding {
            dossier: done.dossier.clone(),
            item: done.item.clone(),
            files: done.files,
        };
        if let Some(i) = self.photos.adding.iter().position(|a| *a == mine) {
            self.photos.adding.remove(i);
        }
        let count = done.added.len();
        if count > 0 {
            match &mut self.session {
                Some(session) if session.id == done.dossier => {
                    for photo in done.added {
                        session.dossier.add_photo(&done.item, photo, now);
                    }
                    mark_pending(&mut session.save);
                }
                _ => {
                    // The dossier was closed meanwhile: the photos go to its
                    // file, so that they are not lost.
                    let saved = self.store.load(&done.dossier).and_then(|mut dossier| {
                        for photo in done.added {
                            dossier.add_photo(&done.item, photo, now);
                        }
                        self.store.save(&done.dossier, &dossier).map(|()| dossier.title)
                    });
                    self.notice = Some(Notice::Photo(match saved {
                        Ok(title) => PhotoNotice::AddedTo(count, title),
                        Err(err) => PhotoNotice::NotAdded(Arc::new(err)),
                    }));
                }
            }
        }
        if !done.refused.is_empty() {
            self.notice = Some(Notice::Photo(PhotoNotice::Refused {
                errors: done.refused.into_iter().map(Arc::new).collect(),
                added: count,
            }));
        }
    }

    /// The photo import's thread stopped unexpectedly.
    pub(super) fn adding_crashed(&mut self) {
        if !self.tasks.is_running(TaskKind::Photos) {
            self.photos.adding.clear();
        }
        self.notice = Some(Notice::Photo(PhotoNotice::Crashed));
    }

    /// Before each frame: the textures of the open dossier's photos (see
    /// [`PhotoCache::pump`]).
    pub(super) fn pump_photos(&mut self, ctx: &egui::Context) {
        let owner = self.session.as_ref().map(|s| PhotoOwner::Dossier(s.id.clone()));
        if owner.is_none() {
            self.photos.viewer = None;
        }
        self.photos
            .cache
            .pump(ctx, &self.store, owner, self.tasks.background);
    }

    /// Waits for the photos being added (before locking, before an
    /// encryption change) and takes them in.
    pub(super) fn finish_photo_imports(&mut self) {
        let done = self.tasks.wait_for(TaskKind::Photos);
        self.settle(done);
    }
}

/// Asks for image files with the system's file chooser; when none can be
/// shown, says so (a path is then typed).
pub fn pick_images(filter: &str) -> Picked {
    let started = std::time::Instant::now();
    let extensions = [
        "jpg", "jpeg", "png", "webp", "heic", "heif", "JPG", "JPEG", "PNG", "WEBP", "HEIC", "HEIF",
    ];
    match rfd::FileDialog::new()
        .add_filter(filter, &extensions)
        .pick_files()
    {
        Some(files) => Picked::Files(files),
        None if started.elapsed() < super::summary::NO_DIALOG_WITHIN => Picked::NoDialog,
        None => Picked::Cancelled,
    }
}

/// How an item's photos are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripMode {
    /// An item card of the list; `selected`: the drop hint shows.
    Card {
        /// The card is the selected one.
        selected: bool,
    },
    /// A visit step: larger, the hint always there.
    Step,
    /// Looked at only (the family cards).
    ReadOnly,
}

/// An item's photos: thumbnails (a click shows one large), a caption field
/// and *Remove…* each, *Add photo…* and the drop hint.
pub fn strip_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &super::state::Session,
    item: &ItemId,
    mode: StripMode,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let photos = session.dossier.photos_of(item);
    let adding = view.photos.adding_to(&session.id, item);
    let editable = mode != StripMode::ReadOnly;
    if !editable && photos.is_empty() {
        return;
    }
    let height = if mode == StripMode::Step {
        STEP_THUMB_HEIGHT
    } else {
        THUMB_HEIGHT
    };
    ui.push_id(("photos", item.as_str()), |ui| {
        if mode == StripMode::Step {
            ui.strong(t.photos.heading);
        }
        ui.horizontal_wrapped(|ui| {
            for (index, photo) in photos.iter().enumerate() {
                ui.push_id(photo.id.as_str(), |ui| {
                    tile_ui(ui, view, photo, index + 1, height, editable, commands);
                });
            }
            if adding > 0 {
                ui.spinner();
                ui.label(egui::RichText::new((t.photos.adding)(adding)).weak());
            }
            if editable {
                add_button_ui(ui, view, item, commands);
            }
        });
        let hint = match mode {
            StripMode::Card { selected: true } => Some(t.photos.drop_hint_list),
            StripMode::Step => Some(t.photos.drop_hint_step),
            StripMode::Card { selected: false } | StripMode::ReadOnly => None,
        };
        if let Some(hint) = hint {
            ui.label(egui::RichText::new(hint).weak().small());
        }
    });
}

/// *Add photo…*: the file chooser, or the dialog with the path field when
/// none can be shown.
fn add_button_ui(ui: &mut egui::Ui, view: &View<'_>, item: &ItemId, commands: &mut Vec<Command>) {
    let t = view.t;
    if ui
        .button(t.photos.add_photo)
        .on_hover_text(t.photos.formats)
        .clicked()
    {
        match (view.photos.choosers.images)(t.photos.images_filter) {
            Picked::Files(files) => commands.push(Command::Photo(PhotoCommand::Add {
                item: item.clone(),
                files,
            })),
            Picked::Cancelled => {}
            Picked::NoDialog => commands.push(Command::Photo(PhotoCommand::AskPath(item.clone()))),
        }
    }
}

/// One photo: its thumbnail, then (editable) its caption field and
/// *Remove…*; read only, its caption.
fn tile_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    photo: &PhotoRef,
    number: usize,
    height: f32,
    editable: bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    ui.vertical(|ui| {
        let size = thumb_size(photo, height);
        let label = (t.photos.view_photo)(number, &photo.caption);
        if thumbnail_ui(ui, view, photo, size, &label).clicked() {
            commands.push(Command::Photo(PhotoCommand::Show(photo.id.clone())));
        }
        let width = size.x.max(CAPTION_WIDTH);
        if editable {
            let mut caption = photo.caption.clone();
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut caption)
                        .hint_text(t.photos.caption_hint)
                        .desired_width(width),
                )
                .accessible_name((t.photos.caption_label)(number));
            if edit.changed() {
                commands.push(Command::Photo(PhotoCommand::SetCaption(
                    photo.id.clone(),
                    caption,
                )));
            }
            let remove = egui::Button::new(egui::RichText::new(t.photos.remove).small());
            if ui.add(remove).on_hover_text(t.photos.remove_help).clicked() {
                commands.push(Command::Photo(PhotoCommand::AskRemove(photo.id.clone())));
            }
        } else if !photo.caption.is_empty() {
            ui.set_max_width(width);
            ui.label(egui::RichText::new(&photo.caption).small());
        }
    });
}

/// The size a photo is drawn at, `height` high (very wide or tall photos
/// are cropped to the box rather than made tiny).
fn thumb_size(photo: &PhotoRef, height: f32) -> egui::Vec2 {
    let aspect = photo.width as f32 / photo.height.max(1) as f32;
    egui::vec2((height * aspect).clamp(height * 0.6, height * 2.0), height)
}

/// A thumbnail as a button named `label`: the texture when it is ready, a
/// placeholder while it is decoded (asked only when in view).
fn thumbnail_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    photo: &PhotoRef,
    size: egui::Vec2,
    label: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, ui.is_enabled(), label));
    if ui.is_rect_visible(rect) {
        let shown = view.photos.cache.shown(ui.ctx(), &photo.id, PhotoSize::Thumbnail);
        paint_photo(ui, view, rect, shown);
        if response.hovered() || response.has_focus() {
            let stroke = ui.visuals().widgets.hovered.fg_stroke;
            ui.painter()
                .rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Outside);
        }
    }
    let hover = match view.photos.cache.texture(&photo.id, PhotoSize::Thumbnail) {
        Some(_) if photo.caption.is_empty() => None,
        Some(_) => Some(photo.caption.as_str()),
        None => Some(view.t.photos.loading),
    };
    match hover {
        Some(text) => response.on_hover_text(text),
        None => response,
    }
    .on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// Paints a photo (cropped to fill `rect`), or its placeholder.
fn paint_photo(ui: &egui::Ui, view: &View<'_>, rect: egui::Rect, shown: Shown<'_>) {
    let painter = ui.painter();
    match shown {
        Shown::Ready(texture) => {
            let uv = cover_uv(texture.size_vec2(), rect.size());
            painter.image(texture.id(), rect, uv, egui::Color32::WHITE);
        }
        Shown::Loading => {
            painter.rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
            painter.rect_stroke(
                rect,
                4.0,
                ui.visuals().widgets.noninteractive.bg_stroke,
                egui::StrokeKind::Inside,
            );
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "…",
                egui::FontId::proportional(18.0),
                ui.visuals().weak_text_color(),
            );
        }
        Shown::Failed => {
            painter.rect_filled(rect, 4.0, view.tokens.error_bg);
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "⚠",
                egui::FontId::proportional(20.0),
                view.tokens.critical,
            );
        }
    }
}

/// The part of an image of `image` size that covers a box of `size`
/// (centred), as texture coordinates.
fn cover_uv(image: egui::Vec2, size: egui::Vec2) -> egui::Rect {
    let (image_aspect, box_aspect) = (image.x / image.y.max(1.0), size.x / size.y.max(1.0));
    if image_aspect > box_aspect {
        let w = box_aspect / image_aspect;
        egui::Rect::from_min_max(egui::pos2((1.0 - w) / 2.0, 0.0), egui::pos2((1.0 + w) / 2.0, 1.0))
    } else {
        let h = image_aspect / box_aspect;
        egui::Rect::from_min_max(egui::pos2(0.0, (1.0 - h) / 2.0), egui::pos2(1.0, (1.0 + h) / 2.0))
    }
}

/// The photo shown large, over the screen: the photo, its caption, the
/// item; *Remove…* and *Close*; Escape or a click outside closes it.
pub fn viewer_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (Some(id), Some(session)) = (&state.photos.viewer, &state.session) else {
        return;
    };
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    let dossier = &session.dossier;
    let Some((item, photo)) = dossier.find_photo(id) else {
        commands.push(Command::Photo(PhotoCommand::CloseViewer));
        return;
    };
    let siblings = dossier.photos_of(item);
    let number = siblings.iter().position(|p| &p.id == id).map_or(1, |i| i + 1);
    let title = item_title(state, dossier, item);
    let screen = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::new("vigie_photo_viewer")).show(ui.ctx(), |ui| {
        ui.heading((t.photos.viewer_title)(number, siblings.len(), &title));
        ui.add_space(theme::SPACE_S);
        let room = egui::vec2(screen.width() * 0.8, (screen.height() - 220.0).max(160.0));
        let aspect = photo.width as f32 / photo.height.max(1) as f32;
        let mut size = egui::vec2(room.y * aspect, room.y);
        if size.x > room.x {
            size = egui::vec2(room.x, room.x / aspect);
        }
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        let label = (t.photos.view_photo)(number, &photo.caption);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Image, true, &label));
        let cache = &state.photos.cache;
        let full = cache.shown(ui.ctx(), id, PhotoSize::Full);
        let shown = match full {
            // The thumbnail, enlarged, while the photo is decoded.
            Shown::Loading => cache
                .texture(id, PhotoSize::Thumbnail)
                .map_or(Shown::Loading, Shown::Ready),
            other => other,
        };
        let view = View {
            t,
            lang: state.lang,
            tokens: &tokens,
            library: &state.library,
            today: chrono::Local::now().date_naive(),
            photos: &state.photos,
        };
        paint_photo(ui, &view, rect, shown);
        if matches!(full, Shown::Failed) {
            ui.colored_label(tokens.critical, t.photos.unreadable);
        }
        ui.add_space(theme::SPACE_S);
        let label = ui.label((t.photos.caption_label)(number));
        let mut caption = photo.caption.clone();
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut caption)
                    .hint_text(t.photos.caption_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if edit.changed() {
            commands.push(Command::Photo(PhotoCommand::SetCaption(id.clone(), caption)));
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            if ui.button(t.photos.remove).clicked() {
                commands.push(Command::Photo(PhotoCommand::AskRemove(id.clone())));
            }
            if ui.button(egui::RichText::new(t.close).strong()).clicked() {
                commands.push(Command::Photo(PhotoCommand::CloseViewer));
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::Photo(PhotoCommand::CloseViewer));
    }
}

/// The title of an item, in the language shown (its id when the checklist
/// is missing).
fn item_title(state: &AppState, dossier: &Dossier, item: &ItemId) -> String {
    dossier
        .loaded_checklists(&state.library.checklists)
        .find_map(|c| c.item(item))
        .map_or_else(|| item.to_string(), |i| i.title.get(state.lang).to_owned())
}

/// Where files dropped now would go: the selected item of the list, or
/// the visit step shown.
fn drop_target(state: &AppState) -> Option<ItemId> {
    let session = state.session.as_ref()?;
    match state.screen {
        Screen::Dossier(Page::List) => state.views.walk.selected.clone(),
        Screen::Dossier(Page::Visit(index)) => {
            let steps = session.dossier.visit_steps(&state.library.checklists);
            let index = index.min(steps.len().checked_sub(1)?);
            steps.get(index).map(|s| s.item.id.clone())
        }
        _ => None,
    }
}

/// Files dragged over the window: where they would go, over the screen.
/// Dropped: added to that item (or, in the import and restore dialogs,
/// taken as the file to open).
pub fn drop_ui(ui: &mut egui::Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let (hovering, dropped) = ui.input(|i| {
        let dropped: Vec<PathBuf> = i
            .raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_owned())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        (!i.raw.hovered_files.is_empty(), dropped)
    });
    if !hovering && dropped.is_empty() {
        return;
    }
    if let Some(Dialog::Archive(dialog)) = &mut state.dialog {
        if let Some(path) = dropped.first() {
            dialog.dropped(path);
        }
        return;
    }
    if state.dialog.is_some() {
        return;
    }
    let t = state.tr();
    let target = drop_target(state);
    if hovering {
        let text = match (&target, &state.session) {
            (Some(item), Some(session)) => (t.photos.drop_here)(&item_title(state, &session.dossier, item)),
            _ => t.photos.drop_nowhere.to_owned(),
        };
        let tokens = theme::Tokens::of(ui.ctx());
        let screen = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::new("vigie_drop"),
        ));
        painter.rect_filled(screen, 0.0, ui.visuals().extreme_bg_color.gamma_multiply(0.85));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            text,
            egui::FontId::proportional(22.0),
            tokens.strong_text,
        );
    }
    if !dropped.is_empty() {
        commands.push(Command::Photo(match target {
            Some(item) => PhotoCommand::Add { item, files: dropped },
            None => PhotoCommand::DroppedNowhere,
        }));
    }
}

/// The photo dialogs' content.
pub fn dialog_ui(ui: &mut egui::Ui, t: &Tr, dialog: &mut PhotoDialog, commands: &mut Vec<Command>) {
    match dialog {
        PhotoDialog::Path { item, path } => {
            ui.heading(t.photos.path_title);
            ui.label(t.photos.no_chooser);
            ui.label(egui::RichText::new(t.photos.formats).weak());
            ui.add_space(theme::SPACE_M);
            let label = ui.label(t.photos.path_label);
            let edit = ui
                .add(egui::TextEdit::singleline(path).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(theme::SPACE_S);
            ui.horizontal_wrapped(|ui| {
                let ready = !path.trim().is_empty();
                let add = ui.add_enabled(ready, egui::Button::new(egui::RichText::new(t.photos.add).strong()));
                if ready && (add.clicked() || enter) {
                    commands.push(Command::Photo(PhotoCommand::Add {
                        item: item.clone(),
                        files: vec![PathBuf::from(path.trim())],
                    }));
                }
                if ui.button(t.cancel).clicked() {
                    commands.push(Command::CloseDialog);
                }
            });
        }
        PhotoDialog::ConfirmRemove(id) => {
            ui.heading(t.photos.remove_question);
            ui.label(t.photos.remove_explain);
            ui.add_space(theme::SPACE_S);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.photos.remove_confirm).clicked() {
                    commands.push(Command::Photo(PhotoCommand::Remove(id.clone())));
                }
                if ui.button(t.cancel).clicked() {
                    commands.push(Command::CloseDialog);
                }
            });
        }
    }
}

/// The photos of a full report, read from the data folder (decrypted);
/// a photo whose file cannot be read is left out. On the UI thread, as the
/// export itself: a few milliseconds a photo.
pub(super) fn attach_report_photos(
    state: &AppState,
    report: &mut crate::report::Report,
    id: &DossierId,
    dossier: &Dossier,
) {
    let folder = state.store.data_folder();
    let owner = PhotoOwner::Dossier(id.clone());
    crate::report::attach_photos(report, dossier, &state.library, state.lang, &mut |photo| {
        folder
            .read_photo(&owner, &photo.id, PhotoSize::Full)
            .ok()
            .map(|bytes| bytes.to_vec())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_photo_is_cropped_in_the_middle() {
        let uv = cover_uv(egui::vec2(400.0, 100.0), egui::vec2(100.0, 100.0));
        assert!((uv.min.x - 0.375).abs() < 1e-6 && (uv.max.x - 0.625).abs() < 1e-6);
        assert!((uv.min.y).abs() < 1e-6 && (uv.max.y - 1.0).abs() < 1e-6);
    }
}
