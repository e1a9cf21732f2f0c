//! Design tokens: the colours and spacing of Vigie, in one place.

use egui::Color32;

use crate::model::Status;
use crate::model::checklist::Priority;
use crate::settings::{Theme, Zoom};

/// Small gap.
pub const SPACE_S: f32 = 4.0;
/// Medium gap.
pub const SPACE_M: f32 = 8.0;
/// Large gap.
pub const SPACE_L: f32 = 16.0;
/// The size of the big buttons of the journeys (previous, next, start,
/// sign), usable on a laptop carried through the home.
pub const BIG_BUTTON: egui::Vec2 = egui::vec2(180.0, 44.0);

/// Keeps a page's content at most `max` wide, and never wider than the
/// window leaves (`Ui::set_max_width` alone would widen a narrow page and
/// push its fields past the window's edge).
pub fn limit_width(ui: &mut egui::Ui, max: f32) {
    let width = ui.available_width().min(max);
    ui.set_max_width(width);
}

/// The frame of an item card (item list, action plan): `fill`, a border
/// `stroke` (thicker and coloured for what needs attention), rounded.
pub fn card(fill: Color32, stroke: egui::Stroke) -> egui::Frame {
    egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(SPACE_M)
}

/// The colours for the current light or dark mode.
#[derive(Clone, Copy, Debug)]
pub struct Tokens {
    /// Whether the dark palette is in use.
    pub dark: bool,
    /// Background of an error notice.
    pub error_bg: Color32,
    /// Background of an information notice.
    pub info_bg: Color32,
    /// Text on those backgrounds.
    pub strong_text: Color32,
    /// Open critical items.
    pub critical: Color32,
    /// Background of a selected item card.
    pub selected_bg: Color32,
    /// Background of an item card.
    pub card_bg: Color32,
}

impl Tokens {
    /// The tokens for the context's current theme.
    #[must_use]
    pub fn of(ctx: &egui::Context) -> Self {
        if ctx.global_style().visuals.dark_mode {
            Self {
                dark: true,
                error_bg: Color32::from_rgb(0x5c, 0x1f, 0x1f),
                info_bg: Color32::from_rgb(0x1f, 0x3a, 0x5c),
                strong_text: Color32::from_rgb(0xf2, 0xf2, 0xf2),
                critical: Color32::from_rgb(0xff, 0x6b, 0x6b),
                selected_bg: Color32::from_rgb(0x2a, 0x34, 0x45),
                card_bg: Color32::from_rgb(0x24, 0x24, 0x24),
            }
        } else {
            Self {
                dark: false,
                error_bg: Color32::from_rgb(0xfb, 0xe3, 0xe3),
                info_bg: Color32::from_rgb(0xe3, 0xee, 0xfb),
                strong_text: Color32::from_rgb(0x1a, 0x1a, 0x1a),
                critical: Color32::from_rgb(0xb0, 0x1c, 0x1c),
                selected_bg: Color32::from_rgb(0xe6, 0xee, 0xf8),
                card_bg: Color32::from_rgb(0xfa, 0xfa, 0xfa),
            }
        }
    }

    /// The colour of a priority badge.
    #[must_use]
    pub fn priority(&self, priority: Priority) -> Color32 {
        match (priority, self.dark) {
            (Priority::Critical, _) => self.critical,
            (Priority::High, false) => Color32::from_rgb(0xa3, 0x4a, 0x00),
            (Priority::High, true) => Color32::from_rgb(0xff, 0xa0, 0x4d),
            (Priority::Medium, false) => Color32::from_rgb(0x1f, 0x5f, 0x9e),
            (Priority::Medium, true) => Color32::from_rgb(0x7c, 0xb4, 0xf0),
            (Priority::Low, false) => Color32::from_rgb(0x55, 0x55, 0x55),
            (Priority::Low, true) => Color32::from_rgb(0xaa, 0xaa, 0xaa),
        }
    }

    /// Text drawn over a status or priority colour (bright in the dark
    /// theme, deep in the light one).
    #[must_use]
    pub fn text_on_colour(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0x10, 0x10, 0x10)
        } else {
            Color32::WHITE
        }
    }

    /// The colour of a status.
    #[must_use]
    pub fn status(&self, status: Status) -> Color32 {
        match (status, self.dark) {
            (Status::Done, false) => Color32::from_rgb(0x1e, 0x7a, 0x3c),
            (Status::Done, true) => Color32::from_rgb(0x6f, 0xd3, 0x8d),
            (Status::Partly, false) => Color32::from_rgb(0x9a, 0x6b, 0x00),
            (Status::Partly, true) => Color32::from_rgb(0xf0, 0xc0, 0x4d),
            (Status::Todo, _) => self.critical,
            (Status::NotApplicable | Status::Unanswered, false) => Color32::from_rgb(0x66, 0x66, 0x66),
            (Status::NotApplicable | Status::Unanswered, true) => Color32::from_rgb(0x99, 0x99, 0x99),
        }
    }
}

/// Applies the chosen theme and text size to the context (cheap when
/// unchanged).
pub fn apply(ctx: &egui::Context, theme: Theme, zoom: Zoom) {
    let factor = zoom.factor();
    if (ctx.zoom_factor() - factor).abs() > f32::EPSILON {
        ctx.set_zoom_factor(factor);
    }
    let preference = match theme {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    };
    if ctx.options(|o| o.theme_preference) != preference {
        ctx.set_theme(preference);
    }
}

/// `DejaVu Sans`, the fallback for every glyph egui's own font lacks (arrows,
/// typographic signs, most scripts a user may type in a note).
const FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Sets up a new context: fonts. Called once, by the window and by the UI
/// tests alike.
pub fn setup_context(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(FALLBACK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
    // Ctrl + / Ctrl − / Ctrl 0 are Vigie's own shortcuts: the size chosen
    // is remembered in the settings.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}
