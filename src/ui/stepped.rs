//! The latest result of a computation that runs in steps (see `crate::pause`).
//!
//! At a million events the report and the journey map take a few hundred milliseconds
//! each, so they cannot be memos: a memo computes in the task that reads it, and the page
//! would be held for all that time. Instead an effect starts the computation as a task that
//! yields to the browser between steps, and a newer change drops the running one at its
//! next pause. Small data never pauses, so its result arrives in the same turn as the
//! change.

use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A computation to run; `None` when there is nothing to compute (the result is then
/// `None` at once).
pub type Start<T> = Option<Pin<Box<dyn Future<Output = T>>>>;

/// The result of the latest computation `start` begins, and whether one is running (the
/// result is then the previous one). `start` runs in an effect: the signals it reads are
/// what a new computation follows.
pub fn latest<T: Send + Sync + 'static>(
    start: impl Fn() -> Start<T> + 'static,
) -> (ReadSignal<Option<T>>, ReadSignal<bool>) {
    let (value, set_value) = signal(None::<T>);
    let (running, set_running) = signal(false);
    let generation = Rc::new(Cell::new(0u64));
    Effect::new(move |_| {
        let mine = generation.get() + 1;
        generation.set(mine);
        let Some(task) = start() else {
            set_value.set(None);
            set_running.set(false);
            return;
        };
        set_running.set(true);
        let live = generation.clone();
        leptos::task::spawn_local(UntilStale {
            task: Box::pin(async move {
                let v = task.await;
                set_value.set(Some(v));
                set_running.set(false);
            }),
            live: Box::new(move || live.get() == mine),
        });
    });
    (value, running)
}

/// Runs a task until it finishes or a newer change makes it stale; a stale one is
/// dropped at its next pause, and with it the data and partial results it holds.
struct UntilStale {
    task: Pin<Box<dyn Future<Output = ()>>>,
    live: Box<dyn Fn() -> bool>,
}

impl Future for UntilStale {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if !(self.live)() {
            return std::task::Poll::Ready(());
        }
        self.task.as_mut().poll(cx)
    }
}
