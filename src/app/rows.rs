//! Long lists drawn only where they are in view: rows of different heights
//! in a scroll area, each row's height remembered once it was drawn (rows
//! not yet drawn count as the average of those that were).

/// Lists longer than this are drawn only where they are in view; shorter
/// ones are drawn whole (cheap, and every row stays reachable by the
/// accessibility tree).
pub const VIRTUAL_FROM: usize = 200;

/// Row heights measured so far, kept in egui's memory between frames.
#[derive(Clone, Default)]
struct Heights(Vec<Option<f32>>);

/// Draws rows `0..count` of a list inside the current (scrolled) `ui` with
/// `row_ui`: the whole list when it is short, only the rows in `viewport`
/// (as given by `ScrollArea::show_viewport`) from [`VIRTUAL_FROM`] rows on.
/// Scrolls to row `scroll_to` when given.
pub fn list_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    count: usize,
    viewport: egui::Rect,
    scroll_to: Option<usize>,
    mut row_ui: impl FnMut(&mut egui::Ui, usize),
) {
    if count < VIRTUAL_FROM {
        for index in 0..count {
            let top = ui.cursor().top();
            ui.push_id(index, |ui| row_ui(ui, index));
            if scroll_to == Some(index) {
                let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.cursor().top());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        }
        return;
    }
    // A long list: rows of different heights, each remembered once drawn.
    let mut heights = ui.data_mut(|d| d.get_temp::<Heights>(id)).unwrap_or_default();
    heights.0.resize(count, None);
    let known: Vec<f32> = heights.0.iter().flatten().copied().collect();
    let estimate = if known.is_empty() {
        60.0
    } else {
        known.iter().sum::<f32>() / known.len() as f32
    };
    // offsets[i] is the top of row i; offsets[count] the total height.
    let mut offsets = Vec::with_capacity(count + 1);
    let mut y = 0.0;
    offsets.push(y);
    for h in &heights.0 {
        y += h.unwrap_or(estimate);
        offsets.push(y);
    }
    // Rows start at the cursor; the viewport counts from the content's top.
    let top = ui.cursor().top();
    let skipped = top - ui.max_rect().top();
    let first = offsets
        .partition_point(|&row_top| row_top + skipped <= viewport.min.y)
        .saturating_sub(1);
    let last = offsets
        .partition_point(|&row_top| row_top + skipped < viewport.max.y)
        .min(count);

    let left = ui.max_rect().left();
    let width = ui.available_width();
    if let Some(index) = scroll_to.filter(|&i| i < count) {
        let rect = egui::Rect::from_x_y_ranges(
            left..=left + width,
            top + offsets[index]..=top + offsets[index + 1],
        );
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    ui.add_space(offsets[first]);
    for index in first..last {
        let before = ui.cursor().top();
        ui.push_id(index, |ui| row_ui(ui, index));
        heights.0[index] = Some(ui.cursor().top() - before);
    }
    let end = top + y;
    if ui.cursor().top() < end {
        ui.add_space(end - ui.cursor().top());
    }
    ui.data_mut(|d| d.insert_temp(id, heights));
}
