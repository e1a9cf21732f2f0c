//! The window's life: opening the data folder on a thread while the window
//! is created, eframe's `logic` and `ui`, saving on exit, and a termination
//! signal (a logout, a shutdown, Ctrl+C in a terminal) that saves and closes
//! as closing the window does.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::frame::app_ui;
use super::state::AppState;
use super::theme;
use crate::i18n::tr;
use crate::lang::Lang;
use crate::store::{Store, StoreError};

/// The environment variable that makes the window close right after its
/// first frame (for the start-up benchmark, `benches/startup.sh`); set to
/// `list`, after the first frame that shows the dossier list.
pub const EXIT_AFTER_FIRST_FRAME: &str = "VIGIE_EXIT_AFTER_FIRST_FRAME";

/// The eframe application: the state plus the window's life cycle.
pub struct VigieApp {
    state: AppState,
    /// Close after the first frame ([`EXIT_AFTER_FIRST_FRAME`]): `Some(true)`
    /// after the first frame that shows the dossier list.
    exit_after_first_frame: Option<bool>,
    /// Set when a termination signal arrived.
    terminate: Arc<AtomicBool>,
    /// Where the reading of the dossier list stands.
    list: ListStart,
}

/// When the dossier list is read: after the first frame, so that the
/// window shows as fast as an empty one (the list, 10,000 dossiers, would
/// take the processor from the first frame), saying that the list comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListStart {
    /// Before the first frame.
    Waiting,
    /// The first frame was drawn: start at the next `logic`.
    Due,
    /// Started (or nothing to read: the folder is locked).
    Started,
}

impl VigieApp {
    /// The application over `state`, closing when `terminate` is set.
    #[must_use]
    pub fn new(mut state: AppState, terminate: Arc<AtomicBool>) -> Self {
        state.tasks.background = true;
        let list = if state.store.encryption() == crate::store::Encryption::Locked {
            ListStart::Started
        } else {
            state.list_loading = true;
            ListStart::Waiting
        };
        Self {
            state,
            exit_after_first_frame: std::env::var(EXIT_AFTER_FIRST_FRAME)
                .ok()
                .map(|value| value == "list"),
            terminate,
            list,
        }
    }

    /// The state (for tests).
    #[must_use]
    pub fn state(&self) -> &AppState {
        &self.state
    }
}

impl eframe::App for VigieApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.terminate.load(Ordering::SeqCst) {
            // Saved now, and again (a no-op) by `on_exit`.
            self.state.flush();
            self.state.rescue_unsaved();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        // Closing after the first frame (the start-up benchmark): the list
        // would only be read while the window closes, and weigh on the
        // time measured, which ends when the process does.
        if self.list == ListStart::Due && self.exit_after_first_frame != Some(false) {
            self.list = ListStart::Started;
            self.state.start_listing();
        }
        self.state.logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        app_ui(ui, &mut self.state);
        if self.list == ListStart::Waiting {
            self.list = ListStart::Due;
            ui.ctx().request_repaint();
        }
        if let Some(wait_for_list) = self.exit_after_first_frame
            && !(wait_for_list && self.state.list_loading)
        {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.flush();
        self.state.rescue_unsaved();
    }
}

/// eframe does not run `on_exit` when a panic unwinds through it: the
/// application is then dropped, and dropping it saves what is unsaved (a
/// no-op after `on_exit`).
impl Drop for VigieApp {
    fn drop(&mut self) {
        self.state.flush();
        self.state.rescue_unsaved();
    }
}

/// Shown instead of the application when the data folder cannot be opened.
struct ErrorApp {
    message: String,
}

impl eframe::App for ErrorApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Vigie");
            ui.label(&self.message);
        });
    }
}

/// The application's icon, for the window and the taskbar.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/vigie-256.png")).ok()
}

/// Opens the window. Returns when it is closed.
///
/// The data folder (settings, checklists, the dossier list) is read on a
/// thread of its own while the main thread creates the window and its GL
/// context, which is most of what a start costs; the first frame then has
/// the whole list, without an empty "loading" state in between.
pub fn run(data_dir: Option<PathBuf>, lang: Option<Lang>) -> anyhow::Result<()> {
    let root = Store::default_root(data_dir)
        .ok_or_else(|| anyhow::anyhow!("no data folder could be determined; use --data-dir"))?;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Vigie")
        .with_app_id("vigie")
        .with_inner_size([1100.0, 760.0])
        .with_min_inner_size([640.0, 480.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    // Caught from now on: a signal that comes while the window is being
    // created waits for the application to take it.
    let signals = Termination::catch();
    let opening = Opening::start(root, lang);
    let terminate = Arc::new(AtomicBool::new(false));
    eframe::run_native(
        "Vigie",
        options,
        Box::new(move |cc| {
            theme::setup_context(&cc.egui_ctx);
            signals.watch(&cc.egui_ctx, &terminate);
            Ok(opening.finish(lang, terminate))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// The termination signals (SIGTERM, SIGHUP, SIGINT), caught as soon as the
/// window starts being made; on Windows, the end of the session (log-off,
/// shutdown), heard from when the window is made. Best effort: without
/// them, closing the window still saves.
struct Termination {
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Signals>,
}

impl Termination {
    /// Catches the signals from now on (they wait until watched).
    fn catch() -> Self {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            Self {
                signals: signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]).ok(),
            }
        }
        #[cfg(not(unix))]
        Self {}
    }

    /// Sets `flag` and wakes the window when a signal arrives (or arrived),
    /// from the `vigie-signals` thread.
    fn watch(self, ctx: &egui::Context, flag: &Arc<AtomicBool>) {
        #[cfg(unix)]
        {
            let Some(mut signals) = self.signals else {
                return;
            };
            let ctx = ctx.clone();
            let flag = Arc::clone(flag);
            let _ = std::thread::Builder::new()
                .name("vigie-signals".to_owned())
                .spawn(move || {
                    if signals.forever().next().is_some() {
                        flag.store(true, Ordering::SeqCst);
                        ctx.request_repaint();
                    }
                });
        }
        // Windows: no signals for a log-off or a shutdown, but the end of
        // the session, heard by a hidden window (vigie-win32), does the same.
        #[cfg(windows)]
        {
            let _ = self;
            let ctx = ctx.clone();
            let flag = Arc::clone(flag);
            let _ = vigie_win32::on_session_end(move || {
                flag.store(true, Ordering::SeqCst);
                ctx.request_repaint();
                // Windows ends the process as soon as this returns: wait for
                // the window to save and close (the process then exits, and
                // this wait with it), at most the few seconds Windows gives
                // before it offers the user to end the program.
                std::thread::sleep(std::time::Duration::from_secs(5));
            });
        }
        #[cfg(not(any(unix, windows)))]
        let _ = (self, ctx, flag);
    }
}

/// The data folder being opened on the `vigie-open` thread (or here, when no
/// thread can be had).
enum Opening {
    Thread(std::thread::JoinHandle<Result<AppState, StoreError>>),
    Done(Box<Result<AppState, StoreError>>),
}

impl Opening {
    fn start(root: PathBuf, lang: Option<Lang>) -> Self {
        let thread_root = root.clone();
        let spawned = std::thread::Builder::new()
            .name("vigie-open".to_owned())
            .spawn(move || AppState::open(thread_root, lang));
        match spawned {
            Ok(handle) => Self::Thread(handle),
            Err(_) => Self::Done(Box::new(AppState::open(root, lang))),
        }
    }

    /// Waits for the state and wraps it in the application, or in the
    /// window that says why the data folder could not be opened.
    fn finish(self, lang: Option<Lang>, terminate: Arc<AtomicBool>) -> Box<dyn eframe::App> {
        let opened = match self {
            Self::Thread(handle) => handle.join(),
            Self::Done(result) => Ok(*result),
        };
        let lang = lang.unwrap_or_else(Lang::from_system);
        let message = match opened {
            Ok(Ok(state)) => return Box::new(VigieApp::new(state, terminate)),
            Ok(Err(err)) => (tr(lang).store_error)(&err),
            // The thread panicked.
            Err(_) => tr(lang).open_interrupted.to_owned(),
        };
        Box::new(ErrorApp {
            message: (tr(lang).data_folder_error)(&message),
        })
    }
}
