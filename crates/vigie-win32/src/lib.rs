//! Vigie's calls to Win32 that the standard library does not make, each
//! behind a safe function:
//!
//! - [`attach_parent_console`]: `vigie.exe` is a Windows (GUI) program, so
//!   that opening it from Explorer or the Start menu shows no console; run
//!   from a terminal, it attaches to the terminal's console, so that its
//!   subcommands print and read there as on Linux.
//! - [`on_session_end`]: Windows ends a session (log-off, shutdown, restart)
//!   by sending `WM_QUERYENDSESSION` and `WM_ENDSESSION` to every top-level
//!   window, then ending the process. winit's window does not handle them,
//!   and a console control handler is never called for log-off or shutdown
//!   in a program that shows windows; so a hidden window of our own, on a
//!   thread of its own, hears them and lets Vigie save first.
//!
//! Empty on other systems.

#![cfg(windows)]

use std::fs::OpenOptions;
use std::io;
use std::os::windows::io::IntoRawHandle as _;
use std::sync::OnceLock;

use windows_sys::Win32::Foundation::{HWND, INVALID_HANDLE_VALUE, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE, STD_INPUT_HANDLE,
    STD_OUTPUT_HANDLE, SetStdHandle,
};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, MSG, RegisterClassW, TranslateMessage,
    WM_ENDSESSION, WM_QUERYENDSESSION, WNDCLASSW, WS_OVERLAPPED,
};

/// Attaches the process to its parent's console (the terminal it was run
/// from), if it has one, and points the standard handles that the parent
/// did not give (not redirected to a file or a pipe) at that console.
/// Returns whether a console was attached. Opened from Explorer, there is
/// no parent console: nothing changes, and output goes nowhere.
#[must_use = "false when there was no console to attach to"]
pub fn attach_parent_console() -> bool {
    // SAFETY: no pointer is passed; the call fails harmlessly when there is
    // no parent console or the process has one already.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return false;
    }
    fill_std_handle(STD_INPUT_HANDLE, "CONIN$");
    fill_std_handle(STD_OUTPUT_HANDLE, "CONOUT$");
    fill_std_handle(STD_ERROR_HANDLE, "CONOUT$");
    true
}

/// Points the standard handle `which` at the console file `path` (`CONIN$`
/// or `CONOUT$`) when the process has none.
fn fill_std_handle(which: STD_HANDLE, path: &str) {
    // SAFETY: reads the process's standard handle table; no pointer.
    let current = unsafe { GetStdHandle(which) };
    if !current.is_null() && current != INVALID_HANDLE_VALUE {
        return;
    }
    let Ok(file) = OpenOptions::new().read(true).write(true).open(path) else {
        return;
    };
    // Given to the standard handle table for the life of the process: never
    // closed, as the handles a process starts with are not.
    let handle = file.into_raw_handle();
    // SAFETY: `handle` is an open console handle that nothing else owns.
    unsafe {
        SetStdHandle(which, handle);
    }
}

/// What [`on_session_end`] calls.
type Handler = Box<dyn Fn() + Send + Sync>;

/// The handler, for the window procedure (which cannot capture it).
static HANDLER: OnceLock<Handler> = OnceLock::new();

/// Calls `handler` on the `vigie-session` thread when Windows ends the
/// session (`WM_ENDSESSION` with the session ending: log-off, shutdown,
/// restart, or an update's restart). Windows ends the process once the
/// handler returns, or when the process exits first: the handler asks the
/// window to save and close, then waits a while for it.
///
/// # Errors
///
/// When a handler is set already (once per process), or the thread or the
/// hidden window cannot be made.
pub fn on_session_end(handler: impl Fn() + Send + Sync + 'static) -> io::Result<()> {
    if HANDLER.set(Box::new(handler)).is_err() {
        return Err(io::Error::other("a session-end handler is set already"));
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("vigie-session".to_owned())
        .spawn(move || {
            let made = hidden_window();
            let ok = made.is_ok();
            let _ = sender.send(made);
            if ok {
                message_loop();
            }
        })?;
    receiver
        .recv()
        .map_err(|_| io::Error::other("the vigie-session thread stopped"))?
}

/// A UTF-16, NUL-terminated copy of `text`.
fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

/// Registers the window class and makes the hidden top-level window that
/// hears the end of the session, on the calling thread. A message-only
/// window would not do: broadcast messages such as `WM_QUERYENDSESSION`
/// reach only top-level windows. Never shown.
fn hidden_window() -> io::Result<()> {
    let class_name = wide("VigieSessionEnd");
    // Shown by Windows in its "apps are preventing shutdown" list, should
    // saving take long.
    let title = wide("Vigie");
    // SAFETY: a null module name asks for the executable's own handle.
    let instance = unsafe { GetModuleHandleW(std::ptr::null()) };
    let class = WNDCLASSW {
        lpfnWndProc: Some(window_proc),
        hInstance: instance,
        lpszClassName: class_name.as_ptr(),
        ..Default::default()
    };
    // SAFETY: `class` and the name it points to outlive the call, which
    // copies them.
    if unsafe { RegisterClassW(&raw const class) } == 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the class was registered above; the names are NUL-terminated
    // and outlive the call; no parent, menu or creation data.
    let window = unsafe {
        CreateWindowExW(
            0,
            class_name.as_ptr(),
            title.as_ptr(),
            WS_OVERLAPPED,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        )
    };
    if window.is_null() {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Runs the thread's message loop (the hidden window's messages) for the
/// life of the process.
fn message_loop() {
    let mut message = MSG::default();
    // SAFETY: `message` is a valid MSG for each call; a null window takes
    // every message of this thread.
    while unsafe { GetMessageW(&raw mut message, std::ptr::null_mut(), 0, 0) } > 0 {
        // SAFETY: `message` was filled by GetMessageW just above.
        unsafe {
            TranslateMessage(&raw const message);
            DispatchMessageW(&raw const message);
        }
    }
}

/// The hidden window's procedure: lets the session end (`TRUE` to
/// `WM_QUERYENDSESSION`), and on `WM_ENDSESSION` with the session ending
/// calls the handler before returning.
unsafe extern "system" fn window_proc(window: HWND, message: u32, wparam: WPARAM, lparam: LPARAM) -> LRESULT {
    match message {
        WM_QUERYENDSESSION => 1,
        WM_ENDSESSION => {
            if wparam != 0
                && let Some(handler) = HANDLER.get()
            {
                handler();
            }
            0
        }
        // SAFETY: the arguments are those Windows gave this procedure.
        _ => unsafe { DefWindowProcW(window, message, wparam, lparam) },
    }
}
