//! The photos of an item (on its card, its visit step or its family card)
//! or of a journal entry (its form, its summary in the timeline):
//! thumbnails (a click shows one large), a caption each, *Remove…*,
//! *Add photo…* and the drop hint. Thumbnails are drawn from the
//! [`PhotoCache`](super::photo_cache::PhotoCache), a placeholder while
//! they are decoded; nothing here reads a file.

use super::command::Command;
use super::pages::View;
use super::photo_cache::Shown;
use super::photos::{Album, Destination, PhotoCommand, Picked};
use crate::model::PhotoRef;
use crate::model::checklist::ItemId;
use crate::store::PhotoSize;

/// The height of a thumbnail on an item card.
const THUMB_HEIGHT: f32 = 84.0;
/// The height of a thumbnail on a visit step.
const STEP_THUMB_HEIGHT: f32 = 120.0;
/// The width of a photo's caption field, at least.
const CAPTION_WIDTH: f32 = 150.0;

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
    /// The journal's entry being written: the hint always there.
    Entry,
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
    let photos = session.dossier.photos_of(item);
    let adding = view
        .photos
        .adding_to(&Destination::Item(session.id.clone(), item.clone()));
    album_strip_ui(
        ui,
        view,
        &Album::Item(item.clone()),
        photos,
        adding,
        mode,
        commands,
    );
}

/// The photos of `album`, `adding` more being added: thumbnails (a click
/// shows one large) and, unless read only, a caption field and *Remove…*
/// each, *Add photo…* and the drop hint.
pub fn album_strip_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    album: &Album,
    photos: &[PhotoRef],
    adding: usize,
    mode: StripMode,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let editable = mode != StripMode::ReadOnly && album.is_editable();
    if !editable && photos.is_empty() {
        return;
    }
    let height = if mode == StripMode::Step {
        STEP_THUMB_HEIGHT
    } else {
        THUMB_HEIGHT
    };
    ui.push_id(("photos", album), |ui| {
        if mode == StripMode::Step {
            ui.strong(t.photos.heading);
        }
        // Editable tiles all have the same height, measured on the first
        // one drawn: a tile out of view then only takes its place, so that
        // a card with many photos costs a frame little more than one
        // without.
        let measured = egui::Id::unique("vigie_photo_tile_height").with(height.to_bits());
        let known: Option<f32> = ui.data(|d| d.get_temp(measured)).filter(|_| editable);
        ui.horizontal_wrapped(|ui| {
            for (index, photo) in photos.iter().enumerate() {
                // A tile is a column (photo, caption, button): the row
                // cannot wrap it by itself, so it is sent to the next row
                // when it does not fit.
                let width = thumb_size(photo, height).x.max(CAPTION_WIDTH);
                if index > 0 && ui.available_size_before_wrap().x < width {
                    ui.end_row();
                }
                if let Some(tile_height) = known {
                    let size = egui::vec2(width, tile_height);
                    let place = egui::Rect::from_min_size(ui.available_rect_before_wrap().min, size);
                    if !ui.is_rect_visible(place) {
                        ui.allocate_space(size);
                        continue;
                    }
                }
                let tile = ui.push_id(photo.id.as_str(), |ui| {
                    tile_ui(ui, view, (album, photo), index + 1, height, editable, commands);
                });
                if editable && known.is_none() {
                    let tile_height = tile.response.rect.height();
                    ui.data_mut(|d| d.insert_temp(measured, tile_height));
                }
            }
            if adding > 0 {
                ui.spinner();
                ui.label(egui::RichText::new((t.photos.adding)(adding)).weak());
            }
            if editable {
                add_button_ui(ui, view, album, commands);
            }
        });
        let hint = match mode {
            StripMode::Card { selected: true } => Some(t.photos.drop_hint_list),
            StripMode::Step => Some(t.photos.drop_hint_step),
            StripMode::Entry => Some(t.photos.drop_hint_entry),
            StripMode::Card { selected: false } | StripMode::ReadOnly => None,
        };
        if let Some(hint) = hint {
            ui.label(egui::RichText::new(hint).weak().small());
        }
    });
}

/// *Add photo…*: the file chooser, or the dialog with the path field when
/// none can be shown.
fn add_button_ui(ui: &mut egui::Ui, view: &View<'_>, album: &Album, commands: &mut Vec<Command>) {
    let t = view.t;
    if ui
        .button(t.photos.add_photo)
        .on_hover_text(t.photos.formats)
        .clicked()
    {
        match (view.photos.choosers.images)(t.photos.images_filter) {
            Picked::Files(files) => commands.push(Command::Photo(PhotoCommand::Add {
                to: album.clone(),
                files,
            })),
            Picked::Cancelled => {}
            Picked::NoDialog => commands.push(Command::Photo(PhotoCommand::AskPath(album.clone()))),
        }
    }
}

/// One photo: its thumbnail, then (editable) its caption field and
/// *Remove…*; read only, its caption.
fn tile_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    (album, photo): (&Album, &PhotoRef),
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
            commands.push(Command::Photo(PhotoCommand::Show(
                album.clone(),
                photo.id.clone(),
            )));
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
                    album.clone(),
                    photo.id.clone(),
                    caption,
                )));
            }
            let remove = egui::Button::new(egui::RichText::new(t.photos.remove).small());
            if ui.add(remove).on_hover_text(t.photos.remove_help).clicked() {
                commands.push(Command::Photo(PhotoCommand::AskRemove(
                    album.clone(),
                    photo.id.clone(),
                )));
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
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), label));
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
pub(super) fn paint_photo(ui: &egui::Ui, view: &View<'_>, rect: egui::Rect, shown: Shown<'_>) {
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
        egui::Rect::from_min_max(
            egui::pos2((1.0 - w) / 2.0, 0.0),
            egui::pos2(f32::midpoint(1.0, w), 1.0),
        )
    } else {
        let h = image_aspect / box_aspect;
        egui::Rect::from_min_max(
            egui::pos2(0.0, (1.0 - h) / 2.0),
            egui::pos2(1.0, f32::midpoint(1.0, h)),
        )
    }
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
