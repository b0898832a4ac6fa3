//! The one error shape that crosses IPC: `{code, message}`. The UI switches on `code` (the
//! core's stable [`dossier::Error::code`], or one of the shell's own below), never on `message`.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
}

impl IpcError {
    pub fn new(code: &str, message: impl Into<String>) -> IpcError {
        IpcError {
            code: code.into(),
            message: message.into(),
        }
    }

    /// A command that needs a project ran while none is open.
    pub fn no_project() -> IpcError {
        IpcError::new("no_project", "no project is open; open or create one first")
    }

    /// A path the UI handed over is not acceptable (see `paths`).
    pub fn bad_path(message: impl Into<String>) -> IpcError {
        IpcError::new("bad_path", message)
    }

    /// A text the UI handed over is not acceptable (bad date, offsets …).
    pub fn invalid(message: impl Into<String>) -> IpcError {
        IpcError::new("invalid", message)
    }
}

impl From<dossier::Error> for IpcError {
    fn from(e: dossier::Error) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
