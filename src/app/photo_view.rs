//! The photo shown large over the screen, files dropped on the window, and
//! the photo dialogs (the path of a photo when no file chooser opens,
//! removing a photo).

use std::path::PathBuf;

use super::command::Command;
use super::dialogs::Dialog;
use super::pages::View;
use super::photo_cache::Shown;
use super::photo_strip::paint_photo;
use super::photos::{PhotoCommand, PhotoDialog};
use super::state::{AppState, Page, Screen};
use super::theme;
use crate::i18n::Tr;
use crate::model::Dossier;
use crate::model::checklist::ItemId;
use crate::store::PhotoSize;

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
                let add = ui.add_enabled(
                    ready,
                    egui::Button::new(egui::RichText::new(t.photos.add).strong()),
                );
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
