//! A bare eframe window with the same backend, features and size as Vigie,
//! that closes after its first frame: the baseline of `benches/startup.sh`.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare")
            .with_inner_size([1100.0, 760.0]),
        ..Default::default()
    };
    eframe::run_ui_native("Bare", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    })
}
