//! The photo shown large over the screen, files dropped on the window, and
//! the photo dialogs (the path of a photo when no file chooser opens,
//! removing a photo): for the open dossier's items and for the journal's
//! entries alike.

use std::path::PathBuf;

use super::command::Command;
use super::dialogs::Dialog;
use super::pages::View;
use super::photo_cache::Shown;
use super::photo_strip::paint_photo;
use super::photos::{Album, PhotoCommand, PhotoDialog};
use super::state::{AppState, Page, Screen};
use super::theme;
use crate::i18n::Tr;
use crate::model::checklist::ItemId;
use crate::model::journal::Entry;
use crate::model::{Dossier, PhotoRef};
use crate::report::household_text::{datetime_format, event_kind_name};
use crate::store::PhotoSize;

/// The photos of `album` as shown now, and what they belong to in words
/// (the item's title, the entry's kind and time).
fn album_photos<'a>(state: &'a AppState, album: &Album) -> Option<(&'a [PhotoRef], String)> {
    let journal = || state.household.as_ref().and_then(|d| d.journal.doc());
    match album {
        Album::Item(item) => {
            let dossier = &state.session.as_ref()?.dossier;
            Some((dossier.photos_of(item), item_title(state, dossier, item)))
        }
        Album::Draft => {
            let entry = &journal()?.draft.as_ref()?.entry;
            Some((&entry.photos, entry_title(state, entry)))
        }
        Album::Entry(id) => {
            let entry = journal()?.get(id)?;
            Some((&entry.photos, entry_title(state, entry)))
        }
    }
}

/// An entry in words: its kind and when it happened.
fn entry_title(state: &AppState, entry: &Entry) -> String {
    format!(
        "{}, {}",
        event_kind_name(entry.kind, state.lang),
        entry.when.format(datetime_format(state.lang))
    )
}

/// The photo shown large, over the screen: the photo, its caption, what it
/// belongs to; *Remove…* and *Close* (only *Close* for a saved entry's);
/// Escape or a click outside closes it.
pub fn viewer_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some((album, id)) = &state.photos.viewer else {
        return;
    };
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    let found = album_photos(state, album)
        .and_then(|(photos, title)| Some((photos, photos.iter().position(|p| &p.id == id)?, title)));
    let Some((siblings, index, title)) = found else {
        commands.push(Command::Photo(PhotoCommand::CloseViewer));
        return;
    };
    let (photo, number) = (&siblings[index], index + 1);
    let editable = album.is_editable();
    let screen = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("vigie_photo_viewer")).show(ui.ctx(), |ui| {
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
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
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
        if editable {
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
                let set = PhotoCommand::SetCaption(album.clone(), id.clone(), caption);
                commands.push(Command::Photo(set));
            }
        } else if !photo.caption.is_empty() {
            ui.label(&photo.caption);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            if editable && ui.button(t.photos.remove).clicked() {
                commands.push(Command::Photo(PhotoCommand::AskRemove(album.clone(), id.clone())));
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

/// Where files dropped now would go: the selected item of the list, the
/// visit step shown, or the journal's entry being written.
fn drop_target(state: &AppState) -> Option<Album> {
    if state.screen == Screen::Journal {
        let journal = state.household.as_ref()?.journal.doc()?;
        return journal.draft.as_ref().map(|_| Album::Draft);
    }
    let session = state.session.as_ref()?;
    let item: Option<ItemId> = match state.screen {
        Screen::Dossier(Page::List) => state.views.walk.selected.clone(),
        Screen::Dossier(Page::Visit(index)) => {
            let steps = session.dossier.visit_steps(&state.library.checklists);
            let index = index.min(steps.len().checked_sub(1)?);
            steps.get(index).map(|s| s.item.id.clone())
        }
        _ => None,
    };
    item.map(Album::Item)
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
            (Some(Album::Item(item)), Some(session)) => {
                (t.photos.drop_here)(&item_title(state, &session.dossier, item))
            }
            (Some(Album::Draft), _) => t.photos.drop_here_entry.to_owned(),
            _ => t.photos.drop_nowhere.to_owned(),
        };
        let tokens = theme::Tokens::of(ui.ctx());
        let screen = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("vigie_drop"),
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
            Some(to) => PhotoCommand::Add { to, files: dropped },
            None => PhotoCommand::DroppedNowhere,
        }));
    }
}

/// The photo dialogs' content.
pub fn dialog_ui(ui: &mut egui::Ui, t: &Tr, dialog: &mut PhotoDialog, commands: &mut Vec<Command>) {
    match dialog {
        PhotoDialog::Path { to, path } => {
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
                let add = ui.add_enabled(
                    ready,
                    egui::Button::new(egui::RichText::new(t.photos.add).strong()),
                );
                if ready && (add.clicked() || enter) {
                    commands.push(Command::Photo(PhotoCommand::Add {
                        to: to.clone(),
                        files: vec![PathBuf::from(path.trim())],
                    }));
                }
                if ui.button(t.cancel).clicked() {
                    commands.push(Command::CloseDialog);
                }
            });
        }
        PhotoDialog::ConfirmRemove(album, id) => {
            ui.heading(t.photos.remove_question);
            ui.label(if *album == Album::Draft {
                t.photos.remove_explain_entry
            } else {
                t.photos.remove_explain
            });
            ui.add_space(theme::SPACE_S);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.photos.remove_confirm).clicked() {
                    commands.push(Command::Photo(PhotoCommand::Remove(album.clone(), id.clone())));
                }
                if ui.button(t.cancel).clicked() {
                    commands.push(Command::CloseDialog);
                }
            });
        }
    }
}
