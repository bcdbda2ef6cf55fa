//! Long work done in stretches, with the caller's `pause().await` between them.
//!
//! The browser must never be held for more than about 50 ms, yet loading and computing a
//! million events take hundreds. So the long passes (merging a file's parts, computing the
//! views) are `async` functions that call a `pause` between stretches of bounded work: the
//! web app yields to the browser there once its time slice is used up, and native callers
//! (the CLI, tests) pass a pause that is always ready and drive the future with
//! [`run_ready`], so both run the same code.

use std::future::Future;

/// Runs a future whose every await is already ready (any of this crate's paused passes
/// with [`ready`] as its pause) to its end on this thread, without an executor.
pub fn run_ready<T>(fut: impl Future<Output = T>) -> T {
    let mut fut = std::pin::pin!(fut);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        // Nothing ever waits on a waker here: a future of ready pauses finishes on the
        // first poll, and polling again is all a pending one could need.
        if let std::task::Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// The pause of a caller that never yields.
pub fn ready() -> std::future::Ready<()> {
    std::future::ready(())
}
